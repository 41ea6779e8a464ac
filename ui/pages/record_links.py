"""The registration form's work with other records and places, off the GUI thread: a
draft's links named by the records they point at, and an old address described by today's
units."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.errors import HotichError
from desktop_app.workflows import records
from ui.context import UiContext
from ui.errors import logged, message_for
from ui.labels import record_name
from ui.place_words import place_description
from ui.widgets.record_form import RecordForm


def name_references(ctx: UiContext, form: RecordForm, is_shown: Callable[[], bool]) -> None:
    """A draft's links shown by the names of the records they point at, not their ids
    (looked up on the database lane; a link to nothing keeps the id as typed), as long as
    ``form`` is still the one shown."""
    links = form.references()
    if not links:
        return

    def names() -> dict[str, tuple[str, str]]:
        found = {}
        for reference, record_id in links.items():
            try:
                rec = records.get_record(ctx.session, record_id)
            except HotichError:
                continue
            found[reference] = (record_id, record_name(rec, ctx.lang))
        return found

    def show(found: dict[str, tuple[str, str]]) -> None:
        if is_shown():
            for reference, (record_id, name) in found.items():
                form.name_reference(reference, record_id, name)

    ctx.runner.run(names, show, logged("naming a draft's links"))


def convert_place(ctx: UiContext, text: str, done: Callable[[str], None],
                  failed: Callable[[str], None]) -> None:
    """An old address described by today's units (a commune, or only a province: ocr's),
    on the general lane; ``failed`` gets the message to show."""
    ctx.runner.run(lambda: place_description(text), done, lambda error: failed(
        message_for(error, ctx.catalogue, ctx.lang, "address conversion")), lane="general")
