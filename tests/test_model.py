from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules import strategies as grs
from goalrules.model import Target, TargetKind

D = dt.date


def test_vague_goal_is_representable() -> None:
    g = gr.Goal("vague", statement="Grow on social")
    assert g.metric is None and g.target is None and g.deadline is None


def test_goal_converts_what_people_write() -> None:
    g = gr.Goal(
        "li",
        objective="Brand awareness",
        metric="Followers",
        channel="LinkedIn",
        baseline="1,200 followers",
        target="x2",
        start="2026-05-01",
        deadline="within six months",
        supports="new-segment, retention",
    )
    assert g.objective is gr.Objective.BRAND_AWARENESS
    assert g.metric == "followers"
    assert g.channel == "linkedin"
    assert g.deadline == D(2026, 11, 1)
    assert g.supports == ("new-segment", "retention")
    assert g.resolved_target() == gr.quantity("2400 followers")


def test_goal_is_frozen() -> None:
    g = gr.Goal("a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        g.id = "b"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "kind", "resolved"),
    [
        ("2400 followers", TargetKind.ABSOLUTE, 2400),
        ("x2", TargetKind.MULTIPLE, 2400),
        ("2x", TargetKind.MULTIPLE, 2400),
        ("double", TargetKind.MULTIPLE, 2400),
        ("+50%", TargetKind.PERCENT, 1800),
        ("-25 %", TargetKind.PERCENT, 900),
        ("+500 followers", TargetKind.DELTA, 1700),
    ],
)
def test_targets(text: str, kind: TargetKind, resolved: float) -> None:
    t = Target.parse(text)
    assert t.kind is kind
    q = t.resolve(gr.quantity("1200 followers"))
    assert q is not None
    assert q.to("follower").magnitude == pytest.approx(resolved)


def test_relative_target_without_baseline_is_unresolved() -> None:
    assert Target.parse("x2").resolve(None) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"deadline": "within 6 potatoes"}, "deadline"),
        ({"target": "12 folowers"}, "target"),
        ({"objective": "world domination"}, "objective"),
        ({"start": "01/02/2026"}, "start"),
        ({"baseline": "lots"}, "baseline"),
    ],
)
def test_bad_goal_fields_name_the_field(fields: dict[str, str], field: str) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.Goal("x", **fields)  # type: ignore[arg-type]
    assert info.value.field == field


def test_unknown_objective_suggests() -> None:
    with pytest.raises(gr.UnknownNameError) as info:
        gr.Objective.parse("brand awarness")
    assert "brand_awareness" in info.value.suggestions


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Twitter", "x"),
        ("X", "x"),
        ("t.co", "x"),
        ("fb", "facebook"),
        ("m.facebook.com", "facebook"),
        ("l.facebook.com", "facebook"),
        ("lnkd.in", "linkedin"),
        ("https://www.linkedin.com/feed", "linkedin"),
        ("Mastodon", "mastodon"),
        ("newnet", "newnet"),
    ],
)
def test_channel_names_normalise(alias: str, canonical: str) -> None:
    assert gr.normalize_channel(alias) == canonical
    assert gr.Channel(alias).id == canonical


def test_metric_series_sorts_and_resamples() -> None:
    s = gr.MetricSeries(
        metric="followers", points=[("2026-02-10", 120), ("2026-01-05", 100), ("2026-01-20", 110)]
    )
    assert s.dates[0] == D(2026, 1, 5)
    assert [p.value for p in s.monthly()] == [110, 120]
    assert [p.value for p in s.monthly(gr.MetricKind.FLOW)] == [210, 120]
    assert [p.date for p in s.monthly()] == [D(2026, 1, 1), D(2026, 2, 1)]


@given(grs.metric_series())
def test_resampled_series_has_one_point_per_month(series: gr.MetricSeries) -> None:
    months = series.monthly()
    assert len({(p.date.year, p.date.month) for p in months}) == len(months)
    assert [p.date for p in months] == sorted(p.date for p in months)


def test_metric_series_bad_point() -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.MetricSeries(points=[("2026-01-01", 1), ("not a date", 2)])
    assert info.value.field == "points[1]"


