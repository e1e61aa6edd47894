"""Writing an output file (report, export, backup) so that a failed write never says "written".

A write goes to a temporary file beside the target, is flushed to disk, checked (not empty,
optionally by a caller's check) and only then renamed over the target. So ``--out /proc/version``,
a folder, a read-only place or a missing folder all end in a clear refusal and a non-zero exit,
the target is never left half-written, and a device node such as ``/dev/full`` is never
replaced by a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.domain.errors import InvalidInput, KioskError


class WriteFailed(KioskError):
    """The output file could not be written; nothing was written there."""


def check_target(path: Path | str) -> Path:
    """Refuse a target that cannot become a regular file we own: a folder, a device or
    ``/proc`` entry, or a file in a folder that does not exist. Returns the path."""
    path = Path(path)
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in the name: the audit could not record it
        shown = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
        raise InvalidInput(f"The file name {shown} has characters that are not text; choose a "
                           "plain file name (nothing was written).") from None
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name to write to.")
    if path.exists() or path.is_symlink():
        try:
            mode = path.stat().st_mode
        except OSError as err:
            raise WriteFailed(f"Could not write {path}: {err.strerror or err}.") from None
        if not stat.S_ISREG(mode):
            raise InvalidInput(f"{path} is not a regular file (a device or system file); "
                               "choose a file name in a folder of yours.")
        if str(path.resolve()).startswith(("/proc/", "/sys/")):
            raise InvalidInput(f"{path} is a system file, not a place to save to; choose a file "
                               "in a folder of yours.")
    parent = path.parent
    folder = str(parent.resolve())
    if folder in ("/proc", "/sys") or folder.startswith(("/proc/", "/sys/")):
        raise InvalidInput(f"{parent} is a system folder, not a place to save to; choose a "
                           "folder of yours (nothing was written).")
    if not parent.is_dir():
        raise InvalidInput(f"The folder {parent} does not exist; create it first or choose "
                           "another place (nothing was written).")
    return path


def write_atomically(path: Path | str, write: Callable[[Path], None],
                     verify: Callable[[Path], None] | None = None) -> Path:
    """Call ``write(tmp)`` to produce the file at a temporary path beside ``path``, flush it,
    run ``verify(tmp)`` and rename it into place. Any failure raises WriteFailed (or the
    InvalidInput of :func:`check_target`) and leaves ``path`` as it was."""
    path = check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial",
                                        dir=path.parent)
    except OSError as err:
        raise WriteFailed(_message(path, err)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if tmp.stat().st_size == 0:
            raise WriteFailed(f"Could not write {path}: nothing was produced.")
        if verify is not None:
            verify(tmp)
        os.replace(tmp, path)
    except OSError as err:
        raise WriteFailed(_message(path, err)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text(path: Path | str, text: str) -> Path:
    """Write ``text`` as UTF-8 (newlines as given) through :func:`write_atomically`."""

    def put(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)

    return write_atomically(path, put)


def _message(path: Path, err: OSError) -> str:
    reason = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.ENOENT: "the folder does not exist",
        errno.EISDIR: "it is a folder",
    }.get(err.errno or 0, err.strerror or str(err))
    return f"Could not write {path}: {reason}. Nothing was written."
