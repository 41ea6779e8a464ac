"""The target of the `hotich` console script (pyproject.toml), light on purpose.

A bulk import's worker is a process that multiprocessing spawns; it runs the parent's main
script again (as ``__mp_main__``, its guarded part left out) before its own work. For the
`hotich` script that means whatever the script imports at the top: desktop_app.app would
bring the whole command line and its command groups into the worker for nothing, ~0.1 s
of its start. So the composition root is imported when the command runs, not before.
"""

from __future__ import annotations


def entry() -> None:
    from desktop_app.app import entry as run

    run()
