"""Qt's own English source texts, read from a translation Qt ships (qtbase_de.qm in the
PySide6 wheel): what a Qt dialog would show untranslated. The .qm format (Qt's
qtranslator.cpp): a 16-byte magic, then tagged blocks; the messages block is a sequence of
tagged fields per message (6 = source text, UTF-8; 7 = context; 3 = translation; 1 = end)."""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
MESSAGES_BLOCK, END, OBSOLETE1, OBSOLETE2 = 0x69, 1, 5, 9
SOURCE, CONTEXT = 6, 7


def _messages(data: bytes) -> bytes:
    assert data[:16] == MAGIC, "not a Qt .qm file"
    pos = 16
    while pos < len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        if tag == MESSAGES_BLOCK:
            return data[pos + 5:pos + 5 + length]
        pos += 5 + length
    raise AssertionError("no messages in the .qm file")


@cache
def qt_sources(language: str = "de") -> frozenset[tuple[str, str]]:
    """(context, source text) of every message of qtbase."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    block = _messages((folder / f"qtbase_{language}.qm").read_bytes())
    found: set[tuple[str, str]] = set()
    fields: dict[int, str] = {}
    pos = 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == END:
            if SOURCE in fields and CONTEXT in fields:
                found.add((fields[CONTEXT], fields[SOURCE]))
            fields = {}
            continue
        if tag == OBSOLETE1:
            continue
        if tag == OBSOLETE2:
            pos += 4
            continue
        length = struct.unpack(">I", block[pos:pos + 4])[0]
        pos += 4
        if length == 0xFFFFFFFF:
            continue
        raw = block[pos:pos + length]
        pos += length
        if tag in (SOURCE, CONTEXT):
            fields[tag] = raw.decode("utf-8")
    return frozenset(found)
