"""Asking the authority files themselves: Wikidata, lobid-gnd and GeoNames, politely.

Each answer is a JSON document fetched over HTTP(S) from a base URL that can
be set (a mirror, or a local server that replays recorded answers in tests),
with a timeout, at most one request per ``interval`` seconds, and kept in a
cache directory so that asking again costs nothing. What is read:

- Wikidata ``Special:EntityData/Q….json``: the English (else any) label and
  the GND (P227), VIAF (P214) and GeoNames (P1566) ids;
- lobid-gnd ``/gnd/….json``: the preferred name of a GND record;
- GeoNames ``/getJSON?geonameId=…&username=…``: the name of a place.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import TeiEncodeError
from ..xmlio import write_atomic

WIKIDATA = "https://www.wikidata.org"
LOBID = "https://lobid.org"
GEONAMES = "http://api.geonames.org"
PROPERTIES = {"gnd": "P227", "viaf": "P214", "geonames": "P1566"}
USER_AGENT = f"tei-encode/{__version__} (register reconciliation)"


class AuthorityError(TeiEncodeError, OSError):
    """An authority file could not be asked, or its answer was not the JSON expected."""


@dataclass(frozen=True)
class Answer:
    """What an authority file says of one id: its label and, from Wikidata, the ids in other files."""

    label: str
    page: str
    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class AuthorityClient:
    """A JSON client for the authority files with a cache, a rate limit and a timeout."""

    cache: Path
    wikidata: str = WIKIDATA
    lobid: str = LOBID
    geonames: str = GEONAMES
    geonames_user: str = ""
    interval: float = 1.0
    timeout: float = 10.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    _last: float | None = None

    def __post_init__(self) -> None:
        for base in (self.wikidata, self.lobid, self.geonames):
            if urllib.parse.urlsplit(base).scheme not in ("http", "https"):
                raise AuthorityError(f"{base!r}: an authority file's base URL must be http or https")

    def wikidata_item(self, qid: str) -> Answer:
        """The label of a Wikidata item and its GND, VIAF and GeoNames ids."""
        url = f"{self.wikidata.rstrip('/')}/wiki/Special:EntityData/{qid}.json"
        data = self.get_json(url)
        try:
            entity = data["entities"][qid]
        except (KeyError, TypeError) as exc:
            raise AuthorityError(f"{url}: no entity {qid} in the answer") from exc
        labels: dict[str, Any] = entity.get("labels") or {}
        chosen: dict[str, Any] = labels.get("en") or next(iter(labels.values()), {})
        label = chosen.get("value", "")
        ids = {scheme: _claim_values(entity, prop) for scheme, prop in PROPERTIES.items()}
        page = f"https://www.wikidata.org/wiki/{qid}"
        return Answer(str(label), page, {k: v for k, v in ids.items() if v})

    def gnd_record(self, gnd: str) -> Answer:
        """The preferred name of a GND record, from lobid-gnd."""
        url = f"{self.lobid.rstrip('/')}/gnd/{urllib.parse.quote(gnd)}.json"
        data = self.get_json(url)
        name = data.get("preferredName", "") if isinstance(data, dict) else ""
        return Answer(str(name), f"https://lobid.org/gnd/{gnd}")

    def geonames_place(self, geoname_id: str) -> Answer:
        """The name of a GeoNames place."""
        query = urllib.parse.urlencode({"geonameId": geoname_id, "username": self.geonames_user})
        url = f"{self.geonames.rstrip('/')}/getJSON?{query}"
        data = self.get_json(url)
        if isinstance(data, dict) and isinstance(data.get("status"), dict):
            # GeoNames answers errors (no account, limit reached, no such id) with a status, not an HTTP code.
            raise AuthorityError(f"{url}: GeoNames says {data['status'].get('message', data['status'])!r}")
        name = data.get("name", "") if isinstance(data, dict) else ""
        return Answer(str(name), f"http://www.geonames.org/{geoname_id}")

    def get_json(self, url: str) -> Any:
        """The JSON at ``url``: from the cache, else fetched (waiting out the rate limit) and cached."""
        path = self.cache / (hashlib.sha256(url.encode()).hexdigest() + ".json")
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
        if self._last is not None:
            wait = self._last + self.interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # bases are http(s) only
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise AuthorityError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise AuthorityError(f"{url}: {getattr(exc, 'reason', exc)}") from exc
        finally:
            self._last = self.clock()
            self.requests += 1
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AuthorityError(f"{url}: the answer is not JSON") from exc
        write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return data


def _claim_values(entity: dict[str, Any], prop: str) -> tuple[str, ...]:
    """The string values of a Wikidata property's statements, deprecated ones left out."""
    values = []
    for claim in (entity.get("claims") or {}).get(prop, []):
        if claim.get("rank") == "deprecated":
            continue
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, str):
            values.append(value)
    return tuple(values)
