"""Build hook: ship the repository's ``data/`` and ``resources/`` inside the wheel.

They live at the top level of the repository (the project layout), outside the ``kiosk``
package, so setuptools' package data cannot name them. Without this a non-editable install
would have no demo dataset, stylesheets or translations. Editable installs read the source tree
(see ``kiosk.paths``). Everything else is declared in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("data", "resources")  # copied to kiosk/_shipped/<name> in the built package


class BuildPyWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "kiosk" / "_shipped"
        for name in SHIPPED:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithShippedFiles})
