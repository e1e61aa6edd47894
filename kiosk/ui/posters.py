"""Film posters drawn with QPainter, so a kiosk never needs artwork downloads.

Each film gets a poster that is always the same for the same film (colours and shapes are keyed
from a stable hash of the film id, never Python's salted ``hash``), looks like its genre, and
carries its title, language and certificate. A real image named in ``films.poster`` wins when the
file exists. Pixmaps are cached per film and size because the film grid repaints often.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRadialGradient,
    QTextLayout,
    QTextOption,
)

from kiosk.ui.names import language_name

POSTER_RATIO = 1.5  # height / width, the usual one-sheet shape

# Certificate badge colours (CBFC-style U / UA / A, plus common international ratings).
_CERT_COLOURS = {
    "U": "#2e7d32", "G": "#2e7d32", "PG": "#f9a825", "UA": "#ef6c00", "U/A": "#ef6c00",
    "UA7+": "#ef6c00", "UA13+": "#ef6c00", "UA16+": "#e65100", "PG-13": "#ef6c00",
    "12A": "#ef6c00", "15": "#d84315", "A": "#c62828", "R": "#c62828", "18": "#c62828",
    "S": "#6a1b9a",
}

# A motif per genre family; the first genre of a film that has one decides.
_GENRE_MOTIFS = {
    "action": "shards", "adventure": "mountains", "thriller": "beams", "crime": "beams",
    "mystery": "beams", "horror": "moon", "sci-fi": "rings", "science fiction": "rings",
    "fantasy": "stars", "animation": "bubbles", "family": "bubbles", "kids": "bubbles",
    "comedy": "confetti", "romance": "hearts", "drama": "halo", "biography": "halo",
    "history": "mountains", "war": "shards", "musical": "waves", "music": "waves",
    "documentary": "grid", "sport": "beams", "sports": "beams",
}
_MOTIFS = ("shards", "mountains", "beams", "moon", "rings", "stars", "bubbles", "confetti",
           "hearts", "halo", "waves", "grid")

_cache: dict[tuple, QPixmap] = {}


class _Seed:
    """A deterministic stream of numbers in [0, 1) from a film id."""

    def __init__(self, key: str):
        self._digest = hashlib.sha256(key.encode("utf-8")).digest()
        self._counter = 0

    def next(self) -> float:
        block = hashlib.sha256(self._digest + self._counter.to_bytes(4, "big")).digest()
        self._counter += 1
        return int.from_bytes(block[:8], "big") / 2**64

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self.next()


def _genres(film: Mapping[str, Any]) -> list[str]:
    raw = film.get("genres") or []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = [g.strip() for g in raw.split(",")]
    return [str(g) for g in raw if str(g).strip()]


def motif_for(film: Mapping[str, Any]) -> str:
    """The motif a poster uses: from the genre when known, else from the film id."""
    for genre in _genres(film):
        motif = _GENRE_MOTIFS.get(genre.strip().lower())
        if motif:
            return motif
    seed = _Seed(str(film.get("id") or film.get("film_id") or film.get("title", "")))
    return _MOTIFS[int(seed.next() * len(_MOTIFS))]


def palette_for(film_id: str) -> tuple[QColor, QColor, QColor]:
    """Background top, background bottom and accent colours for a film, always the same."""
    seed = _Seed(film_id)
    hue = seed.next()
    top = QColor.fromHslF(hue, seed.between(0.45, 0.75), seed.between(0.28, 0.42))
    bottom = QColor.fromHslF((hue + seed.between(0.08, 0.22)) % 1.0, seed.between(0.5, 0.8),
                             seed.between(0.08, 0.16))
    accent = QColor.fromHslF((hue + 0.5) % 1.0, 0.85, 0.62)
    return top, bottom, accent


def poster_pixmap(film: Mapping[str, Any], size: QSize, device_pixel_ratio: float = 1.0) -> QPixmap:
    """The poster for ``film`` at ``size`` (logical pixels), from the cache when drawn before."""
    film_id = str(film.get("id") or film.get("film_id") or film.get("title", "?"))
    poster_path = str(film.get("poster") or "")
    # the caption's language is the screen's: a poster drawn in English is not shown in Hindi
    key = (film_id, str(film.get("title", "")), poster_path, size.width(), size.height(),
           round(device_pixel_ratio, 2), caption(film))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    pixmap = _from_file(poster_path, size, device_pixel_ratio) or draw_poster(
        film, size, device_pixel_ratio)
    _cache[key] = pixmap
    return pixmap


def clear_cache() -> None:
    _cache.clear()


def _from_file(path: str, size: QSize, dpr: float) -> QPixmap | None:
    if not path or not Path(path).is_file():
        return None
    image = QPixmap(path)
    if image.isNull():
        return None
    target = QSize(round(size.width() * dpr), round(size.height() * dpr))
    scaled = image.scaled(target, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                          Qt.TransformationMode.SmoothTransformation)
    x = (scaled.width() - target.width()) // 2
    y = (scaled.height() - target.height()) // 2
    cropped = scaled.copy(x, y, target.width(), target.height())
    cropped.setDevicePixelRatio(dpr)
    return cropped


def draw_poster(film: Mapping[str, Any], size: QSize, device_pixel_ratio: float = 1.0) -> QPixmap:
    """Draw a poster from the film's id, title, genres, language and certificate."""
    pixmap = QPixmap(round(size.width() * device_pixel_ratio),
                     round(size.height() * device_pixel_ratio))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.black)
    film_id = str(film.get("id") or film.get("film_id") or film.get("title", "?"))
    w, h = float(size.width()), float(size.height())
    top, bottom, accent = palette_for(film_id)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    gradient = QLinearGradient(0, 0, w * 0.3, h)
    gradient.setColorAt(0.0, top)
    gradient.setColorAt(1.0, bottom)
    painter.fillRect(QRectF(0, 0, w, h), gradient)
    _draw_motif(painter, motif_for(film), _Seed(film_id + "/motif"), w, h, accent)
    _draw_vignette(painter, w, h)
    _draw_title(painter, str(film.get("title", "")), _Seed(film_id + "/type"), w, h)
    _draw_badges(painter, film, w, h)
    painter.end()
    return pixmap


