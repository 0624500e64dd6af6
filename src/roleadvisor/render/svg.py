"""A radar chart in plain SVG: the person's levels against up to three roles' requirements.

Generated here rather than with a plotting library: one small function, no
dependencies, and output that embeds directly in the HTML report.

In a right-to-left language (Persian) the geometry stays as it is, but the text
is set right to left (``direction="rtl"``, which also mirrors what ``text-anchor``
start and end mean) and the legend sits on the right, read from the right; names
inside the labels are bidi-isolated (U+2068..U+2069) so a Latin name keeps its
punctuation in place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from roleadvisor import i18n
from roleadvisor.contracts.assess import AssessReport
from roleadvisor.i18n import _
from roleadvisor.records import record

SIZE = 520  # height of the chart area
WIDTH = 720  # wider than tall, so long axis labels fit left and right
CENTRE_X = WIDTH / 2
CENTRE_Y = SIZE / 2
RADIUS = 170
PERSON_COLOUR = "#1f6feb"
ROLE_COLOURS = ("#d1495b", "#2a9d8f", "#e9a03b")
MAX_ROLES = 3
CHAR_WIDTH = 7.5  # a generous average width of a character of a 13 px label, in pixels
MARGIN = 6  # kept free at the chart's left and right edges
LINE = 15  # the line height of a two-line axis label
FONT = "system-ui, sans-serif"
# Persian: installed Persian fonts first (the HTML page adds its embedded font after them)
PERSIAN_FONTS = "Vazirmatn, 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma"
FONT_RTL = f"{PERSIAN_FONTS}, {FONT}"
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate


@record
class Series:
    """One polygon: a label, a colour and one value per axis (0..scale max)."""

    label: str
    colour: str
    values: tuple[int, ...]
    filled: bool


def _point(axis: int, count: int, fraction: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / count
    return (
        round(CENTRE_X + RADIUS * fraction * math.cos(angle), 2),
        round(CENTRE_Y + RADIUS * fraction * math.sin(angle), 2),
    )


def _wrap(label: str, room: float) -> list[str]:
    """An axis label on one line, or on two (split at the space nearest its middle) when it
    would not fit in ``room`` pixels at about ``CHAR_WIDTH`` a character."""
    if len(label) * CHAR_WIDTH <= room or " " not in label:
        return [label]
    middle = len(label) / 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return [label[:cut], label[cut + 1 :]]


def _room(x: float) -> float:
    """The width a label at ``x`` has before the chart's edge (a margin kept): a label right of
    the centre grows to the right, one left of it to the left (in either text direction), one
    at the centre both ways."""
    left, right = x - MARGIN, WIDTH - x - MARGIN
    if abs(x - CENTRE_X) < 10:
        return 2 * min(left, right)
    return right if x > CENTRE_X else left


def isolate(name: str) -> str:
    """``name`` bidi-isolated in a language other than English (a no-op in English)."""
    return name if i18n.current() == i18n.ENGLISH else f"{FSI}{name}{PDI}"


def radar_svg(
    axes: Sequence[str], top: int, series: Sequence[Series], title: str, *, rtl: bool = False
) -> str:
    """An SVG document: one axis per skill, rings per level, one polygon per series.

    ``rtl`` sets the text right to left and mirrors the text anchors and the legend.
    """
    count = len(axes)
    height = SIZE + 24 * len(series)
    lang = "" if i18n.current() == i18n.ENGLISH else f' xml:lang="{i18n.current()}"'
    direction = ' direction="rtl"' if rtl else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="radar-title" '
        f'class="radar" font-family="{FONT_RTL if rtl else FONT}" font-size="13"{lang}{direction}>',
        f'<title id="radar-title">{escape(title)}</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    # "start" and "end" follow the text's direction: in right-to-left text start is the right edge
    start, end = ("end", "start") if rtl else ("start", "end")
    for level in range(1, top + 1):
        ring = " ".join(f"{x},{y}" for x, y in (_point(a, count, level / top) for a in range(count)))
        out.append(f'<polygon class="ring" points="{ring}" fill="none" stroke="#d0d7de" stroke-width="1"/>')
        x, y = _point(0, count, level / top)
        anchor = f' text-anchor="{start}"' if rtl else ""  # right of the axis, in either direction
        out.append(
            f'<text x="{x + 4}" y="{y + 4}" fill="#6e7781" font-size="10"{anchor}>'
            f"{escape(i18n.number(level))}</text>"
        )
    for a, name in enumerate(axes):
        x, y = _point(a, count, 1.0)
        out.append(f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x}" y2="{y}" stroke="#d0d7de"/>')
        lx, ly = _point(a, count, 1.16)
        anchor = "middle" if abs(lx - CENTRE_X) < 10 else (start if lx > CENTRE_X else end)
        lines = _wrap(name, _room(lx))
        if len(lines) == 1:
            out.append(
                f'<text class="axis" x="{lx}" y="{ly + 4}" text-anchor="{anchor}">{escape(name)}</text>'
            )
            continue
        # two lines: above the axis end at the top, below it at the bottom, around it at the sides
        top_y = ly + 4 - (LINE if ly < CENTRE_Y - 10 else LINE / 2 if ly <= CENTRE_Y + 10 else 0)
        spans = "".join(
            f'<tspan x="{lx}" y="{round(top_y + LINE * i, 2)}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        out.append(
            f'<text class="axis" x="{lx}" y="{round(top_y, 2)}" text-anchor="{anchor}" '
            f'data-label="{escape(name)}">{spans}</text>'
        )
    for s in series:
        pts = " ".join(
            f"{x},{y}"
            for x, y in (_point(a, count, (v / top) if top else 0.0) for a, v in enumerate(s.values))
        )
        fill = f'fill="{s.colour}" fill-opacity="0.25"' if s.filled else 'fill="none"'
        dash = "" if s.filled else ' stroke-dasharray="6 4"'
        plain = s.label.replace(FSI, "").replace(PDI, "")
        out.append(
            f'<polygon class="series" data-label="{escape(plain)}" points="{pts}" {fill} '
            f'stroke="{s.colour}" stroke-width="2.5"{dash}/>'
        )
    for i, s in enumerate(series):
        y = SIZE + 24 * i
        dash = "" if s.filled else ' stroke-dasharray="6 4"'
        # the legend starts at x=160 from the left, or at the same distance from the right
        x1, x2, tx = (WIDTH - 160, WIDTH - 188, WIDTH - 196) if rtl else (160, 188, 196)
        out.append(
            f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{s.colour}" stroke-width="3"{dash}/>'
        )
        out.append(f'<text x="{tx}" y="{y + 4}">{escape(s.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def report_series(report: AssessReport) -> list[Series]:
    """The person, then the target role (if any) or the best-fitting roles."""
    chart = report.chart
    if chart is None:
        return []
    name = isolate(report.profile.name) if report.profile.name else _("You")
    series = [
        Series(
            label=_("{name} (your levels)").format(name=name),
            colour=PERSON_COLOUR,
            values=chart.have,
            filled=True,
        )
    ]
    for colour, role in zip(ROLE_COLOURS, chart.roles[:MAX_ROLES], strict=False):
        series.append(
            Series(
                label=_("{role} (requirements)").format(role=isolate(role.title)),
                colour=colour,
                values=role.levels,
                filled=False,
            )
        )
    return series


def assess_svg(report: AssessReport) -> str:
    """The radar chart of ``report`` as a standalone SVG document."""
    chart = report.chart
    title = (
        _("Skill levels of {name} against role requirements").format(name=report.profile.name)
        if report.profile.name
        else _("Your skill levels against role requirements")
    )
    return radar_svg(
        [s.title for s in chart.skills] if chart is not None else [],
        chart.scale_max if chart is not None else 1,
        report_series(report),
        title=title,
        rtl=i18n.is_rtl(),
    )
