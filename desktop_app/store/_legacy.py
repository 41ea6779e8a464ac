"""The old ``*_repo.function(conn, ...)`` calls, kept only while sync/ still takes raw
connections (helper B converts it to units of work, then removes this module and its uses)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

Factory = Callable[[object], object]


def module_getattr(default: Factory, names: Mapping[str, tuple[Factory, str]] | None = None
                   ) -> Callable[[str], Callable[..., object]]:
    """A module ``__getattr__`` turning ``f(conn, *args)`` into ``Repo(conn).f(*args)``."""
    names = dict(names or {})

    def __getattr__(name: str) -> Callable[..., object]:
        factory, method = names.get(name, (default, name))
        if name.startswith("_") or not hasattr(factory, method):
            raise AttributeError(name)

        def call(conn: object, *args: object, **kwargs: object) -> object:
            return getattr(factory(conn), method)(*args, **kwargs)

        return call

    return __getattr__
