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

# Linux file systems take 255 bytes a name; the work files beside a target add up to 18.
NAME_MAX = 200


class WriteFailed(KioskError):
    """The output file could not be written; nothing was written there."""


def check_target(path: Path | str) -> Path:
    """Refuse a target that cannot become a regular file we own: a name the OS cannot take
    (not text, a NUL byte, too long), a folder, a device or ``/proc`` entry, or a file in a
    folder that does not exist. Returns the path."""
    path = check_name(path)
    return _guarded(path, _check_place)


def check_name(path: Path | str) -> Path:
    """Refuse a file name no file can have here (undecodable bytes, a NUL byte, longer than
    the file system allows) with InvalidInput, before anything asks the OS about it: Python
    would raise ValueError or a raw ``[Errno 36]``. Returns the path."""
    path = Path(path)
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in the name: the audit could not record it
        shown = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
        raise InvalidInput(f"The file name {shown} has characters that are not text; choose a "
                           "plain file name (nothing was written).") from None
    if "\0" in str(path):
        shown = str(path).replace("\0", "\\0")
        raise InvalidInput(f"The file name {_short(shown)} contains a NUL character; choose a "
                           "plain file name (nothing was written).")
    if len(path.name.encode("utf-8")) > NAME_MAX:  # room for the ".partial" work files
        raise InvalidInput(f"The file name {_short(path.name)} is too long (at most {NAME_MAX} "
                           "bytes); choose a shorter name (nothing was written).")
    return _guarded(path, lambda p: (p.exists(), p)[1])


def _guarded(path: Path, check: Callable[[Path], Path]) -> Path:
    """Run a check that asks the file system; its OSError becomes a message."""
    try:
        return check(path)
    except OSError as err:
        if err.errno == errno.ENAMETOOLONG:
            raise InvalidInput(f"The file name {_short(str(path))} is too long for this "
                               "system; choose a shorter name or folder (nothing was "
                               "written).") from None
        raise WriteFailed(f"Could not write {_short(str(path))}: {err.strerror or err}. "
                          "Nothing was written.") from None


def _short(text: str, limit: int = 80) -> str:
    """A file name cut for a message (a 5,000-character name is no help to anyone)."""
    return text if len(text) <= limit else f"{text[:limit // 2]}...{text[-limit // 2:]}"


def _check_place(path: Path) -> Path:
    """The checks of :func:`check_target` that ask the file system (may raise OSError)."""
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
        errno.ENAMETOOLONG: "the file name is too long",
    }.get(err.errno or 0, err.strerror or str(err))
    return f"Could not write {path}: {reason}. Nothing was written."
