"""Bar charts for the dashboard, with QtCharts imported only when a chart is first drawn.

QtCharts pulls in a large library; the counter and self-service apps never show a chart, so
nothing at module level here imports it, and ``kiosk.ui.manager`` imports this module lazily too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

MAX_BARS = 24


def high_contrast() -> bool:
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


def bar_chart(title: str, categories: Sequence[str], values: Sequence[float], unit: str,
              parent: QWidget | None = None) -> QWidget:
    """A QChartView with one bar per category (the largest ``MAX_BARS`` if there are more)."""
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QValueAxis,
    )

    pairs = list(zip(categories, values, strict=True))
    if len(pairs) > MAX_BARS:
        pairs = sorted(pairs, key=lambda p: p[1], reverse=True)[:MAX_BARS]
    contrast = high_contrast()
    bar_set = QBarSet(unit)
    bar_set.setColor(QColor("#ffff00" if contrast else "#1f5fbf"))
    bar_set.setBorderColor(QColor("#ffffff" if contrast else "#1f5fbf"))
    for _, value in pairs:
        bar_set.append(float(value))
    series = QBarSeries()
    series.append(bar_set)
    series.setBarWidth(0.7)
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeHighContrast if contrast else QChart.ChartTheme.ChartThemeLight)
    bar_set.setColor(QColor("#ffff00" if contrast else "#1f5fbf"))
    chart.addSeries(series)
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if contrast:
        chart.setBackgroundBrush(QColor("#000000"))
        chart.setTitleBrush(QColor("#ffffff"))
    numeric = bool(pairs) and all(p[0].isdigit() for p in pairs)
    if numeric:  # hours 00..23: a value axis labelled every third hour stays readable
        axis_x = QValueAxis()
        axis_x.setRange(-0.5, len(pairs) - 0.5)
        axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_x.setTickAnchor(0)
        axis_x.setTickInterval(3)
        axis_x.setLabelFormat("%02.0f:00")
        axis_x.setGridLineVisible(False)
    else:
        axis_x = QBarCategoryAxis()
        axis_x.append([p[0][:14] for p in pairs] or [""])
    axis_y = QValueAxis()
    top = max((float(v) for _, v in pairs), default=0.0)
    axis_y.setRange(0, top * 1.05 if top > 0 else 1)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(unit)
    for axis in (axis_x, axis_y):
        if contrast:
            axis.setLabelsColor(QColor("#ffffff"))
            axis.setTitleBrush(QColor("#ffffff"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    small = axis_x.labelsFont()
    small.setPixelSize(11)
    axis_x.setLabelsFont(small)
    if not numeric and len(pairs) > 8 and max((len(p[0]) for p in pairs), default=0) > 3:
        axis_x.setLabelsAngle(-60)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setObjectName("chartView")
    view.setAccessibleName(title)
    return view
