"""``kiosk import``: load films, halls, shows or prices from a JSON or CSV file.

The whole file is checked first; if any row is wrong nothing is imported and every problem is
listed with its line (CSV) or item number (JSON). Only a manager may import; the import is
recorded in the audit log. The file formats are described in ``kiosk/services/importer.py``
and there are small examples in ``data/examples/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.services.app import open_services
from kiosk.services.importer import KINDS, ImportRejected, ImportService

NAME = "import"
HELP = ("import films, halls, shows or prices from a .json or .csv file (manager only); "
        "all or nothing: a file with any problem changes nothing")


FORMATS = """\
file formats (CSV: the first row names the columns; [..] = optional):
  films   id, title, language, genres (e.g. Action|Drama), certificate (U, UA, U/A,
          UA7+, UA13+, UA16+, A, S), runtime_min, [synopsis], [poster] (a file in the
          posters folder beside the database, e.g. 2027/paper-boats.webp)
  halls   id, cinema_id, name, layout (seat rows as JSON; see data/examples/halls.json)
  shows   [id], film_id, hall_id, starts_at (the cinema's local time: 2026-12-01 18:30),
          price_list_id
  prices  price_list_id, [price_list_name], currency, tax_rate_bp (1800 = 18 %),
          seat_type, ticket_type, amount (tax included: 250.00)
JSON: {"films": [{...}, ...]} with the same field names. Examples are in data/examples/.
Text may not start with = + - @ (a spreadsheet would run it) nor hold control characters.
Check a file first with --dry-run."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = FORMATS
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="the .json or .csv file (see data/examples/ for the formats)")
    parser.add_argument("--kind", choices=KINDS,
                        help="what the file holds (default: worked out from the file)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only check the file and say what would change; write nothing")
    add_staff_arguments(parser)


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(k, 0)} {k}" for k in ("added", "updated", "unchanged"))


def run(args: argparse.Namespace, config: Config) -> int:
    if not args.file.is_file():
        raise InvalidInput(f"There is no file {args.file}.")
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            importer = ImportService(services.deps)
            if args.dry_run:
                services.auth.require_manager(actor, "import")
                preview = importer.preview(args.file, args.kind)
                if preview.errors:
                    raise ImportRejected(preview.errors, str(args.file))
                print(f"{args.file.name} is fine ({preview.kind}): would be "
                      f"{_summary(preview.counts())}. Nothing was written (dry run).")
                return 0
            result = importer.apply(actor, args.file, args.kind)
            print(f"Imported {result.kind} from {args.file.name}: {_summary(result.counts)}.")
            return 0
    finally:
        services.close()
