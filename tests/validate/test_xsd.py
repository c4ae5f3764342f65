"""W3C XML Schema: built once, then read from the user cache, with the same findings."""

from __future__ import annotations

import shutil
from pathlib import Path

from tei_encode.validate.xsd import XsdValidator, schema_files
from tei_encode.xmlio import parse_file
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = REPO / "schema"


def test_built_schema_is_kept_in_the_cache_and_keyed_by_every_file(tmp_path: Path, _own_cache: Path) -> None:
    for name in ("tei_encode.xsd", "xml.xsd"):
        shutil.copy(SCHEMA / name, tmp_path / name)
    main = tmp_path / "tei_encode.xsd"
    assert schema_files(main) == [main.resolve(), (tmp_path / "xml.xsd").resolve()]
    tree = parse_file(FIXTURES / "unknown-element-in-p.xml")
    built = list(XsdValidator(main).iter_errors(tree, "doc.xml"))
    pickles = sorted((_own_cache / "xsd").glob("*.pickle"))
    assert built and pickles
    cached = XsdValidator(main)
    assert list(cached.iter_errors(tree, "doc.xml")) == built
    assert sorted((_own_cache / "xsd").glob("*.pickle")) == pickles, "read from the cache, not built again"
    (tmp_path / "xml.xsd").write_bytes((tmp_path / "xml.xsd").read_bytes() + b"\n")
    XsdValidator(main)
    assert len(list((_own_cache / "xsd").glob("*.pickle"))) == len(pickles) + 1, "an imported file changed"


def test_a_damaged_cache_entry_is_built_again(tmp_path: Path, _own_cache: Path) -> None:
    XsdValidator(SCHEMA / "tei_encode.xsd")
    for entry in (_own_cache / "xsd").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    tree = parse_file(sorted((REPO / "out" / "tei").glob("*.xml"))[0])
    assert XsdValidator(SCHEMA / "tei_encode.xsd").is_valid(tree)
