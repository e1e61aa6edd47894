"""Settings: built-in defaults < TOML config file < environment variables < command line.

The config file is ``$KIOSK_CONFIG`` or ``kiosk.toml`` in the user's config directory. Secrets
never live here: AWS credentials come only from boto3's standard chain.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "box-office-kiosk"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


@dataclass(frozen=True)
class CloudConfig:
    enabled: bool = False
    region: str = "ap-south-1"
    table: str = "box-office-kiosk"
    topic_arn: str = ""
    topic_name: str = "box-office-confirmations"
    endpoint_url: str = ""  # e.g. http://127.0.0.1:5005 for a local moto server
    local_port: int = 5005
    offline_policy: str = "allocated-only"  # or "optimistic"
    auto_allocate: int = 0  # seats per show the kiosk reserves for itself while online (0 = off)
    sync_interval_s: float = 3.0
    pull_interval_s: float = 5.0
    verify_interval_s: float = 300.0  # anti-entropy: are synced sales still in the cloud (0 = off)
    max_clock_offset_s: float = 30.0  # cloud claims pause while the clocks differ by more
    probe_interval_s: float = 30.0  # a cheap round trip when nothing else talked to the cloud
    catalogue_interval_s: float = 10.0  # how often the cinema's catalogue VERSION item is checked


@dataclass(frozen=True)
class Config:
    db_path: Path = field(default_factory=lambda: default_data_dir() / "kiosk.db")
    kiosk_id: str = "KIOSK-1"
    cinema_id: str = ""  # the shared cinema this device belongs to ("" = not joined; no cloud catalogue)
    mode: str = "counter"  # counter | self-service | manager
    windowed: bool = False
    language: str = "en"  # en | hi | te
    theme: str = "normal"  # normal | high-contrast
    large_text: bool = False
    hold_minutes: float = 5.0
    max_seats_per_booking: int = 10
    cashier_refund_limit_minor: int = 100_000  # above this a refund waits for a manager
    lockout_attempts: int = 5
    lockout_minutes: float = 5.0
    bcrypt_rounds: int = 12
    self_service_idle_s: float = 90.0
    staff_idle_lock_s: float = 300.0
    cash_variance_threshold_minor: int = 50_00
    cleaning_gap_min: int = 15
    printer_name: str = ""  # empty: show the print dialog
    silent_print: bool = False
    ticket_dir: Path = field(default_factory=lambda: default_data_dir() / "tickets")
    cloud: CloudConfig = field(default_factory=CloudConfig)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


ENV_PREFIX = "KIOSK_"
CLOUD_ENV_PREFIX = "KIOSK_CLOUD_"


def _coerce(value: Any, current: Any) -> Any:
    if isinstance(current, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(current, int):
        return int(value)
    if isinstance(current, float):
        return float(value)
    if isinstance(current, Path):
        return Path(value).expanduser()
    return str(value)


def _apply(obj: Any, values: dict[str, Any]) -> Any:
    changes = {}
    for f in fields(obj):
        if f.name in values and f.name != "cloud":
            changes[f.name] = _coerce(values[f.name], getattr(obj, f.name))
    return replace(obj, **changes)


def load_config(path: Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Build the effective config; a missing config file is fine, a malformed one is not."""
    env = dict(os.environ if env is None else env)
    config = Config()
    path = path or (Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else default_config_path())
    file_values: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as fh:
            file_values = tomllib.load(fh)
    config = _apply(config, file_values)
    cloud = _apply(config.cloud, file_values.get("cloud", {}))

    env_values = {
        f.name: env[ENV_PREFIX + f.name.upper()]
        for f in fields(config)
        if ENV_PREFIX + f.name.upper() in env
    }
    if "KIOSK_DB" in env:
        env_values["db_path"] = env["KIOSK_DB"]
    config = _apply(config, env_values)
    cloud_env = {
        f.name: env[CLOUD_ENV_PREFIX + f.name.upper()]
        for f in fields(cloud)
        if CLOUD_ENV_PREFIX + f.name.upper() in env
    }
    cloud = _apply(cloud, cloud_env)
    return replace(config, cloud=cloud)
