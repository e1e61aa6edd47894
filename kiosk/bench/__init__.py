"""``kiosk bench``: performance targets live here, never in timed unit tests.

Each section is a module exposing ``run(quick: bool) -> list[BenchResult]``. Figures are medians
(or rates from medians) and ratios measured in the same run, because these machines are small
and noisy; ``quick`` shrinks data sizes so the whole thing can run in a test.
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

SECTIONS = {
    "core": "kiosk.bench.core",
    "basket": "kiosk.bench.basket",
    "ui": "kiosk.bench.ui",
    "manager": "kiosk.bench.manager",
    "cloud": "kiosk.bench.cloud",
    "door": "kiosk.bench.door",
    "flash": "kiosk.bench.flash",
    "feed": "kiosk.bench.feed",
    "chain": "kiosk.bench.chain",
    "memory": "kiosk.bench.memory",
}


@dataclass(frozen=True)
class BenchResult:
    section: str
    name: str
    value: float
    unit: str  # "ms" (median), "/s" (rate), "%" (ratio)
    target: str = ""  # human text, e.g. "<= 2 ms"
    ok: bool | None = None  # None: informational
    note: str = ""


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds over ``repeat`` runs."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def machine_note() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def format_table(results: list[BenchResult]) -> str:
    header = ("section", "benchmark", "value", "target", "ok", "note")
    rows = [header] + [
        (
            r.section,
            r.name,
            f"{r.value:,.2f} {r.unit}",
            r.target,
            "" if r.ok is None else ("yes" if r.ok else "NO"),
            r.note,
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
