"""Cycles are collected on the GUI thread, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from kiosk.ui.main_thread_gc import MainThreadCollector, collecting_on_gui_thread


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def _cycle_watched(died_on: list[str]) -> weakref.ref:
    node = _Node()
    ref = weakref.ref(node, lambda _ref: died_on.append(threading.current_thread().name))
    del node
    return ref


def _allocate_in_a_worker() -> list:
    """Far more container allocations than generation 0's threshold, in another thread; they
    are kept (returned), so generation 0 stays over its threshold for the next check."""
    kept: list = []

    def churn() -> None:
        for _ in range(20 * gc.get_threshold()[0]):
            kept.append([])
    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    return kept


def test_a_worker_allocating_does_not_collect_and_the_gui_thread_does(qtbot):
    gc.enable()
    gc.collect()
    collector = MainThreadCollector(interval_ms=20)
    collector.start()
    try:
        assert not gc.isenabled()
        died_on: list[str] = []
        ref = _cycle_watched(died_on)
        kept = _allocate_in_a_worker()
        assert ref() is not None and died_on == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: ref() is None, timeout=5_000)  # the timer, on this thread
        assert died_on == [threading.current_thread().name]
        assert threading.current_thread() is threading.main_thread()
        del kept
    finally:
        collector.stop()
    assert gc.isenabled()  # given back as it was


def test_without_it_the_worker_is_the_one_that_collects():
    """The hazard itself (why the collector exists): an allocating worker frees the cycle."""
    gc.enable()
    gc.collect()
    died_on: list[str] = []
    ref = _cycle_watched(died_on)
    _allocate_in_a_worker()
    assert ref() is None and died_on == ["worker"]


def test_check_collects_only_over_the_threshold_and_stop_restores_disabled_state():
    gc.disable()
    gc.collect()
    with collecting_on_gui_thread() as collector:
        assert collector.running and not gc.isenabled()
        died_on: list[str] = []
        ref = _cycle_watched(died_on)
        collector.check()
        assert ref() is not None  # generation 0 is not full yet
        junk = [[] for _ in range(2 * gc.get_threshold()[0])]
        collector.check()
        assert ref() is None and died_on == [threading.current_thread().name]
        del junk
    assert not collector.running and not gc.isenabled()  # it was off before: it stays off


def test_the_running_ui_collects_on_the_gui_thread_until_shut_down(kiosk_ui):
    assert kiosk_ui.collector is not None and kiosk_ui.collector.running
    assert not gc.isenabled()  # the bridge's workers and the sync thread never collect
    kiosk_ui.collector.stop()
    gc.enable()  # as the real app starts: enabled, so shutting down must give it back
    collector = kiosk_ui.collector
    collector.start()
    assert not gc.isenabled()
    kiosk_ui.shutdown()
    assert not collector.running and kiosk_ui.collector is None and gc.isenabled()


def test_nested_collectors_give_collection_back_only_when_the_last_stops():
    gc.enable()
    outer, inner = MainThreadCollector(), MainThreadCollector()
    outer.start()
    inner.start()
    outer.stop()
    assert not gc.isenabled()  # the inner one still runs: workers must not collect yet
    inner.stop()
    inner.stop()  # twice is harmless
    assert gc.isenabled()


def test_a_ui_that_fails_half_built_leaves_collection_as_it_was(qapp, services, ui_config,
                                                                monkeypatch):
    import pytest

    import kiosk.ui.app as app_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("no window today")

    monkeypatch.setattr(app_module, "MainWindow", broken)
    gc.enable()
    with pytest.raises(RuntimeError):
        app_module.build_ui(services, ui_config, app=qapp, install_hooks=False, mode="counter")
    assert gc.isenabled()


def test_shutting_down_twice_or_after_a_failure_gives_collection_back(kiosk_ui, monkeypatch):
    import pytest

    kiosk_ui.collector.stop()
    gc.enable()
    kiosk_ui.collector.start()

    def broken() -> None:
        raise RuntimeError("bridge stuck")

    monkeypatch.setattr(kiosk_ui.bridge, "shutdown", broken)
    with pytest.raises(RuntimeError):
        kiosk_ui.shutdown()
    assert gc.isenabled() and kiosk_ui.collector is None
    monkeypatch.undo()
    kiosk_ui.shutdown()  # the fixture's own close does it again too
