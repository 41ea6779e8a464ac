"""What a spawned process imports before its work: a bulk import's worker runs the parent's
main script again (multiprocessing's spawn), so the `hotich` console script and the bundle's
entry script import nothing at the top but what they need to start."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# The top of the script pip writes for the entry point, then a probe in place of the call.
_SCRIPT = '''import sys
from {module} import {function}


def loaded():
    return sorted(sys.modules)


if __name__ == "__main__":
    import json
    import multiprocessing

    if sys.argv[1:]:
        sys.exit({function}())
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print(json.dumps(pool.apply(loaded)))
'''


def _console_script(folder: Path) -> Path:
    target = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = target["hotich"].split(":")
    script = folder / "hotich"
    script.write_text(_SCRIPT.format(module=module, function=function), encoding="utf-8")
    return script


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=120, check=False, cwd=ROOT)


def _command_line(modules: list[str]) -> list[str]:
    return [m for m in modules if m == "desktop_app.app" or m.startswith("desktop_app.cli")]


def test_a_worker_spawned_under_the_console_script_does_not_import_the_cli(
        tmp_path: Path) -> None:
    script = _console_script(tmp_path)
    spawned = _run(str(script))
    assert spawned.returncode == 0, spawned.stderr
    assert _command_line(json.loads(spawned.stdout)) == []
    # and the script still is the whole command line
    helped = _run(str(script), "--help")
    assert helped.returncode == 0 and "record" in helped.stdout, helped.stderr


def test_the_bundles_entry_script_imports_the_cli_only_when_it_runs() -> None:
    """What spawn does with a main script given by its path (multiprocessing.spawn
    ._fixup_main_from_path): run it under the name __mp_main__."""
    probe = ("import json, runpy, sys; runpy.run_path(sys.argv[1], run_name='__mp_main__'); "
             "print(json.dumps(sorted(sys.modules)))")
    spawned = _run("-c", probe, str(ROOT / "installer" / "hotich_main.py"))
    assert spawned.returncode == 0, spawned.stderr
    assert _command_line(json.loads(spawned.stdout)) == []


def test_a_command_that_does_not_sync_does_not_import_the_sync_client(tmp_path: Path) -> None:
    """sync.device (and requests under it) is imported when a command syncs, not for every
    command: the transport is wired by name."""
    probe = ("import json, sys; from desktop_app.app import main; "
             "code = main(['--data-dir', sys.argv[1], 'user', 'list']); "
             "print(json.dumps([code, sorted(sys.modules)]))")
    done = _run("-c", probe, str(tmp_path / "nothing-here"))
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 1  # no data folder: the command ran, after the context was made
    assert "sync.device" not in modules and "requests" not in modules


def test_the_version_is_read_when_asked_for_not_at_import() -> None:
    probe = ("import json, sys; before = 'importlib.metadata' in sys.modules; "
             "import desktop_app; during = 'importlib.metadata' in sys.modules; "
             "from desktop_app import __version__; "
             "print(json.dumps([before, during, __version__, desktop_app.__version__]))")
    done = _run("-c", probe)
    assert done.returncode == 0, done.stderr
    before, during, version, again = json.loads(done.stdout)
    assert during == before  # importing the package reads no metadata
    assert version == again and version[0].isdigit()


_GROUP_MODULES = {  # what each command group imports to do its work, and nothing else does
    "books": "desktop_app.workflows.books", "recheck": "desktop_app.workflows.recheck",
    "ocr": "desktop_app.workflows.ocr", "import": "desktop_app.workflows.bulk_import",
    "reconcile": "desktop_app.workflows.reconciliation",
    "records": "desktop_app.workflows.records", "backup": "desktop_app.workflows.backup",
    "audit": "desktop_app.workflows.audit", "extract": "desktop_app.workflows.extracts",
    "x509": "cryptography.x509", "demo": "desktop_app.demo",
}


def _imported_by(folder: Path, *argv: str) -> set[str]:
    probe = ("import json, sys; from desktop_app.app import main; "
             "code = main(['--data-dir', sys.argv[1], *sys.argv[2:]]); "
             "print(json.dumps(sorted(sys.modules)))")
    done = _run("-c", probe, str(folder), *argv)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(done.stdout.splitlines()[-1]))
    return {group for group, module in _GROUP_MODULES.items() if module in modules}


def test_a_command_imports_only_its_own_groups_workflows(tmp_path: Path) -> None:
    """The parser lists every group, but a command loads only its own group's workflows
    (each used to load all of them: ~0.1 s of every start)."""
    missing = tmp_path / "nothing-here"  # the command starts, then finds no data folder
    assert _imported_by(missing, "schema", "birth") == set()
    assert _imported_by(missing, "user", "list") == set()
    assert _imported_by(missing, "record", "list") == {"records"}
    assert _imported_by(missing, "books", "digitisation") == {"books", "records"}


_HEAVY = ("desktop_app.domain", "desktop_app.store", "desktop_app.session", "sqlcipher3")


def _heavy_imported(*argv: str) -> list[str]:
    """The domain and store modules a command imported (the server's loop is not run)."""
    probe = ("import json, sys, uvicorn; uvicorn.Server.run = lambda self, sockets=None: None; "
             "from desktop_app.app import main\n"
             "try: code = main(sys.argv[1:])\n"
             "except SystemExit as exc: code = exc.code\n"
             "print(json.dumps([code, sorted(sys.modules)]))")
    done = _run("-c", probe, *argv)
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code in (0, None), done.stderr
    return [m for m in modules if m.startswith(_HEAVY)]


def test_help_and_the_central_servers_commands_do_not_import_the_domain_or_the_store(
        tmp_path: Path) -> None:
    """The parsers, the catalogue and the central server need neither the domain (~90 ms)
    nor the device's encrypted store: they load when a command needs them."""
    db = str(tmp_path / "central.db")
    assert _heavy_imported("--help") == []
    assert _heavy_imported("central", "--help") == []
    assert _heavy_imported("central", "stats", "--db", db) == []
    assert _heavy_imported("serve", "--db", db, "--port", "0") == []
    # and a command that needs the domain still has it
    assert "desktop_app.domain" in _heavy_imported("schema", "birth")


def test_the_parser_reads_the_version_only_for_version() -> None:
    probe = ("import json, sys; from desktop_app.app import main\n"
             "try: main(sys.argv[1:])\n"
             "except SystemExit: pass\n"
             "print(json.dumps('importlib.metadata' in sys.modules))")
    helped = _run("-c", probe, "--help")
    assert helped.returncode == 0, helped.stderr
    assert json.loads(helped.stdout.splitlines()[-1]) is False
    version = _run("-m", "desktop_app", "--version")
    assert version.returncode == 0 and version.stdout.startswith("hotich "), version.stderr
    assert version.stdout.split()[1][0].isdigit()
