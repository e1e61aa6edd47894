"""Settings: built-in defaults < TOML config file < environment variables < command line.

The config file is ``$KIOSK_CONFIG`` or ``kiosk.toml`` in the user's config directory. Secrets
never live here: AWS credentials come only from boto3's standard chain.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.domain.errors import ConfigError
from kiosk.domain.upi import valid_merchant_code, valid_vpa

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
    sms_sender_id: str = ""  # the name an SMS confirmation comes from (where the country allows)
    endpoint_url: str = ""  # e.g. http://127.0.0.1:5005 for a local moto server
    local_port: int = 5005
    offline_policy: str = "allocated-only"  # or "optimistic"
    auto_allocate: int = 0  # seats per show the kiosk reserves for itself while online (0 = off)
    sync_interval_s: float = 3.0
    pull_interval_s: float = 5.0
    # the change feed (kiosk.cloud.feed): shows' versions read this often, changed shows pulled;
    # full pulls then only every FEED_SAFETY_FACTOR pull intervals (0 = off: pull as before)
    feed_interval_s: float = 0.5
    verify_interval_s: float = 300.0  # anti-entropy: are synced sales still in the cloud (0 = off)
    max_clock_offset_s: float = 30.0  # cloud claims pause while the clocks differ by more
    probe_interval_s: float = 30.0  # a cheap round trip when nothing else talked to the cloud
    catalogue_interval_s: float = 10.0  # how often the cinema's catalogue VERSION item is checked


@dataclass(frozen=True)
class Config:
    db_path: Path = field(default_factory=lambda: default_data_dir() / "kiosk.db")
    kiosk_id: str = "KIOSK-1"
    cinema_id: str = ""  # the shared cinema this device belongs to ("" = not joined; no cloud catalogue)
    mode: str = "counter"  # counter | self-service | manager | door
    windowed: bool = False
    language: str = "en"  # en | hi | te
    theme: str = "normal"  # normal | high-contrast
    large_text: bool = False
    hold_minutes: float = 5.0
    max_seats_per_booking: int = 10
    lockout_attempts: int = 5
    lockout_minutes: float = 5.0
    bcrypt_rounds: int = 12
    self_service_idle_s: float = 90.0
    staff_idle_lock_s: float = 300.0
    # Refund limits and the cash-up variance threshold are money, so they belong to a currency:
    # they moved to the cinema (migration 0012, kiosk.services.money_controls).
    cleaning_gap_min: int = 15
    upi_payee_vpa: str = ""  # the cinema's UPI ID for the counter's payment QR ("" = no QR)
    upi_payee_name: str = ""  # the name a customer's UPI app shows for it
    upi_merchant_code: str = ""  # a merchant payee's category code (7832: cinemas); "" = personal
    printer_name: str = ""  # empty: show the print dialog
    silent_print: bool = False
    # An 80 mm ESC/POS printer for tickets and receipts ("" = none: PDF and the desktop printer):
    # file:/path, tcp://host[:port], usb:VID:PID, serial:/dev/ttyUSB0[:baud].
    thermal_printer: str = ""
    cash_drawer: bool = True  # kick the drawer on the thermal printer after a cash sale
    customer_display: bool = False  # counter: a second window for the customer (2nd screen)
    door_name: str = ""  # door mode: this door's name ("" = the usher names it on the screen)
    door_hall: str = ""  # door mode: the hall id this door leads to ("" = every hall)
    # The keys that sign tickets' QR codes (kiosk.domain.ticket_codes): a file of this
    # installation's (relative: next to the database), never the config itself.
    # `kiosk ticket-keys` lists, rotates, drops and imports them.
    ticket_keys_file: Path = Path("ticket-keys.toml")
    ticket_dir: Path = field(default_factory=lambda: default_data_dir() / "tickets")
    cloud: CloudConfig = field(default_factory=CloudConfig)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


ENV_PREFIX = "KIOSK_"
CLOUD_ENV_PREFIX = "KIOSK_CLOUD_"
_SENDER_ID = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$")  # SNS: AWS.SNS.SMS.SenderID


class InvalidSetting(ConfigError, ValueError):
    """A config value that is the wrong type or out of range: names the key, value and rule."""


# What a valid value is, per key ("cloud." for the [cloud] table), checked at every start after
# the value is read from the file, the environment or the command line. Keys without a rule are
# checked for their type only. The rule texts finish "it must be ...".
_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+$")
_TABLE_NAME = re.compile(r"^[A-Za-z0-9_.-]{3,255}$")
_TOPIC = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_PRINTER = re.compile(r"(file:[^\n]+|tcp://[A-Za-z0-9][A-Za-z0-9.-]*(:(?P<port>\d{1,5}))?"
                      r"|usb:(?P<vendor>[0-9A-Fa-f]{4}):[0-9A-Fa-f]{4}"
                      r"|serial:/[^:\n]+(:(?P<baud>\d{3,7}))?)")


def _printer_uri(value: str) -> bool:
    """What the printer code accepts too: a port 1-65535, a USB vendor that is not 0000, a
    baud rate 300-4,000,000; nothing after the address (a stray newline)."""
    match = _PRINTER.fullmatch(value)
    if match is None:
        return False
    port, vendor, baud = match["port"], match["vendor"], match["baud"]
    return ((port is None or 1 <= int(port) <= 65535)
            and (vendor is None or int(vendor, 16) != 0)
            and (baud is None or 300 <= int(baud) <= 4_000_000))


def _number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _between(low: float, high: float, *, above: bool = False, unit: str = "") -> tuple[str, Any]:
    lowest = f"greater than {_number(low)}" if above else f"at least {_number(low)}"
    text = f"{lowest} and at most {_number(high)}{unit}"
    return text, (lambda v: (v > low if above else v >= low) and v <= high)


def _one_of(*choices: str) -> tuple[str, Any]:
    return "one of " + ", ".join(choices), (lambda v: v in choices)


RULES: dict[str, tuple[str, Any]] = {
    "kiosk_id": ("1 to 64 letters, digits, '-', '_' or '.'", lambda v: bool(_IDENT.match(v))),
    "cinema_id": ("empty (not joined) or 1 to 64 letters, digits, '-', '_' or '.'",
                  lambda v: v == "" or bool(_IDENT.match(v))),
    "mode": _one_of("counter", "self-service", "manager", "door"),
    "door_name": ("at most 40 characters", lambda v: len(v) <= 40),
    "language": _one_of("en", "hi", "te"),
    "theme": _one_of("normal", "high-contrast"),
    "hold_minutes": _between(0, 60, above=True, unit=" minutes"),
    "max_seats_per_booking": _between(1, 50, unit=" seats"),
    "cashier_refund_limit_minor": _between(0, 10**12, unit=" (minor units, not negative)"),
    "cash_variance_threshold_minor": _between(0, 10**12, unit=" (minor units, not negative)"),
    "lockout_attempts": _between(1, 100, unit=" wrong PINs"),
    "lockout_minutes": _between(0, 24 * 60, above=True, unit=" minutes"),
    "bcrypt_rounds": _between(4, 16),
    "self_service_idle_s": _between(0, 3600, above=True, unit=" seconds"),
    "staff_idle_lock_s": _between(0, 86400, above=True, unit=" seconds"),
    "cleaning_gap_min": _between(0, 240, unit=" minutes"),
    "printer_name": ("at most 256 characters", lambda v: len(v) <= 256),
    "upi_payee_vpa": ("empty or a UPI ID such as boxoffice@okhdfc",
                      lambda v: v == "" or valid_vpa(v)),
    "upi_payee_name": ("at most 50 characters", lambda v: len(v) <= 50),
    "upi_merchant_code": ("empty or 4 digits (the merchant category code, e.g. 7832)",
                          lambda v: v == "" or valid_merchant_code(v)),
    "db_path": ("a file path", lambda v: str(v) not in ("", ".")),
    "ticket_dir": ("a folder path", lambda v: str(v) not in ("", ".")),
    "ticket_keys_file": ("a file path", lambda v: str(v) not in ("", ".")),
    "thermal_printer": ("empty, or file:/path, tcp://host[:port], usb:VID:PID or "
                        "serial:/dev/ttyUSB0[:baud]", lambda v: v == "" or _printer_uri(v)),
    "cloud.region": ("an AWS region such as ap-south-1", lambda v: bool(_REGION.match(v))),
    "cloud.table": ("a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.'",
                    lambda v: bool(_TABLE_NAME.match(v))),
    "cloud.topic_arn": ("empty or an ARN (arn:...)", lambda v: v == "" or v.startswith("arn:")),
    "cloud.topic_name": ("1 to 256 letters, digits, '_' or '-'", lambda v: bool(_TOPIC.match(v))),
    "cloud.sms_sender_id": ("empty, or 1 to 11 letters and digits with at least one letter",
                            lambda v: v == "" or bool(_SENDER_ID.match(v))),
    "cloud.endpoint_url": ("empty or an http:// or https:// address",
                           lambda v: v == "" or v.startswith(("http://", "https://"))),
    "cloud.local_port": _between(1, 65535),
    "cloud.offline_policy": _one_of("allocated-only", "optimistic"),
    "cloud.auto_allocate": _between(0, 1000, unit=" seats (0 = off)"),
    "cloud.sync_interval_s": _between(0, 3600, above=True, unit=" seconds"),
    "cloud.pull_interval_s": _between(0, 3600, above=True, unit=" seconds"),
    "cloud.feed_interval_s": _between(0, 3600, unit=" seconds (0 = off)"),
    "cloud.verify_interval_s": _between(0, 86400, unit=" seconds (0 = off)"),
    "cloud.max_clock_offset_s": _between(0, 3600, above=True, unit=" seconds"),
    "cloud.probe_interval_s": _between(0, 3600, above=True, unit=" seconds"),
    "cloud.catalogue_interval_s": _between(0, 3600, above=True, unit=" seconds"),
}

# Keys that were settings once: a file still setting them is told where the setting went rather
# than having it silently ignored (an owner would believe the old limit still applied).
RETIRED = {
    "cashier_refund_limit_minor": "refund limits are money, so they are set per cinema and "
                                  "currency now (manager console)",
    "cash_variance_threshold_minor": "the cash-up variance threshold is set per cinema and "
                                     "currency now (manager console)",
}

_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _fail(key: str, value: Any, rule: str, source: str) -> InvalidSetting:
    return InvalidSetting(f"Setting {key} = {value!r} ({source}) is not valid: it must be {rule}. "
                          "Please correct it; the kiosk did not start.")


def _kind_text(kind: str, key: str) -> str:
    rule = RULES.get(key)
    return f"{kind}, {rule[0]}" if rule else kind


def _coerce(key: str, value: Any, current: Any, source: str) -> Any:
    """``value`` as the type of ``current``; strings come from the environment or command line."""
    if isinstance(current, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise _fail(key, value, "true or false", source)
    if isinstance(current, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
        raise _fail(key, value, _kind_text("a whole number", key), source)
    if isinstance(current, float):
        number = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            raise _fail(key, value, _kind_text("a number", key), source)
        return number
    if isinstance(current, Path):
        if not isinstance(value, str) or not value.strip():
            raise _fail(key, value, "a file or folder path in quotes", source)
        return Path(value).expanduser()
    if not isinstance(value, str):
        raise _fail(key, value, "text in quotes", source)
    return value


def _check(key: str, value: Any, source: str, given: Any = MISSING) -> None:
    """Apply the key's rule to the typed ``value``; the message shows the value as ``given``."""
    rule = RULES.get(key)
    if rule is not None and not rule[1](value):
        raise _fail(key, value if given is MISSING else given, rule[0], source)


