"""A signed PDF with something added after its signatures, for the checks that must tell."""

from __future__ import annotations

import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter


def unsigned_revision(pdf: bytes) -> bytes:
    """An incremental update that adds one object and changes nothing (pyHanko:
    LTA_UPDATES) and that no signature or timestamp covers."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.add_object(generic.DictionaryObject(
        {generic.NameObject("/Note"): generic.TextStringObject("added later, unsigned")}))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
