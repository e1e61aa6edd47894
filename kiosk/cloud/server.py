"""A local DynamoDB + SNS endpoint (moto's threaded server) for demos, tests and the bench.

Only ever binds 127.0.0.1. moto's server needs credentials and a region in the environment even
though it checks neither; ``fake_credentials()`` sets harmless ones when none are present.
"""

from __future__ import annotations

import logging
import os
import socket


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fake_credentials(region: str = "ap-south-1") -> None:
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", region)


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
        self.port = port or free_port()
        self._server_cls = ThreadedMotoServer
        self._server = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LocalCloud:
        self._server = self._server_cls(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> LocalCloud:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
