"""OCR suggestions for printed or typed pages of old register books (issue 17 item 6): the
engines behind desktop_app.ports.TextRecogniser, the page's table and columns, and values
proposed per field with a confidence. Qt-free; never writes a record."""

from desktop_app.ocr.grid import PageImageError
from desktop_app.ocr.reader import (
    EntrySuggestions,
    FieldSuggestion,
    NoTableError,
    PageReading,
    read_page,
)

__all__ = ["EntrySuggestions", "FieldSuggestion", "NoTableError", "PageImageError",
           "PageReading", "read_page"]
