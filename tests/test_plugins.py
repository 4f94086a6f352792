from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import plugins
from goalrules.metrics import MetricDefinition
from goalrules.plugins import hookimpl


class Example:
    @hookimpl
    def goalrules_units(self) -> list[str]:
        return ["story = [story]"]

    @hookimpl
    def goalrules_metrics(self) -> list[MetricDefinition]:
        return [
            MetricDefinition(
                "stories",
                "Stories",
                "story",
                "higher",
                "flow",
                None,
                ("engagement",),
                ("story_count",),
            )
        ]

    @hookimpl
    def goalrules_channel_aliases(self) -> dict[str, str]:
        return {"gram": "instagram"}


@pytest.fixture
def example() -> Iterator[Example]:
    plugin = Example()
    plugins.register(plugin)
    yield plugin
    plugins.unregister(plugin)


def test_registered_plugin_feeds_every_registry(example: Example) -> None:
    assert gr.quantity("3 stories").units == gr.quantity("1 story").units
    assert gr.catalog["story_count"].key == "stories"
    assert "stories" in gr.metrics_for("engagement")
    assert gr.normalize_channel("gram") == "instagram"


def test_unregistering_removes_contributions(example: Example) -> None:
    plugins.unregister(example)
    assert "stories" not in gr.catalog
    with pytest.raises(gr.UnitError):
        gr.quantity("3 stories")


def test_bad_plugin_metric_is_a_plugin_error() -> None:
    class Bad:
        @hookimpl
        def goalrules_metrics(self) -> list[object]:
            return ["not a metric"]

    bad = Bad()
    plugins.register(bad)
    try:
        with pytest.raises(gr.PluginError):
            len(gr.catalog)
    finally:
        plugins.unregister(bad)


@pytest.mark.skipif(
    importlib.util.find_spec("goalrules_acme") is None,
    reason="the example plugin in examples/goalrules-acme is not installed",
)
def test_installed_example_plugin_loads_through_its_entry_point() -> None:
    plugins.reset()
    assert gr.catalog["downloads"].key == "podcast_downloads"
    assert str(gr.quantity("1.5k downloads").units) == "download"
    gr.catalog["downloads_per_follower"].check_formula()
    assert gr.normalize_channel("Spotify") == "podcast"


class RulesPlugin:
    @hookimpl
    def goalrules_functions(self) -> list[object]:
        from goalrules.dsl.builtins import Function
        from goalrules.dsl.types import NUMBER

        def score(e: float, f: float) -> float:
            return 100 * e / f

        return [Function("engagement_score", ("quantity", "quantity"), NUMBER, score)]

    @hookimpl
    def goalrules_rulesets(self) -> list[str]:
        return ["ruleset house\nfact n: number\nrule big criterion size check n > 10\n"]


def test_plugin_functions_and_rulesets() -> None:
    plugin = RulesPlugin()
    plugins.register(plugin)
    try:
        fields = {"e": "engagement", "f": "follower"}
        fn = gr.compile_expression("engagement_score(e, f) > 5", fields)
        assert fn({"e": 60, "f": 1000}) is True
        with pytest.raises(gr.RuleTypeError):
            gr.compile_expression("engagement_score(e)", {"e": "engagement"})
        house = gr.shipped_ruleset("house")
        assert house.evaluate(n=11).criteria["size"].passed
    finally:
        plugins.unregister(plugin)
    with pytest.raises(gr.RuleTypeError):
        gr.compile_expression("engagement_score(e, e) > 5", {"e": "engagement"})


# -- plugins cannot hide: collisions, bad hooks, where each comes from ----------------------


def _metric(key: str, *aliases: str) -> MetricDefinition:
    return MetricDefinition(key, key.title(), "follower", "higher", "stock", None,
                            ("brand_awareness",), aliases)  # fmt: skip


def _ga4_again() -> list[dict[str, object]]:
    import tomllib
    from importlib import resources

    text = resources.files("goalrules.io.exports").joinpath("presets.toml").read_text("utf-8")
    (ga4,) = [p for p in tomllib.loads(text)["preset"] if p["id"] == "ga4"]
    return [{**ga4, "name": "not GA4"}]


