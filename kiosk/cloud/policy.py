"""Least-privilege IAM policies for ``kiosk cloud policy --role kiosk|manager``.

Each device gets its own credentials with the policy of its role: only this table (and its
``by_day`` index) and the confirmations topic, nothing else in the account. The one line IAM can
draw inside the table is the partition key (``dynamodb:LeadingKeys``): a kiosk may write seat,
booking, shift, device, lockout, gift card and probe items, never the cinema's catalogue or staff
(``CINEMA#``). A manager console may also write ``CINEMA#``.

The key plan is DESIGN section 4b; the prefixes below must follow it. Everything IAM cannot
express (which is most of the business rules) is listed in ``ENFORCED_IN_CODE`` and printed
with the policy, so nobody mistakes the policy for the whole safety story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("kiosk", "manager")
ACCOUNT_PLACEHOLDER = "ACCOUNT_ID"
INDEX_BY_DAY = "by_day"

# Partition-key prefixes each role may write (PutItem / UpdateItem / DeleteItem, alone or as a
# part of TransactWriteItems, which IAM authorises item by item).
KIOSK_WRITE_PREFIXES = ("SHOW#", "BOOKING#", "SHIFT#", "DEVICE#", "STAFFLOCK#", "GIFTCARD#",
                        "PROMO#", "VOUCHER#", "MEMBER#", "ITEMSALE#", "ADMIT#", "COLLECT#")
KIOSK_WRITE_EXACT = ("PROBE",)
MANAGER_EXTRA_PREFIXES = ("CINEMA#", "DECISION#")
# A kiosk answers the managers' decisions sent to it (kiosk.cloud.decisions) by setting the
# outcome attributes on the decision item, and nothing else: IAM's ``dynamodb:Attributes``
# condition limits its UpdateItem there to them, the key (which every request names) and
# ``attempt``, which the answer's condition reads. ``decision`` and ``by`` are never among them.
DECISION_PREFIX = "DECISION#"
KIOSK_DECISION_ATTRIBUTES = ("pk", "sk", "attempt", "outcome", "note", "outcome_at")

WRITE_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
# A ConditionCheck reads an item inside a transaction and changes nothing; the claims check the
# show's and the seller's CINEMA# items with it, so a kiosk needs it on CINEMA# (and on what it
# writes, in case a later check targets those).
CHECK_ACTIONS = ("dynamodb:ConditionCheckItem",)
READ_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                "dynamodb:DescribeTable")
INDEX_READ_ACTIONS = ("dynamodb:Query",)

ENFORCED_IN_CODE = (
    "Only a signed-in manager publishes catalogue and staff items: the manager console's "
    "credentials may write CINEMA#, so the role check of whoever is signed in is in the services "
    "(IAM sees the device, not the person).",
    "A manager's decision on another device's refund request or cash-up is applied by that "
    "device only if the deciding staff number is an active manager in its own staff directory, "
    "and re-validated there like a decision made at its screen; one decision per request "
    "(a conditional write). A kiosk may only set the outcome attributes of a decision item.",
    "Each catalogue/staff write is conditional on the version it read and moves the cinema's "
    "VERSION item in the same transaction (ConditionExpression, not IAM).",
    "A seat is taken only if it is free, its hold expired, it is this booking's, or allocated to "
    "this kiosk: ConditionExpressions on every claim. IAM cannot look at attribute values, so it "
    "cannot stop one kiosk from writing a seat or booking item that names another kiosk.",
    "A gift card pays only what is set aside for the device spending it: setting money aside "
    "is conditional on the card's shared balance, state and expiry, and a spend on the "
    "device's own allowance (ConditionExpressions); IAM cannot stop one kiosk from naming "
    "another's allowance in an update, nor a sold card from being written with any balance.",
    "Every device puts a show's seats under the partition keys the show's layout item "
    "(SHOW#<show> / LAYOUT) names: it is created once by a conditional PutItem and a claim "
    "that disagrees is refused (kiosk.cloud.partitions); IAM cannot stop a kiosk from "
    "rewriting or deleting that item.",
    "A claim on a cancelled show, or in a deactivated cashier's name, is refused by "
    "ConditionCheck items in the claim's own transaction.",
    "A kiosk reads the whole cinema partition (including staff bcrypt hashes, which it needs to "
    "sign staff in offline); IAM cannot hide attributes per item kind without breaking that.",
    "Business dates, amounts and the day report's totals are checked by the ledger code; IAM "
    "does not validate item contents.",
    "`kiosk cloud init` (CreateTable, UpdateTimeToLive, CreateTopic, the by_day index) is an "
    "administrator's job and is in neither role.",
)


@dataclass(frozen=True)
class Resources:
    """The ARNs one policy names, built from config (no ARN is hard-coded beyond its format)."""

    table: str
    index: str
    topic: str
    topic_from_config: bool


def resources(region: str, account: str, table: str, topic_arn: str, topic_name: str,
              partition: str = "aws") -> Resources:
    """ARNs of the table, its ``by_day`` index and the topic (the configured ARN wins)."""
    table_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{table}"
    topic = topic_arn or f"arn:{partition}:sns:{region}:{account}:{topic_name}"
    return Resources(table=table_arn, index=f"{table_arn}/index/{INDEX_BY_DAY}", topic=topic,
                     topic_from_config=bool(topic_arn))


def account_from_arn(arn: str) -> str:
    """The account field of an ARN (``arn:partition:service:region:account:...``), or ""."""
    parts = arn.split(":")
    return parts[4] if len(parts) > 5 and parts[0] == "arn" else ""


def write_keys(role: str, cinema_id: str = "") -> list[str]:
    """``dynamodb:LeadingKeys`` patterns the role may write. With a cinema id the per-cinema
    partitions (devices, lockouts, the catalogue) are narrowed to that cinema."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    per_cinema = {"DEVICE#", "STAFFLOCK#", "CINEMA#", "DECISION#"}
    prefixes = KIOSK_WRITE_PREFIXES + (MANAGER_EXTRA_PREFIXES if role == "manager" else ())
    keys = [f"{p}{cinema_id}" if cinema_id and p in per_cinema
            else f"{p}{cinema_id}#*" if cinema_id and p in ("GIFTCARD#", "PROMO#", "VOUCHER#",
                                                            "ADMIT#", "COLLECT#")  # a partition
            # per card, per code
            else f"{p}*" for p in prefixes]
    return keys + list(KIOSK_WRITE_EXACT)


