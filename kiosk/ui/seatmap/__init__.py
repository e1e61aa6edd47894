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
once per seat type and status) with the numbers drawn as text.

Arena halls (issue 15: 100,000 seats, ``kiosk.domain.arena``) made every full repaint cheap
regardless of size: below batched size the hall is a *status image* (one pixel per cell, drawn
scaled, a status change sets one pixel); above it, seats are drawn once per zoom into cached
tiles and a repaint blits them (a status change redraws its cell inside the tiles; after a zoom
step missing tiles are drawn within a frame budget, the status image standing in for a frame or
two). Seat codes map to indices by parsing (row label + number), with no 100,000-entry dict.
Same machine, same hour, load average 7-26 (8 helpers on 2 cores: absolute figures are
inflated several times; the before/after ratio is the point), medians:

=====================================  ======================  =====================
100,000-seat arena, 1280x800           before (main)           after
=====================================  ======================  =====================
build + first paint (fitted)           720 - 2,305 ms          55 - 385 ms
full repaint, fitted / 0.5x / 1:1      752-1,314 / 58-93 /     0.7-1.2 / 0.3-0.7 /
                                       16-38 ms                0.3-0.5 ms
tap to repaint, fitted / 1:1           0.2-0.6 / 0.3-0.4 ms    0.2-0.6 / 0.4-0.9 ms
section picker: blocks computed+shown  761 - 2,934 ms          111 - 476 ms
item per seat (rejected design)        build + paint 13.7 s, full repaint 3.4 s, tap 4.8 ms
=====================================  ======================  =====================

At 20,000 seats, same runs: build 183-214 -> 60-64 ms; full repaint fitted 155-160 -> 1.3-1.6
ms, 0.5x 29-58 -> 0.3 ms, 1:1 13-23 -> 0.3-0.7 ms; taps unchanged (sub-millisecond).
"""

from kiosk.ui.seatmap.panel import SeatMapPanel
from kiosk.ui.seatmap.view import SeatMapView

__all__ = ["SeatMapPanel", "SeatMapView"]