# (hook, what it returns, what the collision names, the declaration that allows it)
COLLISIONS = [
    ("goalrules_metrics", lambda: [_metric("followers")], "metric 'followers'", "metric:followers"),
    ("goalrules_metrics", lambda: [_metric("fans", "follower_count")], "metric", None),
    ("goalrules_units", lambda: ["follower = [fan]"], "unit 'follower'", "unit:follower"),
    ("goalrules_rulesets", lambda: ["ruleset smart\nrule a\n  check 1 > 0\n"],
     "ruleset 'smart'", "ruleset:smart"),
    ("goalrules_sources", _ga4_again, "export preset 'ga4'", "preset:ga4"),
    ("goalrules_platform_fit", lambda: "channel,objective,fits\nlinkedin,-,false\n",
     "platform-fit table", "platform_fit"),
    ("goalrules_channel_aliases", lambda: {"li": "x"}, "channel alias 'li'",
     "channel_alias:li"),
    ("goalrules_functions", lambda: [_function("wilson_lower")], "function 'wilson_lower'",
     "function:wilson_lower"),
]  # fmt: skip


def _function(name: str) -> object:
    from goalrules.dsl.builtins import Function
    from goalrules.dsl.types import NUMBER

    return Function(name, ("number",), NUMBER, lambda x: x)


def _use(hook: str) -> object:
    from goalrules.dsl.builtins import function_table
    from goalrules.io.exports.presets import presets

    use = {
        "goalrules_metrics": lambda: len(gr.catalog),
        "goalrules_units": lambda: gr.quantity("1 follower"),
        "goalrules_rulesets": lambda: gr.shipped_ruleset("smart"),
        "goalrules_sources": presets,
        "goalrules_platform_fit": gr.metrics.platform_fit,
        "goalrules_channel_aliases": lambda: gr.normalize_channel("li"),
        "goalrules_functions": function_table,
    }
    return use[hook]()


def _plugin(hook: str, fn: object, replaces: list[str] | None = None) -> object:
    def impl(self: object) -> object:
        return fn()  # type: ignore[operator]

    impl.__name__ = hook
    attrs: dict[str, object] = {hook: hookimpl(impl)}
    if replaces is not None:
        attrs["goalrules_replaces"] = replaces
    return type("Overrider", (), attrs)()


@pytest.mark.parametrize(("hook", "fn", "words", "declare"), COLLISIONS)
def test_redefining_a_builtin_is_an_error_naming_the_plugin(
    hook: str, fn: object, words: str, declare: str | None
) -> None:
    plugin = _plugin(hook, fn)
    plugins.register(plugin)
    try:
        with pytest.raises(gr.PluginError) as info:
            _use(hook)
        line = info.value.headline()
        assert "plugin Overrider (registered by hand)" in line and words in line
        assert "collides with goalrules' own" in line and "\n" not in line
    finally:
        plugins.unregister(plugin)
    if declare is None:
        return
    plugin = _plugin(hook, fn, replaces=[declare])
    plugins.register(plugin)
    try:
        _use(hook)
        (note,) = plugins.notes()
        assert note.startswith("plugin Overrider (registered by hand) replaces goalrules' own")
    finally:
        plugins.unregister(plugin)
    assert plugins.notes() == []


def test_a_declared_replacement_takes_effect_with_a_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from goalrules.cli import main

    plugin = _plugin("goalrules_metrics", lambda: [_metric("followers")], ["metric:followers"])
    plugins.register(plugin)
    try:
        assert gr.catalog["followers"].name == "Followers"
        assert main(["catalog"], out=io.StringIO()) == 0
        err = capsys.readouterr().err
        assert "goalrules: note: plugin Overrider (registered by hand) replaces" in err
    finally:
        plugins.unregister(plugin)


def test_two_plugins_defining_one_name_collide() -> None:
    one = _plugin("goalrules_metrics", lambda: [_metric("zebras_seen")])
    two = _plugin("goalrules_metrics", lambda: [_metric("zebras_seen")])
    plugins.register(one)
    plugins.register(two)
    try:
        with pytest.raises(gr.PluginError, match="collides with plugin Overrider"):
            len(gr.catalog)
    finally:
        plugins.unregister(one)
        plugins.unregister(two)


