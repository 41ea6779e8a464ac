"""The user guide's window (F1): the contents on the left, the section on the right, a search
box that lists the sections holding every word typed (with or without diacritics, like the
records search) and marks those words in the section shown, links between sections, and
"Back"."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.text import fold_for_search
from ui.help.guide import Guide, Section, accent_pattern

ID_ROLE = Qt.ItemDataRole.UserRole
MARK = QColor("#ffe08a")


class HelpWindow(QDialog):
    """Not modal: the officer reads it beside the form. One per main window."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpWindow")
        self.setWindowTitle(self.tr("User guide — Hộ Tịch Offline"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.guide = guide
        self.current: str | None = None
        self._history: list[str] = []
        self._words: list[str] = []

        self.search_box = QLineEdit(objectName="helpSearch", clearButtonEnabled=True)
        self.search_box.setPlaceholderText(self.tr("Search the guide (diacritics optional)…"))
        self.result_label = QLabel(objectName="helpResultCount", wordWrap=True)
        self.results = QListWidget(objectName="helpResults", wordWrap=True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents = QTreeWidget(objectName="helpContents", headerHidden=True)
        self.back_button = QPushButton(self.tr("Back"), objectName="helpBack", enabled=False)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.text = QTextBrowser(objectName="helpText", openLinks=False)
        self.text.document().setDocumentMargin(14)

        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.search_box)
        side.addWidget(self.result_label)
        side.addWidget(self.results, 1)
        side.addWidget(self.contents, 1)
        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        main.addLayout(bar)
        main.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._fill_contents()
        self._show_results(False)
        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self._open_first_result)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)
        self.text.anchorClicked.connect(self.follow_link)
        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                  activated=self.search_box.setFocus)
        self.show_section(guide.chapters[0].id if guide.chapters else "")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(980, 700)

    # -- the contents ---------------------------------------------------------------------
    def _fill_contents(self) -> None:
        items: dict[str, QTreeWidgetItem] = {}
        for section in self.guide.sections:
            parent_item = items.get(section.parent or "")
            item = QTreeWidgetItem([section.title])
            item.setData(0, ID_ROLE, section.id)
            if parent_item is None:
                self.contents.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            items[section.id] = item
        self._items = items

    def _show_results(self, searching: bool) -> None:
        self.results.setVisible(searching)
        self.result_label.setVisible(searching)
        self.contents.setVisible(not searching)

    # -- showing a section ----------------------------------------------------------------
    def show_section(self, section_id: str, *, remember: bool = True) -> bool:
        """Show a section (with its subsections); False for an id the guide does not have."""
        if self.guide.get(section_id) is None:
            return False
        if remember and self.current is not None and self.current != section_id:
            self._history.append(self.current)
        self.current = section_id
        self.back_button.setEnabled(bool(self._history))
        self.text.setMarkdown(self.guide.markdown(section_id))
        self._mark_words()
        item = self._items.get(section_id)
        if item is not None:
            item.setExpanded(True)
            self.contents.setCurrentItem(item)  # also expands its parents
            self.contents.scrollToItem(item)
        return True

    def follow_link(self, url: QUrl) -> None:
        if not url.scheme() and url.fragment():
            self.show_section(url.fragment())

    def back(self) -> None:
        if self._history:
            self.show_section(self._history.pop(), remember=False)
            self.back_button.setEnabled(bool(self._history))

    def _open_item(self, item: QListWidgetItem | QTreeWidgetItem) -> None:
        section_id = item.data(0, ID_ROLE) if isinstance(item, QTreeWidgetItem) \
            else item.data(ID_ROLE)
        self.show_section(str(section_id))

    # -- search ---------------------------------------------------------------------------
    def search(self, query: str) -> list[Section]:
        found = self.guide.search(query)
        self._words = fold_for_search(query).split()
        searching = bool(self._words)
        self._show_results(searching)
        self.results.clear()
        for section in found:
            item = QListWidgetItem(self._result_title(section))
            item.setData(ID_ROLE, section.id)
            self.results.addItem(item)
        if searching:
            self.result_label.setText(
                (self.tr("%1 sections contain “%2”.") if found
                 else self.tr("No section contains “%2”.")).replace("%1", str(len(found)))
                .replace("%2", query.strip()))
        self._mark_words()
        return found

    def _result_title(self, section: Section) -> str:
        chapter = section
        while chapter.parent is not None:
            chapter = self.guide.by_id[chapter.parent]
        return section.title if chapter is section else f"{section.title} — {chapter.title}"

    def _open_first_result(self) -> None:
        if self.results.count():
            self._open_item(self.results.item(0))

    def _mark_words(self) -> None:
        """The search's words in the section shown, with or without their diacritics."""
        marks: list[QTextEdit.ExtraSelection] = []
        document = self.text.document()
        marked = QTextCharFormat()
        marked.setBackground(MARK)
        for word in self._words:
            pattern = QRegularExpression(accent_pattern(word))
            cursor = document.find(pattern, 0)
            while not cursor.isNull() and cursor.hasSelection():
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor  # type: ignore[misc]
                mark.format = marked  # type: ignore[misc]
                marks.append(mark)
                cursor = document.find(pattern, cursor)
        self.text.setExtraSelections(marks)
        if marks:  # scrolled to the first, without selecting it
            first = QTextCursor(marks[0].cursor)  # type: ignore[attr-defined]
            first.clearSelection()
            self.text.setTextCursor(first)
            self.text.ensureCursorVisible()
        else:
            self.text.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def marked(self) -> list[str]:
        """The marked words as they are written in the text shown (for tests)."""
        return [m.cursor.selectedText() for m in self.text.extraSelections()]
