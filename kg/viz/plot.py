"""Drawing the timeline (kg.viz.chronology) with matplotlib's SVG and Agg (PNG) back ends.

matplotlib rather than Graphviz: a timeline needs a true date axis (Graphviz places nodes by graph
layout, not by value), and matplotlib's SVG writer keeps links (`Artist.set_url`) and, with
`svg.fonttype = "none"`, real `<text>` elements.

One line per row, grouped under "Events", "Agreements signed" and "Posts". A date known to the
day is a dot (a stated start and end: a bar between them); a date known only to the month or year
is a hatched band over that whole month or year, never a point inside it. A bound that is not
stated is drawn as such: a dotted line to the edge of the axis with "start not stated" /
"end not stated" in the row's text; a row with no date at all is a dotted line across the axis.

A post holding's row begins with its status ("announced", "in office", "former"; "in office by
DATE" says both). A start or end known only as a bound (igkg:earliestStart … igkg:latestEnd) is a
caret at the bound pointing to where the unknown date lies, with a dotted line over the time it may
lie in, and is written as a bound ("starts on or after", "in office by", "ends on or after",
"ended by"; the tense follows the status on the source's date); the time the holding is known to
be held (from its start or latest start to its end or earliest end) is a bar. An approximate span
(igkg:approximateDuration) is a pale dashed band of about that many years ending at the latest
start, written "circa 3 years by then", never a date. The announcement of a start or end is a
star or a cross at the announcing event's date. Every row's text is a link (`<a xlink:href>`) to
its entity's page, every mark a link to the page it stands for.
"""

from __future__ import annotations

import datetime as dt

from kg.namespaces import PREFIXES
from kg.viz.chronology import Row, When, circa_years, stated

GROUPS = (("event", "Events"), ("signing", "Agreements signed"), ("post", "Posts"))
COLOUR = {"event": "#2166ac", "signing": "#b2182b", "post": "#1b7837"}
UNKNOWN = "#8c8c8c"
ANNOUNCED = "#e08214"
MARK_SHAPE = {"start announced": "*", "end announced": "X", "announced": "*"}
ANNOUNCED_STATUS = PREFIXES["igvocab"] + "announced"
IN_OFFICE_STATUS = PREFIXES["igvocab"] + "in-office"
FONT_SIZE = 8
ROW_INCHES = 0.26
WIDTH_INCHES = 11.0
TEXT_LINE = 0.55  # height of a line of FONT_SIZE text, in row heights
CHAR_WIDTH = 0.6  # mean advance of a DejaVu Sans character, in ems (an estimate for placing labels)


def dates_text(row: Row) -> str:
    """What the row says about its dates, as stated: "2014-11", "2017-03-10 – 2017-03-16",
    "from 2015, end not stated", "start and end not stated" (a post holding: see `post_text`);
    an end cause and marks follow."""
    if row.kind == "post":
        return post_text(row)
    if row.start is None and row.end is None:
        text = "date not stated"
    elif row.end and (row.start is None or row.end.text != row.start.text):
        text = f"{row.start.text if row.start else 'start not stated'} – {row.end.text}"
    else:
        text = row.start.text
    for mark in row.marks:
        if row.kind != "signing":  # the mark links to the announcing event's page
            text += f"; {mark.what} " + (mark.when.text if mark.when else "(date not stated)")
    return text


def _bound(exact, word: str, earliest, latest, verb: str) -> str | None:
    """One end of a holding in words: "from X" / "to X" when stated exactly, else "VERB between A and
    B", "VERB on or after A" or "VERB by B" from the Wikidata-style bounds; None when nothing is known."""
    if exact:
        return f"{word} {exact.text}"
    if earliest and latest:
        return f"{verb} between {earliest.text} and {latest.text}"
    if earliest:
        return f"{verb} on or after {earliest.text}"
    if latest:
        return f"{verb} by {latest.text}"
    return None


def post_text(row: Row) -> str:
    """A post holding's status and dates, as stated: "announced; starts on or after 2017-03-29,
    end not stated; start announced 2017-03-29", "in office by 2017-03-29 (circa 3 years by then),
    ends on or after 2017-03-29; end: left the position; end announced 2017-03-29",
    "from 2015-06 to 2017-02-01". The tense of a bound follows the status on the source's date:
    announced (starts, ends), in office (in office by, ends), former or none (started, ended)."""
    b = row.bounds
    begun = b.status != ANNOUNCED_STATUS
    over = b.status not in (ANNOUNCED_STATUS, IN_OFFICE_STATUS)
    starts, ends = ("started" if begun else "starts"), ("ended" if over else "ends")
    only_latest_start = b.latest_start and not b.earliest_start
    start = _bound(row.start, "from", b.earliest_start, b.latest_start,
                   "in office" if b.status == IN_OFFICE_STATUS and only_latest_start else starts) \
        or "start not stated"
    if b.circa:
        years = circa_years(b.circa)
        span_text = f"{years} year{'' if years == 1 else 's'}" if years is not None else b.circa
        start += f" (circa {span_text} by then)" if b.latest_start and not row.start else f" (circa {span_text})"
    end = _bound(row.end, "to", b.earliest_end, b.latest_end, ends) or "end not stated"
    text = "start and end not stated" if (start, end) == ("start not stated", "end not stated") else (
        f"{start}, {end}" if not row.start or not row.end else f"{start} {end}")
    if b.status_name and not (b.status == IN_OFFICE_STATUS and start.startswith("in office by")):
        text = f"{b.status_name}; {text}"
    if row.end_cause:
        text += f"; end: {row.end_cause}"
    for mark in row.marks:
        text += f"; {mark.what} " + (mark.when.text if mark.when else "(date not stated)")
    return text


