"""Work-around for PySide6/shiboken6 6.12.0 on Python 3.11.

Every call of a PySide6 method that returns nothing (``QTimer.start``, ``QThreadPool.start``,
``processEvents`` ...) drops one reference to ``None`` (and some bool returns one to
``True``/``False``) without having taken it: harmless on Python 3.12+, where these objects
are immortal, fatal on 3.11 after a few thousand calls ("Fatal Python error: none_dealloc").
shiboken already gives small ints a huge reference count on 3.11; this does the same for the
singletons. Remove once the project runs on Python >= 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40


def immortalize_singletons() -> bool:
    if sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        if sys.getrefcount(obj) < _BOOST:
            ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    return True


immortalize_singletons()
