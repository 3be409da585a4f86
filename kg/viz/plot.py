"""Drawing the timeline (kg.viz.chronology) with matplotlib's SVG and Agg (PNG) back ends.

matplotlib rather than Graphviz: a timeline needs a true date axis (Graphviz places nodes by graph
layout, not by value), and matplotlib's SVG writer keeps links (`Artist.set_url`) and, with
`svg.fonttype = "none"`, real `<text>` elements.

One line per row, grouped under "Events", "Agreements signed" and "Posts". A date known to the
day is a dot (a stated start and end: a bar between them); a date known only to the month or year
is a hatched band over that whole month or year, never a point inside it. A bound that is not
stated is drawn as such: a dotted line to the edge of the axis with "start not stated" /
"end not stated" in the row's text; a row with no date at all is a dotted line across the axis.
An announcement (igkg:announcedAt) is a star at the announcing event's date. Every row's text is a
link (`<a xlink:href>`) to its entity's page, every mark a link to the page it stands for.
"""

from __future__ import annotations

import datetime as dt

from kg.viz.chronology import Row, When

GROUPS = (("event", "Events"), ("signing", "Agreements signed"), ("post", "Posts"))
COLOUR = {"event": "#2166ac", "signing": "#b2182b", "post": "#1b7837"}
UNKNOWN = "#8c8c8c"
FONT_SIZE = 8
ROW_INCHES = 0.26
WIDTH_INCHES = 11.0
CHAR_WIDTH = 0.6  # mean advance of a DejaVu Sans character, in ems (an estimate for placing labels)


def dates_text(row: Row) -> str:
    """What the row says about its dates, as stated: "2014-11", "2017-03-10 – 2017-03-16",
    "from 2015, end not stated", "start and end not stated"; an end cause and marks follow."""
    if row.kind == "post" or (row.start is None and row.end is None):
        if row.start and row.end:
            text = f"from {row.start.text} to {row.end.text}"
        elif row.start:
            text = f"from {row.start.text}, end not stated"
        elif row.end:
            text = f"start not stated, to {row.end.text}"
        else:
            text = "start and end not stated" if row.kind == "post" else "date not stated"
    elif row.end and (row.start is None or row.end.text != row.start.text):
        text = f"{row.start.text if row.start else 'start not stated'} – {row.end.text}"
    else:
        text = row.start.text
    if row.end_cause:
        text += f"; ended: {row.end_cause}" + ("" if row.end else " (date not stated)")
    for mark in row.marks:
        if row.kind != "signing":  # the mark links to the announcing event's page
            text += f"; {mark.what} " + (mark.when.text if mark.when else "(date not stated)")
    return text


def span(rows) -> tuple[dt.date, dt.date] | None:
    """The first and last day any row states (with a margin of a twelfth of the span, at least a
    month), or None when no row states a date."""
    days = [d for r in rows for w in (r.start, r.end, *(m.when for m in r.marks)) if w for d in (w.lo, w.hi)]
    if not days:
        return None
    lo, hi = min(days), max(days)
    pad = max((hi - lo) / 12, dt.timedelta(days=31))
    return lo - pad, hi + pad


