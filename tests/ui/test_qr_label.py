"""The QR label used on the ticket, payment, gift card and self-service screens (issue 15
point 6): a new code every sale must not pile pixmaps up in Qt's pixmap cache."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap, QPixmapCache


def test_a_new_code_per_sale_leaves_nothing_in_the_pixmap_cache(qtbot):
    from kiosk.ui.counter.ticket import QR_PX, qr_pixmap
    from kiosk.ui.widgets.qr import QrLabel

    label = QrLabel()
    label.setFixedSize(QR_PX + 12, QR_PX + 12)
    qtbot.addWidget(label)
    label.show()
    limit = QPixmapCache.cacheLimit()
    QPixmapCache.clear()
    # a cache that holds about two QR codes: the sentinel is evicted (least recently used)
    # as soon as the label caches a few of its own
    QPixmapCache.setCacheLimit(2 * QR_PX * QR_PX * 4 // 1024)
    try:
        sentinel = QPixmap(64, 64)
        sentinel.fill(QColor("red"))
        assert QPixmapCache.insert("qr-test-sentinel", sentinel)
        for sale in range(8):
            label.setPixmap(qr_pixmap(f"KIOSK-REF{sale:04d}-signed-{sale * 7919}"))
            label.grab()  # paint it, as the screen does
        assert not label.pixmap().isNull()
        assert label.image().width() == QR_PX  # one image held: the last one
        assert QPixmapCache.find("qr-test-sentinel") is not None
    finally:
        QPixmapCache.setCacheLimit(limit)
        QPixmapCache.clear()


def test_a_plain_label_does_fill_the_cache_which_is_why_the_qr_label_exists(qtbot):
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.counter.ticket import QR_PX, qr_pixmap

    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    limit = QPixmapCache.cacheLimit()
    QPixmapCache.clear()
    QPixmapCache.setCacheLimit(2 * QR_PX * QR_PX * 4 // 1024)
    try:
        sentinel = QPixmap(64, 64)
        sentinel.fill(QColor("red"))
        QPixmapCache.insert("qr-test-sentinel", sentinel)
        for sale in range(8):
            label.setPixmap(qr_pixmap(f"KIOSK-REF{sale:04d}-signed-{sale * 7919}"))
            label.grab()
        assert QPixmapCache.find("qr-test-sentinel") is None
    finally:
        QPixmapCache.setCacheLimit(limit)
        QPixmapCache.clear()
