"""Shared by the benchmarks: a description of the machine and the sections of RESULTS.md."""

from __future__ import annotations

import compileall
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine() -> str:
    """CPU model, cores, memory, operating system and Python of this machine."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            model,
        )
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{model}, {cores} cores{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def load_average() -> float:
    """The one-minute load average of the machine (NaN where the system does not tell)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def compile_bytecode() -> None:
    """Compile tei-encode's modules to bytecode, as installing a wheel does.

    An editable install run with PYTHONDONTWRITEBYTECODE set never writes any, and every run
    would then time Python compiling the package instead of tei-encode.
    """
    import tei_encode

    compileall.compile_dir(Path(tei_encode.__file__).parent, quiet=1)


def write_section(heading: str, section: str, path: Path = RESULTS) -> None:
    """Replace the "## HEADING" section of RESULTS.md (or add it), leaving the other sections alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    start = text.find(f"## {heading}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
