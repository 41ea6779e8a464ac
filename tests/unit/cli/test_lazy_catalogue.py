"""The command line's message catalogue is merged on its first lookup (the domain's
catalogue imports the whole domain); a catalogue that fails to load still words errors."""

from __future__ import annotations

import logging

import pytest

from desktop_app.messages import CORE, LazyCatalogue, render


def test_the_catalogue_is_merged_once_on_first_lookup() -> None:
    built: list[int] = []

    def build() -> dict[str, tuple[str, str]]:
        built.append(1)
        return {**CORE, "E-EXTRA": ("Thêm {n}.", "Extra {n}.")}

    messages = LazyCatalogue(build, fallback=CORE)
    assert built == []
    assert render("E-EXTRA", {"n": 2}, catalogue=messages, lang="en") == "Extra 2."
    assert render("E-NO-USER", catalogue=messages, lang="vi") == render("E-NO-USER",
                                                                         lang="vi")
    assert len(messages) == len(CORE) + 1 and "E-EXTRA" in set(messages)
    assert built == [1]


def test_a_catalogue_that_fails_to_load_falls_back_and_is_an_incident(
        caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> dict[str, tuple[str, str]]:
        raise ImportError("a module of this build is missing its data")

    messages = LazyCatalogue(broken, fallback=CORE)
    with caplog.at_level(logging.ERROR):
        said = render("E-NO-USER", catalogue=messages, lang="en")
    assert said == "Say which account acts with --user."
    assert "incident" in caplog.text and "message catalogue" in caplog.text
    assert render("E-UNKNOWN-CODE", catalogue=messages) == "E-UNKNOWN-CODE"
