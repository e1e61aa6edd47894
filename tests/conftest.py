"""Shared fixtures. Qt runs offscreen unless a display is asked for explicitly."""

from __future__ import annotations

import os

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


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """A config on a fresh database file; cheap bcrypt so tests stay fast."""
    return Config(db_path=tmp_path / "kiosk.db", bcrypt_rounds=4, ticket_dir=tmp_path / "tickets")


@pytest.fixture
def clock():
    from kiosk.domain.clock import FakeClock

    return FakeClock()


@pytest.fixture
def services(config, clock):
    """All services over a fresh database holding the small test world (see tests/factories)."""
    from kiosk.services.app import open_services
    from tests.factories import make_world

    svc = open_services(config, clock=clock)
    svc.world = make_world(svc.deps.db, clock)
    yield svc
    svc.close()
