"""The manager console (``ManagerWindow``): dashboard, approvals, cash-ups, schedule and hall
editors, kiosks and sync, audit log and staff. QtCharts is loaded only when a chart is drawn."""

from kiosk.ui.manager.window import ManagerWindow

__all__ = ["ManagerWindow"]
