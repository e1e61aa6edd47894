"""Self-service mode: the customer-facing touchscreen flow (see ``widget.SelfServiceWidget``)."""

from kiosk.ui.selfservice.widget import SelfServiceWidget

__all__ = ["SelfServiceWidget"]