def _apply(obj: Any, values: dict[str, Any], source: str, prefix: str = "") -> Any:
    changes = {}
    for f in fields(obj):
        if f.name in values and f.name != "cloud":
            key = prefix + f.name
            label = source(key) if callable(source) else source
            value = _coerce(key, values[f.name], getattr(obj, f.name), label)
            _check(key, value, label, values[f.name])
            changes[f.name] = value
    return replace(obj, **changes)


def _unknown_keys(file_values: dict[str, Any], path: Path) -> None:
    """Refuse keys the kiosk does not know (a typo would otherwise be silently ignored)."""
    top = {f.name for f in fields(Config)}
    cloud = file_values.get("cloud", {})
    if not isinstance(cloud, dict):
        raise _fail("cloud", cloud, "a [cloud] table", f"file {path}")
    found = [(k, top) for k in file_values if k not in top] + [
        (f"cloud.{k}", {f"cloud.{n.name}" for n in fields(CloudConfig)})
        for k in cloud if k not in {f.name for f in fields(CloudConfig)}]
    for key, known in found:
        if key in RETIRED:
            raise InvalidSetting(f"Setting {key} (file {path}) is no longer read: {RETIRED[key]}. "
                                 "Remove it from the file; the kiosk did not start.")
        close = difflib.get_close_matches(key, sorted(known), n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise InvalidSetting(f"Setting {key} (file {path}) is not a kiosk setting.{hint} "
                             "Please correct it; the kiosk did not start.")


def _typed(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, float):
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value))
    return isinstance(value, type(default))


