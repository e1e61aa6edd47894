"""Counter mode: the staff-operated sale, refund and cash-up screens (a QStackedWidget)."""
