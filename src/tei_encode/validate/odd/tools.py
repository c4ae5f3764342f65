"""The TEI's own ODD processors, fetched once into the user cache and pinned: the Stylesheets and the P5 subset.

``tei-encode schema fetch tei-stylesheets`` puts the files of the TEI Stylesheets 7.57.0 that turn
an ODD into schemas (``odds/``, ``common/``, ``i18n.xml``, ``VERSION``) into
``CACHE/tools/tei-stylesheets/7.57.0/``. ``tei-encode schema fetch p5subset`` puts the P5 subset
those Stylesheets ship (``source/p5subset.xml``: the specifications of TEI P5 as released in 4.8.0,
which every ODD customises unless it names another source) into
``CACHE/tools/p5subset/4.8.0/xml/tei/odd/p5subset.xml``, laid out as on the TEI's server so that an
ODD's ``source="tei:4.8.0"`` finds it there. Both come from the Stylesheets' release on GitHub, or
from ``--from`` (a file, a directory holding it or a checkout of the tag, a ZIP archive, a URL),
and are checked before anything is written: the Stylesheets' files by one SHA-256 over their
paths and SHA-256s, the P5 subset by the git object id the tag ``v7.57.0`` records for it.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NoReturn

from ...errors import SchemaNotFound
from ...xmlio import write_atomic
from ..cache import cache_dir
from ..named import FetchError, download

# A member of an archive larger than this is not read (the largest file taken is the 4 MB P5 subset).
_MEMBER_LIMIT = 64 << 20
# The file that says a tool's directory is complete and verified (written last).
_VERIFIED = ".verified"


@dataclass(frozen=True)
class Tool:
    """A pinned set of files: where they come from, which ones, and their fingerprint."""

    name: str
    version: str
    what: str
    url: str
    anchor: str  # the file whose place in a source tells where the tool's files are
    parts: tuple[str, ...]  # the files taken, relative to that place (a trailing / takes a directory)
    fingerprint: str
    git_blob: bool  # the fingerprint is the git object id of the one file, else a SHA-256 over all files

    def directory(self) -> Path:
        """Where the tool's files live in the cache."""
        return cache_dir() / "tools" / self.name / self.version

    def fetch_command(self) -> str:
        """The command that fills the cache with the tool."""
        return f"tei-encode schema fetch {self.name}"

    def identify(self, files: dict[str, bytes]) -> str:
        """The fingerprint of a set of files, to compare with the pinned one."""
        if self.git_blob:
            data = files.get(self.anchor, b"")
            return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        lines = sorted(f"{path}\0{hashlib.sha256(data).hexdigest()}\n" for path, data in files.items())
        return hashlib.sha256("".join(lines).encode()).hexdigest()


STYLESHEETS = Tool(
    "tei-stylesheets",
    "7.57.0",
    "the TEI Stylesheets 7.57.0 (their ODD processing: odds/, common/, i18n.xml, VERSION)",
    "https://github.com/TEIC/Stylesheets/releases/download/v7.57.0/tei-xsl-7.57.0.zip",
    "odds/odd2odd.xsl",
    ("odds/", "common/", "i18n.xml", "VERSION"),
    "35a91f90830ed42a1e5621fb2f926f6c3442a36b053e191b722707cccbf5f1bd",
    False,
)
P5SUBSET = Tool(
    "p5subset",
    "4.8.0",
    "p5subset.xml of TEI P5 4.8.0 (as the TEI Stylesheets 7.57.0 ship it in source/)",
    "https://raw.githubusercontent.com/TEIC/Stylesheets/v7.57.0/source/p5subset.xml",
    "p5subset.xml",
    ("p5subset.xml",),
    "d6090495e9b818f465ccc16cde2448949dc4f28b",
    True,
)
TOOLS = {tool.name: tool for tool in (STYLESHEETS, P5SUBSET)}


def tool_directory(tool: Tool) -> Path:
    """The cached, verified files of a tool; ``SchemaNotFound`` saying how to fetch them when absent."""
    directory = tool.directory()
    marker = directory / _VERIFIED
    if not marker.is_file() or marker.read_bytes().strip() != tool.fingerprint.encode("ascii"):
        raise SchemaNotFound(
            f"{tool.what} is not in the cache {directory}; fetch it once with: {tool.fetch_command()} "
            f"(offline: {tool.fetch_command()} --from FILE|DIR)"
        )
    return directory


def subset_file() -> Path:
    """The cached P5 subset (``SchemaNotFound`` when absent)."""
    return tool_directory(P5SUBSET) / "xml" / "tei" / "odd" / "p5subset.xml"


