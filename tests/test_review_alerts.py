"""Alerts of the review loop, delivered to a real local HTTP server (http.server on
127.0.0.1), a real SMTP server (aiosmtpd) and a file: one per flag or pace change, none
on a re-run, a digest, and a webhook that times out or refuses loses no review."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.io.store import open_store
from goalrules.reviews.alerts import alert_rules, alerts_of
from goalrules.reviews.notify import DeliveryError, notify

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "reviews"
WS = gr.demo_paths()["workspace"]
DATES = ("2026-02-10", "2026-03-10", "2026-04-10")
# the changes at the second review, read off the example's data: li-followers is
# unrealistic for the second time (branded-content stays a stretch, so no reset is
# suggested for it); at the data's date (2026-02-28) branded-content is behind its path
# and feature-awareness ahead of it, their first months measured since their starts (at
# the first review, their only month was the one each is counted from: no pace), while
# li-followers stays on its path (1 % under the path of 02-28: the path of the review's
# date, 03-10, had put it 7 % behind)
SECOND = {
    ("li-followers", "raised", "reset_candidate"),
    ("branded-content", "pace", "behind"),
    ("feature-awareness", "pace", "ahead"),
}


def run_review(store: Any, day: str) -> Any:
    return gr.review(WS, EXAMPLE / f"history-{day}.csv", store=store, today=D.fromisoformat(day))


class Hook:
    """A webhook receiver: records each POST's JSON; ``mode`` ok, slow or error."""

    def __init__(self) -> None:
        self.bodies: list[Any] = []
        self.mode = "ok"
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if hook.mode == "slow":
                    time.sleep(1.5)
                if hook.mode == "error":
                    self.send_response(503)
                    self.end_headers()
                    return
                hook.bodies.append(json.loads(body))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/secret-token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook() -> Iterator[Hook]:
    h = Hook()
    yield h
    h.close()


def keys(bodies: list[Any]) -> set[tuple[str, str, str]]:
    return {(a["goal"], a["change"], a["subject"]) for b in bodies for a in b["alerts"]}


def test_an_alert_per_change_and_none_on_a_rerun(tmp_path: Path, hook: Hook) -> None:
    store = tmp_path / "goals.db"
    first = run_review(store, DATES[0])
    notify(first, hook.url, store=store)
    at_first = len(hook.bodies)
    second = run_review(store, DATES[1])
    done = notify(second, hook.url, store=store)
    bodies = hook.bodies[at_first:]
    assert len(bodies) == len(SECOND) == len(done.sent) == done.messages
    assert keys(bodies) == SECOND
    assert all(len(b["alerts"]) == 1 and b["review"] == 2 for b in bodies)
    # a re-run of the same review sends nothing again (and keeps its review)
    again = run_review(store, DATES[1])
    done = notify(again, hook.url, store=store)
    assert done.sent == () and len(done.already) == len(SECOND)
    assert len(hook.bodies) == at_first + len(SECOND)
    with open_store(store) as s:
        (row,) = [r for r in s.reviews() if r["date"] == DATES[1]]
        assert row["revisions"] == 2


def test_a_digest_is_one_message(tmp_path: Path, hook: Hook) -> None:
    store = tmp_path / "goals.db"
    run_review(store, DATES[0])
    second = run_review(store, DATES[1])
    done = notify(second, hook.url, store=store, digest=True, fmt="slack")
    assert done.messages == 1 and len(hook.bodies) == 1
    (body,) = hook.bodies
    assert set(body) == {"text", "blocks"}  # Slack's incoming-webhook shape
    assert body["text"].count("•") == len(SECOND)
    assert "li-followers is flagged as a candidate to reset. Unrealistic" in body["text"]