BAD_HOOKS = [
    ("goalrules_metrics", lambda: 1 / 0, "goalrules_metrics raised ZeroDivisionError"),
    ("goalrules_units", lambda: 5, "goalrules_units returned int, not a list of units"),
    ("goalrules_units", lambda: "story = [story]", "returned str, not a list"),
    ("goalrules_units", lambda: [5], "gave int 5 where a str was expected"),
    ("goalrules_metrics", lambda: ["x"], "where a MetricDefinition was expected"),
    ("goalrules_channel_aliases", lambda: ["li"], "returned list, not a mapping"),
    ("goalrules_channel_aliases", lambda: {"gram": 3}, "gave int 3"),
    ("goalrules_rulesets", lambda: [b"bytes"], "gave bytes"),
    ("goalrules_rulesets", lambda: ["ruleset r\nrule a\n  check (\n"], "its ruleset does not load"),
    ("goalrules_platform_fit", lambda: 7, "gave int 7"),
    ("goalrules_platform_fit", lambda: "nope.csv", "its platform-fit table does not load"),
    ("goalrules_platform_fit", lambda: "a\nb c d\n", "its platform-fit table does not load"),
    ("goalrules_sources", lambda: [3.5], "gave float 3.5"),
    ("goalrules_sources", lambda: ["[[preset]\nid ="], "its export presets do not load"),
    ("goalrules_sources", lambda: [{"id": "x"}], "its export presets do not load"),
    ("goalrules_functions", lambda: [print], "where a Function was expected"),
    ("goalrules_units", lambda: ["st ory = [q]"], "its unit definition"),
    ("goalrules_units", lambda: ["x = 1 +"], "its unit definition"),
]  # fmt: skip


@pytest.mark.parametrize(("hook", "fn", "words"), BAD_HOOKS)
def test_a_bad_hook_is_one_line_naming_the_plugin(hook: str, fn: object, words: str) -> None:
    plugin = _plugin(hook, fn)
    plugins.register(plugin)
    try:
        with pytest.raises(gr.PluginError) as info:
            _use(hook)
        line = info.value.headline()
        assert line.startswith("plugin Overrider (registered by hand): "), line
        assert words in line and "\n" not in line, line
    finally:
        plugins.unregister(plugin)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], str]]:
    """Install a distribution ``goalrules-fake`` whose entry point ``fake`` is a module
    with the given source (importlib.metadata finds it on sys.path)."""
    made: list[str] = []

    def install(source: str) -> str:
        module = f"goalrules_fake_{len(made)}_{abs(hash(source)) % 10**6}"
        (tmp_path / f"{module}.py").write_text(source)
        info = tmp_path / "goalrules_fake-1.2.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: goalrules-fake\nVersion: 1.2\n"
        )
        (info / "entry_points.txt").write_text(f"[goalrules]\nfake = {module}\n")
        made.append(module)
        plugins.reset()
        return module

    monkeypatch.syspath_prepend(str(tmp_path))
    yield install
    monkeypatch.undo()
    for module in made:
        sys.modules.pop(module, None)
    plugins.reset()


def test_an_entry_point_plugin_is_named_by_distribution_and_entry_point(
    installed: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    from goalrules.cli import main

    module = installed(
        "from goalrules.plugins import hookimpl\n"
        "@hookimpl\ndef goalrules_metrics():\n    return 42\n"
    )
    label = f"plugin goalrules-fake (entry point fake = {module})"
    with pytest.raises(gr.PluginError, match=re.escape(label)):
        len(gr.catalog)
    assert main(["catalog"], out=io.StringIO()) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"goalrules: error: {label}: goalrules_metrics returned int")


def test_a_plugin_that_does_not_import_is_named(installed: Callable[[str], str]) -> None:
    module = installed("raise ImportError('needs acme-sdk')\n")
    with pytest.raises(gr.PluginError) as info:
        len(gr.catalog)
    assert info.value.headline() == (
        f"plugin goalrules-fake (entry point fake = {module}): cannot be loaded: "
        "ImportError: needs acme-sdk"
    )


def test_a_plugin_ruleset_is_named_by_its_plugin(installed: Callable[[str], str]) -> None:
    module = installed(
        "from goalrules.plugins import hookimpl\n"
        "@hookimpl\ndef goalrules_rulesets():\n"
        "    return ['ruleset house\\nfact n: number\\nrule a\\n  check n > followers\\n']\n"
    )
    with pytest.raises(gr.GoalRulesError) as info:
        gr.shipped_ruleset("house")
    assert info.value.headline().startswith(f"plugin goalrules-fake (entry point fake = {module})")
    assert "<rules>" not in info.value.headline()


