"""A real PostgreSQL server for the store's tests: the one ``GOALRULES_TEST_POSTGRES``
names (a ``postgresql://`` URL), else a throwaway cluster started here with the Debian
``postgresql`` package's ``initdb`` and ``pg_ctl`` (as the ``postgres`` user when the
tests run as root), listening on a Unix socket only. When none can start, the tests that
need it are skipped with the reason."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_url() -> Iterator[str]:
    """Yield a URL of a running server; raise RuntimeError with the reason when none."""
    url = os.environ.get("GOALRULES_TEST_POSTGRES")
    if url:
        yield url
        return
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("no initdb/pg_ctl (install Debian's postgresql package)")
    prefix: list[str] = []
    user = os.environ.get("USER") or "goalrules"
    if os.geteuid() == 0:
        user = "postgres"
        runuser = shutil.which("runuser")
        if runuser is None:
            raise RuntimeError("running as root without runuser to start PostgreSQL as postgres")
        prefix = [runuser, "-u", user, "--"]
    root = Path(tempfile.mkdtemp(prefix="goalrules-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if prefix:
        shutil.chown(root, user)
        shutil.chown(sock, user)
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C"}
    try:
        subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8"],
                       check=True, capture_output=True, env=env, timeout=120)  # fmt: skip
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-w", "-t", "60", "-l", str(root / "log"),
                        "-o", f"-k {sock} -p {port} -c listen_addresses=''", "start"],
                       check=True, capture_output=True, env=env, timeout=120)  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        why = detail.decode(errors="replace")[:200]
        raise RuntimeError(f"PostgreSQL did not start: {exc} {why}") from None
    try:
        yield f"postgresql://{user}@/postgres?host={sock}&port={port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
