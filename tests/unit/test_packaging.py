"""A non-editable install carries the demo data, stylesheets and translations, and finds them.

``setup.py build_py`` is the step a wheel build runs to lay out the package; building it into a
temporary directory (no network, no isolation) shows what a wheel would hold.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.paths import shipped_dir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "lib"
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def test_the_built_package_carries_data_and_resources(built):
    shipped = built / "kiosk" / "_shipped"
    for name in ("data/films.json", "data/staff.json", "resources/styles/normal.qss",
                 "resources/translations/kiosk_hi.qm", "resources/translations/kiosk_te.qm"):
        assert (shipped / name).read_bytes() == (REPO / name).read_bytes(), name
    assert sorted(p.name for p in (built / "kiosk" / "store" / "migrations").glob("*.sql")) == \
        sorted(p.name for p in (REPO / "kiosk" / "store" / "migrations").glob("*.sql"))


def test_an_installed_copy_reads_its_own_files_and_loads_the_demo(built, tmp_path):
    # Run from the built tree with no checkout beside it, as from site-packages.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import kiosk.paths, kiosk.store.demo as demo;"
        "assert kiosk.paths.PACKAGE_DIR.parent == __import__('pathlib').Path(sys.argv[1]), kiosk.paths.PACKAGE_DIR;"
        "print(demo.default_data_dir()); print(len(demo.load_dataset().films))"
    )
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_DEMO_DATA"}
    done = subprocess.run([sys.executable, "-c", code, str(built)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    where, films = done.stdout.split()
    assert Path(where) == built / "kiosk" / "_shipped" / "data"
    assert int(films) >= 16


def test_a_checkout_reads_the_repository_folders():
    assert shipped_dir("data") == REPO / "data"
    assert shipped_dir("resources") == REPO / "resources"
