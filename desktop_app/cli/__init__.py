"""Command-line interface: `hotich` does headlessly what the desktop does.

Each command group lives in its own module exposing ``register(subparsers)``; every
sub-parser sets ``handler=func`` with ``func(ctx: CliContext, args: argparse.Namespace) -> int``.
Command groups that need signing or sync live in those packages (``signing/cli.py``,
``sync/cli.py``) and are wired in by ``desktop_app.app``, the composition root.
"""