def _leading(keys: list[str]) -> dict[str, Any]:
    return {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": keys}}


def build_policy(role: str, res: Resources, cinema_id: str = "") -> dict[str, Any]:
    """The IAM policy document (a dict ready for ``json.dumps``) for one device role."""
    writes = write_keys(role, cinema_id)
    cinema_key = f"CINEMA#{cinema_id}" if cinema_id else "CINEMA#*"
    checks = sorted(set(writes) | {cinema_key})
    statements: list[dict[str, Any]] = [
        {"Sid": "ReadTheTableAndTheDayIndex", "Effect": "Allow", "Action": list(READ_ACTIONS),
         "Resource": [res.table]},
        {"Sid": "QueryTheDayIndex", "Effect": "Allow", "Action": list(INDEX_READ_ACTIONS),
         "Resource": [res.index]},
        {"Sid": "WriteOnly" + ("DeviceAndSalesItems" if role == "kiosk"
                               else "SalesAndCatalogueItems"),
         "Effect": "Allow", "Action": list(WRITE_ACTIONS), "Resource": [res.table],
         "Condition": _leading(writes)},
        *([] if role != "kiosk" else [{
            "Sid": "AnswerManagersDecisions", "Effect": "Allow",
            "Action": ["dynamodb:UpdateItem"], "Resource": [res.table],
            "Condition": {
                **_leading([f"{DECISION_PREFIX}{cinema_id}" if cinema_id
                            else f"{DECISION_PREFIX}*"]),
                "ForAllValues:StringEquals": {
                    "dynamodb:Attributes": list(KIOSK_DECISION_ATTRIBUTES)},
                "StringEqualsIfExists": {"dynamodb:ReturnValues": ["NONE"]}}}]),
        {"Sid": "ConditionChecksInClaims", "Effect": "Allow", "Action": list(CHECK_ACTIONS),
         "Resource": [res.table], "Condition": _leading(checks)},
        {"Sid": "PublishConfirmations", "Effect": "Allow",
         # without a configured topic_arn the app looks the ARN up with CreateTopic (idempotent);
         # set [cloud] topic_arn and this shrinks to Publish alone
         "Action": ["sns:Publish"] if res.topic_from_config else ["sns:Publish",
                                                                   "sns:CreateTopic"],
         "Resource": [res.topic]},
        # an SMS confirmation goes straight to the customer's phone (no topic, no subscriber);
        # a phone number is no ARN, so IAM names it as "not any SNS resource": this allows SMS
        # and no topic, application or endpoint at all (issue 13 point 8)
        {"Sid": "SendSmsToCustomers", "Effect": "Allow", "Action": ["sns:Publish"],
         "NotResource": [f"arn:{res.topic.split(':')[1]}:sns:*:*:*"]},
    ]
    return {"Version": "2012-10-17", "Statement": statements}


def describe(role: str) -> list[str]:
    """What the printed policy allows and what is left to the code, for people."""
    can = ("writes seat, booking, refund, shift, device-heartbeat, lockout and probe items; "
           "reads the whole table and queries the by_day index; never writes CINEMA# "
           "(catalogue, staff); answers managers' decisions (outcome attributes only)"
           if role == "kiosk" else
           "everything a kiosk may, plus writing the cinema's CINEMA# catalogue and staff items "
           "and DECISION# items (approving other devices' refunds and cash-ups)")
    return [f"role {role}: {can}.", "Enforced in code, not in IAM:"] + [
        f"  - {line}" for line in ENFORCED_IN_CODE]