def _draw_vignette(p: QPainter, w: float, h: float) -> None:
    shade = QLinearGradient(0, h * 0.45, 0, h)
    shade.setColorAt(0.0, QColor(0, 0, 0, 0))
    shade.setColorAt(1.0, QColor(0, 0, 0, 200))
    p.fillRect(QRectF(0, 0, w, h), shade)


def _alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def _draw_motif(p: QPainter, motif: str, seed: _Seed, w: float, h: float, accent: QColor) -> None:
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    light = QColor(255, 255, 255)
    if motif == "shards":
        for _ in range(9):
            path = QPainterPath()
            cx, cy = seed.between(0, w), seed.between(0, h * 0.7)
            path.moveTo(cx, cy)
            for _ in range(2):
                path.lineTo(cx + seed.between(-w * 0.6, w * 0.6), cy + seed.between(-h * 0.4, h * 0.4))
            path.closeSubpath()
            p.setBrush(_alpha(accent if seed.next() > 0.5 else light, int(seed.between(30, 90))))
            p.drawPath(path)
    elif motif == "mountains":
        for layer in range(3):
            path = QPainterPath(QPointF(0, h))
            base = h * (0.45 + layer * 0.12)
            x = 0.0
            while x <= w:
                path.lineTo(x, base - seed.between(0, h * 0.18))
                x += w * seed.between(0.12, 0.3)
            path.lineTo(w, base - seed.between(0, h * 0.1))
            path.lineTo(w, h)
            path.closeSubpath()
            p.setBrush(_alpha(accent.darker(120 + layer * 60), 120 + layer * 40))
            p.drawPath(path)
    elif motif == "beams":
        origin = QPointF(seed.between(0, w), -h * 0.1)
        for _ in range(6):
            angle = seed.between(0.2, math.pi - 0.2)
            spread = seed.between(0.03, 0.08)
            path = QPainterPath(origin)
            for a in (angle - spread, angle + spread):
                path.lineTo(origin.x() + math.cos(a) * h * 1.6, origin.y() + math.sin(a) * h * 1.6)
            path.closeSubpath()
            p.setBrush(_alpha(light, int(seed.between(18, 45))))
            p.drawPath(path)
    elif motif == "moon":
        centre = QPointF(seed.between(w * 0.3, w * 0.7), h * seed.between(0.22, 0.32))
        radius = w * 0.28
        glow = QRadialGradient(centre, radius * 2.2)
        glow.setColorAt(0.0, _alpha(accent, 140))
        glow.setColorAt(1.0, _alpha(accent, 0))
        p.setBrush(QBrush(glow))
        p.drawEllipse(centre, radius * 2.2, radius * 2.2)
        p.setBrush(QColor(240, 236, 220))
        p.drawEllipse(centre, radius, radius)
        p.setBrush(QColor(10, 10, 14, 230))
        trees = QPainterPath(QPointF(0, h))
        x = 0.0
        while x < w:
            trees.lineTo(x + w * 0.04, h * seed.between(0.5, 0.62))
            x += w * seed.between(0.06, 0.12)
            trees.lineTo(x, h * 0.7)
        trees.lineTo(w, h)
        trees.closeSubpath()
        p.drawPath(trees)
    elif motif == "rings":
        centre = QPointF(w * seed.between(0.3, 0.7), h * seed.between(0.25, 0.4))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for i in range(7):
            pen = QPen(_alpha(accent if i % 2 else light, int(seed.between(40, 120))))
            pen.setWidthF(w * seed.between(0.006, 0.02))
            p.setPen(pen)
            r = w * (0.12 + i * 0.09)
            p.drawEllipse(centre, r, r * seed.between(0.35, 1.0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_alpha(accent, 220))
        p.drawEllipse(centre, w * 0.08, w * 0.08)
    elif motif == "stars":
        for _ in range(60):
            r = seed.between(0.5, 2.5) * w / 200
            p.setBrush(_alpha(light, int(seed.between(80, 255))))
            p.drawEllipse(QPointF(seed.between(0, w), seed.between(0, h * 0.75)), r, r)
        p.setBrush(_alpha(accent, 90))
        p.drawEllipse(QPointF(w * seed.between(0.2, 0.8), h * 0.3), w * 0.22, w * 0.22)
    elif motif == "bubbles":
        for _ in range(14):
            r = w * seed.between(0.05, 0.2)
            colour = QColor.fromHslF(seed.next(), 0.8, 0.65)
            p.setBrush(_alpha(colour, int(seed.between(90, 180))))
            p.drawEllipse(QPointF(seed.between(0, w), seed.between(0, h * 0.75)), r, r)
    elif motif == "confetti":
        for _ in range(45):
            colour = QColor.fromHslF(seed.next(), 0.85, 0.6)
            p.save()
            p.translate(seed.between(0, w), seed.between(0, h * 0.8))
            p.rotate(seed.between(0, 180))
            p.setBrush(_alpha(colour, 220))
            p.drawRoundedRect(QRectF(-w * 0.02, -w * 0.008, w * 0.04, w * 0.016), 2, 2)
            p.restore()
    elif motif == "hearts":
        for _ in range(7):
            s = w * seed.between(0.08, 0.22)
            cx, cy = seed.between(0, w), seed.between(0, h * 0.7)
            path = QPainterPath(QPointF(cx, cy + s * 0.35))
            path.cubicTo(cx - s, cy - s * 0.3, cx - s * 0.35, cy - s, cx, cy - s * 0.35)
            path.cubicTo(cx + s * 0.35, cy - s, cx + s, cy - s * 0.3, cx, cy + s * 0.35)
            p.setBrush(_alpha(accent if seed.next() > 0.3 else light, int(seed.between(60, 160))))
            p.drawPath(path)
    elif motif == "halo":
        centre = QPointF(w * seed.between(0.3, 0.7), h * seed.between(0.25, 0.45))
        glow = QRadialGradient(centre, w * 0.7)
        glow.setColorAt(0.0, _alpha(accent, 170))
        glow.setColorAt(0.5, _alpha(accent, 50))
        glow.setColorAt(1.0, _alpha(accent, 0))
        p.setBrush(QBrush(glow))
        p.drawRect(QRectF(0, 0, w, h))
        p.setBrush(QColor(0, 0, 0, 170))  # a figure's silhouette: head and shoulders
        p.drawEllipse(QPointF(centre.x(), centre.y() + h * 0.02), w * 0.09, w * 0.11)
        body = QPainterPath(QPointF(centre.x() - w * 0.25, h * 0.75))
        body.cubicTo(centre.x() - w * 0.2, centre.y() + h * 0.12, centre.x() + w * 0.2,
                     centre.y() + h * 0.12, centre.x() + w * 0.25, h * 0.75)
        body.closeSubpath()
        p.drawPath(body)
    elif motif == "waves":
        p.setBrush(Qt.BrushStyle.NoBrush)
        for i in range(8):
            pen = QPen(_alpha(accent if i % 2 else light, 110))
            pen.setWidthF(w * 0.012)
            p.setPen(pen)
            path = QPainterPath()
            y0 = h * (0.15 + i * 0.07)
            amp, phase = h * seed.between(0.02, 0.06), seed.between(0, math.pi * 2)
            for step in range(41):
                x = w * step / 40
                y = y0 + amp * math.sin(phase + step / 40 * math.pi * 3)
                path.moveTo(x, y) if step == 0 else path.lineTo(x, y)
            p.drawPath(path)
    else:  # grid
        pen = QPen(_alpha(light, 40))
        pen.setWidthF(1.0)
        p.setPen(pen)
        step = w / 9
        for i in range(1, 10):
            p.drawLine(QPointF(i * step, 0), QPointF(i * step, h))
        for i in range(1, int(h / step) + 1):
            p.drawLine(QPointF(0, i * step), QPointF(w, i * step))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_alpha(accent, 120))
        p.drawRect(QRectF(step * int(seed.between(1, 7)), step * int(seed.between(1, 5)), step * 2, step * 2))
    p.restore()


