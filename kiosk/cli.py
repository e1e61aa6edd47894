"""The ``kiosk`` command. With no subcommand it launches the app on the configured database."""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.commands import COMMAND_MODULES
from kiosk.config import Config, load_config, validate
from kiosk.domain.errors import KioskError

log = logging.getLogger("kiosk")


def _command_modules():
    for name in COMMAND_MODULES:
        try:
            yield importlib.import_module(f"kiosk.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kiosk.commands.{name}":
                raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Box Office Kiosk: sell tickets at the counter or on a self-service screen. "
        "Without a subcommand the app starts on its configured database "
        "(an empty one asks for its first manager; --demo loads the demo data).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, help="TOML config file (default: $KIOSK_CONFIG "
                        "or kiosk.toml in the user config directory)")
    parser.add_argument("--db", type=Path, help="SQLite database file (default: $KIOSK_DB or the "
                        "user data directory)")
    parser.add_argument("--kiosk-id", help="this kiosk's id (default from config)")
    parser.add_argument("--mode", choices=["counter", "self-service", "manager", "door"],
                        help="which app to open")
    parser.add_argument("--windowed", action="store_true", default=None,
                        help="open in a window instead of full screen")
    # dest differs from `kiosk shows --language` (a film language), which would otherwise
    # overwrite the UI language
    parser.add_argument("--language", dest="ui_language", choices=["en", "hi", "te"],
                        help="user interface language")
    parser.add_argument("--theme", choices=["normal", "high-contrast"], help="colour theme")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    from kiosk.commands.launch import add_launch_arguments

    add_launch_arguments(parser)  # --demo
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def config_from_args(args: argparse.Namespace) -> Config:
    """The config every entry point (the app and each subcommand) runs with, checked at start:
    a bad value stops here, naming the key, the value, where it came from and the rule."""
    config = load_config(args.config)
    return validate(config.with_overrides(
        db_path=args.db,
        kiosk_id=args.kiosk_id,
        mode=args.mode,
        windowed=args.windowed,
        language=args.ui_language,
        theme=args.theme,
    ))


# Commands that read or sell from the database say, on stderr, when it holds the demo data.
DEMO_NOTICE_COMMANDS = frozenset({"shows", "book", "sell", "giftcard", "member", "offers",
                                  "voucher", "refund",
                                  "report",
                                  "backup"})


def demo_notice(config: Config) -> None:
    """One line on stderr when the database holds the demo (its staff PINs are published).

    Read-only and only if the file exists: a notice never creates or migrates a database."""
    import sqlite3

    path = Path(config.db_path)
    if not path.is_file():
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            demo = conn.execute("SELECT 1 FROM settings WHERE key = 'demo_data'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return
    if demo:
        print(f"kiosk: DEMO data in {path} (the demo staff PINs are published; not a cinema's "
              "own data)", file=sys.stderr)


def printable(text: str) -> str:
    """An error message that can always be printed: a file name given as undecodable bytes
    reaches Python as lone surrogates, which a UTF-8 stream refuses (the error would be lost)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """Built once a process: argparse asks gettext for each of its ~900 strings, and a miss is
    a walk of the locale folders every time (80 % of a quick command's time, measured)."""
    return build_parser()


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a file name echoed back must not crash the command
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = config_from_args(args)
        handler = getattr(args, "handler", None)  # argparse: only subcommands set one
        if handler is None:
            from kiosk.commands import launch

            return launch.run(args, config)
        if getattr(args, "launch_demo", False):  # argparse: only `launch` has the flag
            from kiosk.domain.errors import InvalidInput

            raise InvalidInput("--demo before a command only starts the app on the demo data; "
                               "load it with `kiosk init --demo` instead. Nothing was changed.")
        if args.command in DEMO_NOTICE_COMMANDS:
            demo_notice(config)
        return handler(args, config)
    except KioskError as err:
        print(f"kiosk: {printable(str(err))}", file=sys.stderr)
        return err.exit_code
    except (OSError, ValueError) as err:  # unreadable files, malformed TOML, bad numbers
        print(f"kiosk: {printable(str(err))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