@pytest.mark.parametrize("mode", ["slow", "error", "refused"])
def test_a_webhook_that_fails_loses_no_review(
    tmp_path: Path, hook: Hook, mode: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "goals.db"
    run_review(store, DATES[0])
    url = hook.url
    if mode == "refused":
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{s.getsockname()[1]}/hook"
    hook.mode = mode
    second = run_review(store, DATES[1])
    with pytest.raises(DeliveryError) as caught:
        notify(second, url, store=store, timeout=0.3, retries=1, backoff=0)
    line = caught.value.headline()
    assert "\n" not in line and "is saved" in line and "secret-token" not in line
    with open_store(store) as s:
        assert [r["date"] for r in s.reviews()] == list(DATES[:2])
        assert s.delivered(second.workspace, second.date, "x") == set()
    # the command: the review is written, one line on stderr, exit 3
    argv = ["review", str(WS), "--history", str(EXAMPLE / f"history-{DATES[2]}.csv"),
            "--store", str(store), "--today", DATES[2], "--notify", url,
            "--alert-param", "cleared=false"]  # fmt: skip
    capsys.readouterr()
    status = main(argv, out=io.StringIO())
    err = capsys.readouterr().err.strip().splitlines()
    with open_store(store) as s:
        assert [r["date"] for r in s.reviews()] == list(DATES)
    if mode != "refused":  # the receiver comes back: the next run sends what was left
        hook.mode = "ok"
        done = notify(second, url, store=store, backoff=0)
        assert keys(hook.bodies) >= SECOND and len(done.sent) == len(SECOND)
    assert status in (0, 3)
    if status == 3:
        assert len([e for e in err if e.startswith("goalrules: error")]) == 1


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def test_mail_through_a_real_smtp_server(tmp_path: Path) -> None:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = controller_mod.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        store = tmp_path / "goals.db"
        run_review(store, DATES[0])
        second = run_review(store, DATES[1])
        env = {"GOALRULES_SMTP_HOST": "127.0.0.1", "GOALRULES_SMTP_PORT": str(port),
               "GOALRULES_SMTP_FROM": "reviews@campfire.example"}  # fmt: skip
        done = notify(second, "mailto:team@campfire.example", store=store, digest=True,
                      env=env)  # fmt: skip
        assert done.messages == 1 and len(inbox.messages) == 1
        (mail,) = inbox.messages
        assert mail.rcpt_tos == ["team@campfire.example"]
        assert mail.mail_from == "reviews@campfire.example"
        text = mail.content.decode()
        assert "Subject: goalrules review of Campfire, Inc., 2026-03-10: 3 changes" in text
        body = email.message_from_bytes(mail.content).get_payload(decode=True).decode()
        assert (
            "branded-content is now behind the required path; at the last review its pace "
            "was not known"
        ) in body
        # idempotent by mail too
        assert notify(second, "mailto:team@campfire.example", store=store, env=env).sent == ()
    finally:
        controller.stop()


def test_a_file_gets_json_lines_and_quiet_goals_stay_quiet(tmp_path: Path) -> None:
    store = tmp_path / "goals.db"
    run_review(store, DATES[0])
    second = run_review(store, DATES[1])
    target = tmp_path / "alerts.jsonl"
    others = alert_rules().with_params(quiet=["partner-reach"])  # no change of its own
    done = notify(second, str(target), store=store, rules=others)
    lines = [json.loads(x) for x in target.read_text().splitlines()]
    assert len(lines) == len(done.sent) == len(SECOND)
    assert keys(lines) == SECOND
    quiet = tmp_path / "quiet.jsonl"
    third = run_review(store, DATES[1])  # a new revision of the same review
    done = notify(third, str(quiet), store=store,
                  rules=alert_rules().with_params(quiet=sorted({g for g, _, _ in SECOND})))  # fmt: skip
    assert done.sent == ()
    assert not quiet.exists() or quiet.read_text() == ""


FLAGS = st.sets(st.sampled_from(["slipping", "reset_candidate", "achieved", "expired"]))
PACE = st.sampled_from(["ahead", "on_track", "behind", None])


@settings(max_examples=100, deadline=None)
@given(FLAGS, FLAGS, PACE, PACE, st.booleans())
def test_one_alert_per_change(
    now: set[str], before: set[str], pace: str | None, was: str | None, first: bool
) -> None:
    row = {"goal_id": "g", "flags": sorted(now), "findings": [], "pace": pace}
    earlier = None if first else {"g": {"flags": sorted(before), "pace": was}}
    found = alerts_of("w", D(2026, 5, 1), 2, [row], earlier)
    if first:
        expected = len(now)
    else:
        # a move to another band; a pace known for the first time when off the path
        paced = pace is not None and pace != was and (was is not None or pace != "on_track")
        expected = len(now ^ before) + paced
    assert len(found) == expected == len({a.key for a in found})
    no_cleared = alerts_of("w", D(2026, 5, 1), 2, [row], earlier,
                           rules=alert_rules().with_params(cleared=False))  # fmt: skip
    assert all(a.change != "cleared" for a in no_cleared)
    assert len(no_cleared) == expected - (0 if first else len(before - now))


def test_smtp_settings_from_the_workspace_never_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from goalrules.reviews.notify import _smtp_settings

    ws = tmp_path / "workspace.toml"
    ws.write_text(Path(WS).read_text() + '\n[notify.smtp]\nhost = "mail.example"\nport = 2525\n'
                  'tls = "starttls"\n')  # fmt: skip
    assert _smtp_settings({}, ws) == {"host": "mail.example", "port": "2525", "tls": "starttls"}
    # the environment wins over the workspace
    env = {"GOALRULES_SMTP_HOST": "127.0.0.1", "GOALRULES_SMTP_PASSWORD": "s3cret"}
    assert _smtp_settings(env, ws)["host"] == "127.0.0.1"
    # a review of that workspace reads it (the table is not a workspace error)
    result = gr.review(ws, EXAMPLE / f"history-{DATES[0]}.csv", store=tmp_path / "g.db",
                       today=D(2026, 2, 10))  # fmt: skip
    assert result.number == 1
    with pytest.raises(SystemExit):
        main(["review", "--help"])
    options = capsys.readouterr().out.lower()
    assert "--notify" in options and "password" not in options and "smtp" not in options
