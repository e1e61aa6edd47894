"""``kiosk screenshot --out DIR``: render every screen to PNG, for the README and for review.

Runs on a fresh temporary copy of the demo data (the configured database is never opened), with
Qt offscreen, and drives each screen into its state the way a person would: through the
services and the screens' public methods, waiting on conditions rather than sleeping. Every mode
is shot in the normal and the high-contrast theme, and the first screens again in Hindi and
Telugu. A screen that fails to reach its state is reported and skipped; the rest still render.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.config import CloudConfig, Config
from kiosk.domain.errors import KioskError

NAME = "screenshot"
HELP = "render every screen to PNG (normal and high-contrast themes, Hindi and Telugu samples)"

MODES = ("self-service", "counter", "manager")
THEMES = ("normal", "high-contrast")
SIZE = (1366, 860)
WAIT_S = 20.0

log = logging.getLogger("kiosk.screenshot")


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="directory for the PNG files")
    parser.add_argument("--mode", dest="only", action="append", choices=MODES,
                        help="only these modes (repeatable; default: all)")
    parser.add_argument("--theme", dest="themes", action="append", choices=THEMES,
                        help="only these themes (repeatable; default: both)")
    parser.add_argument("--no-languages", action="store_true",
                        help="skip the Hindi and Telugu shots")
    parser.add_argument("--quick", action="store_true",
                        help="a reduced set: attract and films in the normal theme only")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}",
                        help="window size, WIDTHxHEIGHT (default %(default)s)")


SECTIONS = (("selfservice", "Self-service"), ("counter", "Counter"), ("manager", "Manager"))


def write_index(out: Path, written: list[Path]) -> Path:
    """``index.md``: every screenshot under its mode, so the README can link one page."""
    names = sorted({p.name for p in out.glob("*.png")} | {p.name for p in written})
    lines = ["# Screenshots", "",
             "Made by `kiosk screenshot --out docs/screenshots` on a temporary copy of the demo "
             "data. `-hc` is the high-contrast theme; `-hi` / `-te` are Hindi and Telugu.", ""]
    for prefix, title in SECTIONS:
        section = [n for n in names if n.startswith(prefix + "-")]
        if not section:
            continue
        lines += [f"## {title}", ""]
        for name in section:
            caption = name[len(prefix) + 1:-4].replace("-", " ")
            lines.append(f"![{title}: {caption}]({name})")
        lines.append("")
    path = out / "index.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@dataclass
class ShotLog:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def run(args, config: Config) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        width, height = (int(v) for v in str(args.size).lower().split("x"))
    except ValueError:
        raise KioskError(f"--size must look like 1366x860, not {args.size!r}") from None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    modes = tuple(args.only or MODES)
    themes = tuple(args.themes or THEMES)
    languages = () if args.no_languages else ("hi", "te")
    if args.quick:
        modes, themes, languages = ("self-service",), ("normal",), ()
    work = Path(tempfile.mkdtemp(prefix="kiosk-screenshots-"))
    try:
        shots = Screenshotter(config, work, out, (width, height), quick=args.quick)
        result = shots.run(modes, themes, languages)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if result.written:
        write_index(out, result.written)
    for path in result.written:
        print(path)
    for failure in result.failed:
        print(f"kiosk: screenshot failed: {failure}", file=os.sys.stderr)
    print(f"{len(result.written)} screenshots in {out}" +
          (f", {len(result.failed)} failed" if result.failed else ""))
    return 1 if result.failed or not result.written else 0


class Screenshotter:
    """Builds the real UI over a demo database and walks it screen by screen."""

    def __init__(self, config: Config, work: Path, out: Path, size: tuple[int, int],
                 quick: bool = False):
        from kiosk.domain.clock import Clock
        from kiosk.services.app import open_services
        from kiosk.store.demo import ensure_demo_data

        self.out = out
        self.size = size
        self.quick = quick
        self.log = ShotLog()
        self.config = replace(config, db_path=work / "kiosk.db", ticket_dir=work / "tickets",
                              bcrypt_rounds=4, cloud=CloudConfig(), language="en",
                              theme="normal", large_text=False, kiosk_id="KIOSK-1",
                              printer_name="", silent_print=False)
        self.services = open_services(self.config, clock=Clock())
        ensure_demo_data(self.services.deps.db, self.services.deps.clock, rounds=4)
        self.ui = None

    # -- plumbing ---------------------------------------------------------------------------
    def run(self, modes, themes, languages) -> ShotLog:
        from kiosk.ui.app import build_ui, create_application

        app = create_application(["kiosk-screenshot"])
        self.app = app
        self.ui = build_ui(self.services, self.config, app=app, install_hooks=False,
                           mode="self-service")
        window = self.ui.window
        window.resize(*self.size)
        window.show()
        self.settle()
        try:
            self._seed_sales()
            for theme in themes:
                self.ui.theme.set_theme(theme)
                self.settle()
                for mode in modes:
                    self._step(f"{mode} ({theme})", lambda m=mode, t=theme: self._mode(m, t))
            for language in languages:
                self._step(f"language {language}", lambda lang=language: self._language(lang))
        finally:
            if self.ui.languages is not None:
                self.ui.languages.set_language("en")
            self.ui.theme.set_theme("normal")
            window.close()
            self.ui.shutdown()
            window.deleteLater()
            self.settle()
            self.services.close()
        return self.log

    def _step(self, name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # one broken screen must not stop the others
            log.exception("screenshot step %s failed", name)
            self.log.failed.append(f"{name}: {type(exc).__name__}: {exc}")

    def settle(self, rounds: int = 6) -> None:
        from PySide6.QtCore import QEventLoop

        for _ in range(rounds):
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if self.ui is not None:
            self.ui.bridge.wait_idle(10_000)
            for _ in range(rounds):
                self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
            time.sleep(0.005)

    def shot(self, name: str) -> Path:
        """Save the whole window; PNG at the strongest compression."""
        self.settle()
        image = self.ui.window.grab().toImage()
        path = self.out / f"{name}.png"
        if not image.save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
        self.log.written.append(path)
        return path

    def _mode(self, mode: str, theme: str) -> None:
        window = self.ui.window
        if window.mode != mode:
            window.set_mode(mode)
            self.settle()
        suffix = "" if theme == "normal" else "-hc"
        if mode == "self-service":
            self._self_service(suffix)
        elif mode == "counter":
            self._counter(suffix)
        else:
            self._manager(suffix)

    # -- data -------------------------------------------------------------------------------
    def _staff(self, number: str, pin: str):
        return self.services.auth.sign_in(number, pin)

    def _seed_sales(self) -> None:
        """Some sold and held seats and a day of sales, so maps and reports are not empty."""
        from kiosk.services.models import Payment, ShowQuery

        services = self.services
        shows = services.catalogue.find_shows(ShowQuery(limit=40))
        if not shows:
            return
        cashier = self._staff("1002", "2345")
        robot = replace(services.auth.self_service_actor(), kiosk_id="KIOSK-2")
        for index, show in enumerate(shows[:24]):
            for n in (4, 2, 3)[: 1 + index % 3]:
                actor = cashier if (index + n) % 2 else robot
                try:
                    hold = services.booking.hold_best(actor, show.show_id, n)
                    types = {seat: ("child" if i == 1 else "adult")
                             for i, seat in enumerate(hold.seats)}
                    services.booking.confirm(actor, hold.hold_id, types,
                                             Payment(method="card", card_last4=f"{4000 + index}"))
                except KioskError as err:
                    log.info("seeding a sale skipped: %s", err)
        self._held_elsewhere(shows[0].show_id)
        self._seed_refunds(cashier, shows)

    def _seed_refunds(self, cashier, shows) -> None:
        """One refund a cashier may pay out and one large enough to wait for a manager."""
        from kiosk.services.models import Payment

        booking = self.services.booking
        for show, n in ((shows[-1], 1), (shows[-2], 10)):
            try:
                hold = booking.hold_best(cashier, show.show_id, n)
                sale = booking.confirm(cashier, hold.hold_id, dict.fromkeys(hold.seats, "adult"),
                                       Payment(method="card", card_last4="4242"))
                booking.refund(cashier, sale.reference, reason="Customer changed plans")
            except KioskError as err:
                log.info("seeding a refund skipped: %s", err)

    def _held_elsewhere(self, show_id: str) -> None:
        other = replace(self.services.auth.self_service_actor(), kiosk_id="KIOSK-2")
        try:
            self.services.booking.hold_best(other, show_id, 3)
        except KioskError as err:
            log.info("holding seats elsewhere skipped: %s", err)

    # -- self-service -----------------------------------------------------------------------
    def _self_service(self, suffix: str) -> None:
        ss = self.ui.window.mode_widget
        ss.go_attract()
        ss.attract.set_animated(False)
        self.shot(f"selfservice-attract{suffix}")
        ss.start()
        self.shot(f"selfservice-films{suffix}")
        if self.quick:
            return
        film = ss.films.tiles()[0].film
        ss.choose_film(film, ss.films.query())
        self.shot(f"selfservice-shows{suffix}")
        card = next(c for c in ss.shows.cards() if c.isEnabled())
        self._held_elsewhere(card.show_summary.show_id)
        card.click()
        self.wait_until(lambda: ss.current_name() == "seats", "the seat map")
        ss.seats.request_best(2)
        self.wait_until(lambda: ss.sale.hold is not None and not ss.seats.is_busy(), "a hold")
        self.shot(f"selfservice-seats{suffix}")
        ss.seats.continue_button.click()
        seats = ss.sale.hold.seats
        child = ss.tickets.findChild(type(ss.tickets.continue_button), f"type_{seats[-1]}_child")
        if child is not None:
            child.click()
        self.shot(f"selfservice-tickets{suffix}")
        ss.tickets.continue_button.click()
        ss.pay.terminal.tap_button.click()
        self.wait_until(lambda: ss.pay.last4 is not None, "the card terminal")
        self.shot(f"selfservice-pay{suffix}")
        ss.pay.continue_button.click()
        ss.contact.keyboard.type_text("asha.rao@example.com")
        self.shot(f"selfservice-contact{suffix}")
        ss.contact.continue_button.click()
        self.shot(f"selfservice-review{suffix}")
        ss.review.confirm_button.click()
        self.wait_until(lambda: ss.current_name() == "done", "the confirmed booking")
        self.shot(f"selfservice-ticket{suffix}")
        ss.prompt.start(has_hold=False)
        self.shot(f"selfservice-idle-prompt{suffix}")
        ss.prompt.stop()
        ss.go_attract()

    # -- counter ----------------------------------------------------------------------------
    def _counter(self, suffix: str) -> None:
        cm = self.ui.window.mode_widget
        if cm.session.actor is not None:
            cm.sign_out()
            self.wait_until(lambda: cm.current_name() == "signin", "the sign-in screen")
        self.shot(f"counter-signin{suffix}")
        self._counter_sign_in(cm)
        if cm.current_name() == "shift_open":
            self.shot(f"counter-shift-open{suffix}")
            keypad = cm.screens["shift_open"].keypad
            for digit in "5000":
                keypad.buttons[digit].click()
            keypad.buttons["enter"].click()
            self.wait_until(lambda: cm.current_name() == "finder", "the show finder")
        self.shot(f"counter-finder{suffix}")
        finder = cm.screens["finder"]
        show = finder.model.show_at(0)
        self._held_elsewhere(show.show_id)
        cm.open_show(show.show_id)
        self.wait_until(lambda: cm.current_name() == "seats", "the counter seat map")
        cm.screens["seats"].panel.bestRequested.emit(3, False)
        self.wait_until(lambda: cm.session.sale.hold is not None, "a counter hold")
        self.shot(f"counter-seats{suffix}")
        cm.screens["seats"].continue_button.click()
        self.wait_until(lambda: cm.current_name() == "basket", "the basket")
        basket = cm.screens["basket"]
        first = cm.session.sale.hold.seats[0]
        combo = basket.combos.get(first)
        if combo is not None:
            combo.setCurrentIndex(max(0, combo.findData("child")))
        self.shot(f"counter-basket{suffix}")
        basket.pay_button.click()
        self.wait_until(lambda: cm.current_name() == "payment", "the payment screen")
        payment = cm.screens["payment"]
        note = next((b for b in payment.quick_buttons if b.objectName() != "quickCashExact"),
                    None)
        if note is not None:
            note.click()
        self.shot(f"counter-payment{suffix}")
        payment.confirm_button.click()
        self.wait_until(lambda: cm.current_name() == "ticket", "the ticket screen")
        self.shot(f"counter-ticket{suffix}")
        booking = cm.session.sale.booking
        cm.new_sale()
        cm.open_refund()
        refund = cm.screens["refund"]
        refund.reference.setText(booking.reference)
        refund.find()
        self.wait_until(lambda: refund.booking is not None, "the booking to refund")
        self.shot(f"counter-refund{suffix}")
        cm.go("finder")
        cm.close_shift()
        self.wait_until(lambda: cm.current_name() == "shift_close", "the shift close screen")
        keypad = getattr(cm.screens["shift_close"], "keypad", None)
        if keypad is not None:
            for digit in "5000":
                keypad.buttons[digit].click()
        self.shot(f"counter-shift-close{suffix}")
        cm.go("finder")

    def _counter_sign_in(self, cm) -> None:
        """Cashier 1001 types the staff number and PIN on the keypad."""
        panel = cm.signin.panel
        for digit in "1001":
            panel.keypad.buttons[digit].click()
        panel.keypad.buttons["enter"].click()
        for digit in "1234":
            panel.keypad.buttons[digit].click()
        panel.keypad.buttons["enter"].click()
        self.wait_until(lambda: cm.current_name() in ("shift_open", "finder"), "sign-in")

    # -- manager ----------------------------------------------------------------------------
    def _manager(self, suffix: str) -> None:
        try:
            from kiosk.ui.manager.window import PAGES
        except ImportError:
            log.info("no manager console in this build")
            return
        mm = self.ui.window.mode_widget
        if getattr(mm, "console", None) is None:
            self.shot(f"manager-signin{suffix}")
            mm.open_console(self._staff("9001", "9999"))
        console = mm.console
        for key, *_rest in PAGES:
            console.show_page(key)
            self.settle(10)
            self.shot(f"manager-{key}{suffix}")

    # -- languages --------------------------------------------------------------------------
    def _language(self, language: str) -> None:
        window = self.ui.window
        if window.mode != "self-service":
            window.set_mode("self-service")
        self.ui.theme.set_theme("normal")
        self.ui.languages.set_language(language)
        self.settle(10)
        ss = window.mode_widget
        ss.attract.set_animated(False)
        self.shot(f"selfservice-attract-{language}")
        ss.start()
        self.shot(f"selfservice-films-{language}")
        ss.go_attract()
        window.set_mode("counter")
        self.settle()
        cm = window.mode_widget
        if cm.session.actor is not None:
            cm.sign_out()
            self.wait_until(lambda: cm.current_name() == "signin", "the sign-in screen")
        self.shot(f"counter-signin-{language}")
        self._counter_sign_in(cm)
        if cm.current_name() == "shift_open":
            self.shot(f"counter-shift-open-{language}")
            cm.go("finder")  # card sales only: no float needed for the picture
            self.wait_until(lambda: cm.current_name() == "finder", "the show finder")
        self.shot(f"counter-finder-{language}")
        cm.sign_out()
        self.wait_until(lambda: cm.current_name() == "signin", "the sign-in screen")
        self.ui.languages.set_language("en")
        window.set_mode("self-service")
        self.settle()
