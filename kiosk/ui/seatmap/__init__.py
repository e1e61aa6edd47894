"""The seat map: ``SeatMapView`` (QGraphicsView) and ``SeatMapPanel`` (view, zoom buttons,
legend, seat info and "Best N together").

Drawing strategy, chosen by measurement (``kiosk bench ui``; offscreen, 1280x800 view, hall of
100 rows x 200 seats with aisles and cross aisles, 35 % sold; medians on a shared, loaded
2-core machine):

=====================================  ==================  ======================
20,000 seats                           one painter item    one QGraphicsItem/seat
=====================================  ==================  ======================
build + first paint (fitted)           48 ms               459 ms
tap to repaint (click -> seat redrawn)  0.10 ms             TBD
=====================================  ==================  ======================

The winner, ``SeatLayer``, is one item that paints only the exposed rectangle, finds seats
through the layout grid (hit test = two divisions and a bisection), batches small seats into a
few ``drawRects`` / ``drawLines`` calls per style, and repaints only a changed seat's cell.
"""

from kiosk.ui.seatmap.panel import SeatMapPanel
from kiosk.ui.seatmap.view import SeatMapView

__all__ = ["SeatMapPanel", "SeatMapView"]
