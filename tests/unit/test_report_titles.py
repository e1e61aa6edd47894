"""Every column title of the services' reports is marked for the translators.

``kiosk.services.reports`` stays free of Qt, so its English titles reach the translators only
through ``kiosk.ui.manager.report_titles``; a title added there and not listed would show in
English in the Hindi and Telugu dashboards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.services.reports as reports
from kiosk.ui.manager.report_titles import TITLES


def service_titles() -> set[str]:
    """The title of every ``Column(...)`` written in reports.py, wherever it is built (module
    tuples and the tables made inside the service's methods alike)."""
    tree = ast.parse(Path(reports.__file__).read_text(encoding="utf-8"))
    titles = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Column":
            args = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "title")]
            assert len(args) == 1 and isinstance(args[0], ast.Constant), (
                f"line {node.lineno}: a Column title must be a literal the UI can list")
            titles.add(args[0].value)
    return titles


def test_every_report_column_title_is_listed_for_translation():
    titles = service_titles()
    assert len(titles) > 50  # the parse found the columns
    assert not titles - set(TITLES), "add these to kiosk/ui/manager/report_titles.py and the .ts"


def test_the_list_holds_no_title_the_reports_dropped():
    assert not set(TITLES) - service_titles()
    assert len(TITLES) == len(set(TITLES))
