"""Paged reads: every item a DynamoDB Query or Scan matches, page after page.

A partition larger than 1 MB, or a ``Limit``, answers in pages that each say where the next one
starts (``LastEvaluatedKey``). boto3's own paginators do the same over the client, but they
cannot run each request through a caller's retry and error translation (``send``), which the
sync engine's reads need; the loop is six lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

Send = Callable[[Callable[[], dict[str, Any]]], dict[str, Any]]


def query_items(client: Any, *, send: Send | None = None, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item a Query matches (raw attribute values). ``send`` runs each page's request
    (a context's retry, a read counter); by default it is called directly."""
    return _pages(client.query, send, kwargs)


def scan_items(client: Any, *, send: Send | None = None, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item a Scan matches (raw attribute values); ``send`` as for ``query_items``."""
    return _pages(client.scan, send, kwargs)


def _pages(request: Callable[..., dict[str, Any]], send: Send | None,
           kwargs: dict[str, Any]) -> Iterator[dict[str, Any]]:
    kwargs = dict(kwargs)  # the next page's start key goes in here, never in the caller's dict
    while True:
        ask = partial(request, **kwargs)
        page = send(ask) if send is not None else ask()
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
