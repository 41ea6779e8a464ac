"""Validation findings: a rule code, the field path, a severity and message parameters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.types import JSONObject, JSONScalar


class Severity(StrEnum):
    ERROR = "error"  # blocks saving
    WARNING = "warning"  # saved; a supervisor overrides it with a reason before approval
    INFO = "info"  # shown, nothing to do


def severity_of(code: str) -> Severity:
    """Codes start with E-, W- or I-."""
    if code.startswith("E-"):
        return Severity.ERROR
    if code.startswith("W-"):
        return Severity.WARNING
    return Severity.INFO


@dataclass(frozen=True)
class Issue:
    code: str
    field: str
    severity: Severity
    # dataclasses.field, spelled out: in this class body `field` names the attribute above.
    params: dict[str, JSONScalar | list[str]] = dataclasses.field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, code: str, path: str, /, **params: JSONScalar | list[str]) -> Issue:
        return cls(code, path, severity_of(code), dict(params))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    def to_json(self) -> JSONObject:
        return {
            "rule": self.code,
            "field": self.field,
            "severity": str(self.severity),
            "params": {k: (list(v) if isinstance(v, list) else v) for k, v in self.params.items()},
        }


OVERRIDE_FIELD_SEPARATOR = "@"


def override_key(issue: Issue) -> str:
    """The override key that names this one warning: rule@field (the rule alone when the
    warning concerns no field). A key of the rule alone covers every field it is raised on."""
    return f"{issue.code}{OVERRIDE_FIELD_SEPARATOR}{issue.field}" if issue.field else issue.code


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_error]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_warning]


def warning_codes(issues: list[Issue]) -> list[str]:
    """Distinct warning codes in order of first appearance: what overrides must cover."""
    seen: dict[str, None] = {}
    for issue in issues:
        if issue.is_warning:
            seen.setdefault(issue.code, None)
    return list(seen)