def circa_start(row: Row) -> dt.date | None:
    """Where the approximate span of a post holding is drawn from: its latest start less the
    span's whole years (a place on the axis, never written as a date); None without both."""
    years = circa_years(row.bounds.circa)
    if years is None or row.bounds.latest_start is None or row.start is not None:
        return None
    day = row.bounds.latest_start.lo
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day)


def span(rows) -> tuple[dt.date, dt.date] | None:
    """The first and last day any row states (with a margin of a twelfth of the span, at least a
    month), or None when no row states a date."""
    days = [d for r in rows for w in stated(r) for d in (w.lo, w.hi)]
    days += [d for d in map(circa_start, rows) if d]
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

    bounds = span(rows)
    lo, hi = bounds if bounds else (dt.date(2000, 1, 1), dt.date(2001, 1, 1))
    lines = _layout(rows, lo, hi)
    bottom = lines[-1][1] if lines else 0
    height = ROW_INCHES * (bottom + 2) + 1.4
    fig = Figure(figsize=(WIDTH_INCHES, height))
    ax = fig.add_axes((0.02, 1.0 / height, 0.96, 1 - 1.5 / height))
    ax.set_xlim(lo, hi)
    ax.set_ylim(bottom + 0.5, -0.7)
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
    for item, y, above in lines:
        if isinstance(item, str):
            ax.text(lo, y, item, fontsize=FONT_SIZE + 1.5, fontweight="bold", va="center", ha="left")
            ax.axhline(y + 0.45, color="#cccccc", linewidth=0.6)
        else:
            _draw_row(ax, y, item, lo, hi, link, above)
    _legend(ax, fig)
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "igkg", "font.family": "DejaVu Sans"}):
        fig.savefig(out, format=fmt, dpi=110, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    return out.getvalue()


def _layout(rows, lo: dt.date, hi: dt.date) -> list[tuple]:
    """The lines top to bottom as (item, y, text above): a group's heading (a str), then its rows;
    y in row heights from the top. A row whose text fits on neither side of what is drawn gets
    its text wrapped to the axis's width on lines of its own above it (`text above`; else None)."""
    out: list[tuple] = []
    y = -1.0
    for kind, heading in GROUPS:
        mine = [r for r in rows if r.kind == kind]
        if mine:
            y += 1
            out.append((heading, y, None))
        for row in mine:
            above = None if _fits(row, lo, hi) else _wrap(f"{row.name} — {dates_text(row)}")
            y += 1 + (TEXT_LINE * len(above) if above else 0)
            out.append((row, y, above))
    return out


def _extent(row: Row) -> list[float]:
    """Where a row's drawing lies on the x axis (empty: nothing but dotted lines)."""
    begin = circa_start(row)
    return [_num(d) for w in stated(row) for d in (w.lo, w.hi)] + ([_num(begin)] if begin else [])


def _width(text: str, lo: dt.date, hi: dt.date) -> float:
    """An estimate of the width of `text` on the x axis (DejaVu Sans at FONT_SIZE)."""
    return len(text) * CHAR_WIDTH * FONT_SIZE / (WIDTH_INCHES * 0.96 * 72) * (_num(hi) - _num(lo))


def _fits(row: Row, lo: dt.date, hi: dt.date) -> bool:
    """Whether the row's text fits right or left of its drawing, or nothing is drawn to hide."""
    xs = _extent(row)
    needed = _width(f"{row.name} — {dates_text(row)}", lo, hi) + (_num(hi) - _num(lo)) / 150
    return not xs or max(xs) + needed < _num(hi) or min(xs) - needed > _num(lo)


def _wrap(text: str) -> list[str]:
    """`text` in lines of at most the axis's width (whole words: joined by spaces, they give it back)."""
    import textwrap

    chars = int(WIDTH_INCHES * 0.96 * 72 / (CHAR_WIDTH * FONT_SIZE)) - 2
    return textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False)


def _num(day: dt.date) -> float:
    from matplotlib import dates as mdates

    return mdates.date2num(day)


