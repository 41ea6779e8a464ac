"""The font of the visible signature (pyHanko stamp), subset once per process.

pyHanko's :class:`GlyphAccumulator` shapes the stamp text with HarfBuzz and, when the
document is written, subsets the font with fontTools: 15-25 ms, a quarter of signing an
extract, spent again on every signature although the glyphs hardly change. Here the
digits are always in the glyph set (the time of signing changes nothing), and the subset
font program is kept per glyph set: a batch by one supervisor subsets the font once.

The embedded program is the very one pyHanko would write (glyph ids kept, same tables);
shaping, widths and ToUnicode map are still pyHanko's own for each signature.
"""

from __future__ import annotations

import io
import logging
import threading
from collections import OrderedDict

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator
from pyhanko.pdf_utils.writer import BasePdfFileWriter

from signing.fonts import REGULAR, font_bytes

log = logging.getLogger(__name__)

_ALWAYS = "0123456789"  # the time of signing: the same subset whatever the hour
_MAX_PROGRAMS = 16

_lock = threading.Lock()
_programs: OrderedDict[tuple[str, frozenset[int]], bytes] = OrderedDict()


def _remember(key: tuple[str, frozenset[int]], program: bytes) -> None:
    with _lock:
        _programs[key] = program
        while len(_programs) > _MAX_PROGRAMS:
            _programs.popitem(last=False)


def _recall(key: tuple[str, frozenset[int]]) -> bytes | None:
    with _lock:
        program = _programs.get(key)
        if program is not None:
            _programs.move_to_end(key)
        return program


class _ProgramFont(CIDFontType2):
    """A TrueType CID font whose embedded program is given (or subset as pyHanko does)."""

    program: bytes | None = None

    def set_font_file(self, writer: BasePdfFileWriter) -> generic.IndirectObject:
        if self.program is None:
            ref: generic.IndirectObject = super().set_font_file(writer)
            return ref
        stream = generic.StreamObject(stream_data=self.program)
        stream.compress()
        ref = writer.add_object(stream)
        self._font_descriptor[generic.NameObject("/FontFile2")] = ref
        return ref


class _StampFont(GlyphAccumulator):
    def __init__(self, font_name: str, writer: BasePdfFileWriter, font_size: int,
                 obj_stream: object = None) -> None:
        super().__init__(writer, io.BytesIO(_font_data(font_name)), font_size,
                         obj_stream=obj_stream)
        self._font_name = font_name
        # Only a TrueType font keeps its glyph ids through the subset, which the cache needs;
        # and should pyHanko's internals change, the stamp is subset every time as before.
        self._cacheable = type(self.cidfont_obj) is CIDFontType2 and all(
            hasattr(self, name)
            for name in ("_glyphs", "_write_prepared", "_subset_created", "_extract_subset")
        ) and hasattr(self.cidfont_obj, "_font_descriptor")
        if self._cacheable:
            base_name = self.cidfont_obj.name.split("+", 1)[1]
            self.cidfont_obj = _ProgramFont(self.tt, base_name, self.subset_prefix)
            self.shape(_ALWAYS, with_actual_text=False)

    def prepare_write(self) -> None:
        if not self._cacheable or self._write_prepared:
            super().prepare_write()  # type: ignore[no-untyped-call]  # pyHanko, unannotated
            return
        key = (self._font_name, frozenset(self._glyphs))
        program = _recall(key)
        if program is None:
            self._extract_subset()
            buffer = io.BytesIO()
            self.tt.save(buffer)
            program = buffer.getvalue()
            _remember(key, program)
            log.debug("stamp font subset: %d glyphs", len(key[1]))
        self._subset_created = True
        assert isinstance(self.cidfont_obj, _ProgramFont)
        self.cidfont_obj.program = program
        super().prepare_write()  # type: ignore[no-untyped-call]


_data: dict[str, bytes] = {}


def _font_data(name: str) -> bytes:
    with _lock:
        data = _data.get(name)
        if data is None:
            data = _data[name] = font_bytes(name)
        return data


class StampFontFactory(FontEngineFactory):
    """Creates the stamp's font engine: the bundled Noto Sans, subset once per glyph set."""

    def __init__(self, font_name: str = REGULAR, font_size: int = 9) -> None:
        self.font_name = font_name
        self.font_size = font_size

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: object = None
    ) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return _StampFont(self.font_name, writer, self.font_size, obj_stream)
