"""``kiosk screenshot --out DIR``: render every screen to PNG, for the README and for review.

Runs on a fresh temporary copy of the demo data (the configured database is never opened), with
Qt offscreen, and drives each screen into its state the way a person would: through the
services and the screens' public methods, waiting on conditions rather than sleeping. Every mode
is shot in each ``Scene`` (a language, a theme, normal or large text): by default English in
the normal and the high-contrast theme, then Hindi and Telugu. A screen that fails to reach its
state is reported and skipped; the rest still render.

The same walk serves the tests: ``Screenshotter(observe=...)`` calls the observer with every
screen it reaches (and ``save=False`` writes no PNG), so ``tests/ui/test_screen_text.py`` checks
the very screens the pictures show, with no second set of scenario builders.

The pictures never depend on today's date: the tool runs the app on its own clock, fixed on a
scenario day it chooses (``SCENE_DAY``), adds the scenario's own shows to the demo schedule
(``SCENE_SHOWS``: a U-rated family film for the sales with a child ticket, and two more) and
sells and refunds those shows by id, never "whichever show happens to be on sale first".
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.config import CloudConfig, Config
from kiosk.domain.errors import KioskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

NAME = "screenshot"
HELP = "render every screen to PNG (normal and high-contrast themes, Hindi and Telugu)"

MODES = ("self-service", "counter", "manager")
THEMES = ("normal", "high-contrast")
SIZE = (1366, 860)
WAIT_S = 20.0

log = logging.getLogger("kiosk.screenshot")

# The scenario: Saturday 14 March 2026 in Mumbai. Sales are seeded from 09:00 local time through
# the morning; every picture is taken at 13:15, with the clock standing still (a FakeClock), so
# the same command draws the same screens on any day it is run.
SCENE_ZONE = "Asia/Kolkata"
SCENE_DAY = date(2026, 3, 14)
SEED_FROM = datetime.combine(SCENE_DAY, dtime(9, 0), ZoneInfo(SCENE_ZONE)).astimezone(UTC)
SCENE_NOW = datetime.combine(SCENE_DAY, dtime(13, 15), ZoneInfo(SCENE_ZONE)).astimezone(UTC)
SEED_STEP = timedelta(minutes=4)  # between two seeded sales, so the day has an hourly shape
SCENE_HALL = "mum-andheri-1"  # the demo's Andheri "Audi 1"; its scenario-day shows are ours
SCENE_SHOWS = (  # (key, film id, local start) in SCENE_HALL on SCENE_DAY
    ("family", "rangoli-robot", dtime(14, 0)),  # U: both sales, with a child ticket
    ("matinee", "monsoon-letters", dtime(16, 30)),  # U: a small refund
    ("late", "dust-and-neon", dtime(20, 0)),  # A (adults only): a refund a manager approves
)
MANAGER = ("9001", "9999")


@dataclass(frozen=True)
class Scene:
    """One way of looking at every screen: a language, a theme and the text size."""

    language: str = "en"
    theme: str = "normal"
    large_text: bool = False

    @property
    def suffix(self) -> str:
        """The file-name tail: "" for English / normal, else "-hc", "-hi", "-large"..."""
        parts = ([] if self.theme == "normal" else ["hc"]) + \
            ([] if self.language == "en" else [self.language]) + (["large"] if self.large_text else [])
        return "".join(f"-{part}" for part in parts)


Observer = Callable[[str, "QWidget"], None]


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="directory for the PNG files")
    parser.add_argument("--mode", dest="only", action="append", choices=MODES,
                        help="only these modes (repeatable; default: all)")
    parser.add_argument("--theme", dest="themes", action="append", choices=THEMES,
                        help="only these themes (repeatable; default: both)")
    parser.add_argument("--no-languages", action="store_true",
                        help="skip the Hindi and Telugu shots")
    parser.add_argument("--large-text", action="store_true",
                        help="every scene in large text as well")
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
             "data. `-hc` is the high-contrast theme; `-hi` / `-te` are Hindi and Telugu; "
             "`-large` is large text.", ""]
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
    scenes = [Scene("en", theme) for theme in themes] + \
        [Scene(language, "normal") for language in languages]
    if getattr(args, "large_text", False):
        scenes += [replace(scene, large_text=True) for scene in scenes]
    work = Path(tempfile.mkdtemp(prefix="kiosk-screenshots-"))
    try:
        shots = Screenshotter(config, work, out, (width, height), quick=args.quick)
        result = shots.run(modes, scenes)
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
    """Builds the real UI over a demo database and walks it screen by screen.

    ``observe(name, window)`` (optional) sees every screen as it is reached; ``save=False``
    skips the PNG files (the tests look at the widgets, not at pictures).
    """

    def __init__(self, config: Config, work: Path, out: Path, size: tuple[int, int],
                 quick: bool = False, observe: Observer | None = None, save: bool = True):
        from kiosk.domain.clock import FakeClock
        from kiosk.services.app import open_services
        from kiosk.store.demo import ensure_demo_data

        self.out = out
        self.size = size
        self.quick = quick
        self.observe = observe
        self.save = save
        self.log = ShotLog()
        self.config = replace(config, db_path=work / "kiosk.db", ticket_dir=work / "tickets",
                              bcrypt_rounds=4, cloud=CloudConfig(), language="en",
                              theme="normal", large_text=False, kiosk_id="KIOSK-1",
                              printer_name="", silent_print=False)
        self.clock = FakeClock(SEED_FROM)
        self.services = open_services(self.config, clock=self.clock)
        try:
            ensure_demo_data(self.services.deps.db, self.clock, rounds=4)
            self.scene = self._schedule_scene()
        except BaseException:
            self.services.close()
            raise
        self.ui = None

    # -- plumbing ---------------------------------------------------------------------------
    def run(self, modes, scenes: list[Scene]) -> ShotLog:
        from PySide6.QtCore import QCoreApplication, QEvent

        from kiosk.ui.app import build_ui, create_application

        app = create_application(["kiosk-screenshot"])
        self.app = app
        try:
            self._seed_sales()
        except BaseException:
            self.services.close()
            raise
        self.clock.current = SCENE_NOW  # the morning's sales are done: the pictures' moment
        self._held_elsewhere(self.scene["family"])
        first = scenes[0] if scenes else Scene()  # built in it: nothing is drawn in another
        self.config = replace(self.config, language=first.language, theme=first.theme,
                              large_text=first.large_text)
        self.ui = build_ui(self.services, self.config, app=app, install_hooks=False,
                           mode="self-service")
        window = self.ui.window
        window.resize(*self.size)
        window.show()
        self.settle()
        try:
            for scene in scenes:
                self._step(f"scene {scene}", lambda s=scene: self._scene(s))
                for mode in modes:
                    self._step(f"{mode} ({scene})",
                               lambda m=mode, s=scene: self._mode(m, s.suffix))
        finally:
            if self.ui.languages is not None:
                self.ui.languages.set_language("en")
            self.ui.theme.set_theme("normal")
            self.ui.theme.set_large_text(False)
            window.close()
            self.ui.shutdown()
            window.deleteLater()
            self.settle()
            # processEvents leaves deferred deletes alone: without this the window outlives the
            # run, and the next run's theme change restyles it too (a test walks many times)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            gc.collect()  # widgets left in Python reference cycles go now, on this thread
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
        """Show the screen to the observer, then save the whole window (PNG, best compression)."""
        self.settle()
        path = self.out / f"{name}.png"
        if self.observe is not None:
            self.observe(name, self.ui.window)
        if not self.save:
            return path
        image = self.ui.window.grab().toImage()
        if not image.save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
        self.log.written.append(path)
        return path

    def _scene(self, scene: Scene) -> None:
        """Switch language, theme and text size the way the settings do, at run time."""
        if self.ui.languages is not None:
            self.ui.languages.set_language(scene.language)
        self.ui.theme.set_theme(scene.theme)
        self.ui.theme.set_large_text(scene.large_text)
        self.settle(10)

    def _mode(self, mode: str, suffix: str) -> None:
        window = self.ui.window
        if window.mode != mode:
            window.set_mode(mode)
            self.settle()
        if mode == "self-service":
            self._self_service(suffix)
        elif mode == "counter":
            self._counter(suffix)
        else:
            self._manager(suffix)

    # -- data -------------------------------------------------------------------------------
    def _staff(self, number: str, pin: str):
        return self.services.auth.sign_in(number, pin)

    def _schedule_scene(self) -> dict[str, str]:
        """The scenario's own shows (``SCENE_SHOWS``), scheduled by the manager; their ids by key.

        The demo generator's shows in ``SCENE_HALL`` on ``SCENE_DAY`` make way first (nothing is
        sold yet in this temporary database), so the scenario never depends on what the demo
        schedule puts there.
        """
        from kiosk.domain.clock import to_iso
        from kiosk.store.db import transaction
        from kiosk.store.demo import load_dataset

        day_start = datetime.combine(SCENE_DAY, dtime(0, 0), ZoneInfo(SCENE_ZONE))
        day_end = day_start + timedelta(days=1)
        with transaction(self.services.deps.conn) as conn:
            conn.execute("DELETE FROM shows WHERE hall_id = ? AND starts_at >= ? AND starts_at < ?",
                         (SCENE_HALL, to_iso(day_start), to_iso(day_end)))
        price_list = next(h["price_list"] for h in load_dataset().halls if h["id"] == SCENE_HALL)
        manager = self._staff(*MANAGER)
        scene = {}
        for key, film_id, start in SCENE_SHOWS:
            show = self.services.schedule.save_show(
                manager, film_id=film_id, hall_id=SCENE_HALL, price_list_id=price_list,
                local_start=datetime.combine(SCENE_DAY, start))
            scene[key] = show.show_id
        self.services.auth.sign_out(manager)
        return scene

    def _seed_sales(self) -> None:
        """A morning of sales on the scenario day's later shows (and refunds), so maps, reports
        and the dashboard are not empty. The clock moves on ``SEED_STEP`` per sale."""
        from kiosk.services.models import Payment, ShowQuery

        services = self.services
        later = [s for s in services.catalogue.find_shows(ShowQuery(day=SCENE_DAY))
                 if s.starts_at > SCENE_NOW]
        scene_ids = set(self.scene.values())
        shows = [s for s in later if s.show_id in scene_ids] + \
            [s for s in later if s.show_id not in scene_ids][:21]
        cashier = self._staff("1002", "2345")
        robot = replace(services.auth.self_service_actor(), kiosk_id="KIOSK-2")
        for index, show in enumerate(shows):
            for n in (4, 2, 3)[: 1 + index % 3]:
                actor = cashier if (index + n) % 2 else robot
                try:
                    hold = services.booking.hold_best(actor, show.show_id, n)
                    types = {seat: ("child" if i == 1 and show.certificate != "A" else "adult")
                             for i, seat in enumerate(hold.seats)}
                    services.booking.confirm(actor, hold.hold_id, types,
                                             Payment(method="card", card_last4=f"{4000 + index}"))
                except KioskError as err:
                    log.info("seeding a sale skipped: %s", err)
                self._tick_seed_clock()
        self._seed_refunds(cashier)

    def _tick_seed_clock(self) -> None:
        self.clock.current = min(self.clock.current + SEED_STEP, SCENE_NOW)

    def _seed_refunds(self, cashier) -> None:
        """One refund a cashier may pay out and one large enough to wait for a manager."""
        from kiosk.services.models import Payment

        booking = self.services.booking
        for key, n in (("matinee", 1), ("late", 10)):
            try:
                hold = booking.hold_best(cashier, self.scene[key], n)
                sale = booking.confirm(cashier, hold.hold_id, dict.fromkeys(hold.seats, "adult"),
                                       Payment(method="card", card_last4="4242"))
                self._tick_seed_clock()
                booking.refund(cashier, sale.reference, reason="customer_request")
            except KioskError as err:
                log.info("seeding a refund skipped: %s", err)
            self._tick_seed_clock()

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
        from kiosk.ui.selfservice.films import film_id_of

        family_show = self.scene["family"]
        film_id = next(f for key, f, _start in SCENE_SHOWS if key == "family")
        tile = next((t for t in ss.films.tiles() if film_id_of(t.film) == film_id), None)
        if tile is None:
            raise LookupError(f"the scenario film {film_id} is not on the films screen")
        ss.choose_film(tile.film, ss.films.query())
        self.shot(f"selfservice-shows{suffix}")
        card = next((c for c in ss.shows.cards() if c.show_summary.show_id == family_show), None)
        if card is None or not card.isEnabled():
            raise LookupError(f"the scenario show {family_show} is not on the shows screen")
        self._held_elsewhere(family_show)
        card.click()
        self.wait_until(lambda: ss.current_name() == "count", "how many tickets")
        self.shot(f"selfservice-count{suffix}")
        ss.count.buttons[2].click()  # two: the map opens with the best two held
        self.wait_until(lambda: ss.current_name() == "seats", "the seat map")
        self.wait_until(lambda: ss.sale.hold is not None and not ss.seats.is_busy(), "a hold")
        self.shot(f"selfservice-seats{suffix}")
        ss.seats.continue_button.click()
        seats = ss.sale.hold.seats
        child = ss.tickets.findChild(type(ss.tickets.continue_button), f"type_{seats[-1]}_child")
        if child is not None:
            child.click()
        self.shot(f"selfservice-tickets{suffix}")
        ss.tickets.continue_button.click()
        if ss.current_name() == "snacks":  # the upsell: a combo for the two of them
            next(iter(ss.snacks.tiles.values())).click()
            self.shot(f"selfservice-snacks{suffix}")
            ss.snacks.continue_button.click()
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
        family_show = self.scene["family"]  # U-rated: the basket below sells a child ticket
        self._held_elsewhere(family_show)
        cm.open_show(family_show)
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
        self._shift_close(cm, suffix)

    def _shift_close(self, cm, suffix: str) -> None:
        """The cash-up's three steps: the count, the report before closing, the closed slip."""
        close = cm.screens["shift_close"]
        fields = list(close.grid.fields.values())
        for box, pieces in zip(fields, ("9", "3", "4", "6", "12", "15", "", "8", "6"),
                                 strict=False):
            box.setText(pieces)
        close.card_total.setText("0")
        close.upi_total.setText("0")
        self.shot(f"counter-shift-close{suffix}")
        close.review.click()
        self.wait_until(lambda: close.steps.currentIndex() == 1, "the shift report")
        self.shot(f"counter-shift-report{suffix}")
        close.action.click()
        self.wait_until(lambda: close.steps.currentIndex() == 2, "the closed shift's slip")
        self.shot(f"counter-shift-slip{suffix}")

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
        from kiosk.ui.manager.window import PAGES

        mm = self.ui.window.mode_widget
        if mm.console is None:
            self.shot(f"manager-signin{suffix}")
            mm.open_console(self._staff("9001", "9999"))
        console = mm.console
        for key, *_rest in PAGES:
            console.show_page(key)
            self.settle(10)
            self.shot(f"manager-{key}{suffix}")
