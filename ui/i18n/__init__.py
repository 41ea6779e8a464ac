"""Loading the compiled translations (.qm). Source strings are English; Vietnamese is the
default translation. ``installer/build-translations.sh`` compiles ``hotich_*.ts`` with
PySide6's lrelease; when a .qm is missing or older than its .ts (a fresh checkout that skipped
the set-up), it is compiled here into the user cache folder instead.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def ts_file(lang: str) -> Path:
    return HERE / f"hotich_{lang}.ts"


def lrelease() -> str | None:
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    if candidate.exists():
        return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(source: Path, target: Path) -> bool:
    tool = lrelease()
    if tool is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(source), "-qm", str(target)],
                          capture_output=True, check=False, timeout=60)
    return done.returncode == 0 and target.exists()


def qm_file(lang: str) -> Path | None:
    """The compiled translation of ``lang``, compiling it if needed; None for English."""
    source = ts_file(lang)
    shipped = source.with_suffix(".qm")
    if not source.exists():  # an installed bundle ships the compiled file only
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    cached = Path(tempfile.gettempdir()) / f"hotich-i18n-{source.stat().st_mtime_ns}" / \
        shipped.name
    if cached.exists() or compile_ts(source, cached):
        return cached
    log.warning("translation %s could not be compiled", lang)
    return None


def install(lang: str) -> str:
    """Install the translator for ``lang`` (replacing any other); returns the language used."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "vi"
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
                       if lang == "vi" else QLocale(QLocale.Language.English,
                                                    QLocale.Country.UnitedKingdom))
    if app is None:
        return lang
    path = qm_file(lang)
    if path is not None:
        _load(app, str(path))
    if lang != "en":  # Qt's own texts (standard buttons, dialogs) where the Qt build has them
        _load(app, f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return lang


def uninstall() -> None:
    """Back to the source strings with no translator at all (as before any install)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()


def _load(app: QCoreApplication, name: str, folder: str = "") -> None:
    translator = QTranslator(app)
    if translator.load(name, folder) if folder else translator.load(name):
        app.installTranslator(translator)
        _installed.append(translator)
