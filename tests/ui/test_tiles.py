"""The tile grid behind the film grid, the show cards and the counter's food buttons: as many
columns as fit, cells widened to fill the row, and the height its rows need for a width."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from kiosk.ui.widgets.tiles import TileGridLayout, wrap_words


@pytest.fixture
def grid(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = TileGridLayout(host, spacing=10, cell_width=100)
    for _ in range(7):
        tile = QFrame(host)  # plain frames: no stylesheet of an earlier test resizes them
        tile.setFixedHeight(40)
        tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(tile)
    return host, layout


@pytest.mark.parametrize(("width", "columns"), [(100, 1), (209, 1), (210, 2), (545, 5),
                                                (1000, 9)])
def test_as_many_columns_as_fit(grid, width, columns):
    _host, layout = grid
    assert layout.columns_for(width) == columns


def test_cells_fill_the_row_and_rows_follow_the_width(grid):
    host, layout = grid
    host.resize(545, layout.heightForWidth(545))
    host.show()
    tiles = host.findChildren(QFrame)
    first_row = [t for t in tiles if t.y() == min(t.y() for t in tiles)]
    assert len(first_row) == 5
    assert max(t.geometry().right() for t in first_row) == 544  # no blank band on the right
    assert layout.heightForWidth(545) == 2 * 40 + 10  # two rows
    assert layout.heightForWidth(100) == 7 * 40 + 6 * 10  # one column
    assert layout.minimumSize().width() == 100  # never wider than one tile


def test_words_wrap_whole():
    def advance(text: str) -> int:
        return 10 * len(text)

    assert wrap_words("Couple combo: large popcorn", advance, 130) == [
        "Couple combo:", "large popcorn"]
    assert wrap_words("Supercalifragilistic", advance, 50) == ["Supercalifragilistic"]
    assert wrap_words("", advance, 50) == [""]


# -- the flow row: the film filters, the seat map's zoom and "Find N seats together" ---------
@pytest.fixture
def flow(qtbot):
    from kiosk.ui.widgets.flow import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, spacing=10)
    for width in (100, 100, 100):
        box = QFrame(host)
        box.setFixedSize(width, 40)
        layout.addWidget(box)
    return host, layout


def test_a_flow_row_wraps_instead_of_squeezing(flow):
    host, layout = flow
    assert layout.sizeHint().width() == 320  # one line is what it would like
    assert layout.minimumSize().width() == 100  # one item is what it needs
    assert layout.heightForWidth(320) == 40
    assert layout.heightForWidth(250) == 2 * 40 + 10  # the third box on a second line
    host.resize(250, layout.heightForWidth(250))
    host.show()
    boxes = host.findChildren(QFrame)
    assert [b.width() for b in boxes] == [100, 100, 100]  # none squeezed
    assert boxes[2].x() == 0 and boxes[2].y() == 50


def test_an_item_wider_than_the_row_gets_the_row_and_its_height_there(flow):
    from kiosk.ui.widgets.flow import FlowLayout

    host, layout = flow
    inner = QWidget(host)  # a flow of its own, as "Best N" is inside the seat map's bar
    nested = FlowLayout(inner, spacing=10)
    for _ in range(3):
        box = QFrame(inner)
        box.setFixedSize(90, 30)
        nested.addWidget(box)
    layout.insertWidget(0, inner)
    assert layout.itemAt(0).widget() is inner
    # 200 px: the inner flow (290 px on one line) takes the row, two lines of its own
    assert layout.heightForWidth(200) == (2 * 30 + 10) + 10 + 40 + 10 + 40 + 10 + 40
