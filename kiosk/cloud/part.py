"""What every cloud part of one device starts from: its context, its table, and whether the
cloud is worth trying now (the shared status says it is down: act offline at once)."""

from __future__ import annotations

from kiosk.cloud.context import CloudContext


class CloudPart:
    def __init__(self, context: CloudContext):
        self.context = context

    def worth_trying(self) -> bool:
        return self.context.status.worth_trying()

    def _table(self) -> str:
        return self.context.clients().table
