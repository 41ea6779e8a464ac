"""Hộ Tịch Offline core: domain, workflows, encrypted store, accounts, audit, command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hotich-offline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
