"""Generated posters: deterministic per film, different between films, cached, file wins."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.ui import posters

FILM = {"id": "film-monsoon", "title": "Monsoon Express", "language": "Hindi",
        "genres": ["Action", "Drama"], "certificate": "UA", "runtime_min": 148}
SIZE = QSize(120, 180)


def _image(film, size=SIZE) -> QImage:
    return posters.draw_poster(film, size).toImage()


def _distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 4)
                for y in range(0, image.height(), 4)})


def test_same_film_draws_the_same_poster(qapp):
    assert _image(FILM) == _image(dict(FILM))


def test_different_films_get_different_posters(qapp):
    other = dict(FILM, id="film-other")
    assert _image(FILM) != _image(other)
    assert posters.palette_for("film-monsoon")[0] != posters.palette_for("film-other")[0]


def test_poster_is_a_picture_not_a_flat_fill(qapp):
    image = _image(FILM)
    assert image.size() == SIZE
    assert _distinct_colours(image) > 50


def test_genre_picks_the_motif(qapp):
    assert posters.motif_for({"id": "x", "genres": ["Horror"]}) == "moon"
    assert posters.motif_for({"id": "x", "genres": '["Romance"]'}) == "hearts"
    assert posters.motif_for({"id": "x", "genres": []}) in posters._MOTIFS


def test_long_and_non_latin_titles_draw(qapp):
    for title in ("The Quiet Lighthouse Keeper of Ratnagiri and the Forty Lanterns", "दिल की बात",
                  "మనసు మాట", ""):
        image = _image(dict(FILM, title=title))
        assert _distinct_colours(image) > 20


def test_posters_are_cached_per_film_and_size(qapp):
    posters.clear_cache()
    first = posters.poster_pixmap(FILM, SIZE)
    assert posters.poster_pixmap(FILM, SIZE).cacheKey() == first.cacheKey()
    assert posters.poster_pixmap(FILM, QSize(60, 90)).size() == QSize(60, 90)


def test_a_poster_file_is_used_when_present(qapp, tmp_path):
    path = tmp_path / "poster.png"
    image = QImage(200, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#123456"))
    image.save(str(path))
    drawn = posters.poster_pixmap(dict(FILM, poster=str(path)), SIZE).toImage()
    assert QColor(drawn.pixel(60, 90)).name() == "#123456"
    missing = posters.poster_pixmap(dict(FILM, poster=str(tmp_path / "gone.png")), SIZE).toImage()
    assert _distinct_colours(missing) > 50  # a missing file falls back to the drawn poster
