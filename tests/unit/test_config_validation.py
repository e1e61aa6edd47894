"""Config values are checked at start (issue 11 point 7): a bad value names the key, the value,
where it came from and the rule; nothing starts and no database is created."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import RETIRED, RULES, CloudConfig, Config, InvalidSetting, load_config, validate
from kiosk.domain.errors import ConfigError


def load(tmp_path: Path, text: str = "", env: dict[str, str] | None = None) -> Config:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env=env or {})


def refused(tmp_path: Path, text: str = "", env: dict[str, str] | None = None) -> str:
    with pytest.raises(InvalidSetting) as err:
        load(tmp_path, text, env)
    assert isinstance(err.value, ConfigError)
    return str(err.value)


def test_the_defaults_and_a_sensible_file_pass(tmp_path):
    validate(Config())
    config = load(tmp_path, 'hold_minutes = 7\nlockout_attempts = 3\nwindowed = true\n'
                  '[cloud]\nenabled = true\nregion = "eu-west-1"\nsync_interval_s = 2\n',
                  env={"KIOSK_LOCKOUT_MINUTES": "2.5", "KIOSK_CLOUD_AUTO_ALLOCATE": "4"})
    assert (config.hold_minutes, config.lockout_attempts, config.windowed) == (7.0, 3, True)
    assert (config.lockout_minutes, config.cloud.auto_allocate) == (2.5, 4)
    assert config.cloud.sync_interval_s == 2.0


def test_a_value_that_is_not_a_number_names_key_value_source_and_rule(tmp_path):
    message = refused(tmp_path, 'hold_minutes = "abc"\n')
    assert "hold_minutes = 'abc'" in message
    assert str(tmp_path / "kiosk.toml") in message
    assert "a number, greater than 0 and at most 60 minutes" in message
    assert "could not convert" not in message


@pytest.mark.parametrize("text, key, rule", [
    ("hold_minutes = 0\n", "hold_minutes", "greater than 0"),
    ("hold_minutes = -3\n", "hold_minutes", "greater than 0"),
    ("lockout_attempts = 0\n", "lockout_attempts", "at least 1"),
    ("lockout_attempts = 2.5\n", "lockout_attempts", "a whole number"),
    ("lockout_minutes = 0\n", "lockout_minutes", "greater than 0"),
    ("max_seats_per_booking = 0\n", "max_seats_per_booking", "at least 1"),
    ("max_seats_per_booking = 500\n", "max_seats_per_booking", "at most 50"),
    ("bcrypt_rounds = 40\n", "bcrypt_rounds", "at most 16"),
    ("cleaning_gap_min = -1\n", "cleaning_gap_min", "at least 0"),
    ("mode = \"kiosk\"\n", "mode", "one of counter, self-service, manager"),
    ("language = \"fr\"\n", "language", "one of en, hi, te"),
    ("theme = \"dark\"\n", "theme", "one of normal, high-contrast"),
    ("kiosk_id = \"\"\n", "kiosk_id", "1 to 64 letters"),
    ("kiosk_id = 5\n", "kiosk_id", "text in quotes"),
    ("upi_payee_vpa = \"boxoffice\"\n", "upi_payee_vpa", "a UPI ID"),
    ("upi_payee_vpa = \"box office@okhdfc\"\n", "upi_payee_vpa", "a UPI ID"),
    ("upi_payee_name = \"%s\"\n" % ("x" * 51), "upi_payee_name", "at most 50"),
    ("upi_merchant_code = \"78321\"\n", "upi_merchant_code", "4 digits"),
    ("windowed = \"maybe\"\n", "windowed", "true or false"),
    ("self_service_idle_s = nan\n", "self_service_idle_s", "a number"),
    ("staff_idle_lock_s = inf\n", "staff_idle_lock_s", "a number"),
    ("[cloud]\nsync_interval_s = 0\n", "cloud.sync_interval_s", "greater than 0"),
    ("[cloud]\nlocal_port = 70000\n", "cloud.local_port", "at most 65,535"),
    ("[cloud]\noffline_policy = \"yolo\"\n", "cloud.offline_policy", "allocated-only"),
    ("[cloud]\nendpoint_url = \"ftp://x\"\n", "cloud.endpoint_url", "http://"),
    ("[cloud]\nregion = \"\"\n", "cloud.region", "an AWS region"),
    ("[cloud]\nauto_allocate = -1\n", "cloud.auto_allocate", "at least 0"),
    ("cloud = 5\n", "cloud", "a [cloud] table"),
])
def test_out_of_range_and_wrong_type_values_are_refused(tmp_path, text, key, rule):
    message = refused(tmp_path, text)
    assert f"Setting {key} = " in message and rule in message, message


def test_the_value_is_shown_as_it_was_written(tmp_path):
    assert "Setting hold_minutes = 0 (" in refused(tmp_path, "hold_minutes = 0\n")
    assert "KIOSK_LOCKOUT_MINUTES" in refused(tmp_path, "", {"KIOSK_LOCKOUT_MINUTES": "0"})
    assert "lockout_minutes = '0'" in refused(tmp_path, "", {"KIOSK_LOCKOUT_MINUTES": "0"})


def test_negative_money_is_refused(tmp_path):
    """Money keys are either range-checked (not negative) or, once moved to the cinema, named as
    no longer read: either way the kiosk does not start on them."""
    for key in ("cashier_refund_limit_minor", "cash_variance_threshold_minor"):
        message = refused(tmp_path, f"{key} = -500\n")
        assert key in message
        assert "not negative" in message or "no longer read" in message
        message = refused(tmp_path, "", {f"KIOSK_{key.upper()}": "-500"})
        assert key in message and f"KIOSK_{key.upper()}" in message


@pytest.mark.parametrize("env, name, rule", [
    ({"KIOSK_HOLD_MINUTES": "abc"}, "KIOSK_HOLD_MINUTES", "a number"),
    ({"KIOSK_LOCKOUT_ATTEMPTS": "0"}, "KIOSK_LOCKOUT_ATTEMPTS", "at least 1"),
    ({"KIOSK_LARGE_TEXT": "perhaps"}, "KIOSK_LARGE_TEXT", "true or false"),
    ({"KIOSK_UPI_PAYEE_VPA": "9876543210"}, "KIOSK_UPI_PAYEE_VPA", "a UPI ID"),
    ({"KIOSK_CLOUD_PULL_INTERVAL_S": "-1"}, "KIOSK_CLOUD_PULL_INTERVAL_S", "greater than 0"),
    ({"KIOSK_DB": ""}, "KIOSK_DB", "path"),
])
def test_environment_values_name_their_variable(tmp_path, env, name, rule):
    message = refused(tmp_path, "", env)
    assert f"environment {name}" in message and rule in message, message


def test_an_unknown_key_is_named_with_a_suggestion(tmp_path):
    message = refused(tmp_path, "hold_minute = 5\n")
    assert "Setting hold_minute " in message and "Did you mean hold_minutes?" in message
    message = refused(tmp_path, "[cloud]\nsync_intervals = 5\n")
    assert "cloud.sync_intervals" in message and "cloud.sync_interval_s" in message


def test_malformed_toml_names_the_file(tmp_path):
    message = refused(tmp_path, "kiosk_id = \n")
    assert "is not valid TOML" in message and "kiosk.toml" in message


def test_every_rule_belongs_to_a_key(tmp_path):
    keys = {f.name for f in fields(Config)} | {f"cloud.{f.name}" for f in fields(CloudConfig)}
    assert set(RULES) <= keys | set(RETIRED)
    from kiosk.cloud.table import MAX_SEATS_PER_CLAIM

    assert not RULES["max_seats_per_booking"][1](MAX_SEATS_PER_CLAIM + 1)


def test_a_programmatic_config_is_checked_too():
    with pytest.raises(InvalidSetting, match="hold_minutes"):
        validate(replace(Config(), hold_minutes=0.0))
    with pytest.raises(InvalidSetting, match="lockout_attempts"):
        validate(replace(Config(), lockout_attempts=True))


@pytest.mark.parametrize("argv", [[], ["shows"], ["backup"], ["audit", "verify"]])
def test_every_entry_point_stops_before_doing_anything(tmp_path, capsys, argv):
    """The app (no subcommand) and each subcommand: exit 2, the message, no database made."""
    config = tmp_path / "kiosk.toml"
    config.write_text('hold_minutes = "abc"\n', encoding="utf-8")
    db_path = tmp_path / "kiosk.db"
    assert main(["--config", str(config), "--db", str(db_path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kiosk: Setting hold_minutes = 'abc'") and "Traceback" not in err
    assert not db_path.exists()


def test_a_bad_command_line_value_is_named(tmp_path, capsys):
    db_path = tmp_path / "kiosk.db"
    assert main(["--config", str(tmp_path / "none.toml"), "--db", str(db_path),
                 "--kiosk-id", "no spaces please", "shows"]) == 2
    err = capsys.readouterr().err
    assert "kiosk_id = 'no spaces please' (command line)" in err
    assert not db_path.exists()


def test_a_config_change_by_the_app_is_audited_only_once_written(tmp_path, clock):
    import json

    from kiosk.config_edit import set_top_level_audited
    from kiosk.store.db import open_db

    conn = open_db(tmp_path / "kiosk.db").conn
    path = tmp_path / "kiosk.toml"
    path.write_text('kiosk_id = "OLD"\n', encoding="utf-8")

    def changes() -> list[dict]:
        return [json.loads(r[0]) for r in conn.execute(
            "SELECT detail FROM audit WHERE action = 'config_change' ORDER BY id")]

    done = set_top_level_audited(path, {"kiosk_id": "NEW", "cinema_id": "c1"}, conn,
                                 at=clock.now(), kiosk_id="NEW", reason="joined cinema c1")
    assert done == {"kiosk_id": ["OLD", "NEW"], "cinema_id": [None, "c1"]}
    assert changes() == [{"changes": done, "reason": "joined cinema c1"}]
    set_top_level_audited(path, {"kiosk_id": "NEW"}, conn, at=clock.now(), kiosk_id="NEW")
    assert len(changes()) == 1  # nothing changed: no row
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    with pytest.raises(OSError):
        set_top_level_audited(folder, {"kiosk_id": "X"}, conn, at=clock.now(), kiosk_id="X")
    assert len(changes()) == 1  # the write failed: no row claims it happened


def test_the_example_config_file_passes():
    example = Path(__file__).resolve().parents[2] / "kiosk.example.toml"
    validate(load_config(example, env={}))


def test_a_subcommand_option_never_overrides_a_setting(tmp_path, capsys):
    """`kiosk shows --language Telugu` filters films; it is not the UI language (which the
    config check would rightly refuse)."""
    from kiosk.cli import build_parser, config_from_args

    args = build_parser().parse_args(["--config", str(tmp_path / "none.toml"), "--language", "hi",
                                      "shows", "--language", "Telugu"])
    assert args.language == "Telugu" and config_from_args(args).language == "hi"
