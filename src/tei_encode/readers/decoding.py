"""Source files to text: the encoding, line ends and characters a source may hold.

A source text is UTF-8 (with or without a byte-order mark) or UTF-16/UTF-32
with a byte-order mark; line ends may be LF, CRLF or CR (old Mac) and become
LF. Everything else is refused with a message naming the file and line,
rather than guessed: a legacy 8-bit encoding (Windows-1251, Latin-1) cannot be
told apart reliably, and a wrong guess would put mojibake into the TEI. The
message names the likely encoding so the user can convert the file. Characters
XML 1.0 forbids (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF)
are refused too: replacing them would lose a character of the source. So is
a line longer than a million characters: no transcription has one, it would
take minutes to mark up, and a text node that long makes TEI that XML parsers
refuse by default (libxml2 stops at ten million characters).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..errors import ReaderError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
MAX_LINE = 1_000_000
LINE_ENDS = re.compile(rb"\r\n|\r|\n")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class SourceDecodeError(ReaderError):
    """A source file that cannot be read as text, with where the problem is."""

    def __init__(self, file: str, reason: str, line: int = 0, column: int = 0) -> None:
        self.file, self.reason, self.line, self.column = file, reason, line, column
        where = "".join(f":{n}" for n in (line, column) if n) if line else ""
        super().__init__(f"{file}{where}: {reason}")

    def diagnostic(self, code: str) -> Diagnostic:
        """The error as a diagnostic with the given code."""
        return Diagnostic(Severity.ERROR, code, self.reason, self.file, self.line, self.column)


def read_source_bytes(path: Path) -> bytes:
    """The bytes of a source file; ``ReaderError`` when it is a directory or cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise SourceDecodeError(str(path), "is a directory, not a source text") from exc
    except OSError as exc:
        raise SourceDecodeError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def decode_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of the source ``name`` (see the module docstring for what is accepted)."""
    encoding, bom = next(((enc, bom) for bom, enc in BOMS if data.startswith(bom)), ("utf-8", b""))
    body = data[len(bom) :]
    if encoding == "utf-8" and b"\x00" in body:
        line = _line_of(body, body.index(b"\x00"))
        reason = "NUL byte: binary data, or text in UTF-16 without a byte-order mark"
        raise SourceDecodeError(name, reason, line)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_of(body, exc.start)
        raise SourceDecodeError(name, _not_decodable(body, encoding, exc), line) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceDecodeError(name, "empty source text", 1)
    long_line = next((n for n, line in enumerate(text.split("\n"), 1) if len(line) > MAX_LINE), 0)
    if long_line:
        reason = (
            f"a line of more than {MAX_LINE:,} characters; not converted (its text would exceed what XML "
            "parsers read by default): break it into lines or paragraphs"
        )
        raise SourceDecodeError(name, reason, long_line)
    bad = FORBIDDEN_IN_XML.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        kind = "control character" if bad.group() < " " else "character"
        reason = f"{kind} U+{ord(bad.group()):04X} is not allowed in XML 1.0; remove it from the source"
        raise SourceDecodeError(name, reason, line, column)
    return text


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, counting LF, CRLF and CR line ends."""
    return len(LINE_ENDS.split(data[:offset]))


def _not_decodable(body: bytes, encoding: str, exc: UnicodeDecodeError) -> str:
    where = f"byte 0x{body[exc.start]:02x} at offset {exc.start}"
    if encoding != "utf-8":
        return f"not valid {encoding.upper()} despite its byte-order mark ({where})"
    if CONTROL_BYTES.search(body):
        return f"not text: binary data ({where})"
    return f"not UTF-8 ({where}); {likely_legacy_encoding(body)}"


def likely_legacy_encoding(data: bytes) -> str:
    """A hint naming the 8-bit encoding the bytes are probably in, with the command that converts them.

    Russian text in Windows-1251 has runs of bytes above 0x7F (whole words);
    West-European text in Latin-1 has single accented letters among ASCII ones.
    """
    runs = HIGH_BYTES.findall(data)
    in_runs = sum(len(r) for r in runs if len(r) > 1)
    total = sum(len(r) for r in runs) or 1
    if in_runs * 2 > total:
        guess, codec = "Windows-1251 (Cyrillic)", "cp1251"
    else:
        guess, codec = "Latin-1 or Windows-1252", "latin1"
    return f"it looks like {guess}: convert it to UTF-8 first (iconv -f {codec} -t utf-8)"
