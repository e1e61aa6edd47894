"""``kiosk cloud policy``: valid JSON, least privilege, the kiosk never writes CINEMA# items.

The policies are checked by a small evaluator of the subset of IAM they use (Allow statements,
exact resources, ``ForAllValues:StringLike`` on ``dynamodb:LeadingKeys``), so the tests ask the
question that matters ("may a kiosk put CINEMA#c1?") instead of comparing JSON text.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase

import pytest

from kiosk.cli import main
from kiosk.cloud import policy
from kiosk.cloud.table import booking_key, seat_key

REGION, ACCOUNT, TABLE = "ap-south-1", "123456789012", "kiosk-test"
TABLE_ARN = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{TABLE}"
INDEX_ARN = f"{TABLE_ARN}/index/by_day"


def allowed(doc: dict, action: str, resource: str, leading_key: str | None = None,
            attributes: tuple[str, ...] | None = None) -> bool:
    """Does any Allow statement grant ``action`` on ``resource`` for an item of this pk? With
    ``attributes``, the request writes exactly those (None: the whole item, as a PutItem of
    unknown attributes, which a statement limited to some attributes never allows)."""
    for st in doc["Statement"]:
        if "NotResource" in st:  # the SMS statement: no ARN at all (checked on its own below)
            if st["Effect"] == "Allow" and action in st["Action"] and not any(
                    fnmatchcase(resource, p) for p in st["NotResource"]):
                return True
            continue
        if st["Effect"] != "Allow" or action not in st["Action"] or resource not in st["Resource"]:
            continue
        cond = st.get("Condition")
        if cond is None:
            return True
        assert set(cond) <= {"ForAllValues:StringLike", "ForAllValues:StringEquals",
                             "StringEqualsIfExists"}, cond  # the only operators we use
        patterns = cond["ForAllValues:StringLike"]["dynamodb:LeadingKeys"]
        only = cond.get("ForAllValues:StringEquals", {}).get("dynamodb:Attributes")
        if only is not None and (attributes is None or not set(attributes) <= set(only)):
            continue
        if leading_key is not None and any(fnmatchcase(leading_key, p) for p in patterns):
            return True
    return False


def build(role: str, cinema: str = "", topic_arn: str = "") -> dict:
    res = policy.resources(REGION, ACCOUNT, TABLE, topic_arn, "box-office-confirmations")
    return policy.build_policy(role, res, cinema)


@pytest.mark.parametrize("role", policy.ROLES)
def test_policy_names_only_the_table_its_index_and_the_topic(role):
    doc = build(role, topic_arn=f"arn:aws:sns:{REGION}:{ACCOUNT}:confirm")
    assert doc["Version"] == "2012-10-17"
    resources = {r for st in doc["Statement"] for r in st.get("Resource", [])}
    assert resources == {TABLE_ARN, INDEX_ARN, f"arn:aws:sns:{REGION}:{ACCOUNT}:confirm"}
    [sms] = [st for st in doc["Statement"] if "NotResource" in st]  # phones, never a topic
    assert sms["Action"] == ["sns:Publish"] and sms["NotResource"] == ["arn:aws:sns:*:*:*"]
    assert allowed(doc, "sns:Publish", "+919876543210")
    assert not allowed(doc, "sns:Publish", f"arn:aws:sns:{REGION}:{ACCOUNT}:someone-elses")
    assert not any("*" in r for r in resources)
    actions = {a for st in doc["Statement"] for a in st["Action"]}
    assert not any("*" in a for a in actions)
    assert actions.isdisjoint({"dynamodb:Scan", "dynamodb:CreateTable", "dynamodb:DeleteTable",
                               "dynamodb:BatchWriteItem", "dynamodb:UpdateTable",
                               "sns:CreateTopic", "sns:Subscribe"})
    # every write statement carries a key condition
    for st in doc["Statement"]:
        if set(st["Action"]) & set(policy.WRITE_ACTIONS + policy.CHECK_ACTIONS):
            assert "Condition" in st


@pytest.mark.parametrize("action", policy.WRITE_ACTIONS)
def test_a_kiosk_never_writes_catalogue_or_staff_but_a_manager_does(action):
    kiosk, manager = build("kiosk"), build("manager")
    for key in ("CINEMA#c1", "CINEMA#anything"):
        assert not allowed(kiosk, action, TABLE_ARN, key)
        assert allowed(manager, action, TABLE_ARN, key)
    for key in ("SHOW#s1", "BOOKING#b1", "SHIFT#KIOSK-1#3", "DEVICE#c1", "STAFFLOCK#c1",
                "PROBE"):
        assert allowed(kiosk, action, TABLE_ARN, key)
        assert allowed(manager, action, TABLE_ARN, key)
    for key in ("PROBEX", "OTHER#1", "cinema#c1", ""):
        assert not allowed(kiosk, action, TABLE_ARN, key)
    assert not allowed(kiosk, action, INDEX_ARN, "SHOW#s1")


def test_a_kiosk_only_answers_decisions_a_manager_sends_them():
    from kiosk.cloud.decisions import OUTCOME_ATTRIBUTES, decision_pk

    kiosk, manager = build("kiosk", cinema="c1"), build("manager", cinema="c1")
    key = decision_pk("c1")
    answer = ("pk", "sk", *OUTCOME_ATTRIBUTES)
    assert allowed(kiosk, "dynamodb:UpdateItem", TABLE_ARN, key, answer)
    assert not allowed(kiosk, "dynamodb:UpdateItem", TABLE_ARN, decision_pk("c2"), answer)
    for forged in (("pk", "sk", "decision"), ("pk", "sk", "outcome", "by"), None):
        assert not allowed(kiosk, "dynamodb:UpdateItem", TABLE_ARN, key, forged)
    for action in ("dynamodb:PutItem", "dynamodb:DeleteItem"):
        assert not allowed(kiosk, action, TABLE_ARN, key, answer)
        assert allowed(manager, action, TABLE_ARN, key)
    assert not allowed(manager, "dynamodb:PutItem", TABLE_ARN, decision_pk("c2"))


def test_the_keys_the_claims_write_are_allowed_to_a_kiosk():
    kiosk = build("kiosk")
    for key in (seat_key("show-1", "A1"), booking_key("b-1")):
        assert allowed(kiosk, "dynamodb:UpdateItem", TABLE_ARN, key["pk"]["S"])


def test_every_shared_item_a_counter_or_door_writes_is_allowed_to_a_kiosk_of_its_cinema():
    """Vouchers, members, food sales and admissions (issue 12, 13): a policy that forgot one
    would refuse every such write on a real account while moto (no IAM) lets it through."""
    from kiosk.cloud.admissions import admit_pk
    from kiosk.cloud.collections import collect_pk
    from kiosk.cloud.ledger import item_sale_pk
    from kiosk.cloud.loyalty import member_pk
    from kiosk.cloud.vouchers import voucher_pk

    kiosk = build("kiosk", cinema="c1")
    mine = (voucher_pk("c1", "CV1234567890"), member_pk("+919876543210"), item_sale_pk("s-1"),
            admit_pk("c1", "b-1"), collect_pk("c1", "b-1"))
    for key in mine:
        assert allowed(kiosk, "dynamodb:PutItem", TABLE_ARN, key), key
        assert allowed(kiosk, "dynamodb:UpdateItem", TABLE_ARN, key), key
    for key in (voucher_pk("c2", "CV1234567890"), admit_pk("c2", "b-1"), collect_pk("c2", "b")):
        assert not allowed(kiosk, "dynamodb:PutItem", TABLE_ARN, key), key


def test_a_kiosk_may_condition_check_catalogue_items_and_read_the_day_index():
    kiosk = build("kiosk", cinema="c1")
    assert allowed(kiosk, "dynamodb:ConditionCheckItem", TABLE_ARN, "CINEMA#c1")
    assert not allowed(kiosk, "dynamodb:ConditionCheckItem", TABLE_ARN, "CINEMA#c2")
    assert not allowed(kiosk, "dynamodb:PutItem", TABLE_ARN, "CINEMA#c1")
    assert allowed(kiosk, "dynamodb:Query", INDEX_ARN)
    assert allowed(kiosk, "dynamodb:GetItem", TABLE_ARN)


def test_a_cinema_narrows_the_per_cinema_partitions():
    manager = build("manager", cinema="c1")
    assert allowed(manager, "dynamodb:PutItem", TABLE_ARN, "CINEMA#c1")
    assert not allowed(manager, "dynamodb:PutItem", TABLE_ARN, "CINEMA#c2")
    assert not allowed(manager, "dynamodb:PutItem", TABLE_ARN, "STAFFLOCK#c2")
    assert allowed(manager, "dynamodb:PutItem", TABLE_ARN, "STAFFLOCK#c1")
    assert allowed(manager, "dynamodb:PutItem", TABLE_ARN, "SHOW#any")


def test_without_a_topic_arn_the_lookup_is_allowed_on_that_topic_only():
    doc = build("kiosk")
    topic = f"arn:aws:sns:{REGION}:{ACCOUNT}:box-office-confirmations"
    assert allowed(doc, "sns:CreateTopic", topic) and allowed(doc, "sns:Publish", topic)
    assert not allowed(build("kiosk", topic_arn=topic), "sns:CreateTopic", topic)


def test_cli_prints_json_on_stdout_and_the_code_rules_on_stderr(capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_CLOUD_TABLE", TABLE)
    monkeypatch.setenv("KIOSK_CLOUD_REGION", "eu-west-1")
    monkeypatch.setenv("KIOSK_CLOUD_TOPIC_ARN", "arn:aws:sns:eu-west-1:210987654321:t")
    assert main(["cloud", "policy", "--role", "kiosk", "--cinema", "c9"]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    table = f"arn:aws:dynamodb:eu-west-1:210987654321:table/{TABLE}"  # account from the topic
    assert not allowed(doc, "dynamodb:PutItem", table, "CINEMA#c9")
    assert allowed(doc, "dynamodb:PutItem", table, "STAFFLOCK#c9")
    assert "Enforced in code, not in IAM" in out.err and "ConditionCheck" in out.err

    monkeypatch.delenv("KIOSK_CLOUD_TOPIC_ARN")
    assert main(["cloud", "policy", "--role", "manager"]) == 0
    out = capsys.readouterr()
    assert f":{policy.ACCOUNT_PLACEHOLDER}:table/" in out.out and "--account" in out.err
    assert main(["cloud", "policy", "--role", "manager", "--account", "nope"]) != 0
    assert "12-digit" in capsys.readouterr().err
