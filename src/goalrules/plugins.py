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

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pluggy

__all__ = [
    "PROJECT",
    "hookimpl",
    "hookspec",
    "plugin_manager",
    "register",
    "reset",
]

PROJECT = "goalrules"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

_resetters: list[Callable[[], None]] = []
_manual: list[object] = []


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
    def goalrules_source_groups(self) -> Any:
        """Return source groups: a TOML text or path in the layout of goalrules'
        ``rules/source_groups.toml`` (``[[group]]`` tables with ``name``, ``judged``,
        ``source``, ``medium``), or a list of such mappings. They are tried before the
        shipped groups, so a plugin can judge a source goalrules shows as context."""


@functools.cache
def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, with the entry-point group ``goalrules`` loaded (cached)."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Hookspecs)
    try:
        _load_entry_points(pm)
    except Exception as exc:  # a broken plugin must not take the library down silently
        from goalrules.errors import PluginError

        raise PluginError(f"could not load a goalrules plugin: {exc}") from exc
    for plugin in _manual:
        if not pm.is_registered(plugin):
            pm.register(plugin)
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
        pm.register(ep.load(), name=ep.name)


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


def reset() -> None:
    """Forget the plugin manager and every registry built from it."""
    plugin_manager.cache_clear()
    for fn in _resetters:
        fn()


def on_reset(fn: Callable[[], None]) -> Callable[[], None]:
    """Registries call this to be told when plugins change (used as a decorator)."""
    _resetters.append(fn)
    return fn


def collect(hook_name: str) -> list[Any]:
    """Call the hook ``hook_name`` on every plugin and flatten the results."""
    hook = getattr(plugin_manager().hook, hook_name)
    out: list[Any] = []
    for result in hook():
        if result is None:
            continue
        if isinstance(result, Mapping):
            out.extend(result.items())
        else:
            out.extend(result)
    return out