def render(rows: tuple[Row, ...], *, link, fmt: str) -> bytes:
    """The rows drawn as `fmt` ("svg" or "png"); `link(iri)` gives each element's href."""
    import io

    import matplotlib

    matplotlib.use("Agg")  # no display; the SVG writer is chosen by savefig's format
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    lines = _layout(rows)
    height = ROW_INCHES * (len(lines) + 1) + 1.4
    fig = Figure(figsize=(WIDTH_INCHES, height))
    ax = fig.add_axes((0.02, 1.0 / height, 0.96, 1 - 1.5 / height))
    bounds = span(rows)
    lo, hi = bounds if bounds else (dt.date(2000, 1, 1), dt.date(2001, 1, 1))
    ax.set_xlim(lo, hi)
    ax.set_ylim(len(lines) - 0.5, -0.7)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    if bounds:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    else:
        ax.set_xticks([])
        ax.set_xlabel("no date is stated for any of these")
    ax.tick_params(labelsize=FONT_SIZE)
    for y, item in enumerate(lines):
        if isinstance(item, str):
            ax.text(lo, y, item, fontsize=FONT_SIZE + 1.5, fontweight="bold", va="center", ha="left")
            ax.axhline(y + 0.45, color="#cccccc", linewidth=0.6)
        else:
            _draw_row(ax, y, item, lo, hi, link)
    _legend(ax, fig)
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "igkg", "font.family": "DejaVu Sans"}):
        fig.savefig(out, format=fmt, dpi=110, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return out.getvalue()


def _layout(rows) -> list:
    """The lines top to bottom: a group's heading (a str), then its rows."""
    lines: list = []
    for kind, heading in GROUPS:
        mine = [r for r in rows if r.kind == kind]
        if mine:
            lines.append(heading)
            lines.extend(mine)
    return lines


def _num(day: dt.date) -> float:
    from matplotlib import dates as mdates

    return mdates.date2num(day)


def _draw_row(ax, y: float, row: Row, lo: dt.date, hi: dt.date, link) -> None:
    colour = COLOUR[row.kind]
    start, end = row.start, row.end
    drawn: list[float] = []
    if start and end and row.kind != "signing":
        ax.add_patch(_bar(start.hi if start.precision != "day" else start.lo, end.lo if end.precision != "day"
                          else end.hi, y, colour, link(row.iri)))
        drawn += [_num(start.lo), _num(end.hi)]
    for w in (start, end):
        if w is not None:
            drawn += _when(ax, y, w, colour, link(row.iri))
    if row.kind == "post" or (start is None and end is None):
        left = _num(start.lo) if start else None
        right = _num(end.hi) if end else None
        if left is None and right is None:
            _unknown(ax, [_num(lo), _num(hi)], y)
        else:
            if start is None:
                _unknown(ax, [_num(lo), right], y)
            if end is None:
                _unknown(ax, [left, _num(hi)], y)
    for mark in row.marks:
        if mark.when is not None:
            x = _num(mark.when.lo) + (_num(mark.when.hi) - _num(mark.when.lo)) / 2
            post = row.kind == "post"
            _marker(ax, x, y, "*" if post else "D", 9 if post else 5, "#e08214" if post else colour, link(mark.iri))
            drawn.append(x)
    _label(ax, y, row, drawn, lo, hi, link)


def _unknown(ax, xs: list[float], y: float) -> None:
    """A dotted line: a stretch of time no stated date covers."""
    from matplotlib.lines import Line2D

    ax.add_line(Line2D(xs, [y, y], linestyle=(0, (1, 2)), color=UNKNOWN, linewidth=1.2))


def _marker(ax, x: float, y: float, shape: str, size: float, colour: str, url: str) -> None:
    """One marker linking to `url` (added as a Line2D: ax.plot's autoscaling is not needed)."""
    from matplotlib.lines import Line2D

    mark = Line2D([x], [y], marker=shape, markersize=size, color=colour, linestyle="none")
    mark.set_url(url)
    ax.add_line(mark)


def _bar(a: dt.date, b: dt.date, y: float, colour: str, url: str):
    """A bar over the days from `a` to `b` (at least one day wide)."""
    from matplotlib.patches import Rectangle

    bar = Rectangle((_num(a), y - 0.16), max(_num(b) - _num(a), 1.0), 0.32, color=colour, linewidth=0)
    bar.set_url(url)
    return bar


def _when(ax, y: float, w: When, colour: str, url: str) -> list[float]:
    """A stated date: a dot for a day, a hatched band over a month or a year."""
    from matplotlib.patches import Rectangle

    if w.precision == "day":
        _marker(ax, _num(w.lo) + 0.5, y, "o", 5, colour, url)
        return [_num(w.lo)]
    band = Rectangle((_num(w.lo), y - 0.22), _num(w.hi) - _num(w.lo), 0.44, facecolor=colour, alpha=0.35,
                     edgecolor=colour, hatch="////", linewidth=0.6)
    band.set_url(url)
    ax.add_patch(band)
    return [_num(w.lo), _num(w.hi)]


def _label(ax, y: float, row: Row, drawn: list[float], lo: dt.date, hi: dt.date, link) -> None:
    """The row's name and dates beside its marks: right of them when the text fits there, else left
    of them when it fits there, else (or when nothing is drawn) from the left edge over a white box."""
    text = f"{row.name} — {dates_text(row)}"
    left, right = _num(lo), _num(hi)
    gap = (right - left) / 150
    needed = len(text) * CHAR_WIDTH * FONT_SIZE / (WIDTH_INCHES * 0.96 * 72) * (right - left)
    box = {"facecolor": "white", "edgecolor": "none", "pad": 0.5}  # hides a dotted line behind the text
    if drawn and max(drawn) + gap + needed < right:
        t = ax.text(max(drawn) + gap, y, text, fontsize=FONT_SIZE, va="center", ha="left", bbox=box)
    elif drawn and min(drawn) - gap - needed > left:
        t = ax.text(min(drawn) - gap, y, text, fontsize=FONT_SIZE, va="center", ha="right", bbox=box)
    else:
        t = ax.text(left + gap, y, text, fontsize=FONT_SIZE, va="center", ha="left", bbox=box)
    t.set_url(link(row.iri))


def _legend(ax, fig) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], marker="o", color="#555555", linestyle="none", markersize=5, label="date known to the day"),
        Patch(facecolor="#555555", alpha=0.35, hatch="////", edgecolor="#555555",
              label="known only to the month or year: the whole period"),
        Patch(facecolor="#555555", label="from a stated start to a stated end"),
        Line2D([], [], color=UNKNOWN, linestyle=(0, (1, 2)), label="bound not stated"),
        Line2D([], [], marker="*", color="#e08214", linestyle="none", markersize=9, label="announced"),
    ]
    handles += [Patch(facecolor=COLOUR[k], label=h.lower()) for k, h in GROUPS]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=FONT_SIZE, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
