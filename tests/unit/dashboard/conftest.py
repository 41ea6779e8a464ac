"""The records office (admin, two officers, two supervisors, clock at 15/01/2026)."""

from tests.unit.conftest import _template, office  # noqa: F401 - fixtures
