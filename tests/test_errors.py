from __future__ import annotations

import goalrules as gr
from goalrules.errors import GoalRulesErrors, RuleTypeError, suggest


def test_render_with_caret() -> None:
    text = "rule a\n  check goal.target > 1000 visits\n"
    err = RuleTypeError(
        "cannot compare follower with visit",
        source="x.rules",
        line=2,
        column=22,
        end_column=33,
        text=text,
    )
    rendered = str(err)
    assert rendered.splitlines()[0] == "x.rules:2:22: cannot compare follower with visit"
    assert rendered.splitlines()[1] == "      check goal.target > 1000 visits"
    assert rendered.splitlines()[2] == "    " + " " * 21 + "^" * 11


def test_every_error_is_a_goalrules_error() -> None:
    for name in (
        "RuleSyntaxError",
        "UnitError",
        "DateError",
        "ValidationError",
        "DataError",
        "WorkspaceError",
        "UnknownMetricError",
        "MissingFactError",
        "LimitError",
    ):
        assert issubclass(getattr(gr, name), gr.GoalRulesError)


def test_unknown_metric_is_also_a_key_error() -> None:
    assert issubclass(gr.UnknownMetricError, KeyError)
    err = gr.UnknownMetricError("folowers", ["followers"])
    assert str(err) == "unknown metric 'folowers' (did you mean 'followers'?)"


def test_field_paths_nest() -> None:
    err = gr.ValidationError("bad", field="deadline")
    err.with_location(field="goal[2]", source="ws.toml")
    assert err.headline() == "ws.toml: goal[2].deadline: bad"


def test_group_lists_every_error() -> None:
    group = GoalRulesErrors([gr.UnitError("a"), gr.DateError("b")])
    assert isinstance(group, gr.GoalRulesError)
    assert str(group) == "a\nb"
    assert "2 problems" in group.headline()


def test_suggest() -> None:
    assert suggest("folowers", ["followers", "visits"]) == ("followers",)
    assert suggest("zzz", ["followers"]) == ()
