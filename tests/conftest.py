"""Shared fixtures. Qt runs offscreen unless a display is asked for explicitly."""

from __future__ import annotations

import gc
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "ap-south-1")
os.environ.pop("AWS_PROFILE", None)
os.environ.pop("KIOSK_CONFIG", None)
os.environ.pop("KIOSK_DB", None)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kiosk.config import Config  # noqa: E402
from tests.qt_teardown import destroy_windows  # noqa: E402

QT_FIXTURES = frozenset({"qtbot", "qapp"})
UI_TESTS = Path(__file__).parent / "ui"


@pytest.fixture(autouse=True)
def _qt_objects_die_with_their_test(request):
    """What a Qt test made dies when it ends, on this (the GUI) thread.

    - Every window it opened is closed and destroyed, not kept until the worker exits. Left
      alive, they pile up (~460 widgets a manager console), and every later theme switch
      restyles all of them: a 3 s test took 80 s late in the suite.
    - Then the cycle collector runs here. Python objects a destroyed window held (a bridge, its
      timers and thread pools) are garbage only from that moment; left to CPython, they are
      collected by whichever thread allocates next, often a moto server thread, and Qt objects
      destroyed off the GUI thread crash the process (a CI worker died so, in a cloud test that
      followed the UI tests). Automatic collection is off while a Qt test runs, as in the app
      (``kiosk.ui.main_thread_gc``).

    Runs after the test's own fixtures' teardown (a root autouse fixture is set up first)."""
    uses_qt = bool(QT_FIXTURES & set(request.fixturenames)) or UI_TESTS in request.path.parents
    was_enabled = gc.isenabled()
    if uses_qt:
        gc.disable()
    try:
        yield
    finally:
        destroyed = destroy_windows()
        if uses_qt or destroyed:
            gc.collect()
        if uses_qt and was_enabled:
            gc.enable()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """A config on a fresh database file; cheap bcrypt so tests stay fast."""
    return Config(db_path=tmp_path / "kiosk.db", bcrypt_rounds=4, ticket_dir=tmp_path / "tickets")


@pytest.fixture
def clock():
    from kiosk.domain.clock import FakeClock

    return FakeClock()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """An empty database at this version's schema, made once a worker: running the migrations
    on every test's fresh file cost ~0.1 s of CPU each, about a twentieth of the suite."""
    from kiosk.store.db import open_db

    path = tmp_path_factory.mktemp("template") / "kiosk.db"
    db = open_db(path)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture
def services(config, clock, migrated_template):
    """All services over a fresh database holding the small test world (see tests/factories)."""
    from kiosk.services.app import open_services
    from tests.factories import make_world

    if not config.db_path.exists():  # the migrations' outcome, copied (open_db checks it)
        shutil.copyfile(migrated_template, config.db_path)
    svc = open_services(config, clock=clock)
    svc.world = make_world(svc.deps.db, clock)
    yield svc
    svc.close()