def _draw_row(ax, y: float, row: Row, lo: dt.date, hi: dt.date, link, above: list[str] | None) -> None:
    colour = COLOUR[row.kind]
    start, end = row.start, row.end
    drawn: list[float] = []
    if row.kind == "post":
        drawn += _draw_post(ax, y, row, lo, hi, link(row.iri))
    else:
        if start and end and row.kind != "signing":
            drawn += _between(ax, y, start, end, colour, link(row.iri))
        if start is None and end is None:
            _unknown(ax, [_num(lo), _num(hi)], y)
    for w in (start, end):
        if w is not None:
            drawn += _when(ax, y, w, colour, link(row.iri))
    for mark in row.marks:
        if mark.when is not None:
            x = _num(mark.when.lo) + (_num(mark.when.hi) - _num(mark.when.lo)) / 2
            if row.kind == "post":  # above the line, clear of the bounds' carets
                _marker(ax, x, y - 0.32, MARK_SHAPE.get(mark.what, "*"), 8 if mark.what != "end announced" else 6,
                        ANNOUNCED, link(mark.iri))
            else:
                _marker(ax, x, y, "D", 5, colour, link(mark.iri))
            drawn.append(x)
    if above:
        t = ax.text(_num(lo) + (_num(hi) - _num(lo)) / 150, y - 0.4, "\n".join(above), fontsize=FONT_SIZE,
                    va="bottom", ha="left", linespacing=1.1)
        t.set_url(link(row.iri))
    else:
        _label(ax, y, row, drawn, lo, hi, link)


def _between(ax, y: float, a: When, b: When, colour: str, url: str) -> list[float]:
    """A bar from `a` to `b` (from after a month or year `a`, to before a month or year `b`)."""
    ax.add_patch(_bar(a.hi if a.precision != "day" else a.lo, b.lo if b.precision != "day" else b.hi,
                      y, colour, url))
    return [_num(a.lo), _num(b.hi)]


def _draw_post(ax, y: float, row: Row, lo: dt.date, hi: dt.date, url: str) -> list[float]:
    """A post holding's bounds: the bar it is known to be held over, carets at bounds, dotted lines
    over the time an unstated start or end may lie in, the approximate span; the x drawn at."""
    from matplotlib.patches import Rectangle

    b, start, end = row.bounds, row.start, row.end
    colour = COLOUR["post"]
    drawn: list[float] = []
    held_from = start or b.latest_start
    held_to = end or b.earliest_end
    if start and end:
        drawn += _between(ax, y, start, end, colour, url)
    elif held_from and held_to and held_from.lo <= held_to.hi:
        ax.add_patch(_bar(held_from.lo, held_to.hi, y, colour, url))
        drawn += [_num(held_from.lo), _num(held_to.hi)]
    if start is None:
        left = _num(b.earliest_start.lo) if b.earliest_start else _num(lo)
        right = (_num(b.latest_start.hi) if b.latest_start else _num(held_to.hi) if held_to else _num(hi))
        _unknown(ax, [left, right], y)
    if end is None:
        left = (_num(b.earliest_end.lo) if b.earliest_end else _num(held_from.lo) if held_from
                else _num(b.earliest_start.lo) if b.earliest_start else _num(lo))
        right = _num(b.latest_end.hi) if b.latest_end else _num(hi)
        _unknown(ax, [left, right], y)
    begin = circa_start(row)
    if begin is not None:
        band = Rectangle((_num(begin), y - 0.2), _num(b.latest_start.lo) - _num(begin), 0.4, facecolor=colour,
                         alpha=0.18, edgecolor=colour, linestyle=(0, (3, 2)), linewidth=0.8)
        band.set_url(url)
        ax.add_patch(band)
        drawn.append(_num(begin))
    for w, after in ((None if start else b.earliest_start, True), (None if start else b.latest_start, False),
                     (None if end else b.earliest_end, True), (None if end else b.latest_end, False)):
        if w is not None:
            x = _num(w.lo) if after else _num(w.hi)
            _marker(ax, x, y, 9 if after else 8, 7, colour, url)  # CARETRIGHTBASE / CARETLEFTBASE
            drawn.append(x)
    return drawn


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
    needed = _width(text, lo, hi)
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
        Patch(facecolor="#555555", label="held: from a start (or latest start) to an end (or earliest end)"),
        Line2D([], [], color=UNKNOWN, linestyle=(0, (1, 2)), label="not stated: may lie anywhere here"),
        Line2D([], [], marker=9, color="#555555", linestyle="none", markersize=7,
               label="bound: the start or end lies this way"),
        Patch(facecolor="#555555", alpha=0.18, edgecolor="#555555", linestyle=(0, (3, 2)),
              label="approximate span (circa) up to the latest start"),
        Line2D([], [], marker="*", color=ANNOUNCED, linestyle="none", markersize=9, label="start announced"),
        Line2D([], [], marker="X", color=ANNOUNCED, linestyle="none", markersize=7, label="end announced"),
    ]
    handles += [Patch(facecolor=COLOUR[k], label=h.lower()) for k, h in GROUPS]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=FONT_SIZE, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
