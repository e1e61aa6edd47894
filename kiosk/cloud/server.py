"""A local DynamoDB + SNS endpoint (moto's threaded server) for demos, tests and the bench.

Only ever binds 127.0.0.1. moto's server needs credentials and a region in the environment even
though it checks neither; ``fake_credentials()`` sets harmless ones when none are present.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from moto.server import ThreadedMotoServer

_LOCK = threading.RLock()
_IN_CHECKED_TRANSACTION = threading.local()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fake_credentials(region: str = "ap-south-1") -> None:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", region)


def patch_moto_dynamodb() -> None:
    """Make moto's in-process DynamoDB behave like DynamoDB under concurrency, and fast.

    moto 5 implements ``TransactWriteItems`` by deep-copying every touched *table* before it
    starts and putting the copy back when a condition fails. Under the threaded server that is
    both slow (a 2,000-seat show: ~3 transactions/s) and wrong: a rollback reinstates the old
    table and silently undoes other clients' writes that committed meanwhile, and a copy taken
    while another thread writes fails with "dictionary changed size". Real DynamoDB has neither
    problem. Here every backend call is serialised, and a transaction's conditions are checked
    before anything is written, so the table copy (and the rollback) are never needed.
    """
    from moto.dynamodb import models
    from moto.dynamodb.comparisons import get_filter_expression
    from moto.dynamodb.exceptions import ConditionalCheckFailed, TransactionCanceledException
    from moto.dynamodb.models.table import Table

    backend_cls = models.DynamoDBBackend
    if getattr(backend_cls, "_kiosk_patched", False):  # moto's class, patched once per process
        return

    real_copy = models.copy  # type: ignore[attr-defined]  # moto's own `import copy`, patched below

    def deepcopy(value: Any, memo: Any = None) -> Any:
        if getattr(_IN_CHECKED_TRANSACTION, "on", False) and isinstance(value, Table):
            return value  # conditions already passed: no rollback will be needed
        return real_copy.deepcopy(value, memo)

    # moto's models module sees this namespace as its `copy` module (a monkeypatch of moto)
    models.copy = types.SimpleNamespace(  # type: ignore[attr-defined, assignment]
        deepcopy=deepcopy, copy=real_copy.copy)
    original = backend_cls.transact_write_items

    def transact_write_items(self: models.DynamoDBBackend,
                             transact_items: list[dict[str, Any]]) -> None:
        with _LOCK:
            errors: list[tuple[Any, Any, Any]] = []
            if len(transact_items) > 100 or any(len(e) != 1 for e in transact_items):
                return original(self, transact_items)  # moto's own validation errors
            keys = [str(sorted((next(iter(e.values())).get("Key") or {}).items()))
                    for e in transact_items]
            if any("Key" in next(iter(e.values())) for e in transact_items) and \
                    len(set(keys)) != len(keys):
                return original(self, transact_items)  # duplicate items: moto refuses them
            for entry in transact_items:
                op_type, op = next(iter(entry.items()))
                condition = op.get("ConditionExpression")
                if condition is None or op_type not in ("ConditionCheck", "Put", "Delete",
                                                        "Update"):
                    errors.append((None, None, None))
                    continue
                table = self.get_table(op["TableName"])
                if op_type == "Put":
                    key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
                    if table.range_key_attr is not None:
                        key[table.range_key_attr] = op["Item"][table.range_key_attr]
                else:
                    key = op["Key"]
                current = self.get_item(op["TableName"], key)
                check = get_filter_expression(condition, op.get("ExpressionAttributeNames"),
                                              op.get("ExpressionAttributeValues"))
                if check.expr(current):
                    errors.append((None, None, None))
                    continue
                old = None
                if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                    old = current.to_json()["Attributes"]
                errors.append(("ConditionalCheckFailed",
                               ConditionalCheckFailed().message, old))
            if any(code is not None for code, _, _ in errors):
                raise TransactionCanceledException(errors)
            _IN_CHECKED_TRANSACTION.on = True
            try:
                return original(self, transact_items)
            finally:
                _IN_CHECKED_TRANSACTION.on = False

    def serialised(name: str) -> Callable[..., Any]:
        method = getattr(backend_cls, name)

        def wrapper(self: models.DynamoDBBackend, *args: Any, **kwargs: Any) -> Any:
            with _LOCK:
                return method(self, *args, **kwargs)

        wrapper.__name__ = name
        return wrapper

    _fast_item_answers()
    # patching moto's class: mypy refuses assigning to a method
    backend_cls.transact_write_items = transact_write_items  # type: ignore[method-assign]
    for name in ("put_item", "update_item", "delete_item", "get_item", "query", "scan",
                 "batch_write_item"):
        if hasattr(backend_cls, name):
            setattr(backend_cls, name, serialised(name))
    setattr(backend_cls, "_kiosk_patched", True)  # noqa: B010 - a marker moto does not declare


_ITEM_ANSWER_KEYS = frozenset({"Items", "Item", "Count", "ScannedCount", "LastEvaluatedKey",
                               "ConsumedCapacity"})


def _fast_item_answers() -> None:
    """Answer item reads (Query, Scan, GetItem) with ``json.dumps`` of moto's own result.

    moto 5.2 passes every answer through a generic serializer that walks the API's shape model
    attribute by attribute: a Query of a 1,250-seat show costs ~0.7 s of the server's CPU
    (~0.5 ms per item), so kiosks pulling a big show starve everyone's claims, which real
    DynamoDB (other machines serve reads) would not. moto's result for these calls already is
    DynamoDB JSON (``dynamo_to_dict``), which is exactly what the JSON protocol sends; any other
    answer (tables, errors, transactions) keeps moto's serializer.
    """
    import json

    from moto.dynamodb.responses import DynamoResult

    real = DynamoResult.execute_result

    def execute_result(self: DynamoResult, context: Any) -> Any:
        result = self.result
        if not isinstance(result, dict) or not set(result) <= _ITEM_ANSWER_KEYS or not (
                "Items" in result or "Item" in result):
            return real(self, context)
        return 200, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(result)

    DynamoResult.execute_result = execute_result  # type: ignore[method-assign, assignment]


def quiet() -> None:
    for name in ("werkzeug", "moto", "botocore", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)


class LocalCloud:
    """``with LocalCloud(port) as cloud: cloud.endpoint_url``; ``stop()`` / ``start()`` again
    simulate a network cut (moto keeps its data in this process across restarts)."""

    def __init__(self, port: int | None = None):
        from moto.server import ThreadedMotoServer

        fake_credentials()
        quiet()
        patch_moto_dynamodb()
        self.port = port or free_port()
        self._server_cls = ThreadedMotoServer
        self._server: ThreadedMotoServer | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LocalCloud:
        server = self._server_cls(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server = server
        server.start()
        return self

    def reset(self) -> None:
        """Forget every table and topic (moto keeps them per process, across servers)."""
        import urllib.request

        request = urllib.request.Request(f"{self.endpoint_url}/moto-api/reset", method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            response.read()

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> LocalCloud:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
