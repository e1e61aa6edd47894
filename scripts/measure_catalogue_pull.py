"""Change log vs version-filtered query for a pull after one changed show (moto, in process).

Run: N=500 .venv/bin/python scripts/measure_catalogue_pull.py (N = shows in the cinema)."""
import json
import os
import time

os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="ap-south-1")
import boto3
from moto import mock_aws

from kiosk.cloud import catalogue_sync as cs
from kiosk.cloud.table import ensure_table


def size(item):
    return sum(len(k) + len(json.dumps(v)) for k, v in item.items())

with mock_aws():
    c = boto3.client("dynamodb", region_name="ap-south-1")
    ensure_table(c, "t")
    pk = {"S": "CINEMA#c"}
    layout = {"rows": [{"label": chr(65 + r), "cells": "S" * 24} for r in range(16)]}
    n_shows = int(os.environ.get("N", "500"))
    items = [(f"HALL#h{i}", "hall", {"id": f"h{i}", "layout": layout}) for i in range(6)]
    items += [(f"SHOW#s{i}", "show", {"id": f"s{i}", "film_id": "f", "hall_id": "h1",
               "starts_at": "2026-12-01T10:00:00+00:00", "price_list_id": "p", "status": "scheduled"})
              for i in range(n_shows)]
    items += [(f"STAFF#{1000 + i}", "staff", {"staff_number": str(1000 + i), "pin_hash": "x" * 60})
              for i in range(40)]
    for sk, kind, body in items:
        c.put_item(TableName="t", Item={"pk": pk, "sk": {"S": sk}, "version": {"N": "1"},
                   "kind": {"S": kind}, "body": {"S": json.dumps(body)}})
    c.put_item(TableName="t", Item={"pk": pk, "sk": {"S": cs.change_sk(1)}, "version": {"N": "1"},
               "sks": {"L": [{"S": sk} for sk, _, _ in items]}})
    c.put_item(TableName="t", Item={"pk": pk, "sk": {"S": "SHOW#s7"}, "version": {"N": "2"},
               "kind": {"S": "show"}, "body": {"S": "{}"}})
    c.put_item(TableName="t", Item={"pk": pk, "sk": {"S": cs.change_sk(2)}, "version": {"N": "2"},
               "sks": {"L": [{"S": "SHOW#s7"}]}})
    c.put_item(TableName="t", Item={"pk": pk, "sk": {"S": "VERSION"}, "version": {"N": "2"}})
    total_bytes = sum(size(i) for i in c.query(TableName="t", KeyConditionExpression="pk = :pk",
                      ExpressionAttributeValues={":pk": pk})["Items"])
    reps = 20
    t = time.perf_counter()
    for _ in range(reps):
        got = cs.fetch_changes(c, "t", "c", 1, 2)
    log_ms = (time.perf_counter() - t) / reps * 1000
    assert [g["sk"]["S"] for g in got] == ["SHOW#s7"]
    scanned = 0
    t = time.perf_counter()
    for _ in range(reps):
        start, scanned, found = None, 0, []
        while True:
            page = c.query(TableName="t", ConsistentRead=True, KeyConditionExpression="pk = :pk AND sk > :a",
                           FilterExpression="version > :s", ExpressionAttributeValues={":pk": pk, ":a": {"S": "CHANGE$"}, ":s": {"N": "1"}},
                           **({"ExclusiveStartKey": start} if start else {}))
            scanned += page["ScannedCount"]
            found += page["Items"]
            start = page.get("LastEvaluatedKey")
            if not start:
                break
    filt_ms = (time.perf_counter() - t) / reps * 1000
    print(f"partition: {len(items)} items, ~{total_bytes/1024:.0f} KB")
    print(f"change log: 1 Query (1 CHANGE item) + 1 BatchGetItem (1 item): ~2 RCU, {log_ms:.1f} ms in moto")
    print(f"version filter: scanned {scanned} items -> {len(found)} returned; ~{total_bytes/4096:.0f} RCU strongly consistent, {filt_ms:.1f} ms in moto")
