"""Diagnostics as data: one frozen record per finding and a reporter that collects them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of a reader, enricher or validator."""

    severity: Severity
    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: str = ""
    rule: str = ""

    def location(self) -> str:
        """``file:line:column`` with the parts that are known."""
        parts = [self.file or "-"]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """The one-line text form: ``file:line:column: severity: message [path]``."""
        text = f"{self.location()}: {self.severity.value}: {self.message}"
        if self.path:
            text += f" (at {self.path})"
        return text

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping."""
        # Every field is a string or a number: no deep copy needed (``asdict`` made one, 0.1 ms a finding).
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["severity"] = self.severity.value
        return data


@dataclass
class Reporter:
    """Collects diagnostics; library code reports here instead of printing."""

    file: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, severity: Severity, code: str, message: str, line: int = 0, **extra: str) -> None:
        """Record one finding in the reporter's current file."""
        self.diagnostics.append(Diagnostic(severity, code, message, self.file, line, **extra))  # type: ignore[arg-type]

    def warning(self, code: str, message: str, line: int = 0) -> None:
        """Record a warning."""
        self.report(Severity.WARNING, code, message, line)

    def info(self, code: str, message: str, line: int = 0) -> None:
        """Record an informational note."""
        self.report(Severity.INFO, code, message, line)

    def error(self, code: str, message: str, line: int = 0) -> None:
        """Record an error."""
        self.report(Severity.ERROR, code, message, line)

    @property
    def has_errors(self) -> bool:
        """Whether any error was recorded."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)


def counted(number: int, noun: str) -> str:
    """``1 file``, ``2 files``: a count with its noun, singular or plural (``noun`` is the singular)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
