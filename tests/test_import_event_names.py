"""Which events mark a lead or a purchase: a name was read as one whenever it held a
lead or purchase word, so a ``newsletter_unsubscribe`` was a lead, ``disqualify_lead``
and ``form_start`` were leads, and GA4's ``add_payment_info`` (payment details entered,
nothing bought) or a ``payment_failed`` made a customer. Names that say an undoing or a
step before it mark nothing. Umami event files laid out like the real export."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalrules.io.exports import import_exports
from goalrules.io.exports.performance import CUSTOMER_EVENTS, LEAD_EVENTS, marks
from tests import export_files as ef

LEADS = ["generate_lead", "sign_up", "signup", "form_submit", "subscribe", "qualify_lead",
         "close_convert_lead", "request_demo", "contact", "Signup Completed"]  # fmt: skip
NOT_LEADS = ["newsletter_unsubscribe", "unregister", "disqualify_lead", "close_unconvert_lead",
             "form_start", "lead_form_start", "Lead Form Started", "contact_page_view",
             "page_view"]  # fmt: skip
PURCHASES = ["purchase", "order_complete", "checkout_complete", "subscription_paid"]
NOT_PURCHASES = ["add_payment_info", "payment_failed", "refund", "cancel_purchase",
                 "purchase_cancelled", "view_item"]  # fmt: skip


@pytest.mark.parametrize("name", LEADS)
def test_lead_events(name: str) -> None:
    assert marks(LEAD_EVENTS, name)


@pytest.mark.parametrize("name", NOT_LEADS)
def test_events_that_mark_no_lead(name: str) -> None:
    assert not marks(LEAD_EVENTS, name)


@pytest.mark.parametrize("name", PURCHASES)
def test_purchase_events(name: str) -> None:
    assert marks(CUSTOMER_EVENTS, name)


@pytest.mark.parametrize("name", NOT_PURCHASES)
def test_events_that_mark_no_purchase(name: str) -> None:
    assert not marks(CUSTOMER_EVENTS, name)


def test_an_unsubscribe_and_a_payment_form_make_no_lead_nor_customer(tmp_path: Path) -> None:
    """v1 signs up; v2 unsubscribes from the newsletter and enters payment details
    without buying, and v3 buys: one lead, one customer (v2 was both)."""
    p = ef.umami_csv(tmp_path / "umami.csv", [
        ("v1", "2026-02-10 10:00:00", "/", "utm_source=facebook", "", ""),
        ("v1", "2026-02-10 10:02:00", "/join", "", "", "signup"),
        ("v2", "2026-02-11 10:00:00", "/", "utm_source=facebook", "", ""),
        ("v2", "2026-02-11 10:01:00", "/news", "", "", "newsletter_unsubscribe"),
        ("v2", "2026-02-11 10:03:00", "/pay", "", "", "add_payment_info"),
        ("v3", "2026-02-12 10:00:00", "/", "utm_source=facebook", "", ""),
        ("v3", "2026-02-12 10:05:00", "/pay", "", "", "purchase")])  # fmt: skip
    (row,) = import_exports(p).performance
    assert (row.channel, row.visits, row.leads, row.customers) == ("facebook", 3, 1, 1)
