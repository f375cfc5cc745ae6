"""Vega-Lite specs for the explorer's charts (targets over years, the task × agency heatmap)."""

from __future__ import annotations

from typing import Any

from policykg.ui.i18n import Lang, column

CELL_SEPARATOR = " / "  # between a matrix cell's counts by role (explorer.matrix)
STATUS_COLOURS = {"achieved": "#2e9e5b", "on_track": "#1a7fc1", "off_track": "#d64545", "no_data": "#8a8a8a"}


# the observed series always in the same dark blue (in either language); each document's targets in a colour of its own
OBSERVED_COLOUR = "#1f4e9c"
TARGET_COLOURS = ("#e4572e", "#f2a541", "#2e9e5b", "#8e44ad", "#17becf", "#c0392b", "#7f7f7f", "#bcbd22")
TARGET_STEP = 12  # pixels between the markers of targets of different documents at the same year and value


def targets_spec(lang: Lang, rank: bool, unit: str, scopes: bool, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Observed series as a line with points; each document's targets as diamonds at their value and year.

    Years are an integer axis (no thousands separator); ranks are drawn on an inverted axis; one panel
    per scope (ASEAN, world) so the two never share a line. The legend's colours and shapes are the marks':
    the observed series first in one dark blue, then each document's targets; targets of different documents
    at the same year and value sit side by side (one layer per document, shifted a few pixels), not on top
    of each other.
    """
    observed = next((r["series"] for r in rows if r["kind"] == "observed"), None)
    targets = list(dict.fromkeys(r["series"] for r in rows if r["kind"] == "target"))
    names = ([observed] if observed else []) + targets
    palette = ([OBSERVED_COLOUR] if observed else []) + [TARGET_COLOURS[i % len(TARGET_COLOURS)]
                                                         for i in range(len(targets))]
    y_title = f"{column('value', lang)}{f' ({unit})' if unit and unit != 'rank' else ''}"
    y: dict[str, Any] = {"field": "value", "type": "quantitative", "title": y_title,
                         "scale": {"reverse": rank, "zero": False}}
    if rank:  # a rank is a whole number: no "3.2" on its axis
        y["axis"] = {"format": "d", "tickMinStep": 1}
    x = {"field": "year", "type": "quantitative", "title": column("year", lang),
         "axis": {"format": "d", "tickMinStep": 1}, "scale": {"zero": False, "nice": False, "padding": 24}}
    # names not cut; under two panels (ASEAN, world) rather than beside them, where the page would cut it off
    legend = {"labelLimit": max(200, 7 * max(map(len, names), default=0)),
              "orient": "bottom" if scopes else "right", "direction": "vertical"}
    colour = {"field": "series", "type": "nominal", "title": column("series", lang),
              "scale": {"domain": names, "range": palette}, "legend": legend}
    shape = {"field": "series", "type": "nominal", "title": column("series", lang),
             "scale": {"domain": names, "range": (["circle"] if observed else []) + ["diamond"] * len(targets)}}
    tooltip = [{"field": "series", "title": column("series", lang)}, {"field": "year", "title": column("year", lang)},
               {"field": "value", "title": column("value", lang)}, {"field": "status", "title": column("status", lang)}]
    layers: list[dict[str, Any]] = [
        {"transform": [{"filter": "datum.kind === 'observed'"}], "mark": {"type": "line", "point": True},
         "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip}},
    ]
    for i, name in enumerate(targets):
        offset = (i - (len(targets) - 1) / 2) * TARGET_STEP
        layers.append({"transform": [{"filter": {"field": "series", "equal": name}}],
                       "mark": {"type": "point", "size": 200, "filled": True, "opacity": 1, "xOffset": offset,
                                "stroke": "white", "strokeWidth": 1},
                       "encoding": {"x": x, "y": y, "color": colour, "shape": shape, "tooltip": tooltip}})
    if not scopes:
        return {"width": 560, "height": 300, "layer": layers}
    return {"facet": {"field": "scope", "type": "nominal", "title": column("scope", lang)}, "columns": 2,
            "spec": {"width": 380, "height": 280, "layer": layers}, "resolve": {"scale": {"y": "independent"}}}


def heatmap_spec(lang: Lang, agencies: list[str], sections: list[str]) -> dict[str, Any]:
    """Rows agencies, columns sections, colour by task count, the cell's text (e.g. "2 C / 1 P") on top."""
    x = {"field": "section", "type": "ordinal", "title": column("section", lang), "sort": sections,
         "axis": {"labelAngle": 0 if len(sections) <= 12 else -45, "orient": "top", "labelOverlap": False}}
    y = {"field": "agency", "type": "ordinal", "title": None, "sort": agencies,
         "axis": {"labelLimit": 360, "labelOverlap": False}}
    return {
        "height": {"step": 26},  # a row tall enough for a cell's two lines
        "layer": [
            {"mark": "rect", "encoding": {
                "x": x, "y": y,
                "color": {"field": "count", "type": "quantitative", "title": column("tasks", lang),
                          "scale": {"scheme": "blues"}},
                "tooltip": [{"field": "agency", "title": column("agency", lang)},
                            {"field": "section", "title": column("section", lang)},
                            {"field": "heading", "title": column("heading", lang)},  # what "IV.6" is about
                            {"field": "cell", "title": column("tasks", lang)}]}},
            # "2 C / 1 P" on two lines ("2 C" over "1 P"): one line would not fit a narrow column
            {"mark": {"type": "text", "fontSize": 11 if len(sections) <= 12 else 9, "lineBreak": CELL_SEPARATOR,
                      "lineHeight": 10 if len(sections) <= 12 else 9}, "encoding": {
                "x": x, "y": y, "text": {"field": "cell"},
                "color": {"condition": {"test": "datum.count > 3", "value": "white"}, "value": "black"}}},
        ],
    }
