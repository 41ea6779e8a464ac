"""What front ends are handed by the composition root (no globals)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.clock import Clock
from desktop_app.messages import Catalogue
from desktop_app.paths import DataPaths


@dataclass(frozen=True)
class AppServices:
    paths: DataPaths
    clock: Clock
    catalogue: Catalogue
