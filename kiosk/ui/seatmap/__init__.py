"""The seat map: ``SeatMapView`` (QGraphicsView) and ``SeatMapPanel`` (view, labelled zoom
buttons, legend, seat info and "Best N together").

Modules: ``palette`` (how every seat state and type looks, colour *and* mark or shape, per theme:
the one definition the map, the legend and the hall editor draw from), ``painting`` (drawing one
seat or many), ``geometry`` (cells and the grid index), ``layer`` (the one painter item),
``sections`` (Qt-free blocks of a big hall) and ``overlay`` (those blocks drawn as tap targets
on self-service, where a fitted big hall's seats are too small to touch).

Drawing strategy, chosen by measurement (``kiosk bench --section ui``; offscreen, 1280x800
view, a hall of 100 rows x 200 seats with aisles and cross aisles, 35 % sold; medians; five
runs on a shared 2-core machine at load average 2.5-5, so ranges, not single figures):

=======================================  ===================  ========================
20,000 seats                             one painter item     one QGraphicsItem / seat
=======================================  ===================  ========================
build + first paint (fitted)             28 - 154 ms          337 - 1,281 ms
tap to repaint, fitted                   0.10 - 0.23 ms       0.18 - 0.33 ms
tap to repaint, 1:1 zoom                 0.14 - 0.29 ms       (not measured)
=======================================  ===================  ========================

Tap-to-repaint is cheap either way (one cell); building and painting the whole hall decides
it: per-seat items cost a Python object and a Python ``paint`` call per seat, 5-10x slower and
over the 200 ms budget.

Within the winner, zoomed-in seats are blitted from a per-zoom sprite cache (body + marks drawn
once per seat type and status) with the numbers drawn as text: full-viewport repaints at 20,000
seats went from ~12-20 ms to ~2-4 ms at 1:1 (360 seats visible) and from ~40-65 ms to ~11-19 ms
at 0.5x (1,300 seats); fitted (every seat batched as plain rectangles) stays ~20-40 ms.

The winner, ``SeatLayer``, is one item that paints only the exposed rectangle, finds seats
through the layout grid (hit test = two divisions and a bisection), batches small seats into a
few ``drawRects`` / ``drawLines`` calls per style, blits cached sprites when zoomed in, and
repaints only a changed seat's cell.
"""

from kiosk.ui.seatmap.panel import SeatMapPanel
from kiosk.ui.seatmap.view import SeatMapView

__all__ = ["SeatMapPanel", "SeatMapView"]
