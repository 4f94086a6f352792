"""Plugin hooks: how other packages add metrics, units, channel aliases, DSL functions
and rulesets to goalrules.

A plugin is a module or object with functions marked ``@goalrules.plugins.hookimpl``
and named like the specs below. Publish it under the entry-point group ``goalrules``::

    [project.entry-points.goalrules]
    acme = "acme_goalrules"

The registries (units, catalog, channel aliases, DSL functions, rulesets) ask the
plugin manager for contributions the first time they are used, so installing a plugin
costs nothing until then. To register a plugin by hand (in tests, or a notebook), call
:func:`register` before first use or call :func:`reset` afterwards.

This module sits beside the lowest layer: it imports nothing from goalrules at module
level, so every registry may consult it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pluggy

__all__ = [
    "PROJECT",
    "Origin",
    "collect",
    "contributions",
    "hookimpl",
    "hookspec",
    "inventory",
    "notes",
    "plugin_manager",
    "register",
    "reset",
]

PROJECT = "goalrules"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

_resetters: list[Callable[[], None]] = []
_manual: list[object] = []
_origins: dict[int, Origin] = {}  # id(plugin) -> where it comes from
_notes: dict[str, None] = {}  # what plugins replace, in order, once each


class Hookspecs:
    """The hook specifications; each docstring is the plugin documentation."""

    @hookspec
    def goalrules_units(self) -> Sequence[str]:  # type: ignore[empty-body]
        """Return pint definition lines to add to the unit registry.

        Example: ``["subscriber = [subscriber] = subs"]`` adds a count of its own
        dimension. A new ``[dimension]`` written as ``name = [name]`` is a count.
        """

    @hookspec
    def goalrules_metrics(self) -> Sequence[Any]:  # type: ignore[empty-body]
        """Return extra :class:`~goalrules.metrics.MetricDefinition` objects (typed
        ``Any`` here: the plugin layer sits below the catalog it feeds)."""

    @hookspec
    def goalrules_channel_aliases(self) -> Mapping[str, str]:  # type: ignore[empty-body]
        """Return ``{alias: channel}`` pairs, e.g. ``{"li": "linkedin"}``."""

    @hookspec
    def goalrules_functions(self) -> Sequence[Any]:  # type: ignore[empty-body]
        """Return DSL functions (:class:`goalrules.dsl.builtins.Function`) to add."""

    @hookspec
    def goalrules_rulesets(self) -> Sequence[str]:  # type: ignore[empty-body]
        """Return rule-file texts or paths whose rulesets become available by name."""

    @hookspec
    def goalrules_platform_fit(self) -> str:  # type: ignore[empty-body]
        """Return a platform-fit decision table (its text, or a path to a ``.csv``) in the
        layout of goalrules' ``rules/platform_fit.table.csv``; the last one given is
        used by ``fits()`` and the SMART relevance rule."""

    @hookspec
    def goalrules_sources(self) -> Sequence[Any]:  # type: ignore[empty-body]
        """Return export presets: TOML texts or paths in the layout of goalrules' own
        ``io/exports/presets.toml`` (``[[preset]]`` tables), or mappings of one preset,
        so ``goalrules import`` reads another tool's files."""

    @hookspec
    def goalrules_languages(self) -> Sequence[Any]:  # type: ignore[empty-body]
        """Return language packs for goal statements: TOML texts or paths in the layout
        of goalrules' own ``vocabulary/packs/*.toml``, or mappings of one pack; a pack
        replaces goalrules' pack of the same code."""

    @hookspec
    def goalrules_source_groups(self) -> Any:
        """Return source groups: a TOML text or path in the layout of goalrules'
        ``rules/source_groups.toml`` (``[[group]]`` tables with ``name``, ``judged``,
        ``source``, ``medium``), or a list of such mappings. They are tried before the
        shipped groups, so a plugin can judge a source goalrules shows as context."""


