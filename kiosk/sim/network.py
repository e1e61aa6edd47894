"""The link between each kiosk (and the website) and the one in-process cloud, with faults.

``FaultClient`` stands where a boto3 client stands (``SeatClaims``, the worker, the notifier use
it unchanged) and sends every call through ``Network.send``, which decides with a seeded random
stream what goes wrong: the request is dropped, arrives late, is answered from an older state
(eventually consistent reads), is applied but its answer is lost, or the kiosk dies just before or
after it. A partitioned kiosk reaches nothing. Errors are botocore's own (EndpointConnectionError,
ReadTimeoutError), so the product's ``translate`` sees exactly what a real outage looks like.

Every answer, error answers included, carries the cloud's virtual time in its ``Date`` header, for
kiosks that measure their clock offset from it.

The random stream is per (seed, step, kiosk): removing other steps of a schedule leaves a step's
faults unchanged, which is what makes shrinking a failing schedule work.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError

from kiosk.sim.faults import CALM, FaultRates, SimulatedCrash
from kiosk.sim.trace import Trace
from kiosk.sim.truth import Truth
from kiosk.sim.vclock import VirtualTime

ENDPOINT = "https://dynamodb.sim.invalid"
WRITES = frozenset({"transact_write_items", "update_item", "delete_item", "put_item",
                    "batch_write_item"})
READS = frozenset({"query", "get_item"})
TRANSPORT = frozenset({"drop", "lost_answer", "partition_drop", "crash"})


def _pascal(op: str) -> str:
    return "".join(part.title() for part in op.split("_"))


def stamp(response: Any, date: str) -> None:
    """Put the cloud's virtual time in a response's (or error response's) Date header."""
    if isinstance(response, dict):
        meta = response.setdefault("ResponseMetadata", {})
        meta.setdefault("HTTPHeaders", {})["date"] = date
        meta.setdefault("HTTPStatusCode", 200)


RngFactory = Callable[[int, int, str], random.Random]


def seeded_rng(seed: int, step: int, name: str) -> random.Random:
    return random.Random(f"net/{seed}/{step}/{name}")


class Network:
    def __init__(self, time: VirtualTime, truth: Truth, counts: Counter, trace: Trace,
                 rng_factory: RngFactory = seeded_rng):
        self.rng_factory = rng_factory
        self.time = time
        self.truth = truth
        self.counts = counts
        self.trace = trace
        self.partitioned: set[str] = set()
        self.transport_faults: Counter = Counter()  # per kiosk: requests that did not get through
        self.rates: dict[str, FaultRates] = {}
        self.faults_on = True
        self.requests = 0
        self._seed = 0
        self._step = -1
        self._rngs: dict[str, random.Random] = {}

    def begin_step(self, seed: int, step: int) -> None:
        self._seed, self._step = seed, step
        self._rngs.clear()

    def _rng(self, name: str) -> random.Random:
        rng = self._rngs.get(name)
        if rng is None:
            rng = self._rngs[name] = self.rng_factory(self._seed, self._step, name)
        return rng

    def _fault(self, kind: str, name: str, what: str) -> None:
        self.counts[kind] += 1
        if kind in TRANSPORT:
            self.transport_faults[name] += 1
        self.trace.add(f"      ! {name} {what}: {kind.replace('_', ' ')}")

    def send(self, name: str, service: str, op: str, method: Callable[..., Any],
             kwargs: dict[str, Any]) -> Any:
        """One request from kiosk ``name``; raises what a real link would raise."""
        self.requests += 1
        what = _pascal(op)
        if not self.faults_on:
            return self._apply(service, op, method, kwargs)
        rates = self.rates.get(name, CALM)
        rng = self._rng(name)
        u = [rng.random() for _ in range(6)]  # a fixed number of draws per request
        if name in self.partitioned:
            self._fault("partition_drop", name, what)
            raise EndpointConnectionError(endpoint_url=ENDPOINT)
        if u[0] < rates.crash / 2:
            self._fault("crash", name, f"{what} (before sending)")
            raise SimulatedCrash(f"{name} died before sending {what}")
        if u[1] < rates.drop:
            self._fault("drop", name, what)
            raise EndpointConnectionError(endpoint_url=ENDPOINT)
        if u[2] < rates.latency:
            delay = 0.2 + 7.8 * u[5]
            self._fault("latency", name, f"{what} +{delay:.1f}s")
            self.time.advance(delay)
        if (service == "dynamodb" and op in READS and not kwargs.get("ConsistentRead")
                and u[3] < rates.stale):
            answer = self.truth.stale_answer(op, kwargs, u[5])
            if answer is not None:
                self._fault("stale_read", name, what)
                stamp(answer, self.time.http_date())
                return answer
        try:
            result = self._apply(service, op, method, kwargs)
        except ClientError:
            self._after(name, what, rates, u)
            raise
        self._after(name, what, rates, u)
        return result

    def _after(self, name: str, what: str, rates: FaultRates, u: list[float]) -> None:
        """The request was applied: now its answer may be lost, or the kiosk may die."""
        if u[4] < rates.lose:
            self._fault("lost_answer", name, what)
            raise ReadTimeoutError(endpoint_url=ENDPOINT)
        if u[0] > 1 - rates.crash / 2:
            self._fault("crash", name, f"{what} (after it was applied)")
            raise SimulatedCrash(f"{name} died after {what} was applied")

    def _apply(self, service: str, op: str, method: Callable[..., Any],
               kwargs: dict[str, Any]) -> Any:
        date = self.time.http_date()
        try:
            result = method(**kwargs)
        except ClientError as exc:
            stamp(exc.response, date)
            raise
        if service == "dynamodb" and op in WRITES:
            self.truth.record(op, kwargs)
        stamp(result, date)
        return result


class FaultClient:
    """A boto3 client whose calls go through ``Network.send`` as kiosk ``name``."""

    def __init__(self, real: Any, network: Network, name: str, service: str):
        self._real = real
        self._network = network
        self._name = name
        self._service = service

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._real, attr)
        if attr.startswith("_") or attr in ("exceptions", "meta") or not callable(value):
            return value
        return functools.partial(self._call, attr, value)

    def _call(self, op: str, method: Callable[..., Any], **kwargs: Any) -> Any:
        return self._network.send(self._name, self._service, op, method, kwargs)


class SimClients:
    """What ``CloudContext(clients=...)`` holds: ``dynamodb``, ``sns``, ``table``, ``topic_arn()``."""

    def __init__(self, network: Network, name: str, dynamodb: Any, sns: Any, table: str,
                 topic_arn: str):
        self.dynamodb = FaultClient(dynamodb, network, name, "dynamodb")
        self.sns = FaultClient(sns, network, name, "sns")
        self.table = table
        self._topic_arn = topic_arn

    def topic_arn(self) -> str:
        return self._topic_arn
