"""What can go wrong between a kiosk and the cloud, and how often, drawn per seed.

Rates are per request. A seed draws a "weather" per kiosk (calm, flaky, stormy), so some
schedules test the happy path under a little noise and others an unreliable shop connection.
Episodes that span several steps (partitions, skew, crashes, big clock jumps) are steps of the
schedule instead (see ``kiosk.sim.schedule``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# Counted in every report, in this order.
FAULT_KINDS = ("drop", "lost_answer", "latency", "stale_read", "partition", "partition_drop",
               "skew", "crash", "hold_expiry")
MAX_SKEW_S = 600.0  # +-10 minutes


class SimulatedCrash(BaseException):
    """The kiosk process dies here.

    A BaseException, so no ``except Exception`` in the product can swallow it: like a power cut,
    it unwinds straight out of the service, and the runner then restarts the kiosk from its file.
    """


@dataclass(frozen=True)
class FaultRates:
    """Per-request probabilities."""

    drop: float = 0.0  # the request never arrives
    lose: float = 0.0  # the request is applied, its answer never comes back
    latency: float = 0.0  # the request arrives late (virtual seconds pass)
    stale: float = 0.0  # an eventually consistent read returns an older state
    crash: float = 0.0  # the kiosk dies just before or just after the request

    def describe(self) -> str:
        return (f"drop {self.drop:.2f} lose {self.lose:.2f} latency {self.latency:.2f} "
                f"stale {self.stale:.2f} crash {self.crash:.3f}")


CALM = FaultRates()
WEATHER: dict[str, FaultRates] = {
    "calm": FaultRates(drop=0.01, lose=0.01, latency=0.05, stale=0.10),
    "flaky": FaultRates(drop=0.06, lose=0.05, latency=0.15, stale=0.35, crash=0.01),
    "stormy": FaultRates(drop=0.15, lose=0.12, latency=0.30, stale=0.60, crash=0.03),
}


def draw_weather(rng: random.Random) -> str:
    return rng.choices(list(WEATHER), weights=(3, 4, 2))[0]


def web_rates(rng: random.Random) -> FaultRates:
    """The website has its own, better connection: drops and lost answers, no crashes."""
    return FaultRates(drop=rng.choice((0.0, 0.02, 0.05)), lose=rng.choice((0.0, 0.02, 0.05)))