def _draw_title(p: QPainter, title: str, seed: _Seed, w: float, h: float) -> None:
    if not title:
        return
    font = QFont()
    font.setBold(True)
    font.setCapitalization(QFont.Capitalization.AllUppercase if seed.next() > 0.35 else QFont.Capitalization.MixedCase)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    box = QRectF(w * 0.07, h * 0.52, w * 0.86, h * 0.34)
    size = w * 0.16
    lines: list[str] = []
    while size > w * 0.06:  # shrink until the title fits the box in at most three lines,
        font.setPixelSize(round(size))  # every word whole ("BACKWAT / ER" reads as two words)
        lines = _wrap(title, font, box.width())
        height = len(lines) * QFontMetricsF(font).lineSpacing()
        if len(lines) <= 3 and height <= box.height() and \
                _widest_word(title, font) <= box.width():
            break
        size *= 0.9
    metrics = QFontMetricsF(font)
    y = box.bottom() - len(lines) * metrics.lineSpacing()
    p.setFont(font)
    for line in lines:
        rect = QRectF(box.left(), y, box.width(), metrics.lineSpacing())
        p.setPen(QColor(0, 0, 0, 160))
        p.drawText(rect.translated(w * 0.008, w * 0.008), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        p.setPen(QColor(255, 255, 255))
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        y += metrics.lineSpacing()


def _widest_word(text: str, font: QFont) -> float:
    """The widest word of ``text`` as drawn in ``font`` (its capitalisation included)."""
    widest = 0.0
    for word in text.split():
        layout = QTextLayout(word, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return widest


def _wrap(text: str, font: QFont, width: float) -> list[str]:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart(): line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [line for line in lines if line] or [text]


def _draw_badges(p: QPainter, film: Mapping[str, Any], w: float, h: float) -> None:
    cert = str(film.get("certificate") or "").strip()
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(9, round(w * 0.07)))
    p.setFont(font)
    metrics = QFontMetricsF(font)
    pad = w * 0.05
    if cert:
        side = max(metrics.horizontalAdvance(cert) + w * 0.06, w * 0.16)
        rect = QRectF(w - pad - side, pad, side, w * 0.14)
        p.setPen(QPen(QColor(255, 255, 255), max(1.0, w * 0.008)))
        p.setBrush(QColor(_CERT_COLOURS.get(cert.upper(), "#455a64")))
        p.drawRoundedRect(rect, w * 0.02, w * 0.02)
        p.setPen(QColor(255, 255, 255))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, cert)
    footer = caption(film)
    if footer:
        font.setBold(False)
        font.setPixelSize(max(8, round(w * 0.06)))
        p.setFont(font)
        p.setPen(QColor(255, 255, 255, 220))
        p.drawText(QRectF(w * 0.07, h * 0.88, w * 0.86, h * 0.08),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer)


def caption(film: Mapping[str, Any]) -> str:
    """The poster's footer in the screen's language: "Hindi  ·  2 h 05 min"."""
    language = language_name(str(film.get("language") or "").strip())
    return "  ·  ".join(x for x in (language, _runtime(film)) if x)


def _runtime(film: Mapping[str, Any]) -> str:
    try:
        minutes = int(film.get("runtime_min") or 0)
    except (TypeError, ValueError):
        return ""
    if minutes <= 0:
        return ""
    # hours and minutes, abbreviated in the screen's language
    return QCoreApplication.translate("Poster", "%1 h %2 min").replace(
        "%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")