@given(
    field=st.sampled_from(["visits", "leads", "customers"]),
    zero=st.sampled_from([-0.0, "-0", " -0.0 ", 0, "0"]),
)
def test_a_count_of_minus_zero_is_zero(field: str, zero: object) -> None:
    """A count reads as 0, never "-0": its sums and the columns made from one row are
    the same float."""
    value = getattr(gr.ChannelMonth("fb", "2026-05", **{field: zero}), field)
    assert value == 0.0 and str(value) == "0.0" and f"{value:g}" == "0"


def test_channel_month_validation() -> None:
    row = gr.ChannelMonth("fb", "2026-05", visits="1,200", leads=12)
    assert row.channel == "facebook" and row.month == D(2026, 5, 1) and row.visits == 1200
    with pytest.raises(gr.ValidationError) as info:
        gr.ChannelMonth("fb", "2026-05", visits=-3)
    assert info.value.field == "visits"
    with pytest.raises(gr.GoalRulesError) as info2:
        gr.ChannelMonth("fb", "2026-13", visits=3)
    assert info2.value.field == "month"


@given(st.integers(2000, 2099), st.integers(1, 12))
def test_a_month_reads_the_same_however_a_report_writes_it(year: int, month: int) -> None:
    """A month column as exports and spreadsheets write it without a day ("Jan 2026",
    "01/2026", "2026/01") was an error ("cannot read a date"); each spelling with a
    four-digit year is that month."""
    name = ("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")[month - 1]  # fmt: skip
    spellings = [f"{year}-{month:02d}", f"{year}-{month}", f"{year}/{month:02d}",
                 f"{year}.{month:02d}", f"{month:02d}/{year}", f"{month}/{year}",
                 f"{month}-{year}", f"{name} {year}", f"{name[:3]} {year}",
                 f"{name[:3].upper()}. {year}", f"{name[:3]}-{year}", f"{year}-{month:02d}-15"]  # fmt: skip
    for text in spellings:
        assert gr.ChannelMonth("fb", text, visits=1).month == D(year, month, 1), text


@pytest.mark.parametrize("text", ["2026-13", "13/2026", "Foo 2026", "Jan-26", "01/02"])
def test_a_month_that_is_not_one_is_an_error_naming_the_field(text: str) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.ChannelMonth("fb", text, visits=1)
    assert info.value.field == "month"


def test_tactic_eta_date_or_recurrence() -> None:
    assert gr.Tactic("a", eta="2027-02-01").eta == D(2027, 2, 1)
    t = gr.Tactic("b", eta="monthly on the 30th", owners="Brian and Hailley")
    assert t.recurring and t.owners == ("Brian", "Hailley")
    with pytest.raises(gr.DateError) as info:
        gr.Tactic("c", eta="whenever")
    assert info.value.field == "eta"


@pytest.mark.parametrize("value", [0, 6, 2.5, "high"])
def test_tactic_scales_are_1_to_5(value: object) -> None:
    with pytest.raises(gr.ValidationError) as info:
        gr.Tactic("t", value=value)  # type: ignore[arg-type]
    assert info.value.field == "value"


def test_plan_reports_every_bad_reference() -> None:
    goal = gr.Goal("li-followers", supports=["new-segmnt"])
    with pytest.raises(gr.GoalRulesErrors) as info:
        gr.Plan(
            objectives=[gr.CompanyObjective("new-segment", "Expand")],
            goals=[goal],
            tactics=[gr.Tactic("t", goal="li-folowers")],
        )
    errors = info.value.errors
    assert [e.field for e in errors] == ["goal[0].supports[0]", "tactic[0].goal"]
    assert errors[0].suggestions == ("new-segment",)
    assert errors[1].suggestions == ("li-followers",)


@given(grs.plans())
def test_generated_plans_are_consistent(plan: gr.Plan) -> None:
    ids = {g.id for g in plan.goals}
    assert all(t.goal in ids for t in plan.tactics)


@given(grs.goals(valid=True))
def test_valid_goals_are_complete(goal: gr.Goal) -> None:
    assert goal.deadline is not None and goal.start is not None
    assert goal.deadline > goal.start
    assert goal.resolved_target() is not None


@given(st.from_type(gr.Goal))
def test_from_type_builds_goals(goal: gr.Goal) -> None:
    assert isinstance(goal, gr.Goal)
