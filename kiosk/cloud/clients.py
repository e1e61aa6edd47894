"""boto3 clients built from ``[cloud]`` config, tuned so an outage is noticed in about a second.

Credentials come only from boto3's standard chain (environment, shared files, instance role);
nothing here reads or stores a secret. Timeouts are short and retries few: a counter must not
freeze for half a minute when the shop's internet drops; the outbox retries later anyway.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import boto3
from botocore.config import Config as BotoConfig

from kiosk.cloud.errors import NO_CREDENTIALS, CloudUnavailable
from kiosk.config import CloudConfig

CONNECT_TIMEOUT_S = 1.0
READ_TIMEOUT_S = 3.0
MAX_ATTEMPTS = 2  # the first try plus one retry, inside botocore


@dataclass(frozen=True)
class Timeouts:
    connect_s: float = CONNECT_TIMEOUT_S
    read_s: float = READ_TIMEOUT_S
    max_attempts: int = MAX_ATTEMPTS


class CloudClients:
    """A DynamoDB and an SNS client for one cloud config (clients are thread-safe).

    Raises ``CloudUnavailable`` (with a message for people) when the credential chain is empty,
    so a caller can fall back to offline selling instead of failing on the first request.
    """

    def __init__(self, cloud: CloudConfig, timeouts: Timeouts | None = None):
        self.cloud = cloud
        timeouts = timeouts or Timeouts()
        session = boto3.session.Session(region_name=cloud.region or None)
        if session.get_credentials() is None:
            raise CloudUnavailable(NO_CREDENTIALS)
        boto_config = BotoConfig(
            connect_timeout=timeouts.connect_s,
            read_timeout=timeouts.read_s,
            retries={"total_max_attempts": timeouts.max_attempts, "mode": "standard"},
            max_pool_connections=8,
        )
        endpoint = cloud.endpoint_url or None
        try:
            self.dynamodb = session.client("dynamodb", endpoint_url=endpoint, config=boto_config)
            self.sns = session.client("sns", endpoint_url=endpoint, config=boto_config)
        except Exception as exc:  # noqa: BLE001 - no region, malformed endpoint URL, ...
            from kiosk.cloud.errors import translate

            err = translate(exc)
            raise (err if isinstance(err, CloudUnavailable) else CloudUnavailable(
                f"The cloud settings are not usable: {exc}")) from exc
        self.table = cloud.table
        self._topic_arn = cloud.topic_arn
        self._lock = threading.Lock()

    def topic_arn(self) -> str:
        """The configured topic ARN, or the ARN of ``topic_name`` (create_topic is idempotent)."""
        with self._lock:
            if not self._topic_arn:
                from kiosk.cloud.errors import translate

                try:
                    self._topic_arn = self.sns.create_topic(Name=self.cloud.topic_name)["TopicArn"]
                except Exception as exc:  # noqa: BLE001 - translated for the caller
                    raise translate(exc) from exc
            return self._topic_arn
