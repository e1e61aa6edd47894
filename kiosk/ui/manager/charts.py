"""Bar charts for the dashboard, with QtCharts imported only when a chart is first drawn.

QtCharts pulls in a large library; the counter and self-service apps never show a chart, so
nothing at module level here imports it, and ``kiosk.ui.manager`` imports this module lazily too.
Hours get vertical bars on a value axis labelled every third hour (``hour_chart``: the period
beside the same weekdays a week earlier, in one currency); names (films, staff, kiosks) get
horizontal bars, and a long film title is set on two lines rather than cut to "Monsoo…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

MAX_BARS = 24
MAX_LINE = 22  # a category label longer than this is set on two lines at a space


def high_contrast() -> bool:
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


def _label(text: str) -> str:
    """The whole name, broken at the space nearest its middle when it is long (never elided)."""
    if len(text) <= MAX_LINE or " " not in text:
        return text
    middle = len(text) // 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1:]


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
        names.setTruncateLabels(False)  # never "...": long names are on two lines
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
    view.setMinimumHeight(200 if numeric else min(480, max(200, 34 * len(pairs) + 80)))
    view.setObjectName("chartView")
    view.setAccessibleName(title)
    return view


def hour_chart(title: str, values: Sequence[float], previous: Sequence[float],
               legend: tuple[str, str], parent: QWidget | None = None) -> QWidget:
    """Gross by local hour 00..23 of one currency: the period's bars beside the same weekdays a
    week earlier (``legend`` names the two), so a slow afternoon shows against its usual."""
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView, QValueAxis

    contrast = high_contrast()
    ink = QColor("#ffffff" if contrast else "#1b1f24")
    series = QBarSeries()
    colours = (("#ffff00", "#00ffff") if contrast else ("#1f5fbf", "#a7b4c6"))
    for name, data, colour in zip(legend, (values, previous), colours, strict=True):
        bar_set = QBarSet(name)
        for value in data:
            bar_set.append(float(value))
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        series.append(bar_set)
    series.setBarWidth(0.8)
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeHighContrast if contrast else QChart.ChartTheme.ChartThemeLight)
    chart.addSeries(series)
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setLabelColor(ink)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if contrast:
        chart.setBackgroundBrush(QColor("#000000"))
        chart.setTitleBrush(ink)
    amounts = QValueAxis()
    top = max((float(v) for v in (*values, *previous)), default=0.0)
    amounts.setRange(0, top * 1.05 if top > 0 else 1)
    amounts.applyNiceNumbers()
    amounts.setLabelFormat("%.0f")
    hours = QValueAxis()
    hours.setRange(-0.5, 23.5)
    hours.setTickType(QValueAxis.TickType.TicksDynamic)
    hours.setTickAnchor(0)
    hours.setTickInterval(3)
    hours.setLabelFormat("%02.0f:00")
    hours.setGridLineVisible(False)
    for axis in (hours, amounts):
        axis.setLabelsColor(ink)
        axis.setTitleBrush(ink)
    chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(hours)
    series.attachAxis(amounts)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(300)
    view.setObjectName("hourChart")
    view.setAccessibleName(title)
    return view
