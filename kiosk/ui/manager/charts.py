"""Bar charts for the dashboard, with QtCharts imported only when a chart is first drawn.

QtCharts pulls in a large library; the counter and self-service apps never show a chart, so
nothing at module level here imports it, and ``kiosk.ui.manager`` imports this module lazily too.
Hours get vertical bars on a value axis labelled every third hour; names (films, staff, kiosks)
get horizontal bars so a long film title stays readable instead of being cut to "A Qui…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

MAX_BARS = 24
MAX_LABEL = 22


def high_contrast() -> bool:
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def bar_chart(title: str, categories: Sequence[str], values: Sequence[float], unit: str,
              parent: QWidget | None = None) -> QWidget:
    """A QChartView with one bar per category (the largest ``MAX_BARS`` if there are more)."""
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QHorizontalBarSeries,
        QValueAxis,
    )

    pairs = list(zip(categories, values, strict=True))
    if len(pairs) > MAX_BARS:
        pairs = sorted(pairs, key=lambda p: p[1], reverse=True)[:MAX_BARS]
    numeric = bool(pairs) and all(p[0].isdigit() for p in pairs)
    contrast = high_contrast()
    ink = QColor("#ffffff" if contrast else "#1b1f24")
    bar_set = QBarSet(unit)
    for _, value in pairs:
        bar_set.append(float(value))
    if numeric:
        series = QBarSeries()
    else:
        series = QHorizontalBarSeries()
        pairs = pairs[::-1]  # QtCharts draws the first category at the bottom
        bar_set.remove(0, bar_set.count())
        for _, value in pairs:
            bar_set.append(float(value))
    series.append(bar_set)
    series.setBarWidth(0.7)

    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeHighContrast if contrast else QChart.ChartTheme.ChartThemeLight)
    bar_set.setColor(QColor("#ffff00" if contrast else "#1f5fbf"))
    bar_set.setBorderColor(QColor("#ffff00" if contrast else "#1f5fbf"))
    chart.addSeries(series)
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if contrast:
        chart.setBackgroundBrush(QColor("#000000"))
        chart.setTitleBrush(ink)

    amounts = QValueAxis()
    top = max((float(v) for _, v in pairs), default=0.0)
    amounts.setRange(0, top * 1.05 if top > 0 else 1)
    amounts.applyNiceNumbers()
    amounts.setLabelFormat("%.0f")
    amounts.setTitleText(unit)
    if numeric:  # hours 00..23: a value axis labelled every third hour stays readable
        names = QValueAxis()
        names.setRange(-0.5, len(pairs) - 0.5)
        names.setTickType(QValueAxis.TickType.TicksDynamic)
        names.setTickAnchor(0)
        names.setTickInterval(3)
        names.setLabelFormat("%02.0f:00")
        names.setGridLineVisible(False)
    else:
        names = QBarCategoryAxis()
        names.append([_label(p[0]) for p in pairs] or [""])
        names.setTruncateLabels(False)  # names are already cut to MAX_LABEL; never show "..."
    small = names.labelsFont()
    small.setPixelSize(12)
    names.setLabelsFont(small)
    for axis in (names, amounts):
        axis.setLabelsColor(ink)
        axis.setTitleBrush(ink)
    if numeric:
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
    else:
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(amounts)

    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Horizontal bars need room for each name: QtCharts elides labels that do not fit ("...").
    view.setMinimumHeight(200 if numeric else min(400, max(200, 22 * len(pairs) + 80)))
    view.setObjectName("chartView")
    view.setAccessibleName(title)
    return view
