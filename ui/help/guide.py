"""The user guide as data: the Markdown chapters of docs/guide/ cut into sections at their
headings, with their ids, the links between them and an accent-insensitive search.

Pure Python (no Qt), so the tests that hold the guide to the domain's catalogue need no
window. A heading may name its id (``## Khai sinh {#birth}``, as Pandoc and Python-Markdown
write it); other headings get one from their folded words. Links between sections are
``[text](#id)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.text import fold_for_search

# The checkout's docs/guide, which the PyInstaller bundle keeps at the same place next to ui/.
GUIDE_DIR = Path(__file__).resolve().parents[2] / "docs" / "guide"

_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*(?:\{#([A-Za-z0-9_.-]+)\})?\s*$")
_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass
class Section:
    id: str
    title: str
    level: int  # 1 for a chapter, 2.. for the sections inside it
    body: str  # its own Markdown, without the heading and without its subsections
    parent: str | None
    children: list[str] = field(default_factory=list)

    @property
    def searchable(self) -> str:
        return fold_for_search(f"{self.id} {self.title} {self.body}")


def slug(title: str) -> str:
    return _NOT_WORD.sub("-", fold_for_search(title)).strip("-")


class GuideError(ValueError):
    """A guide file that cannot be read as sections (two sections with one id)."""


class Guide:
    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.by_id = {s.id: s for s in sections}

    @classmethod
    def load(cls, folder: Path = GUIDE_DIR) -> Guide:
        sections: list[Section] = []
        for path in sorted(folder.glob("*.md")):
            sections.extend(_sections(path.read_text("utf-8")))
        seen: set[str] = set()
        for section in sections:
            if section.id in seen:
                raise GuideError(section.id)
            seen.add(section.id)
        guide = cls(sections)
        for section in sections:
            if section.parent is not None:
                guide.by_id[section.parent].children.append(section.id)
        return guide

    @property
    def chapters(self) -> list[Section]:
        return [s for s in self.sections if s.parent is None]

    def get(self, section_id: str) -> Section | None:
        return self.by_id.get(section_id)

    def markdown(self, section_id: str) -> str:
        """The section with its subsections, headings included (ids left out): what the
        window shows."""
        top = self.by_id[section_id]
        parts: list[str] = []
        for section in self._subtree(top):
            level = 1 + section.level - top.level
            parts.append(f"{'#' * level} {section.title}\n\n{section.body.strip()}\n")
        return "\n".join(parts)

    def _subtree(self, section: Section) -> Iterator[Section]:
        yield section
        for child in section.children:
            yield from self._subtree(self.by_id[child])

    def search(self, query: str) -> list[Section]:
        """The sections whose own title or text holds every word of ``query`` (each at the
        start of a word), with or without diacritics ("khai tu" finds "Khai tử", "dang"
        finds "Đăng"); those holding the words as one phrase come first, in its title first.
        """
        folded = fold_for_search(query)
        words = folded.split()
        if not words:
            return []
        starts = [re.compile(r"(?<![a-z0-9])" + re.escape(w)) for w in words]
        found = [s for s in self.sections if all(p.search(s.searchable) for p in starts)]

        def rank(section: Section) -> int:
            if folded in fold_for_search(f"{section.id} {section.title}"):
                return 0
            return 1 if folded in section.searchable else 2

        return sorted(found, key=rank)  # stable: the guide's order within a rank

    def links(self) -> Iterator[tuple[str, str]]:
        """(section id, target id) of every link between sections."""
        for section in self.sections:
            for target in _LINK.findall(section.body):
                yield section.id, target


def _sections(text: str) -> Iterator[Section]:
    stack: list[Section] = []  # the open headings, outermost first
    body: list[str] = []
    current: Section | None = None
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match is None:
            body.append(line)
            continue
        if current is not None:
            current.body = "\n".join(body).strip("\n")
            yield current
        level, title, explicit = len(match.group(1)), match.group(2), match.group(3)
        while stack and stack[-1].level >= level:
            stack.pop()
        current = Section(explicit or slug(title), title, level, "",
                          stack[-1].id if stack else None)
        stack.append(current)
        body = []
    if current is not None:
        current.body = "\n".join(body).strip("\n")
        yield current


def _variants() -> dict[str, str]:
    """Each folded letter -> every letter that folds to it (a: aàáảãạăằ…, d: dđ), in both
    cases: Vietnamese letters are all in Latin-1 and Latin Extended (A, B, Additional)."""
    table: dict[str, set[str]] = {}
    for code in (*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold_for_search(char)
        if len(folded) == 1 and folded.isalnum():
            table.setdefault(folded, set()).update(
                c for c in (char, char.lower(), char.upper()) if len(c) == 1)
    return {k: "".join(sorted(v)) for k, v in table.items()}


_VARIANTS = _variants()


def accent_pattern(word: str) -> str:
    """A regular expression that finds ``word`` written with or without diacritics ("tu" ->
    tu, tư, từ, tử...): for marking a search's words in the text shown."""
    return "".join(f"[{re.escape(_VARIANTS[c])}]" if c in _VARIANTS else re.escape(c)
                   for c in fold_for_search(word))


__all__ = ["GUIDE_DIR", "Guide", "GuideError", "Section", "accent_pattern", "slug"]
