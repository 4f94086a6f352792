"""An analytics export whose rows say nothing of where their visits came from is an
error, never every visit read as direct traffic: GA4's *Session source platform*
(Google Ads, Manual: the tool that tagged a session, not its source) was taken for a
source column, and its 650 sessions imported as the channel '(none)'."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from goalrules import plugins
from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from goalrules.plugins import hookimpl
from tests import export_files as ef

PREAMBLE = ["# Start date: 20260101", "# End date: 20260131"]


def test_ga4_by_session_source_platform_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [
        ["Year month", "Session source platform", "Sessions", "Key events"],
        ["202601", "Google Ads", 100, 3], ["202601", "Manual", 50, 1],
        ["202601", "(not set)", 500, 4],
    ], preamble=PREAMBLE)  # fmt: skip
    with pytest.raises(DataError, match="session source / medium") as e:
        import_exports(p)
    assert e.value.line == 3
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    # beside a source column, the platform is a column not read
    q = ef.write_csv(tmp_path / "ga4-both.csv", [
        ["Year month", "Session source / medium", "Session source platform", "Sessions",
         "Key events"],
        ["202601", "google / cpc", "Google Ads", 100, 3],
        ["202601", "linkedin.com / referral", "Manual", 50, 1],
    ], preamble=PREAMBLE)  # fmt: skip
    assert {(r.channel, r.visits) for r in import_exports(q).performance} == {
        ("google", 100), ("linkedin", 50)}  # fmt: skip


class _NoSourcePreset:
    """A plugin's analytics preset whose file may lack the column it reads the source
    from."""

    @hookimpl
    def goalrules_sources(self) -> list[dict[str, object]]:
        return [{
            "id": "house-analytics", "title": "the house analytics export",
            "output": "performance", "require": ["visits", "house month"],
            "date": {"columns": ["house month"], "forms": ["yyyy-mm"]},
            "channel": {"column": ["referrer network"]},
            "fields": {"visits": ["visits"], "leads": ["signups"]},
        }]  # fmt: skip


def test_a_performance_export_without_its_source_column_is_an_error(tmp_path: Path) -> None:
    plugin = _NoSourcePreset()
    plugins.register(plugin)
    try:
        p = ef.write_csv(tmp_path / "house.csv", [
            ["House month", "Visits", "Signups"], ["2026-01", 650, 8]])  # fmt: skip
        with pytest.raises(DataError, match="no column says where each row's visits came from"):
            import_exports(p, preset="house-analytics")
        fine = ef.write_csv(tmp_path / "house-ok.csv", [
            ["House month", "Referrer network", "Visits", "Signups"],
            ["2026-01", "linkedin", 650, 8]])  # fmt: skip
        assert [(r.channel, r.visits) for r in import_exports(fine).performance] == [
            ("linkedin", 650)]  # fmt: skip
    finally:
        plugins.unregister(plugin)
