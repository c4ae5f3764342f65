"""The form of an id in each authority file: what a GND, VIAF, Wikidata or GeoNames id can look like.

A form check cannot say that an id names the right person (only a check at
the source can), but it catches what cannot be an id at all: a name typed in
the id's place, a digit lost or swapped in a GND number (its check digit), a
Wikidata id of a property rather than an item.
"""

from __future__ import annotations

import re

from ..register import AUTHORITY_URIS

FORMS = {
    # Person and body numbers of the former PND/GKD, the newer ten-character numbers, subject headings.
    "gnd": re.compile(r"1[0-3]?[0-9]{7}[0-9X]|[47][0-9]{6}-[0-9]|[1-9][0-9]{0,7}-[0-9X]|3[0-9]{7}[0-9X]"),
    "viaf": re.compile(r"[1-9][0-9]{0,21}"),
    "wikidata": re.compile(r"Q[1-9][0-9]*"),
    "geonames": re.compile(r"[1-9][0-9]{0,9}"),
}
# The URIs correspSearch reads, one pattern per authority file, the id in the first group.
URI_FORMS = {
    scheme: re.compile(re.escape(template).replace("http:", "https?:").replace(r"\{\}", "(.+)"))
    for scheme, template in AUTHORITY_URIS.items()
}


def id_problem(scheme: str, value: str) -> str:
    """Why ``value`` cannot be an id of the authority file ``scheme`` ("" when its form is right)."""
    form = FORMS.get(scheme)
    if form is None:
        return f"unknown authority file {scheme!r} (known: {', '.join(sorted(FORMS))})"
    if not form.fullmatch(value):
        return f"{value!r} is not a {scheme} id"
    if scheme == "gnd" and not gnd_check_digit_ok(value):
        return f"{value!r}: wrong GND check digit"
    return ""


def gnd_check_digit_ok(value: str) -> bool:
    """Whether a GND number's last character is its check digit (modulo 11, weights 2, 3, ... from the right).

    The GND took over numbers from files that computed the digit in two ways (as the remainder, or as eleven
    less the remainder); both are accepted, as the German National Library's own tools do.
    """
    body, check = value.replace("-", "")[:-1], value[-1]
    remainder = sum(int(d) * w for d, w in zip(reversed(body), range(2, 2 + len(body)), strict=True)) % 11
    expected = {(11 - remainder) % 11, remainder}
    return (10 if check == "X" else int(check)) in expected


def scheme_of_uri(uri: str) -> tuple[str, str]:
    """The authority file and id of an authority URI (``http://d-nb.info/gnd/118540238``), else ("", "")."""
    for scheme, form in URI_FORMS.items():
        match = form.fullmatch(uri)
        if match:
            return scheme, match.group(1)
    return "", ""


def valid_uri(uri: str) -> bool:
    """Whether ``uri`` is an authority URI whose id has the right form."""
    scheme, value = scheme_of_uri(uri)
    return bool(scheme) and not id_problem(scheme, value)
