"""A network named as a tool names it is that network. A visit from a network's Android
app names the app as its referrer ("android-app://com.linkedin.android/"): it was a
source of its own, "Unassigned", so LinkedIn's app visits were left out of LinkedIn's,
and the Gmail app's were not Email. A CRM's "Instagram Business" or "Facebook Page" was a
channel of its own, unassigned, beside the network."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.judgments.sources import classify_source
from goalrules.vocabulary import normalize_channel

APPS = {
    "com.linkedin.android": "linkedin",
    "com.facebook.katana": "facebook",
    "com.instagram.android": "instagram",
    "com.twitter.android": "x",
    "com.zhiliaoapp.musically": "tiktok",
    "com.google.android.youtube": "youtube",
}


@given(
    st.sampled_from(sorted(APPS)),
    st.sampled_from(["", "android-app://", "ANDROID-APP://"]),
    st.sampled_from(["", "/"]),
    st.booleans(),
)
def test_a_networks_app_referrer_is_that_network(
    package: str, scheme: str, slash: str, upper: bool
) -> None:
    name = f"{scheme}{package.upper() if upper else package}{slash}"
    assert normalize_channel(name) == APPS[package]
    assert classify_source(normalize_channel(name)).judged


def test_the_gmail_app_and_webmail_are_email() -> None:
    for name in ("android-app://com.google.android.gm/", "mail.google.com"):
        assert classify_source(normalize_channel(name)).name == "Email"
    rows = [{"channel": ch, "month": f"2025-{m:02d}", "visits": 1000, "leads": 30}
            for ch in ("facebook", "android-app://com.linkedin.android/",
                       "android-app://com.google.android.gm/")
            for m in range(1, 4)]  # fmt: skip
    decided = gr.decide_channels(rows, today=dt.date(2026, 1, 1))
    assert sorted(d.channel for d in decided) == ["facebook", "linkedin"]
    assert [(c.group, c.sources) for c in decided.context] == [("Email", ("email",))]


@given(
    st.sampled_from(["linkedin", "LinkedIn", "facebook", "Instagram", "twitter", "YouTube"]),
    st.sampled_from(["business", "page", "company page", "profile", "channel", "account"]),
    st.sampled_from([" ", "_", "-"]),
)
def test_a_networks_page_or_business_account_is_the_network(
    network: str, kind: str, sep: str
) -> None:
    assert normalize_channel(f"{network}{sep}{kind}") == normalize_channel(network)


def test_a_name_that_is_no_network_stays_as_it_is() -> None:
    for name in ("Google Business", "My Company", "Social page", "Meta Business Suite"):
        assert normalize_channel(name) == name.lower()


@given(
    st.sampled_from(
        [
            "X (Twitter)",
            "Twitter/X",
            "X / Twitter",
            "Twitter (X)",
            "X/Twitter",
            "X (formerly Twitter)",
        ]
    ),
    st.sampled_from(["", " ", "  "]),
    st.booleans(),
)
def test_x_named_with_its_old_name_is_x(name: str, pad: str, upper: bool) -> None:
    """Since its rename, teams write the network "X (Twitter)" or "Twitter/X": it was a
    channel of its own, "x (twitter)", Unassigned, so a workspace's role for x found "no
    rows of it" and the file's months of "Twitter" and of "X (Twitter)" were two
    channels."""
    written = f"{pad}{name.upper() if upper else name}{pad}"
    assert normalize_channel(written) == "x"
    assert classify_source(written).name == "Organic Social"


def test_a_book_of_x_under_its_old_names_is_one_channel_with_its_role() -> None:
    rows = [
        {"channel": name, "month": f"2026-{m:02d}", "visits": 1000, "leads": 20}
        for m, name in enumerate(
            ["Twitter", "Twitter", "X (Twitter)", "X (Twitter)", "X", "Twitter/X"], start=1
        )
    ] + [
        {"channel": "linkedin", "month": f"2026-{m:02d}", "visits": 1000, "leads": 30}
        for m in range(1, 7)
    ]
    decided = gr.decide_channels(rows, channels=[gr.Channel("x", role="traffic")])
    assert [d.channel for d in decided] == ["linkedin", "x"]
    x = decided[1]
    assert x.evidence.months == 6 and x.evidence.role is gr.Objective.TRAFFIC
    assert not decided.notes  # it read "x: named in the channels, but no rows of it"
