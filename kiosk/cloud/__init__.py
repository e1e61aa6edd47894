"""DynamoDB and SNS: seat claims, the seat gate, the outbox worker, pull, allocations, notifier.

Imports point one way: ``kiosk.cloud`` uses ``kiosk.domain`` and ``kiosk.store`` (and, for the
conflict queue's refund path, ``kiosk.services``), never Qt. The Qt bridge that runs the worker
in a background thread lives in ``kiosk.ui.sync_bridge``.
"""
