"""What a scanned page of an old book can be: its quarter turns and how it is written. Named
here, without the workflows, so that the command line's choices list them at start."""

from __future__ import annotations

from enum import StrEnum

ROTATIONS = (0, 90, 180, 270)


class PageWriting(StrEnum):
    PRINTED = "printed"
    TYPED = "typed"
    HANDWRITTEN = "handwritten"
