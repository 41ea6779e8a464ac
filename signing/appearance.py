"""A signed extract as it looks on paper, for viewers that do not draw form widgets.

QtPdf (pdfium without its form-filling layer) renders page content only: the visible
signature stamp, a widget annotation's appearance, is left out of the preview and of the
print. :func:`printable_pdf` returns a copy (in memory, never stored or handed out) in which
each visible widget's normal appearance is drawn into its page, where Acrobat or poppler show
it; the stored signed PDF is what is saved and verified.
"""

from __future__ import annotations

import io
import logging

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError

log = logging.getLogger(__name__)

_HIDDEN, _NO_VIEW = 2, 32  # annotation flags (PDF 32000-1, 12.5.3)


def _normalised(rect: generic.ArrayObject) -> tuple[float, float, float, float]:
    a, b, c, d = (float(v) for v in rect)
    return min(a, c), min(b, d), max(a, c), max(b, d)


def _stamp_ops(annots: generic.ArrayObject, xobjects: generic.DictionaryObject) -> list[str]:
    ops = []
    for n, ref in enumerate(annots):
        annot = ref.get_object()
        if annot.get("/Subtype") != "/Widget" or "/AP" not in annot or "/Rect" not in annot:
            continue
        if int(annot.get("/F", 0)) & (_HIDDEN | _NO_VIEW):
            continue
        appearance = annot["/AP"]
        if "/N" not in appearance or not isinstance(appearance["/N"], generic.StreamObject):
            continue  # an appearance per state (check boxes): no signature stamp
        x1, y1, x2, y2 = _normalised(annot["/Rect"])
        bx1, by1, bx2, by2 = _normalised(appearance["/N"]["/BBox"])
        # The form's bounding box mapped onto the annotation's rectangle (12.5.5).
        sx, sy = (x2 - x1) / ((bx2 - bx1) or 1), (y2 - y1) / ((by2 - by1) or 1)
        name = f"/HtStamp{n}"
        xobjects[generic.NameObject(name)] = appearance.raw_get("/N")
        ops.append(f"q {sx:.6f} 0 0 {sy:.6f} {x1 - bx1 * sx:.4f} {y1 - by1 * sy:.4f} cm "
                   f"{name} Do Q")
    return ops


def printable_pdf(pdf: bytes) -> bytes:
    """``pdf`` with its visible widget appearances (the signature stamp) drawn into the pages;
    ``pdf`` itself when it has none or cannot be read (the viewer then says so)."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        changed = False
        for ix in range(int(writer.root["/Pages"]["/Count"])):
            page_ref, _resources = writer.find_page_for_modification(ix)
            annots = page_ref.get_object().get("/Annots")
            if annots is None:
                continue
            xobjects = generic.DictionaryObject()
            ops = _stamp_ops(annots.get_object(), xobjects)
            if not ops:
                continue
            # The page's own content may leave its coordinates changed: isolate it in q .. Q.
            writer.add_stream_to_page(
                ix, writer.add_object(generic.StreamObject(stream_data=b"q\n")), prepend=True)
            stamps = generic.StreamObject(stream_data=("Q\n" + "\n".join(ops) + "\n").encode())
            writer.add_stream_to_page(ix, writer.add_object(stamps), resources=generic.
                                      DictionaryObject({generic.NameObject("/XObject"):
                                                        xobjects}))
            changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except (PdfError, KeyError, ValueError, TypeError) as exc:
        log.warning("signature stamps not drawn for display (%s)", type(exc).__name__)
        return pdf
