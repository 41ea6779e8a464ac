"""A rural link for tests and benchmarks: 64 kbit/s, 5 % loss, 300 ms each way (root only).

    with RuralLink() as link:                      # LinkUnavailableError when it cannot be made
        proc = link.popen([sys.executable, "-m", "some.server", "--host", link.server_host])
        host, port = link.expose(server_port)      # 127.0.0.1:port in this process's namespace
        ...                                        # talk to https://127.0.0.1:port as usual

Design (this kernel has no ``netem``):

- The *server* runs in its own network namespace, joined to the caller's namespace by a veth
  pair with addresses in 127.0.0.0/8 (a /30 chosen per run, ``route_localnet=1`` on both ends),
  so the test process (requests, the device engine) stays where it is.
- Bandwidth: ``tc qdisc replace dev DEV root tbf rate 64kbit burst 1600 latency 2s`` on both
  veth ends, i.e. each direction.
- Loss: nftables ``numgen random mod 100 < 5 drop`` on what *arrives* on each veth end
  (prerouting), so the sender's TCP learns of it only as a real loss (a drop in the sender's own
  output hook is reported back to the socket at once, which hides the cost of a loss).
- Latency: :class:`DelayProxy`, a small asyncio TCP proxy on 127.0.0.1 in the caller's namespace
  that forwards to the server through the veth and hands each direction's bytes on ``delay``
  seconds after it read them, in order, with a bounded buffer (back-pressure, not memory).
  Limit: the proxy ends TCP, so the lossy hop's own round trip is short and a loss costs a
  retransmission timeout of that hop (>= 200 ms), not of the whole 600 ms path.

Every name carries the process id (and a counter), the /30 is picked among free ones, and
whatever was made is removed on exit, failure included (processes started with :meth:`popen`,
proxies, nft tables, the veth pair, the namespace). If the run itself is killed, its processes
in the namespace die with it (parent-death signal) and the next run removes what it left.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import itertools
import os
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

PREFIX = "hotich-rural"
_NS_RE = re.compile(rf"^{PREFIX}-(\d+)-(\d+)$")
_counter = itertools.count()
_TOOLS = ("ip", "tc", "nft")


@dataclass(frozen=True)
class LinkProfile:
    rate_kbit: int = 64
    loss_percent: int = 5  # per direction, per packet
    delay_ms: int = 300  # per direction
    burst_bytes: int = 1600
    tbf_latency: str = "2s"


RURAL = LinkProfile()


class LinkUnavailableError(Exception):
    """The link cannot be made here (not root, tools missing, no CAP_NET_ADMIN...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unavailable_reason() -> str | None:
    """Why a link cannot be made here, from the cheap checks; None if it may work."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not root: a simulated link needs network namespaces (run as root)"
    missing = [tool for tool in _TOOLS if _which(tool) is None]
    if missing:
        return (f"missing {', '.join(missing)}: install the Debian packages iproute2 and "
                "nftables (installer/setup-dev.sh)")
    return None


def _which(tool: str) -> str | None:
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")


def _run(*argv: str, netns: str | None = None, stdin: str | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    full = [_which(argv[0]) or argv[0], *argv[1:]]
    if netns is not None:
        full = [_which("ip") or "ip", "netns", "exec", netns, *full]
    result = subprocess.run(full, input=stdin, capture_output=True, text=True, timeout=30,
                            check=False)
    if check and result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, full, result.stdout,
                                            result.stderr)
    return result


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_links() -> list[str]:
    """Namespaces (and their veth and nft table) of runs whose process is gone and inside
    which nothing runs any more. Returns the namespaces removed."""
    removed = []
    listing = _run("ip", "netns", "list", check=False).stdout
    for line in listing.splitlines():
        name = line.split()[0] if line.split() else ""
        match = _NS_RE.match(name)
        if not match or _pid_alive(int(match.group(1))):
            continue
        if _run("ip", "netns", "pids", name, check=False).stdout.strip():
            continue  # something still runs there: not ours to end
        pid, n = match.groups()
        _run("ip", "link", "del", _veth_names(int(pid), int(n))[0], check=False)
        _run("nft", "delete", "table", "inet", _table_name(int(pid), int(n)), check=False)
        _run("nft", "delete", "table", "inet", f"{_table_name(int(pid), int(n))}_cut",
             check=False)
        _run("ip", "netns", "del", name, check=False)
        removed.append(name)
    return removed


def _veth_names(pid: int, n: int) -> tuple[str, str]:
    return f"hr{pid}n{n}a", f"hr{pid}n{n}b"  # at most 15 characters


def _table_name(pid: int, n: int) -> str:
    return f"hotich_rural_{pid}_{n}"


def _addresses_in_use() -> set[str]:
    out = _run("ip", "-o", "-4", "addr", "show", check=False).stdout
    return set(re.findall(r"inet (\d+\.\d+\.\d+\.\d+)/", out))


def _free_subnet(pid: int, n: int) -> ipaddress.IPv4Network:
    """A /30 of 127.10.0.0/16 keyed by (pid, n), skipping any already on an interface."""
    used = _addresses_in_use()
    base = int(ipaddress.IPv4Address("127.10.0.0"))
    slots = 65536 // 4
    first = (pid * 8 + n) % (slots - 1) + 1  # slot 0 would be 127.10.0.0/30
    for step in range(slots - 1):
        slot = (first + step - 1) % (slots - 1) + 1
        net = ipaddress.IPv4Network((base + slot * 4, 30))
        hosts = [str(h) for h in net.hosts()]
        if not used.intersection(hosts):
            return net
    raise LinkUnavailableError("no free /30 in 127.10.0.0/16")


# -- the delay proxy ---------------------------------------------------------------------------
class DelayProxy:
    """TCP proxy on ``listen_host`` that forwards to ``target``; each direction's bytes are
    written ``delay`` seconds after they were read, in order. At most ``max_buffer`` bytes wait
    per direction and connection; beyond that it stops reading (TCP back-pressure)."""

    CHUNK = 4096

    def __init__(self, target: tuple[str, int], delay: float, *,
                 listen_host: str = "127.0.0.1", max_buffer: int = 64 * 1024,
                 connect_timeout: float = 10.0) -> None:
        self.target = target
        self.delay = delay
        self.listen_host = listen_host
        self.max_chunks = max(1, max_buffer // self.CHUNK)
        self.connect_timeout = connect_timeout
        self.bytes_up = 0  # client -> target
        self.bytes_down = 0  # target -> client
        self.connections = 0
        self.address: tuple[str, int] = (listen_host, 0)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="delay-proxy",
                                         daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self) -> tuple[str, int]:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        self.address = future.result(timeout=10)
        return self.address

    async def _start(self) -> tuple[str, int]:
        self._server = await asyncio.start_server(self._accept, self.listen_host, 0)
        host, port = self._server.sockets[0].getsockname()[:2]
        return str(host), int(port)

    def stop(self) -> None:
        if not self._thread.is_alive():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = self._loop.create_task(self._connection(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _connection(self, client_r: asyncio.StreamReader,
                          client_w: asyncio.StreamWriter) -> None:
        self.connections += 1
        server_w: asyncio.StreamWriter | None = None
        try:
            server_r, server_w = await asyncio.wait_for(
                asyncio.open_connection(*self.target), self.connect_timeout)
            await asyncio.gather(self._pipe(client_r, server_w, up=True),
                                 self._pipe(server_r, client_w, up=False))
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass
        finally:
            for w in (client_w, server_w):
                if w is not None:
                    w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *,
                    up: bool) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue(self.max_chunks)
        loop = asyncio.get_running_loop()

        async def read() -> None:
            while True:
                try:
                    data = await reader.read(self.CHUNK)
                except OSError:
                    data = b""
                await queue.put((loop.time() + self.delay, data))
                if not data:
                    return

        async def write() -> None:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    with contextlib.suppress(OSError):
                        if writer.can_write_eof():
                            writer.write_eof()
                    return
                if up:
                    self.bytes_up += len(data)
                else:
                    self.bytes_down += len(data)
                try:
                    writer.write(data)
                    await writer.drain()
                except OSError:  # the other end went away: stop this direction
                    return

        reading = asyncio.ensure_future(read())
        try:
            await write()
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await reading


# -- the link ----------------------------------------------------------------------------------
class RuralLink:
    """Context manager: a namespace for the server behind a slow, lossy, distant link."""

    def __init__(self, profile: LinkProfile = RURAL) -> None:
        self.profile = profile
        self.pid = os.getpid()
        self.n = next(_counter)
        self.namespace = f"{PREFIX}-{self.pid}-{self.n}"
        self.veth_host, self.veth_ns = _veth_names(self.pid, self.n)
        self.table = _table_name(self.pid, self.n)
        self.client_host = ""  # our end of the veth
        self.server_host = ""  # the namespace's end: bind servers there
        self._cleanup = contextlib.ExitStack()
        self._procs: list[subprocess.Popen[Any]] = []
        self.proxies: list[DelayProxy] = []
        self.is_down = False

    # set-up ------------------------------------------------------------------------------------
    def __enter__(self) -> RuralLink:
        reason = unavailable_reason()
        if reason:
            raise LinkUnavailableError(reason)
        try:
            self._build()
        except BaseException as exc:
            self._cleanup.close()
            if isinstance(exc, subprocess.CalledProcessError):
                detail = (exc.stderr or "").strip().splitlines()
                raise LinkUnavailableError(
                    f"cannot set up the link ({' '.join(map(str, exc.cmd[:4]))}...): "
                    f"{detail[-1] if detail else exc.returncode}") from exc
            raise
        return self

    def _build(self) -> None:
        remove_stale_links()
        ns, host_dev, ns_dev = self.namespace, self.veth_host, self.veth_ns
        _run("ip", "netns", "add", ns)
        self._cleanup.callback(_run, "ip", "netns", "del", ns, check=False)
        _run("ip", "link", "add", host_dev, "type", "veth", "peer", "name", ns_dev, "netns", ns)
        self._cleanup.callback(_run, "ip", "link", "del", host_dev, check=False)
        net = _free_subnet(self.pid, self.n)
        client, server = (str(h) for h in net.hosts())
        self.client_host, self.server_host = client, server
        _run("ip", "addr", "add", f"{client}/{net.prefixlen}", "dev", host_dev)
        Path(f"/proc/sys/net/ipv4/conf/{host_dev}/route_localnet").write_text("1\n")
        _run("ip", "link", "set", host_dev, "up")
        _run("ip", "link", "set", "lo", "up", netns=ns)
        _run("ip", "addr", "add", f"{server}/{net.prefixlen}", "dev", ns_dev, netns=ns)
        _run("sh", "-c", f"echo 1 > /proc/sys/net/ipv4/conf/{ns_dev}/route_localnet", netns=ns)
        _run("ip", "link", "set", ns_dev, "up", netns=ns)
        p = self.profile
        for dev, where in ((host_dev, None), (ns_dev, ns)):
            _run("tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate",
                 f"{p.rate_kbit}kbit", "burst", str(p.burst_bytes), "latency", p.tbf_latency,
                 netns=where)
        self._cleanup.callback(_run, "nft", "delete", "table", "inet", self.table, check=False)
        self._cleanup.callback(_run, "nft", "delete", "table", "inet", f"{self.table}_cut",
                               check=False)
        for dev, where in ((host_dev, None), (ns_dev, ns)):
            _run("nft", "-f", "-", netns=where, stdin=self._ruleset(dev))

    def _ruleset(self, dev: str) -> str:
        loss = self.profile.loss_percent
        drop = (f'iifname "{dev}" numgen random mod 100 < {loss} counter name dropped drop'
                if loss > 0 else "")
        return (f"table inet {self.table} {{\n"
                f"  counter seen {{ }}\n  counter dropped {{ }}\n"
                f"  chain lossy {{\n"
                f"    type filter hook prerouting priority -300; policy accept;\n"
                f'    iifname "{dev}" counter name seen\n'
                f"    {drop}\n  }}\n}}\n")

    # using it ---------------------------------------------------------------------------------
    def netns_argv(self, argv: Sequence[str]) -> list[str]:
        """``argv`` to run inside the link's namespace (the server side)."""
        return [_which("ip") or "ip", "netns", "exec", self.namespace, *map(str, argv)]

    def popen(self, argv: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """Start ``argv`` inside the namespace; it is ended when the link is removed, and
        killed by the kernel if the calling thread dies first (setpriv --pdeathsig: call this
        from a thread that outlives the link, e.g. the main one)."""
        setpriv = _which("setpriv")
        guard = [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []
        proc = subprocess.Popen([*guard, *self.netns_argv(argv)], **kwargs)  # noqa: S603
        self._procs.append(proc)
        return proc

    def expose(self, port: int, *, delay: float | None = None) -> tuple[str, int]:
        """A 127.0.0.1 port here that reaches ``server_host:port`` with the link's delay."""
        seconds = self.profile.delay_ms / 1000 if delay is None else delay
        proxy = DelayProxy((self.server_host, port), seconds)
        self.proxies.append(proxy)
        return proxy.start()

    def loss_counters(self) -> dict[str, tuple[int, int]]:
        """(packets arrived, packets dropped) per direction: "up" towards the server."""
        out = {}
        for name, where in (("up", self.namespace), ("down", None)):
            text = _run("nft", "list", "table", "inet", self.table, netns=where,
                        check=False).stdout
            found = re.findall(r"counter (seen|dropped) \{\s*packets (\d+)", text)
            values = {k: int(v) for k, v in found}
            out[name] = (values.get("seen", 0), values.get("dropped", 0))
        return out

    def set_down(self, down: bool) -> None:
        """Cut the link (every packet dropped, both ways, connections already open included:
        a silent outage, as when the 2G signal goes) or bring it back."""
        if down == self.is_down:
            return
        rules = (f"table inet {self.table}_cut {{\n  chain cut {{\n"
                 f"    type filter hook prerouting priority -310; policy accept;\n"
                 f'    iifname {{ "{self.veth_host}", "{self.veth_ns}" }} drop\n  }}\n}}\n')
        for where in (None, self.namespace):
            if down:
                _run("nft", "-f", "-", netns=where, stdin=rules)
            else:
                _run("nft", "delete", "table", "inet", f"{self.table}_cut", netns=where,
                     check=False)
        self.is_down = down

    # tear-down -----------------------------------------------------------------------------
    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        try:
            for proxy in self.proxies:
                with contextlib.suppress(Exception):
                    proxy.stop()
            for proc in self._procs:
                _end(proc)
            # Anything our processes started inside the namespace.
            listing = _run("ip", "netns", "pids", self.namespace, check=False).stdout
            for pid in (int(p) for p in listing.split() if p.isdigit()):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        finally:
            self._cleanup.close()


def _end(proc: subprocess.Popen[Any], grace: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=grace)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def start_central(link: RuralLink, db: Path, *, cert: Path, key: Path, log_file: Path,
                  direct: bool = False) -> str:
    """`hotich serve` (TLS) inside the link's namespace; returns the https URL of its delayed
    end in this namespace (127.0.0.1, which the test certificates name), or with ``direct``
    of the namespace's own end of the link (no delay proxy: the certificate must name
    ``link.server_host``)."""
    import json
    import sys

    with log_file.open("a") as err:
        proc = link.popen([sys.executable, "-m", "desktop_app", "--json", "serve", "--db", db,
                           "--host", link.server_host, "--port", "0", "--tls-cert", cert,
                           "--tls-key", key], stdout=subprocess.PIPE, stderr=err, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"the server did not start: {log_file.read_text()[-2000:]}")
    port = int(json.loads(line)["port"])
    if direct:
        return f"https://{link.server_host}:{port}"
    host, port = link.expose(port)
    return f"https://{host}:{port}"


@contextlib.contextmanager
def rural_link_or_skip(profile: LinkProfile = RURAL) -> Iterator[RuralLink]:
    """For pytest: the link, or pytest.skip with the reason it cannot be made here."""
    import pytest

    link = RuralLink(profile)
    try:
        link.__enter__()
    except LinkUnavailableError as exc:
        pytest.skip(f"rural link unavailable: {exc.reason}")
    try:
        yield link
    finally:
        link.close()
