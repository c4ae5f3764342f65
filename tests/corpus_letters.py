"""What the letters of the bundled collection page say of their correspondence, read by hand.

Read from corpus/bolshevik-correspondence-091-100.txt (the document titles, datelines and
editorial dates) and the gold keys: number, senders, addressees (register keys of persons and
organisations), place of sending (register key, None when the letter names none), date
attributes. The cable of the Wilson Center export closes the table.
"""

from __future__ import annotations

LETTERS = [
    ("91", ["Stalin"], ["Lenin"], "Kharkiv", {"when": "1920-07-24"}),
    ("92", ["Stalin"], ["Trotsky"], "Kharkiv", {"when": "1920-07-26"}),
    ("93", ["Stalin"], ["Trotsky"], None, {"when": "1920-07-28"}),
    ("94", ["Stalin"], ["Budyonny", "Voroshilov"], None, {"when": "1920-07-29"}),
    ("95", ["Stalin"], ["Lenin"], "Kharkiv", {"when": "1920-07-29"}),
    ("96", ["Stalin"], ["Lenin"], "Kharkiv", {"when": "1920-07-31"}),
    (
        "97",
        ["Kavburo"],
        ["Lenin", "Trotsky", "Krestinsky", "Chicherin"],
        None,
        {"when": "1920-08-03"},
    ),
    ("98", ["Stalin"], ["Lenin"], "Lozovaya", {"when": "1920-08-04"}),
    ("99", ["Stalin"], ["Lenin"], None, {"when": "1920-08-12"}),
    ("100", ["Stalin"], ["Politburo"], None, {"when": "1920-08-30"}),
    ("wilson-119543-cable-5542", ["Stalin"], ["Krasovsky", "Mao_Zedong"], None, {"when": "1951-09-26"}),
]
