"""A PDF page scan as a picture for the recogniser (a scanner gives the page image inside a
PDF). PDFium (pypdfium2: its wheels carry the library, no Qt, no poppler) renders it at a
resolution the recogniser reads well, laid out as the viewer lays it out (ui/widgets/
page_scan.render_pdf: the first pages one under the other, centred, a grey gap between) so
a crop drawn on the viewer's picture, kept in fractions of it, cuts the same part here.
"""

from __future__ import annotations

import threading

from PIL import Image

from desktop_app.ocr.types import PageImageError

SIGNATURE = b"%PDF-"
DPI = 300  # print at 300 dpi reads as well as it can; the reader caps the width anyway
VIEWER_DPI = 150  # page_scan.PDF_DPI: the viewer's gap below is in its pixels
MAX_PAGES = 12  # page_scan.PDF_MAX_PAGES
_GAP = 12
_GAP_GREY = 0x88
_LOCK = threading.Lock()  # PDFium is not thread-safe: one document at a time per process


def is_pdf(content: bytes) -> bool:
    return content.startswith(SIGNATURE)


def render(content: bytes, *, max_width: int, share: float = 1.0,
           sideways: bool = False) -> Image.Image:
    """The PDF's pages (its first MAX_PAGES) as one grey picture, at DPI or less: the part a
    crop keeps, ``share`` of the sheet's width (of its height when the page is turned
    ``sideways`` to be read), is at most ``max_width`` pixels wide once upright (no
    resolution is rendered only to be scaled away). PageImageError when it does not open or
    has no page."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]  # loaded only for a PDF page

    with _LOCK:
        try:
            document = pdfium.PdfDocument(content)
        except (pdfium.PdfiumError, ValueError) as exc:
            raise PageImageError("not a PDF") from exc
        try:
            pages = [document[n] for n in range(min(len(document), MAX_PAGES))]
            if not pages:
                raise PageImageError("a PDF without pages")
            # Points, as /Rotate turns each page (PDFium renders it turned).
            across = (sum(p.get_height() for p in pages) if sideways
                      else max(p.get_width() for p in pages))
            scale = min(DPI / 72, max_width / max(1.0, across * share))
            shown: list[Image.Image] = [p.render(scale=scale, grayscale=True).to_pil().convert("L")
                                        for p in pages]
            for p in pages:
                p.close()
        except pdfium.PdfiumError as exc:
            raise PageImageError("a PDF page does not render") from exc
        finally:
            document.close()
    if len(shown) == 1:
        return shown[0]
    gap = round(_GAP * scale * 72 / VIEWER_DPI)
    width = max(p.width for p in shown)
    sheet = Image.new("L", (width, sum(p.height for p in shown) + gap * (len(shown) - 1)),
                      _GAP_GREY)
    top = 0
    for p in shown:
        sheet.paste(p, ((width - p.width) // 2, top))
        top += p.height + gap
    return sheet
