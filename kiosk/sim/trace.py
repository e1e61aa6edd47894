"""The event trace of one run, with stable names instead of random ids.

Booking and hold ids are UUIDv7 and references are random, so a raw trace would differ between
two runs of one seed. Each id or reference gets a short name (``h3``, ``b7``, ``w2``) in order of
first appearance, which depends only on the schedule: two runs of a seed give identical traces.
"""

from __future__ import annotations

import re

_UUID = re.compile(r"\b[0-9a-f]{32}\b")
_REFERENCE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")
_ADDRESS = re.compile(r"0x[0-9a-f]{6,}")


class Trace:
    def __init__(self, scratch: str = ""):
        self.lines: list[str] = []
        self._names: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._scratch = scratch

    def name(self, ident: str | None, kind: str = "x") -> str:
        """A stable short name for an id or reference (the first kind seen sticks)."""
        if not ident:
            return "-"
        known = self._names.get(ident)
        if known is None:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            known = self._names[ident] = f"{kind}{self._counts[kind]}"
        return known

    def alias(self, ident: str, other: str) -> None:
        """Let ``other`` (a booking's reference) print as the name of ``ident``."""
        self._names.setdefault(other, self.name(ident))

    def scrub(self, text: str) -> str:
        """Replace ids, references, addresses and the scratch path with stable names."""
        text = _UUID.sub(lambda m: self.name(m.group(0)), text)
        text = _REFERENCE.sub(lambda m: "ref:" + self.name(m.group(0), "r"), text)
        text = _ADDRESS.sub("0x…", text)
        if self._scratch:
            text = text.replace(self._scratch, "<scratch>")
        return text

    def add(self, line: str) -> None:
        self.lines.append(self.scrub(line))