def test_goalrules_plugins_lists_adds_and_replaces(
    installed: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    from goalrules.cli import main

    module = installed(
        "from goalrules.plugins import hookimpl\n"
        "goalrules_replaces = ['channel_alias:li']\n"
        "@hookimpl\ndef goalrules_channel_aliases():\n    return {'li': 'x', 'gram': 'instagram'}\n"
        "@hookimpl\ndef goalrules_units():\n    return ['story = [story] = stories_']\n"
    )
    out = io.StringIO()
    assert main(["plugins"], out=out) == 0
    text = out.getvalue()
    assert f"goalrules-fake 1.2 (entry point fake = {module})" in text
    assert "adds channel aliases: li, gram" in text and "adds units: story, stories_" in text
    assert "replaces: channel_alias:li" in text
    out = io.StringIO()
    assert main(["plugins", "--format", "json"], out=out) == 0
    rows = {r["entry_point"]: r for r in json.loads(out.getvalue())["plugins"]}
    fake = rows[f"fake = {module}"]
    assert fake["distribution"] == "goalrules-fake" and fake["replaces"] == ["channel_alias:li"]
    assert fake["adds"]["unit"] == ["story", "stories_"]
    assert gr.normalize_channel("li") == "x"  # declared: it takes effect


def test_goalrules_plugins_shows_a_broken_plugin_and_exits_2(
    installed: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    from goalrules.cli import main

    installed(
        "from goalrules.plugins import hookimpl\n"
        "@hookimpl\ndef goalrules_units():\n    raise RuntimeError('no licence')\n"
    )
    out = io.StringIO()
    assert main(["plugins"], out=out) == 2
    assert "problem: plugin goalrules-fake" in out.getvalue()
    (line,) = capsys.readouterr().err.splitlines()
    assert "goalrules_units raised RuntimeError: no licence" in line


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([h for h, *_ in BAD_HOOKS]),
    st.one_of(
        st.none(), st.integers(), st.floats(), st.text(max_size=20), st.binary(max_size=5),
        st.lists(st.one_of(st.integers(), st.text(max_size=10), st.none()), max_size=3),
        st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), st.text(max_size=5)),
                        max_size=3),
    ),
)  # fmt: skip
def test_whatever_a_hook_returns_the_error_is_a_plugin_error(hook: str, value: object) -> None:
    # plugin behaviours fuzzed: only PluginError (or, for text that is read, a
    # GoalRulesError naming the plugin) ever escapes, never a foreign exception
    plugin = _plugin(hook, lambda: value)
    plugins.register(plugin)
    try:
        with contextlib.suppress(gr.GoalRulesError):
            _use(hook)
    finally:
        plugins.unregister(plugin)


def test_a_plugins_language_pack_with_a_broken_pattern_is_an_error_naming_it() -> None:
    from goalrules.vocabulary.languages import _load

    text = '[language]\ncode = "xx"\nname = "Test"\n[patterns]\n"(unclosed" = "x"\n'
    with pytest.raises(gr.GoalRulesError, match=r"the pattern '\(unclosed' of a plugin"):
        _load(text, "a plugin")


@pytest.mark.parametrize(
    "hook", ["goalrules_platform_fit", "goalrules_rulesets", "goalrules_sources"]
)
def test_a_plugins_path_of_dash_is_a_file_never_standard_input(
    hook: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A hook returning '-' read standard input (where a piped workspace comes in): it
    names the file '-' of the current folder, missing here, the plugin's error."""
    import io

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"channel,x\n")))
    item = "-" if hook == "goalrules_platform_fit" else ["-"]
    plugin = _plugin(hook, lambda: item)
    plugins.register(plugin)
    try:
        with pytest.raises(gr.GoalRulesError) as e:
            _use(hook)
        assert "standard input" not in str(e.value) and "<stdin>" not in str(e.value)
    finally:
        plugins.unregister(plugin)
    assert sys_stdin_unread()


def sys_stdin_unread() -> bool:
    import sys

    return sys.stdin.read() == "channel,x\n"
