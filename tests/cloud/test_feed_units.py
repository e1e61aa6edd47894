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


def test_bumper_coalesces_a_burst_off_the_callers_thread():
    import threading

    from kiosk.cloud.feed import VersionBumper

    sent: list[tuple[str, str]] = []
    gate = threading.Event()

    class Client:
        def update_item(self, **kw):
            gate.wait(5)  # the first bump is in flight while the burst arrives
            sent.append((threading.current_thread().name, kw["Key"]["pk"]["S"]))

    bumper = VersionBumper(Client(), "t", background=True, linger_s=0.0)
    for _ in range(20):
        bumper.touched("s1")  # returns at once: never waits for the cloud
    bumper.touched("s2")
    gate.set()
    assert bumper.flush(5)
    assert {pk for _, pk in sent} == {"FEED#s1", "FEED#s2"}
    assert len(sent) <= 3  # 21 writes, at most one bump in flight plus one per show after it
    assert all(name == "feed-bumper" for name, _ in sent)