def subset_server(subset: Path) -> str:
    """The URI the Stylesheets put before ``VERSION/xml/tei/odd/p5subset.xml`` for ``source="tei:VERSION"``."""
    return subset.parents[4].as_uri() + "/"


def fetch_tool(tool: Tool, source: str | None = None, timeout: float = 120.0, *, force: bool = False) -> Path:
    """Put a tool's files into the cache after checking their fingerprint; the directory they are in.

    ``source`` is a file, a directory holding the files (or a checkout of the Stylesheets' tag,
    or a release unpacked), a ZIP archive of them, or a URL of either; by default the pinned
    release. Nothing is read when the cache already holds the pinned files (unless ``force``).
    """
    if not force:
        try:
            return tool_directory(tool)
        except SchemaNotFound:
            pass
    origin = source or tool.url
    candidates = _read_source(tool, origin, timeout)
    found = [tool.identify(files) for files in candidates]
    if tool.fingerprint not in found:
        raise FetchError(
            f"{origin}: checksum mismatch: these are not the files of {tool.what} "
            f"(expected {tool.fingerprint}, got {', '.join(found)}); nothing was written"
        )
    return _install(tool, candidates[found.index(tool.fingerprint)])


def _install(tool: Tool, files: dict[str, bytes]) -> Path:
    """Write the files into a fresh directory, then put it in place, so no half-written tool is ever seen."""
    target = tool.directory()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{tool.version}-", dir=target.parent))
    try:
        layout = PurePosixPath("xml/tei/odd") if tool.git_blob else PurePosixPath()
        for name, data in files.items():
            write_atomic(staging.joinpath(layout / name), data)
        write_atomic(staging / _VERIFIED, tool.fingerprint.encode("ascii") + b"\n")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _read_source(tool: Tool, source: str, timeout: float) -> list[dict[str, bytes]]:
    """The tool's files (relative path -> bytes) from a URL, a ZIP archive, a directory or a file.

    One set of files for each place in the source that holds the tool's anchor (a source
    archive of the Stylesheets may hold more than one ``p5subset.xml``): the caller takes the
    one whose fingerprint is the pinned one.
    """
    if source.startswith(("http://", "https://")):
        data = download(source, timeout)
        if zipfile.is_zipfile(io.BytesIO(data)):
            return _from_zip(tool, zipfile.ZipFile(io.BytesIO(data)), source)
        if len(tool.parts) > 1:
            _not_found(tool, source)
        return [{tool.anchor: data}]
    path = Path(source)
    try:
        if path.is_dir():
            return _from_directory(tool, path)
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return _from_zip(tool, archive, source)
        if len(tool.parts) == 1:
            return [{tool.anchor: path.read_bytes()}]
    except (OSError, zipfile.BadZipFile) as exc:
        raise FetchError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
    _not_found(tool, source)


def _from_directory(tool: Tool, directory: Path) -> list[dict[str, bytes]]:
    """The tool's files under ``directory``: a checkout, an unpacked release or the directory of the file."""
    roots = [directory, directory / "xml" / "tei" / "stylesheet", directory / "source"]
    found = [_files_under(tool, root) for root in roots if (root / tool.anchor).is_file()]
    if not found:
        _not_found(tool, str(directory))
    return found


def _files_under(tool: Tool, root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in tool.parts:
        if part.endswith("/"):
            for file in sorted((root / part).rglob("*")):
                if file.is_file():
                    files[file.relative_to(root).as_posix()] = file.read_bytes()
        elif (root / part).is_file():
            files[part] = (root / part).read_bytes()
    return files


def _from_zip(tool: Tool, archive: zipfile.ZipFile, source: str) -> list[dict[str, bytes]]:
    """The tool's files in a ZIP archive, wherever the archive puts them (a release, a source archive)."""
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    anchors = sorted(n for n in names if n == tool.anchor or n.endswith("/" + tool.anchor))
    if not anchors:
        _not_found(tool, source)
    return [_members_under(tool, archive, anchor[: -len(tool.anchor)], source) for anchor in anchors]


def _members_under(tool: Tool, archive: zipfile.ZipFile, prefix: str, source: str) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for info in archive.infolist():
        name = info.filename[len(prefix) :] if info.filename.startswith(prefix) else ""
        wanted = any(name == p or (p.endswith("/") and name.startswith(p)) for p in tool.parts)
        if not wanted or info.is_dir() or ".." in PurePosixPath(name).parts:
            continue
        if info.file_size > _MEMBER_LIMIT:
            raise FetchError(f"{source}: {info.filename} is larger than {_MEMBER_LIMIT >> 20} MB; refused")
        files[name] = archive.read(info)
    return files


def _not_found(tool: Tool, source: str) -> NoReturn:
    raise FetchError(f"{source}: holds no {tool.anchor}, so not {tool.what}; nothing was written")
