"""Sending a review's alerts (``goalrules review --notify TARGET``).

TARGET is a webhook URL (``http://`` or ``https://``: a JSON body, or a Slack-compatible
one with ``fmt="slack"``), ``mailto:ADDRESS`` (SMTP through the standard library; host,
port, TLS and credentials come from the environment, ``GOALRULES_SMTP_HOST``, ``_PORT``,
``_TLS`` (``starttls``, ``ssl`` or ``none``), ``_USER``, ``_PASSWORD``, ``_FROM``, or from
the workspace's ``[notify.smtp]`` table, never from the command line), or a file path
(one JSON line per message, appended).

Sending is idempotent per review: the alerts delivered to a target are recorded in the
store, and a re-run of the same review sends only what has not been delivered. Each
message is tried ``retries + 1`` times with a timeout; a failure to deliver is a
:class:`DeliveryError` (one line) after the review is saved, never instead of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import smtplib
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import attrs

from goalrules.engine import RuleSet
from goalrules.errors import GoalRulesError
from goalrules.io.store import ReviewStore, open_store
from goalrules.reviews import ReviewResult, row_of
from goalrules.reviews.alerts import Alert, alerts_of

__all__ = ["Delivery", "DeliveryError", "notify"]

FORMATS = ("json", "slack")


class DeliveryError(GoalRulesError):
    """Alerts could not be delivered (the review itself is saved)."""


@attrs.frozen
class Delivery:
    """What :func:`notify` did: the alerts found, sent now, and sent by an earlier run."""

    target: str
    alerts: tuple[Alert, ...]
    sent: tuple[Alert, ...]
    already: tuple[Alert, ...]
    messages: int


def target_key(target: str) -> str:
    """How the store names a target: a hash (a webhook URL may hold a secret)."""
    return "sha256:" + hashlib.sha256(target.encode("utf-8")).hexdigest()[:32]


def _shown(target: str) -> str:
    """The target as a message may show it: a URL without its path and query."""
    if target.startswith(("http://", "https://")):
        scheme, _, rest = target.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}/..."
    return target


def _payload(result: ReviewResult, alerts: Sequence[Alert], fmt: str) -> dict[str, Any]:
    head = f"goalrules review of {result.workspace}, {result.date.isoformat()}"
    if fmt == "slack":
        lines = "\n".join(f"• {a.message}" for a in alerts)
        return {
            "text": f"{head}: {len(alerts)} change{'s' if len(alerts) != 1 else ''}\n{lines}",
            "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": head}},
                {"type": "section", "text": {"type": "mrkdwn", "text": lines}},
            ],
        }
    return {
        "workspace": result.workspace,
        "date": result.date.isoformat(),
        "review": result.number,
        "alerts": [a.to_dict() for a in alerts],
    }


def _smtp_settings(env: Mapping[str, str], workspace: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(workspace, (str, Path)) and str(workspace).endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(Path(workspace).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            data = {}
        table = (data.get("notify") or {}).get("smtp") or {}
        found = {str(k).lower(): str(v) for k, v in table.items()}
    for key in ("host", "port", "tls", "user", "password", "from"):
        value = env.get(f"GOALRULES_SMTP_{key.upper()}")
        if value:
            found[key] = value
    return found


def _send_mail(
    address: str, subject: str, body: str, settings: Mapping[str, str], timeout: float
) -> None:
    host = settings.get("host", "localhost")
    port = int(settings.get("port", "25"))
    tls = settings.get("tls", "none").lower()
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = settings.get("from", "goalrules@localhost")
    msg["To"] = address
    msg.set_content(body)
    client: smtplib.SMTP
    if tls == "ssl":
        client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    with client:
        if tls == "starttls":
            client.starttls(context=ssl.create_default_context())
        if settings.get("user"):
            client.login(settings["user"], settings.get("password", ""))
        client.send_message(msg)


def _post(url: str, body: dict[str, Any], timeout: float) -> None:
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def _retrying(send: Callable[[], None], retries: int, backoff: float) -> str | None:
    """Send, retrying; ``None`` when it went, else what went wrong the last time."""
    why = ""
    for attempt in range(retries + 1):
        try:
            send()
            return None
        except urllib.error.HTTPError as exc:
            why = f"HTTP {exc.code} {exc.reason}"
            if 400 <= exc.code < 500 and exc.code != 429:
                return why  # the request is wrong: asking again will not help
        except (urllib.error.URLError, OSError, smtplib.SMTPException) as exc:
            reason = getattr(exc, "reason", None) or exc
            why = str(reason).strip().splitlines()[0] if str(reason).strip() else type(exc).__name__
            if isinstance(reason, TimeoutError) or "timed out" in why:
                why = "timed out"
        if attempt < retries and backoff:
            time.sleep(backoff * 2**attempt)
    return why


def notify(
    result: ReviewResult,
    target: str,
    *,
    store: ReviewStore | str | Path,
    fmt: str = "json",
    digest: bool = False,
    rules: RuleSet | None = None,
    timeout: float = 10.0,
    retries: int = 2,
    backoff: float = 0.5,
    env: Mapping[str, str] | None = None,
    workspace: Any = None,
) -> Delivery:
    """Send the alerts of ``result`` (a saved review) to ``target``: one message per
    change, or one digest (``digest=True``); skip what an earlier run delivered. Raises
    :class:`DeliveryError` when a message could not be delivered (those not delivered
    are sent by the next run)."""
    if fmt not in FORMATS:
        raise DeliveryError(
            f"unknown notify format {fmt!r} (one of {', '.join(FORMATS)})", field="--notify-format"
        )
    alerts = alerts_of(
        result.workspace,
        result.date,
        result.number,
        [row_of(g) for g in result.goals],
        result.earlier,
        rules=rules,
    )
    key = target_key(target)
    db = store if isinstance(store, ReviewStore) else open_store(store)
    try:
        done = db.delivered(result.workspace, result.date, key)
        marks = _marks(alerts, done, result)
        pending = list(marks)
        batches = [pending] if digest and pending else [[a] for a in pending]
        sent: list[Alert] = []
        failed: str | None = None
        for batch in batches:
            failed = _deliver(
                result,
                batch,
                target,
                fmt,
                timeout,
                retries,
                backoff,
                env if env is not None else os.environ,
                workspace,
            )
            if failed is not None:
                break
            db.mark_delivered(result.workspace, result.date, key, [marks[a] for a in batch])
            sent += batch
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
    if failed is not None:
        left = len(pending) - len(sent)
        raise DeliveryError(
            f"could not deliver {left} alert{'s' if left != 1 else ''} to {_shown(target)} "
            f"({failed}, {retries + 1} tries); the review of {result.date.isoformat()} is "
            f"saved (review {result.number}) and the next run sends what was not delivered",
            field="--notify",
        )
    return Delivery(
        target, tuple(alerts), tuple(sent), tuple(a for a in alerts if a not in marks), len(batches)
    )


def _sends(done: set[str], key: str) -> tuple[int, int]:
    """How many times an alert (by its key) reached a target for one review, and how
    many of those were withdrawn since: its n-th sending is marked ``key#n`` (the first
    ``key``), its withdrawal ``withdrawn|key#n``."""

    def nth(i: int) -> str:
        return key if i == 1 else f"{key}#{i}"

    sent = 0
    while nth(sent + 1) in done:
        sent += 1
    withdrawn = 0
    while withdrawn < sent and f"withdrawn|{nth(withdrawn + 1)}" in done:
        withdrawn += 1
    return sent, withdrawn


