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
    _fast_dispatch()
    _partition_queries(Table)
    # patching moto's class: mypy refuses assigning to a method
    backend_cls.transact_write_items = transact_write_items  # type: ignore[method-assign]
    for name in ("put_item", "update_item", "delete_item", "get_item", "query", "scan",
                 "batch_write_item"):
        if hasattr(backend_cls, name):
            setattr(backend_cls, name, serialised(name))
    setattr(backend_cls, "_kiosk_patched", True)  # noqa: B010 - a marker moto does not declare


_PARTITION = threading.local()  # the one partition a base-table Query may look at


def _partition_queries(table_cls: Any) -> None:
    """A Query of the table (not an index) reads its own partition only, as DynamoDB does.

    moto 5's ``Table.query`` gathers *every item of the table*, sorts them all, then keeps the
    partition asked for: O(table) per query. In the flash sale (2,500 seats, 1,250 bookings, the
    feed's slots) that was half of the one server process's CPU (py-spy), which the raw-rate
    side of the ratio never pays. Here ``all_items`` answers, during such a query, with just
    that partition's items in the order moto sorts them; nothing else changes."""
    original_query, original_all_items = table_cls.query, table_cls.all_items

    def query(self: Any, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        index_name = args[6] if len(args) > 6 else kwargs.get("index_name")
        if not FAST_ANSWERS or index_name is not None or hash_key is None \
                or not self.range_key_attr:
            return original_query(self, hash_key, *args, **kwargs)
        partition = self.items.get(hash_key)  # .get: never adds to moto's defaultdict
        _PARTITION.items = list(partition.values()) if partition else []
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            _PARTITION.items = None

    def all_items(self: Any) -> Any:
        only = getattr(_PARTITION, "items", None)
        if only is None:
            return original_all_items(self)
        return sorted(only, key=lambda item: (item.hash_key, item.range_key))

    table_cls.query = query
    table_cls.all_items = all_items


_ITEM_ANSWER_KEYS = frozenset({"Items", "Item", "Count", "ScannedCount", "LastEvaluatedKey",
                               "ConsumedCapacity"})
_BATCH_ANSWER_KEYS = frozenset({"Responses", "UnprocessedKeys", "ConsumedCapacity"})
DYNAMODB_TARGET = "DynamoDB_20120810."  # X-Amz-Target prefix of every DynamoDB call


def _fast_batch_answer(result: dict[str, Any]) -> dict[str, Any] | None:
    """What moto's serializer makes of a ``BatchGetItem`` result, or None when unsure.

    The items are DynamoDB JSON already; the shape model makes capacity units doubles."""
    if set(result) != _BATCH_ANSWER_KEYS:
        return None
    responses, unprocessed, consumed = (result["Responses"], result["UnprocessedKeys"],
                                        result["ConsumedCapacity"])
    if not isinstance(responses, dict) or not isinstance(unprocessed, dict) or not all(
            isinstance(c, dict) and set(c) == {"CapacityUnits", "TableName"}
            for c in consumed):
        return None
    return {"Responses": responses, "UnprocessedKeys": unprocessed,
            "ConsumedCapacity": [{"CapacityUnits": float(c["CapacityUnits"]),
                                  "TableName": c["TableName"]} for c in consumed]}


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
        if not isinstance(result, dict) or not FAST_ANSWERS:
            return real(self, context)
        if set(result) <= _ITEM_ANSWER_KEYS and ("Items" in result or "Item" in result):
            answer: dict[str, Any] | None = result
        elif context.operation_model.name == "BatchGetItem":
            answer = _fast_batch_answer(result)
        else:
            answer = None
        if answer is None:
            return real(self, context)
        return 200, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(answer)

    DynamoResult.execute_result = execute_result  # type: ignore[method-assign, assignment]


FAST_ANSWERS = True  # False: every answer through moto's own path (tests compare the two)
CACHED_READS = frozenset({"Query", "GetItem", "BatchGetItem", "Scan"})
PURE_READS = frozenset({"DescribeTable", "ListTables", "DescribeTimeToLive"})
READ_CACHE_LIMIT = 2000  # answers kept between two writes


class ReadCache:
    """Answers of item reads, kept until the next request that may change something.

    With the change feed, every kiosk watching a show queries it right after the same sale:
    20 kiosks, 20 identical Queries of 200 seats, each costing moto ~10 ms of CPU to build the
    same answer (deep copies, sizes, sorting), on a machine whose 2 cores also run the kiosks.
    Real DynamoDB serves reads on other machines. Here an identical read (same operation, same
    caller's region and key, same body) asked again before any other request that may write
    gets the bytes moto built the first time. Every request that is not a known read moves the
    generation before and after it runs, and an answer is kept only if the generation did not
    move while it was built, so no answer from before a write is served after it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.generation = 0
        self._answers: dict[tuple[str, str, bytes], tuple[str, list[tuple[str, str]], bytes]] = {}
        self.hits = 0
        self.misses = 0

    def moved(self) -> None:
        with self._lock:
            self.generation += 1
            self._answers.clear()

    def get(self, key: tuple[str, str, bytes]
            ) -> tuple[str, list[tuple[str, str]], bytes] | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is None:
                self.misses += 1
            else:
                self.hits += 1
            return answer

    def put(self, key: tuple[str, str, bytes], generation: int,
            answer: tuple[str, list[tuple[str, str]], bytes]) -> None:
        with self._lock:
            if generation == self.generation and len(self._answers) < READ_CACHE_LIMIT:
                self._answers[key] = answer


READ_CACHE = ReadCache()


def _caller(environ: dict[str, Any]) -> str:
    """Access key and region of the signature (moto keeps data per account and region)."""
    auth = str(environ.get("HTTP_AUTHORIZATION", ""))
    credential = auth.partition("Credential=")[2].partition(",")[0].split("/")
    return "/".join(credential[:1] + credential[2:3])


def _cached_read(app: Any, op: str, environ: dict[str, Any], start_response: Any) -> Any:
    import io

    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    key = (op, _caller(environ), body)
    answer = READ_CACHE.get(key)
    if answer is not None:
        status, headers, content = answer
        start_response(status, headers)
        return [content]
    generation = READ_CACHE.generation
    seen: list[Any] = []

    def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen[:] = [status, list(headers)]
        return start_response(status, headers, exc_info) if exc_info else start_response(
            status, headers)

    chunks = app(environ, capture)
    try:
        content = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    if seen and str(seen[0]).startswith("200"):
        READ_CACHE.put(key, generation, (seen[0], seen[1], content))
    return [content]


def _fast_dispatch() -> None:
    """Skip moto's per-request overheads that do not depend on the request; cache item reads.

    For every request moto's dispatcher takes one process-wide lock and, under it, lists its
    own package folder (``os.listdir`` and a ``stat`` per service, ~80 calls) to find the
    service; then ``call_action`` lists the handler class's methods with ``inspect.getmembers``.
    With 20 kiosks polling, that lock is where requests queue (a thread descheduled while
    holding it stalls every other) and the two listings are a large share of a small read's
    CPU. A DynamoDB call (its ``X-Amz-Target``) goes straight to the DynamoDB app once moto
    made it, and a class's method names are computed once: the same answers, found cheaper.
    Item reads then go through ``READ_CACHE``.
    """
    import functools

    from moto.core import responses as core_responses
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    if getattr(DomainDispatcherApplication, "_kiosk_fast", False):
        return
    # moto's module-level name, cached (its classes never change at run time)
    setattr(core_responses, "method_names_from_class",  # noqa: B010 - not exported by moto
            functools.lru_cache(maxsize=None)(core_responses.__dict__["method_names_from_class"]))
    real_call = DomainDispatcherApplication.__call__

    def call(self: DomainDispatcherApplication, environ: dict[str, Any],
             start_response: Any) -> Any:
        target = str(environ.get("HTTP_X_AMZ_TARGET", ""))
        app = self.app_instances.get("dynamodb") if target.startswith(DYNAMODB_TARGET) else None
        op = target.removeprefix(DYNAMODB_TARGET)
        if app is not None and FAST_ANSWERS:
            if op in CACHED_READS:
                return _cached_read(app, op, environ, start_response)
            if op in PURE_READS:
                return app(environ, start_response)
        READ_CACHE.moved()  # anything else may write: before, and after it is done
        try:
            if app is not None and FAST_ANSWERS:
                return app(environ, start_response)
            return real_call(self, environ, start_response)
        finally:
            READ_CACHE.moved()

    DomainDispatcherApplication.__call__ = call  # type: ignore[method-assign]
    setattr(DomainDispatcherApplication, "_kiosk_fast", True)  # noqa: B010 - moto's class


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
