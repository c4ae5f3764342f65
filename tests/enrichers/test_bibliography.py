"""References to printed works in parentheses, in English and Russian, and what is not one."""

from __future__ import annotations

import pytest

from tei_encode.enrichers.bibliography import references


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a meeting (See: Lenin V. I. PSS. T. 51. P. 247).", ["Lenin V. I. PSS. T. 51. P. 247"]),
        ("the plenum ( Lenin, V. I. PSS, vol. 51, p. 249). Then", ["Lenin, V. I. PSS, vol. 51, p. 249"]),
        (
            "(Izvestiya of the Central Committee of the CPSU. 1991. No. 2, pp. 121, 123)",
            ["Izvestiya of the Central Committee of the CPSU. 1991. No. 2, pp. 121, 123"],
        ),
        (
            "(From the history of the Civil War in the USSR. Vol. 3, pp. 350, 351).",
            ["From the history of the Civil War in the USSR. Vol. 3, pp. 350, 351"],
        ),
        ("(Directives of the command. T. 3. M., 1974. P. 235)", ["Directives of the command. T. 3. M., 1974. P. 235"]),
        ("заседании (см.: Ленин В. И. ПСС. Т. 51. С. 247).", ["Ленин В. И. ПСС. Т. 51. С. 247"]),
        ("(Stalin I. V. Works. Vol. 4. P. 348-350)", ["Stalin I. V. Works. Vol. 4. P. 348-350"]),
        ("(RTsKhIDNI. F. 17. Op. 3. D. 99. L. 1)", []),
        ("(six divisions, see p. 4)", []),
        ("(in the amount of one-fifth of the value)", []),
    ],
    ids=[
        "see-pss",
        "comma-vol",
        "journal-issue",
        "book-title-from",
        "imprint",
        "russian",
        "works",
        "archival",
        "no-work",
        "no-locator",
    ],
)
def test_references(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in references(text)] == expected