def validate(config: Config, source: str = "command line") -> Config:
    """Check every value of a finished config (after command-line overrides); return it."""
    for obj, prefix in ((config, ""), (config.cloud, "cloud.")):
        for f in fields(obj):
            if f.name == "cloud":
                continue
            key, value = prefix + f.name, getattr(obj, f.name)
            default = f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]
            if not _typed(value, default):
                raise _fail(key, value, _kind_text(f"a {type(default).__name__}", key), source)
            _check(key, value, source)
    return config


def load_config(path: Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Build the effective config; a missing config file is fine, a malformed one is not."""
    env = dict(os.environ if env is None else env)
    config = Config()
    path = path or (Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else default_config_path())
    file_values: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as fh:
            try:
                file_values = tomllib.load(fh)
            except tomllib.TOMLDecodeError as err:
                raise InvalidSetting(f"The config file {path} is not valid TOML: {err}. Please "
                                     "correct it; the kiosk did not start.") from None
        _unknown_keys(file_values, path)
    config = _apply(config, file_values, f"file {path}")
    cloud = _apply(config.cloud, file_values.get("cloud", {}), f"file {path}", "cloud.")

    known = {f.name for f in fields(Config)}
    for key, where in RETIRED.items():
        if key not in known and ENV_PREFIX + key.upper() in env:
            raise InvalidSetting(f"Setting {key} (environment {ENV_PREFIX + key.upper()}) is no "
                                 f"longer read: {where}. Unset it; the kiosk did not start.")
    env_values = {
        f.name: env[ENV_PREFIX + f.name.upper()]
        for f in fields(config)
        if ENV_PREFIX + f.name.upper() in env
    }
    if "KIOSK_DB" in env:
        env_values["db_path"] = env["KIOSK_DB"]
    config = _apply(config, env_values, lambda key: "environment " + (
        "KIOSK_DB" if key == "db_path" and "KIOSK_DB" in env else ENV_PREFIX + key.upper()))
    cloud_env = {
        f.name: env[CLOUD_ENV_PREFIX + f.name.upper()]
        for f in fields(cloud)
        if CLOUD_ENV_PREFIX + f.name.upper() in env
    }
    cloud = _apply(cloud, cloud_env, lambda key: "environment " + ENV_PREFIX + key.replace(
        ".", "_").upper(), "cloud.")
    return replace(config, cloud=cloud)
