"""A radar chart in plain SVG: the person's levels against up to three roles' requirements.

Generated here rather than with a plotting library: one small function, no
dependencies, and output that embeds directly in the HTML report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from roleadvisor.contracts.assess import AssessReport
from roleadvisor.records import record

SIZE = 520  # height of the chart area
WIDTH = 720  # wider than tall, so long axis labels fit left and right
CENTRE_X = WIDTH / 2
CENTRE_Y = SIZE / 2
RADIUS = 170
PERSON_COLOUR = "#1f6feb"
ROLE_COLOURS = ("#d1495b", "#2a9d8f", "#e9a03b")
MAX_ROLES = 3


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


def radar_svg(axes: Sequence[str], top: int, series: Sequence[Series], title: str) -> str:
    """An SVG document: one axis per skill, rings per level, one polygon per series."""
    count = len(axes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {SIZE + 24 * len(series)}" '
        f'width="{WIDTH}" height="{SIZE + 24 * len(series)}" role="img" aria-labelledby="radar-title" '
        'class="radar" font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="radar-title">{escape(title)}</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for level in range(1, top + 1):
        ring = " ".join(f"{x},{y}" for x, y in (_point(a, count, level / top) for a in range(count)))
        out.append(f'<polygon class="ring" points="{ring}" fill="none" stroke="#d0d7de" stroke-width="1"/>')
        x, y = _point(0, count, level / top)
        out.append(f'<text x="{x + 4}" y="{y + 4}" fill="#6e7781" font-size="10">{level}</text>')
    for a, name in enumerate(axes):
        x, y = _point(a, count, 1.0)
        out.append(f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x}" y2="{y}" stroke="#d0d7de"/>')
        lx, ly = _point(a, count, 1.16)
        anchor = "middle" if abs(lx - CENTRE_X) < 10 else ("start" if lx > CENTRE_X else "end")
        out.append(f'<text class="axis" x="{lx}" y="{ly + 4}" text-anchor="{anchor}">{escape(name)}</text>')
    for s in series:
        pts = " ".join(
            f"{x},{y}"
            for x, y in (_point(a, count, (v / top) if top else 0.0) for a, v in enumerate(s.values))
        )
        fill = f'fill="{s.colour}" fill-opacity="0.25"' if s.filled else 'fill="none"'
        dash = "" if s.filled else ' stroke-dasharray="6 4"'
        out.append(
            f'<polygon class="series" data-label="{escape(s.label)}" points="{pts}" {fill} '
            f'stroke="{s.colour}" stroke-width="2.5"{dash}/>'
        )
    for i, s in enumerate(series):
        y = SIZE + 24 * i
        dash = "" if s.filled else ' stroke-dasharray="6 4"'
        out.append(f'<line x1="160" y1="{y}" x2="188" y2="{y}" stroke="{s.colour}" stroke-width="3"{dash}/>')
        out.append(f'<text x="196" y="{y + 4}">{escape(s.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def report_series(report: AssessReport) -> list[Series]:
    """The person, then the target role (if any) or the best-fitting roles."""
    chart = report.chart
    if chart is None:
        return []
    series = [
        Series(
            label=f"{report.profile.name or 'You'} (your levels)",
            colour=PERSON_COLOUR,
            values=chart.have,
            filled=True,
        )
    ]
    for colour, role in zip(ROLE_COLOURS, chart.roles[:MAX_ROLES], strict=False):
        series.append(
            Series(label=f"{role.title} (requirements)", colour=colour, values=role.levels, filled=False)
        )
    return series


def assess_svg(report: AssessReport) -> str:
    """The radar chart of ``report`` as a standalone SVG document."""
    who = report.profile.name or "you"
    chart = report.chart
    return radar_svg(
        [s.title for s in chart.skills] if chart is not None else [],
        chart.scale_max if chart is not None else 1,
        report_series(report),
        title=f"Skill levels of {who} against role requirements",
    )
