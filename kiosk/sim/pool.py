"""Many seeds: in this process, or spread over worker processes (one moto and world each).

Results come back in seed order whatever the number of workers, so the summary of a run does
not depend on ``--jobs``. A passing seed's trace is dropped before it crosses a process boundary:
20,000 traces would be memory for nothing.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from kiosk.sim.runner import Environment, SeedResult, SimOptions, run_seed

_ENV: Environment | None = None
CHUNK = 10


def _environment() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment()
        atexit.register(_ENV.close)
    return _ENV


def _run_chunk(seeds: list[int], options: SimOptions, keep_traces: bool) -> list[SeedResult]:
    """In a worker process (its own logging): refusals and outages are outcomes, not news."""
    logging.getLogger("kiosk").setLevel(logging.CRITICAL)
    env = _environment()
    out = []
    for seed in seeds:
        result = run_seed(env, seed, options)
        if not (result.failed or keep_traces):
            result.trace = []
        out.append(result)
    return out


def run_many(seeds: Iterable[int], options: SimOptions, jobs: int = 1,
             env: Environment | None = None,
             progress: Callable[[SeedResult], None] | None = None,
             keep_traces: bool = False) -> Iterator[SeedResult]:
    """Yield each seed's result, in seed order (traces of passing seeds only if asked)."""
    seeds = list(seeds)
    if jobs <= 1:
        own = env or _environment()
        for seed in seeds:
            result = run_seed(own, seed, options)
            if not (result.failed or keep_traces):
                result.trace = []
            if progress:
                progress(result)
            yield result
        return
    chunks = [seeds[i:i + CHUNK] for i in range(0, len(seeds), CHUNK)]
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited mock
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for chunk in pool.map(_run_chunk, chunks, [options] * len(chunks),
                              [keep_traces] * len(chunks)):
            for result in chunk:
                if progress:
                    progress(result)
                yield result
