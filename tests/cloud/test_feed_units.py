"""The feed bench counts DynamoDB units by DynamoDB's rules (moto's own figure is a constant)."""

from __future__ import annotations

from kiosk.bench.feed import item_size, units


def _item(n_bytes: int) -> dict:
    return {"pk": {"S": "x" * (n_bytes - 2)}}  # "pk" is 2 bytes of name


def test_reads_round_up_to_4_kb_and_eventual_consistency_halves():
    assert item_size(_item(100)) == 100
    assert units("GetItem", {"ConsistentRead": True}, {"Item": _item(5000)}) == (2.0, 0.0)
    assert units("GetItem", {}, {}) == (0.5, 0.0)  # a missing item still costs one unit
    # a Query pays for the summed size of its page, not per item
    assert units("Query", {}, {"Items": [_item(1000)] * 5}) == (1.0, 0.0)
    # a BatchGet pays per item, missing ones included
    keys = [{"pk": {"S": str(i)}} for i in range(40)]
    assert units("BatchGetItem", {"RequestItems": {"t": {"Keys": keys}}},
                 {"Responses": {"t": [_item(50)] * 10}}) == (20.0, 0.0)


def test_writes_round_up_to_1_kb_and_transactions_double():
    assert units("PutItem", {"Item": _item(1500)}, {}) == (0.0, 2)
    assert units("UpdateItem", {}, {}) == (0.0, 1.0)
    txn = {"TransactItems": [{"Update": {}}, {"Update": {}}, {"Put": {"Item": _item(1100)}}]}
    assert units("TransactWriteItems", txn, {}) == (0.0, 8.0)  # (1 + 1 + 2) x 2
