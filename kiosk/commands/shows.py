"""``kiosk shows``: list shows on sale, today first, as a readable table."""

from __future__ import annotations

import argparse
from datetime import date

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import format_money
from kiosk.services.catalogue import CatalogueService
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import ShowQuery, ShowSummary
from kiosk.store.db import open_db

NAME = "shows"
HELP = "list shows on sale (today first) with seats left and prices; filter by city, cinema, " \
       "language, genre, date or a search word"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--city", help="only this city, e.g. Mumbai")
    parser.add_argument("--cinema", help="only this cinema (its id or part of its name)")
    parser.add_argument("--language", help="only films in this language, e.g. Telugu")
    parser.add_argument("--genre", help="only films of this genre, e.g. Comedy")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="only shows on this local date")
    parser.add_argument("--search", metavar="TEXT",
                        help="words to find in the film title, cinema, hall or language")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="show at most N rows (default 50)")


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date; use the form 2026-12-01.") from None


def _cinema_id(catalogue: CatalogueService, text: str | None, city: str | None) -> str | None:
    if not text:
        return None
    cinemas = catalogue.cinemas(city)
    for c in cinemas:
        if c["id"].casefold() == text.casefold():
            return c["id"]
    found = [c for c in cinemas if text.casefold() in c["name"].casefold()]
    if len(found) == 1:
        return found[0]["id"]
    if not found:
        names = "; ".join(f"{c['id']} ({c['name']})" for c in cinemas) or "none"
        raise InvalidInput(f"No cinema matches {text!r}. Cinemas: {names}.")
    names = "; ".join(f"{c['id']} ({c['name']})" for c in found)
    raise InvalidInput(f"{text!r} matches several cinemas: {names}. Use the id.")


def format_table(shows: list[ShowSummary]) -> str:
    header = ("When (local)", "Film", "Cert", "Language", "Cinema", "Hall", "Seats left",
              "From", "Show id")
    rows = [header] + [
        (f"{s.local_start:%a %d %b %H:%M}", s.film_title, s.certificate, s.language,
         s.cinema_name, s.hall_name, f"{s.seats_left}/{s.seats_total}",
         format_money(s.from_price_minor, s.currency), s.show_id)
        for s in shows
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    right = {6, 7}
    lines = []
    for n, row in enumerate(rows):
        cells = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run(args: argparse.Namespace, config: Config) -> int:
    if args.limit < 1:
        raise InvalidInput("--limit must be at least 1.")
    day = _parse_date(args.date)
    db = open_db(config.db_path)
    try:
        catalogue = CatalogueService(ServiceDeps(db=db, config=config, clock=Clock()))
        query = ShowQuery(city=args.city, cinema_id=_cinema_id(catalogue, args.cinema, args.city),
                          language=args.language, genre=args.genre, day=day, text=args.search,
                          limit=args.limit)
        shows = catalogue.find_shows(query)
        if not shows:
            if db.conn.execute("SELECT 1 FROM shows LIMIT 1").fetchone() is None:
                print("There are no shows in this database yet. Run `kiosk init` to load the demo.")
            else:
                print("No shows on sale match these filters.")
            return 0
        print(format_table(shows))
    finally:
        db.conn.close()
    return 0
