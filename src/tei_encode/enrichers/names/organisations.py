"""Names that are part of an organisation's name: ``Leon Levy Foundation``, ``Caucasus Bureau``, ``Order of Lenin``,
``Lenin Internet Archive``, ``Council of Ministers of the USSR``, ``Warsaw Pact``, ``Voice of America``; such a name
names no person or place."""

from __future__ import annotations

import re

PERSON_ORG_AFTER = re.compile(
    r"\A[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:Foundation|Fund|Library|Prize|Award|Museum|Institute|University|Academy"
    r"|Street|Avenue|Square|Center|Centre|Archive|Mausoleum|Bureau|Committee|Company)\b"
)
PLACE_ORG_AFTER = re.compile(
    r"\A[ \t]+(?:Front|Army|Bureau|Committee|Soviet|Council|Fleet|fleet|Flotilla|flotilla|Military District"
    r"|Foundation|University|Institute|Museum|Center|Centre|Archive|Academy|Corps|MFA|MID"
    r"|Ministry|Foreign Ministry|Supreme Soviet|Council of Ministers|Commission|Embassy|EMBASSY|Consulate"
    r"|Commune|(?:Art )?Theat(?:er|re)|Pact|Treaty Organization|Conservatory|Conservatoire"
    r"|бюро|комитет\w*|фронт\w*|флот\w*|флотили\w*)\b"
)
ORG_BEFORE = re.compile(
    r"\b(?:Order|Prize|Museum|Institute|University|Library|Mausoleum|Street|Voice|Bank) of(?: the)?[ \t]+\Z"
)
# A state named as the last part of an organisation's name: "Council of Ministers of the USSR", "Ministry of
# Foreign Affairs of the DPRK", "Archive of the President of the Russian Federation", "МИД СССР", "Совета Министров
# СССР", "Коммунистической партии Югославии". A post is no organisation: in "Minister of Foreign Affairs of the
# DPRK" and "Посол СССР" the state is a place.
PLACE_ORG_BEFORE = re.compile(
    r"(?:\b(?:Council|Cabinet|Ministry|Commissariat|Presidium|Academy|Supreme Soviet|Embassy|Consulate|Department"
    r"|Party|Archives?)"
    r"(?:[ \t]+(?:of|the|and|[A-Z][a-z]+))*?[ \t]+of(?:[ \t]+the)?"
    r"|(?<![^\W_])(?i:МИД|Министерств\w*|Совет\w*[ \t]+Министров|Президиум\w*|Верховн\w+[ \t]+Совет\w*"
    r"|Совнарком\w*|Наркомат\w*|Правительств\w*|В?ЦИК\w*|Академи\w+[ \t]+наук|Парти\w*)"
    r"(?i:[ \t]+(?:иностранных|внутренних|дел|обороны))*)[ \t]+\Z"
)
CYRILLIC_LETTER = re.compile("[А-яЁё]")


def names_organisation(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the name at ``start:end`` is part of an organisation's name."""
    after = PERSON_ORG_AFTER if kind == "person" else PLACE_ORG_AFTER
    before = text[max(0, start - 60) : start]
    if after.search(text[end : end + 40]) or (_ends_with_of(before) and ORG_BEFORE.search(before)):
        return True
    return (
        # Every such name ends with "of" or "of the" in English, or is Russian.
        kind == "place"
        and ("of" in before or CYRILLIC_LETTER.search(before) is not None)
        and PLACE_ORG_BEFORE.search(before) is not None
    )


def _ends_with_of(before: str) -> bool:
    """A quick test for ``ORG_BEFORE`` (searched before every name): the text ends in spaces and holds " of"."""
    return before.endswith((" ", "\t")) and " of" in before
