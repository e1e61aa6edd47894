"""Cloud fixtures: moto in process (``mock_aws``), a cloud-enabled config, services on a CloudGate.

Fake credentials and the region come from tests/conftest.py; nothing here can reach real AWS
(``mock_aws`` intercepts every call; server tests bind 127.0.0.1 only).
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import UTC

import pytest

os.environ["AWS_EC2_METADATA_DISABLED"] = "true"  # never probe instance metadata
logging.getLogger("werkzeug").setLevel(logging.ERROR)

TABLE = "kiosk-test"


@pytest.fixture
def aws(clock, monkeypatch):
    """moto in process, its clock the test world's: kiosks measure their skew against the
    ``Date`` header of its answers, as they would against DynamoDB's."""
    import moto.core.responses as moto_responses
    from moto import mock_aws

    from kiosk.cloud import feed

    monkeypatch.setattr(moto_responses, "utcnow",
                        lambda: clock.now().astimezone(UTC).replace(tzinfo=None))
    # version bumps in the claiming thread: moto in process is not thread-safe, and no bump may
    # outlive the mock (it would go to the real endpoint)
    monkeypatch.setattr(feed, "BACKGROUND_BUMPS", False)
    with mock_aws():
        yield


@pytest.fixture
def cloud_config(config):
    return replace(config, kiosk_id="KIOSK-1",
                   cloud=replace(config.cloud, enabled=True, table=TABLE, region="ap-south-1",
                                 endpoint_url="", sync_interval_s=0.2, pull_interval_s=0.2))


@pytest.fixture
def ctx(aws, cloud_config):
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.table import ensure_table, ensure_topic

    context = CloudContext(cloud_config)
    clients = context.clients()
    ensure_table(clients.dynamodb, TABLE)
    ensure_topic(clients.sns, "", cloud_config.cloud.topic_name)
    return context


@pytest.fixture
def cloud_services(cloud_config, clock, ctx):
    """Every service over the small test world, selling through a CloudGate on moto."""
    from kiosk.cloud.gate import CloudGate
    from kiosk.services.app import open_services
    from kiosk.store.db import open_db
    from tests.factories import make_world

    open_db(cloud_config.db_path).conn.close()
    gate = CloudGate(cloud_config, context=ctx, clock=clock)
    svc = open_services(cloud_config, clock=clock, gate=gate)
    svc.world = make_world(svc.deps.db, clock)
    svc.gate = gate
    yield svc
    svc.close()
    gate.close()


@pytest.fixture
def parts(cloud_services, ctx, clock):
    """The services plus the sync parts over the same file, and a switch that cuts the network."""
    from kiosk.cloud.allocations import AllocationManager
    from kiosk.cloud.pull import Puller
    from kiosk.cloud.worker import Backoff, OutboxWorker
    from tests.cloud.helpers import NetworkSwitch

    svc = cloud_services
    path = svc.config.db_path
    worker = OutboxWorker(ctx, path, clock=clock, backoff=Backoff(0.5, 1.0), rng=lambda: 1.0)
    puller = Puller(ctx, path, clock=clock)
    alloc = AllocationManager(ctx, path, clock=clock)
    clients = ctx.clients()
    switch = NetworkSwitch(clients.dynamodb, clients.sns)
    yield svc, worker, puller, alloc, switch
    for p in (worker, puller, alloc):
        p.close()