@functools.cache
def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, with the entry-point group ``goalrules`` loaded (cached). A
    plugin that cannot be imported or registered is a
    :class:`~goalrules.errors.PluginError` naming its distribution and entry point."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Hookspecs)
    _origins.clear()
    _load_entry_points(pm)
    for plugin in _manual:
        if not pm.is_registered(plugin):
            origin = Origin(_name_of(plugin))
            _register(pm, plugin, origin)
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Register the plugins of the ``goalrules`` entry-point group. Asking
    ``importlib.metadata`` for the one group takes about 9 ms where pluggy's
    ``load_setuptools_entrypoints`` walks every installed distribution (about 50 ms in
    a data team's environment), a cost the first unit or metric lookup would pay."""
    from importlib.metadata import entry_points

    for ep in entry_points(group=PROJECT):
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        dist = getattr(ep, "dist", None)
        origin = Origin(
            ep.name,
            distribution=getattr(dist, "name", None),
            version=getattr(dist, "version", None),
            entry_point=f"{ep.name} = {ep.value}",
        )
        try:
            plugin = ep.load()
        except Exception as exc:
            raise _plugin_error(origin, f"cannot be loaded: {_said(exc)}") from None
        _register(pm, plugin, origin, name=ep.name)


def _register(
    pm: pluggy.PluginManager, plugin: object, origin: Origin, name: str | None = None
) -> None:
    try:
        pm.register(plugin, name=name)
    except Exception as exc:  # pluggy's validation: a hook with the wrong arguments
        raise _plugin_error(origin, f"cannot be registered: {_said(exc)}") from None
    _origins[id(plugin)] = origin


def register(plugin: object) -> None:
    """Register ``plugin`` (a module or object with hook implementations).

    Registries already built are rebuilt on their next use.
    """
    _manual.append(plugin)
    reset()


def unregister(plugin: object) -> None:
    """Undo :func:`register`."""
    if plugin in _manual:
        _manual.remove(plugin)
    reset()


def kept_notes() -> Callable[[], None]:
    """The notes as they are now; calling the result puts them back (a plugin that
    joined the manager for a while leaves no note about itself once it has left)."""
    saved = dict(_notes)

    def restore() -> None:
        _notes.clear()
        _notes.update(saved)

    return restore


def reset() -> None:
    """Forget the plugin manager and every registry built from it."""
    plugin_manager.cache_clear()
    _notes.clear()
    for fn in _resetters:
        fn()


def on_reset(fn: Callable[[], None]) -> Callable[[], None]:
    """Registries call this to be told when plugins change (used as a decorator)."""
    _resetters.append(fn)
    return fn


def collect(hook_name: str) -> list[Any]:
    """Call the hook ``hook_name`` on every plugin and flatten the results (mappings
    as ``(key, value)`` pairs), each checked: see :func:`contributions`."""
    return [item for _, item in contributions(hook_name)]


# -- where plugins come from, what they add and what they replace -----------------------


@dataclasses.dataclass(frozen=True)
class Origin:
    """Where a plugin comes from: its distribution and entry point, or its name when it
    was registered by hand."""

    name: str
    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None

    @property
    def label(self) -> str:
        """``plugin goalrules-acme (entry point acme = goalrules_acme)``, or
        ``plugin Example (registered by hand)``."""
        if self.distribution or self.entry_point:
            dist = self.distribution or "an unknown distribution"
            return f"plugin {dist} (entry point {self.entry_point})"
        return f"plugin {self.name} (registered by hand)"


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    return str(name)


def _said(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _plugin_error(origin: Origin, message: str) -> Exception:
    from goalrules.errors import PluginError

    return PluginError(f"{origin.label}: {message}")


def origin_of(plugin: object) -> Origin:
    """Where ``plugin`` (a registered plugin object) comes from."""
    return _origins.get(id(plugin)) or Origin(_name_of(plugin))


#: what each hook gives: "list" (a list of items), "mapping" or "one" (a single value),
#: the type(s) of an item ("module:Class" resolved on use) and the kind of thing it adds
_SHAPES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "goalrules_units": ("list", ("builtins:str",), "unit"),
    "goalrules_metrics": ("list", ("goalrules.metrics:MetricDefinition",), "metric"),
    "goalrules_channel_aliases": ("mapping", ("builtins:str",), "channel alias"),
    "goalrules_functions": ("list", ("goalrules.dsl.builtins:Function",), "function"),
    "goalrules_rulesets": ("list", ("builtins:str", "os:PathLike"), "ruleset"),
    "goalrules_platform_fit": ("one", ("builtins:str", "os:PathLike"), "platform-fit table"),
    "goalrules_sources": (
        "list",
        (
            "builtins:str",
            "os:PathLike",
            "collections.abc:Mapping",
            "goalrules.io.exports.presets:Preset",
        ),
        "export preset",
    ),
}


def _types(names: tuple[str, ...]) -> tuple[type, ...]:
    import importlib

    out = []
    for spec in names:
        module, _, attr = spec.partition(":")
        out.append(getattr(importlib.import_module(module), attr))
    return tuple(out)


def _results(hook_name: str) -> list[tuple[Origin, object, Any]]:
    """Each plugin's result for ``hook_name``, in the order pluggy calls them (the last
    registered first); a hook that raises is a PluginError naming the plugin."""
    hook = getattr(plugin_manager().hook, hook_name)
    out: list[tuple[Origin, object, Any]] = []
    for impl in reversed(hook.get_hookimpls()):
        origin = origin_of(impl.plugin)
        try:
            result = impl.function(*[None for _ in impl.argnames])
        except Exception as exc:
            raise _plugin_error(origin, f"{hook_name} raised {_said(exc)}") from None
        if result is not None:
            out.append((origin, impl.plugin, result))
    return out


def _items(hook_name: str, origin: Origin, result: Any) -> list[Any]:
    """The items of one plugin's result, each of the type the hook takes."""
    shape, type_names, kind = _SHAPES.get(hook_name, ("any", (), "item"))
    if shape == "any":  # a hook this table does not describe: flattened as it comes
        if isinstance(result, Mapping):
            return list(result.items())
        if isinstance(result, (list, tuple, set, frozenset)):
            return list(result)
        raise _plugin_error(origin, f"{hook_name} returned {type(result).__name__}, not a list")
    types = _types(type_names)
    if shape == "one":
        items = [result]
    elif shape == "mapping":
        if not isinstance(result, Mapping):
            raise _plugin_error(
                origin, f"{hook_name} returned {type(result).__name__}, not a mapping"
            )
        items = list(result.items())
    elif isinstance(result, (str, bytes, Mapping)) or not isinstance(result, (list, tuple)):
        raise _plugin_error(
            origin, f"{hook_name} returned {type(result).__name__}, not a list of {kind}s"
        )
    else:
        items = list(result)
    for item in items:
        values = item if shape == "mapping" else (item,)
        for value in values:
            if not isinstance(value, types):
                wanted = " or ".join(t.__name__ for t in types)
                raise _plugin_error(
                    origin,
                    f"{hook_name} gave {type(value).__name__} {_short(value)} where a "
                    f"{wanted} was expected",
                )
    return items


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _replaces(origin: Origin, plugin: object) -> frozenset[str]:
    """What the plugin declares it replaces: ``goalrules_replaces = ["metric:followers",
    "preset:ga4", "platform_fit"]`` on the plugin (module or object)."""
    declared = getattr(plugin, "goalrules_replaces", ())
    if isinstance(declared, str) or not isinstance(declared, (list, tuple, set, frozenset)):
        raise _plugin_error(
            origin,
            "goalrules_replaces must be a list such as ['metric:followers', 'preset:ga4'], "
            f"not {_short(declared)}",
        )
    return frozenset(str(d).strip().lower() for d in declared)


def contributions(hook_name: str) -> list[tuple[Origin, Any]]:
    """Every plugin's items for ``hook_name`` with the plugin they come from, checked:

    - a hook that raises, returns the wrong shape or an item of the wrong type is a
      :class:`~goalrules.errors.PluginError` naming the plugin (its distribution and
      entry point) and the hook, never a traceback;
    - an item that redefines one of goalrules' own (a metric, unit, channel alias,
      function, ruleset, preset, the platform-fit table) or another plugin's is a
      PluginError naming both, unless the plugin declares the replacement in
      ``goalrules_replaces``, which leaves a note (:func:`notes`).
    """
    results = _results(hook_name)
    if not results:  # no plugin gives anything: nothing to check (and nothing to read)
        return []
    kind = _SHAPES.get(hook_name, ("any", (), "item"))[2]
    builtin = _builtin_names(hook_name)
    claimed: dict[str, Origin] = {}
    out: list[tuple[Origin, Any]] = []
    for origin, plugin, result in reversed(results):  # in the order of registration
        items = _items(hook_name, origin, result)
        declared = _replaces(origin, plugin)
        for item in items:
            for name in _names(hook_name, item, origin):
                key = _KEYS.get(hook_name, hook_name)
                key = key if key == "platform_fit" else f"{key}:{name}"
                if name in builtin:
                    other = "goalrules' own"
                elif name in claimed:
                    other = claimed[name].label
                else:
                    claimed[name] = origin
                    continue
                if key.lower() in declared:
                    _notes[f"{origin.label} replaces {other} {kind} {name!r}"] = None
                    claimed[name] = origin
                    continue
                raise _plugin_error(
                    origin,
                    f"its {kind} {name!r} collides with {other}; declare "
                    f"goalrules_replaces = [{key!r}] on the plugin to replace it",
                )
        out.extend((origin, item) for item in items)
    out.reverse()  # the order pluggy gives (the last registered first), as before
    return out


def notes() -> list[str]:
    """What plugins replaced, one line each (registries built so far)."""
    return list(_notes)


_KEYS = {
    "goalrules_units": "unit",
    "goalrules_metrics": "metric",
    "goalrules_channel_aliases": "channel_alias",
    "goalrules_functions": "function",
    "goalrules_rulesets": "ruleset",
    "goalrules_platform_fit": "platform_fit",
    "goalrules_sources": "preset",
}


def _unit_names(line: str) -> list[str]:
    if line.lstrip().startswith(("@", "[")):
        return []
    parts = [p.strip() for p in line.split("=")]
    return [parts[0], *(p for p in parts[2:] if p and p != "_")]


def _builtin_names(hook_name: str) -> dict[str, Any]:
    """The names goalrules itself defines for what ``hook_name`` adds."""
    if hook_name == "goalrules_units":
        from goalrules.units import _definitions

        names: dict[str, Any] = {}
        for line in _definitions():
            for n in _unit_names(line):
                names[n] = line
                names.setdefault(n + "s", line)  # pint reads plurals
        return names
    if hook_name == "goalrules_metrics":
        from goalrules.metrics import _BUILTIN

        return {n: m for m in _BUILTIN for n in (m.key, *m.aliases)}
    if hook_name == "goalrules_channel_aliases":
        from goalrules.vocabulary import _CHANNEL_ALIASES

        return dict(_CHANNEL_ALIASES)
    if hook_name == "goalrules_functions":
        from goalrules.dsl.builtins import builtin_functions

        return {f.name: f for f in builtin_functions()}
    if hook_name == "goalrules_rulesets":
        from importlib import resources

        folder = resources.files("goalrules").joinpath("rules")
        return {
            e.name[: -len(".rules")]: e.name
            for e in folder.iterdir()
            if e.name.endswith(".rules") and not e.name.endswith(".test.rules")
        }
    if hook_name == "goalrules_platform_fit":
        return {"platform_fit": "rules/platform_fit.table.csv"}
    if hook_name == "goalrules_sources":
        import tomllib
        from importlib import resources

        text = resources.files("goalrules.io.exports").joinpath("presets.toml").read_text("utf-8")
        return {str(p.get("id")): p for p in tomllib.loads(text).get("preset", ())}
    return {}


def _names(hook_name: str, item: Any, origin: Origin) -> list[str]:
    """The names ``item`` defines (what may collide)."""
    if hook_name == "goalrules_units":
        return _unit_names(item)
    if hook_name == "goalrules_metrics":
        return [item.key, *item.aliases]
    if hook_name == "goalrules_channel_aliases":
        alias, channel = item
        from goalrules.vocabulary import _CHANNEL_ALIASES

        key = str(alias).strip().lower()
        if _CHANNEL_ALIASES.get(key) == str(channel).strip().lower():
            return []  # the alias goalrules has already: no change
        return [key]
    if hook_name == "goalrules_functions":
        return [item.name]
    if hook_name == "goalrules_rulesets":
        return [_ruleset_name(item, origin)]
    if hook_name == "goalrules_platform_fit":
        _check_fit_table(item, origin)
        return ["platform_fit"]
    if hook_name == "goalrules_sources":
        return _preset_ids(item, origin)
    return []


def _check_fit_table(item: Any, origin: Origin) -> None:
    """A platform-fit table (text or path) that cannot be read is the plugin's error."""

    from goalrules.errors import GoalRulesError
    from goalrules.metrics import _fit_table

    try:
        if "\n" in str(item):
            _fit_table(str(item), origin.label)
        else:
            from goalrules.io.files import named_file, read_text

            _fit_table(read_text(named_file(item)), str(item))
    except GoalRulesError as exc:
        raise _plugin_error(
            origin, f"its platform-fit table does not load: {exc.headline()}"
        ) from None


def _ruleset_name(item: Any, origin: Origin) -> str:
    import os
    from pathlib import Path

    from goalrules.dsl.parser import parse_file
    from goalrules.errors import GoalRulesError

    is_path = isinstance(item, os.PathLike) or (
        "\n" not in item and item.strip().endswith(".rules")
    )
    try:
        if is_path:
            from goalrules.io.files import named_file, read_text

            text, source = read_text(named_file(item)), str(item)
        else:
            text, source = item, origin.label
        return parse_file(text, source=source).name or Path(source).stem
    except GoalRulesError as exc:
        raise _plugin_error(origin, f"its ruleset does not load: {exc.headline()}") from None


def _preset_ids(item: Any, origin: Origin) -> list[str]:
    import os
    import tomllib

    from goalrules.errors import GoalRulesError
    from goalrules.io.exports.presets import preset_from_dict

    if not isinstance(item, (str, os.PathLike, Mapping)):
        return [str(getattr(item, "id", ""))]
    try:
        if isinstance(item, Mapping):
            tables: Any = [item]
        else:
            if isinstance(item, os.PathLike) or ("\n" not in item and item.endswith(".toml")):
                from goalrules.io.files import named_file, read_text

                item = read_text(named_file(item))
            tables = tomllib.loads(item).get("preset", ())
            if not isinstance(tables, list):
                raise ValueError("[[preset]] must be a list of tables")
        # checked here, so that a bad preset names its plugin
        return [preset_from_dict(p, source=origin.label).id for p in tables]
    except GoalRulesError as exc:
        message = exc.message.removeprefix(f"{origin.label}: ")
        raise _plugin_error(origin, f"its export presets do not load: {message}") from None
    except Exception as exc:
        raise _plugin_error(origin, f"its export presets do not load: {_said(exc)}") from None


@dataclasses.dataclass(frozen=True)
class PluginReport:
    """One installed plugin: where it comes from, what it adds and replaces (by kind),
    or the problem that stops it."""

    origin: Origin
    adds: dict[str, list[str]]
    replaces: list[str]
    problem: str | None = None


def inventory() -> list[PluginReport]:
    """Every plugin with what it adds and what it replaces (``goalrules plugins``)."""
    from goalrules.errors import GoalRulesError

    pm = plugin_manager()
    reports = []
    for plugin in pm.get_plugins():
        origin = origin_of(plugin)
        adds: dict[str, list[str]] = {}
        problem: str | None = None
        for hook_name, (_, _, kind) in _SHAPES.items():
            impl = getattr(plugin, hook_name, None)
            if impl is None:
                continue
            try:
                result = impl()
                if result is None:
                    continue
                names = [n for it in _items(hook_name, origin, result)
                         for n in _names(hook_name, it, origin)]  # fmt: skip
            except GoalRulesError as exc:
                problem = exc.headline()
                continue
            except Exception as exc:
                problem = f"{origin.label}: {hook_name} raised {_said(exc)}"
                continue
            if names:
                adds.setdefault(kind, []).extend(names)
        replaces = []
        try:
            declared = _replaces(origin, plugin)
        except GoalRulesError as exc:
            problem, declared = exc.headline(), frozenset()
        replaces = sorted(declared)
        reports.append(PluginReport(origin, adds, replaces, problem))
    return reports
