"""A label for a QR code that changes with every sale, without filling Qt's pixmap cache.

A plain ``QLabel.setPixmap`` with a new pixmap per sale leaves each one in ``QPixmapCache``
when the label paints (measured: +270 kB a sale for a 260 px code, up to the cache's 10 MB
limit, released by ``QPixmapCache.clear()``). This label keeps the code as a ``QImage`` and
draws it with ``drawImage``, which goes through no cache: one image held, whatever the number
of sales. ``setPixmap`` / ``pixmap`` / ``clear`` keep QLabel's interface for callers and tests.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QStyle, QWidget


class QrLabel(QLabel):
    """Shows one QR image, centred as the label's alignment says (background from the style)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()

    def setPixmap(self, pixmap: QPixmap | QImage) -> None:  # noqa: N802 (Qt API)
        """Keep the code as an image: the label itself never holds (or caches) a pixmap."""
        self._image = pixmap if isinstance(pixmap, QImage) else pixmap.toImage()
        self.update()

    def pixmap(self) -> QPixmap:  # type: ignore[override]
        """A copy of what is shown (for tests and decoding); not kept."""
        return QPixmap.fromImage(self._image) if not self._image.isNull() else QPixmap()

    def image(self) -> QImage:
        return self._image

    def clear(self) -> None:
        self._image = QImage()
        super().clear()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)  # the style's background and frame (no text, no pixmap set)
        if self._image.isNull():
            return
        rect = QStyle.alignedRect(self.layoutDirection(), self.alignment(), self._image.size(),
                                  self.contentsRect())
        painter = QPainter(self)
        painter.drawImage(QPoint(rect.x(), rect.y()), self._image)
        painter.end()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        if self._image.isNull():
            return super().sizeHint()
        margins = self.contentsMargins()
        return self._image.size().grownBy(margins)


__all__ = ["QrLabel"]
