"""Where the shipped files are: the demo dataset (``data/``) and ``resources/``.

In a checkout or an editable install they sit beside the ``kiosk`` package at the top of the
repository; a wheel carries a copy in ``kiosk/_shipped/`` (made by ``setup.py``). The checkout is
recognised by its ``pyproject.toml``, not by a bare ``data/`` folder, because ``site-packages``
may hold some other distribution's ``data/``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """``data`` or ``resources``, from the checkout if we run from one, else from the wheel."""
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / name).is_dir():
        return checkout / name
    return PACKAGE_DIR / "_shipped" / name
