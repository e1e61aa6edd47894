"""The seat map: ``SeatMapView`` (QGraphicsView) and ``SeatMapPanel`` (view, zoom buttons,
legend, seat info and "Best N together").

Drawing strategy, chosen by measurement (``kiosk bench --section ui``; offscreen, 1280x800
view, a hall of 100 rows x 200 seats with aisles and cross aisles, 35 % sold; medians; four
runs on a shared 2-core machine at load average 3-5, so ranges, not single figures):

=======================================  ===================  ========================
20,000 seats                             one painter item     one QGraphicsItem / seat
=======================================  ===================  ========================
build + first paint (fitted)             48 - 154 ms          459 - 1,281 ms
tap to repaint, fitted                   0.10 ms              0.18 - 0.33 ms
tap to repaint, 1:1 zoom                 0.28 - 0.29 ms       (not measured)
=======================================  ===================  ========================

Tap-to-repaint is cheap either way (one cell); building and painting the whole hall decides
it: per-seat items cost a Python object and a Python ``paint`` call per seat, 5-10x slower and
over the 200 ms budget. Full-viewport repaints of the winner: ~12-20 ms at 1:1 (360 detailed
seats), ~40-65 ms at 0.5x (1,300 detailed seats), ~26-40 ms fitted (20,000 batched seats).

The winner, ``SeatLayer``, is one item that paints only the exposed rectangle, finds seats
through the layout grid (hit test = two divisions and a bisection), batches small seats into a
few ``drawRects`` / ``drawLines`` calls per style, and repaints only a changed seat's cell.
"""

from kiosk.ui.seatmap.panel import SeatMapPanel
from kiosk.ui.seatmap.view import SeatMapView

__all__ = ["SeatMapPanel", "SeatMapView"]
