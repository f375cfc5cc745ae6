"""Vega-Lite specs for the explorer's charts (targets over years, the task × agency heatmap)."""

from __future__ import annotations

from typing import Any

from policykg.ui.i18n import Lang, column

STATUS_COLOURS = {"achieved": "#2e9e5b", "on_track": "#1a7fc1", "off_track": "#d64545", "no_data": "#8a8a8a"}


def targets_spec(lang: Lang, rank: bool, unit: str, scopes: bool) -> dict[str, Any]:
    """Observed series as a line with points; each target as a large marker at its value and year.

    Years are an integer axis (no thousands separator); ranks are drawn on an inverted axis; one panel
    per scope (ASEAN, world) so the two never share a line.
    """
    y_title = f"{column('value', lang)}{f' ({unit})' if unit and unit != 'rank' else ''}"
    y: dict[str, Any] = {"field": "value", "type": "quantitative", "title": y_title,
                         "scale": {"reverse": rank, "zero": False}}
    x = {"field": "year", "type": "quantitative", "title": column("year", lang),
         "axis": {"format": "d", "tickMinStep": 1}, "scale": {"zero": False, "nice": False, "padding": 20}}
    colour = {"field": "series", "type": "nominal", "title": column("series", lang),
              "legend": {"labelLimit": 320, "orient": "right"}}
    tooltip = [{"field": "series", "title": column("series", lang)}, {"field": "year", "title": column("year", lang)},
               {"field": "value", "title": column("value", lang)}, {"field": "status", "title": column("status", lang)}]
    layers = [
        {"transform": [{"filter": "datum.kind === 'observed'"}], "mark": {"type": "line", "point": True},
         "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip}},
        {"transform": [{"filter": "datum.kind === 'target'"}],
         "mark": {"type": "point", "shape": "diamond", "size": 220, "filled": True},
         "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip}},
    ]
    if not scopes:
        return {"width": 560, "height": 300, "layer": layers}
    return {"facet": {"field": "scope", "type": "nominal", "title": column("scope", lang)}, "columns": 2,
            "spec": {"width": 420, "height": 280, "layer": layers}, "resolve": {"scale": {"y": "independent"}}}


def heatmap_spec(lang: Lang, agencies: list[str], sections: list[str]) -> dict[str, Any]:
    """Rows agencies, columns sections, colour by task count, the cell's text (e.g. "2 C / 1 P") on top."""
    x = {"field": "section", "type": "ordinal", "title": column("section", lang), "sort": sections,
         "axis": {"labelAngle": 0 if len(sections) <= 12 else -45, "orient": "top", "labelOverlap": False}}
    y = {"field": "agency", "type": "ordinal", "title": None, "sort": agencies,
         "axis": {"labelLimit": 360, "labelOverlap": False}}
    return {
        "height": 24 * len(agencies),
        "layer": [
            {"mark": "rect", "encoding": {
                "x": x, "y": y,
                "color": {"field": "count", "type": "quantitative", "title": column("tasks", lang),
                          "scale": {"scheme": "blues"}},
                "tooltip": [{"field": "agency", "title": column("agency", lang)},
                            {"field": "section", "title": column("section", lang)},
                            {"field": "cell", "title": column("tasks", lang)}]}},
            {"mark": {"type": "text", "fontSize": 11 if len(sections) <= 12 else 9}, "encoding": {
                "x": x, "y": y, "text": {"field": "cell"},
                "color": {"condition": {"test": "datum.count > 3", "value": "white"}, "value": "black"}}},
        ],
    }
