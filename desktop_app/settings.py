"""Device settings readable before login (no secrets, no personal data): settings.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from desktop_app.errors import UsageError
from desktop_app.fileio import write_atomic

FILE_NAME = "settings.json"


@dataclass(frozen=True)
class LocalSettings:
    lockout_max_failures: int = 5
    lockout_minutes: int = 15
    language: str = "vi"
    server_url: str = ""  # central server for sync (set in the desktop settings)
    timestamp_url: str = ""  # RFC 3161 server; extracts are B-T when it answers, else B-B
    trust_dir: str = ""  # folder of trusted CA certificates (default: <data>/trust)

    @classmethod
    def load(cls, root: Path) -> LocalSettings:
        try:
            raw = json.loads((root / FILE_NAME).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, root: Path) -> None:
        write_atomic(root / FILE_NAME, json.dumps(asdict(self), indent=1).encode("utf-8"),
                     mode=0o644)

    def with_value(self, key: str, value: str) -> LocalSettings:
        field_types = {f.name: f.type for f in fields(self)}
        if key not in field_types:
            raise UsageError(detail=f"unknown setting {key}")
        if field_types[key] in (int, "int"):
            if not value.isdigit() or int(value) < 1:
                raise UsageError(detail=f"{key} must be a positive whole number")
            # Any: the field is named at run time, so mypy cannot match it to its type.
            named: dict[str, Any] = {key: int(value)}
            return replace(self, **named)
        named = {key: value}
        return replace(self, **named)