def _marks(alerts: Sequence[Alert], done: set[str], result: ReviewResult) -> dict[Alert, str]:
    """What to send, each with the mark that records it: the alerts this review says
    that the target was not told (or was told were withdrawn), and, for a review run
    again, a withdrawal of each alert the target was told of this date that it no longer
    says (a flag raised by the first run of a date and gone from the second was never
    taken back: the next review saw no change to clear)."""
    out: dict[Alert, str] = {}
    for a in alerts:
        sent, withdrawn = _sends(done, a.key)
        if sent == withdrawn:  # never told, or told and then taken back
            out[a] = a.key if sent == 0 else f"{a.key}#{sent + 1}"
    said = {a.key for a in alerts}
    told = {m.split("#", 1)[0] for m in done if not m.startswith("withdrawn|")}
    for key in sorted(told - said):
        sent, withdrawn = _sends(done, key)
        if sent > withdrawn:
            last = key if sent == 1 else f"{key}#{sent}"
            out[_withdrawal(key, result)] = f"withdrawn|{last}"
    return out


def _withdrawal(key: str, result: ReviewResult) -> Alert:
    """The alert that takes back one sent for the same date by an earlier run."""
    from goalrules.reviews.alerts import flag_words, pace_words

    goal, change, subject = [*key.split("|", 2), "", ""][:3]
    said = {
        "raised": f"flags it as {flag_words(subject)}",
        "cleared": f"says it is no longer flagged as {flag_words(subject)}",
        "pace": f"says it is {pace_words(subject)}",
    }.get(change, f"says {change} {subject}".strip())
    return Alert(
        result.workspace, result.date, result.number, goal, "withdrawn", f"{change} {subject}",
        "", f"{goal}: the review of {result.date.isoformat()} was run again (revision "
        f"{result.revision}): it no longer {said}.",
    )  # fmt: skip


def _deliver(
    result: ReviewResult,
    batch: Sequence[Alert],
    target: str,
    fmt: str,
    timeout: float,
    retries: int,
    backoff: float,
    env: Mapping[str, str],
    workspace: Any,
) -> str | None:
    payload = _payload(result, batch, fmt)
    if target.startswith(("http://", "https://")):
        return _retrying(lambda: _post(target, payload, timeout), retries, backoff)
    if target.startswith("mailto:"):
        address = target[len("mailto:") :]
        settings = _smtp_settings(env, workspace)
        subject = (
            f"goalrules review of {result.workspace}, {result.date.isoformat()}: "
            f"{len(batch)} change{'s' if len(batch) != 1 else ''}"
        )
        body = "\n".join(a.message for a in batch) + "\n"
        return _retrying(
            lambda: _send_mail(address, subject, body, settings, timeout), retries, backoff
        )
    path = Path(target)

    def write() -> None:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(payload) + "\n")

    return _retrying(write, 0, 0)
