"""The cohort report for the terminal: role distribution, a compact heatmap grid, stages, single
points of failure, teach-next, the people closest to a target, and the legend."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roleadvisor.contracts.cohort import ROWS_SHOWN, CohortReport, more_rows, names_shown
from roleadvisor.contracts.words import commas, lower_title, number, percent, source
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.layout import Column, Hanging, Paragraph, Responsive, fit_cell, fitted_table, stacked
from roleadvisor.render.table import BAND_STYLES

NAME_WIDTH = 26  # a person's name in the heatmap grid is cut to this many cells
LEVEL_STYLES = ("dim", "dim", "", "cyan", "bold green", "bold magenta")


def skill_abbreviations(ids: list[str]) -> list[str]:
    """Short column headings: each id cut to its shortest unique start of at least 4 letters
    (``communication`` -> ``comm``), an id that short kept whole (``ml``)."""
    out = []
    for skill in ids:
        size = min(len(skill), 4)
        while size < len(skill) and any(o != skill and o.startswith(skill[:size]) for o in ids):
            size += 1
        out.append(skill[:size])
    return out


def builtin_short_names() -> dict[str, str]:
    """The grid's column headings for the built-in catalogue's skills, in the active language (a few
    letters each; the key under the grid spells them out)."""
    return {
        "systems": _("syst"),
        "databases": _("data"),
        "ml": _("ml"),
        "algorithms": _("algo"),
        "stats": _("stat"),
        "sme": _("sme"),
        "product": _("prod"),
        "communication": _("comm"),
    }


def short_names(ids: list[str]) -> list[str]:
    """Column headings for ``ids``: the translated short forms when every id is a built-in skill and
    the forms are distinct, else ``skill_abbreviations`` of the ids (a custom catalogue's own words)."""
    known = builtin_short_names()
    if all(i in known for i in ids):
        names = [known[i] for i in ids]
        if len(set(names)) == len(names):
            return names
    return skill_abbreviations(ids)


def level_style(level: int, top: int) -> str:
    """The style of a level in the grid: dim at the bottom of the scale, bold at the top."""
    if top <= 0:
        return ""
    step = round(level / top * (len(LEVEL_STYLES) - 1))
    return LEVEL_STYLES[max(0, min(step, len(LEVEL_STYLES) - 1))]


def _band(band: str, label: str) -> Text:
    return Text(label or band, style=BAND_STYLES.get(band, ""))


def _roles(report: CohortReport) -> RenderableType:
    title = _("Best roles: how many people have each as their first role")
    bands = report.bands

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Role")),
                Column(header=_("People"), justify="right", no_wrap=True),
                *(Column(header=b.label, justify="right", no_wrap=True) for b in bands),
                Column(header=_("Who (best fit first)")),
            ],
            [
                [
                    Text(role.title, style="bold"),
                    number(role.people),
                    *(number(role.bands.get(b.id, 0)) for b in bands),
                    names_shown(role.names),
                ]
                for role in report.roles
            ],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                Group(
                    Text.assemble((f"{number(role.people):>3} ", "bold"), (role.title, "bold")),
                    Paragraph("    " + names_shown(role.names), style="dim"),
                )
                for role in report.roles
            ),
        )

    return Responsive(wide, narrow)


def heatmap_grid(report: CohortReport) -> RenderableType:
    """People by skills, levels 0..top, people grouped under their best role."""
    top = report.scale.max
    short = short_names([s.id for s in report.skills])
    grid = Table(
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
        show_edge=False,
    )
    grid.add_column(_("Person"), max_width=NAME_WIDTH)
    grid.add_column(_("Fit"), justify="right", no_wrap=True, min_width=5)
    for name in short:
        grid.add_column(name, justify="right", no_wrap=True, min_width=max(cell_len(name), 3))
    role = None
    for row in report.heatmap:
        if row.role != role:
            role = row.role
            grid.add_row(Text(row.role_title, style="bold underline"), *([""] * (len(short) + 1)))
        grid.add_row(
            Text(row.person),
            percent(row.fit),
            *(Text(number(level), style=level_style(level, top)) for level in row.levels),
        )
    if report.heatmap:
        grid.add_section()
        high = report.scale.high
        grid.add_row(
            Text(_("people at {level}+").format(level=number(high)), style="italic"),
            "",
            *(number(s.high) for s in report.skill_levels),
        )
        grid.add_row(
            Text(_("mean level"), style="italic"), "", *(number(s.mean, 1) for s in report.skill_levels)
        )
    key = commas([f"{a} = {lower_title(s.title)}" for a, s in zip(short, report.skills, strict=True)])
    title = _("Levels, person by skill (grouped by best role; fit is to that role)")
    return Group(Paragraph(title), grid, Paragraph(key, style="dim"))


def _stages(report: CohortReport) -> RenderableType:
    title = _("Production-cycle stages: who meets each stage's needs")
    total = report.input.people

    def meet(stage_meet: int) -> str:
        return _("{count} of {total}").format(count=number(stage_meet), total=number(total))

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Stage")),
                Column(header=_("Needs")),
                Column(header=_("Meet"), no_wrap=True, justify="right"),
                Column(header=_("Mean stage fit"), no_wrap=True),
            ],
            [[s.title, s.needs_text, meet(s.meet), fit_cell(s.mean_fit)] for s in report.stages],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                Group(
                    Text.assemble((s.title, "bold"), "  ", meet(s.meet)),
                    Paragraph("    " + s.needs_text, style="dim"),
                )
                for s in report.stages
            ),
        )

    return Responsive(wide, narrow)


def _gains(report: CohortReport) -> RenderableType | None:
    teach = report.teach_next
    if teach is None or not teach.gains:
        return None

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Person")),
                Column(header=_("Level"), no_wrap=True),
                Column(header=_("For")),
                Column(header=_("Fit gain"), no_wrap=True, justify="right"),
            ],
            [
                [
                    g.id,
                    f"{number(g.have)}→{number(g.to)}",
                    g.role_title,
                    _("+{points} points").format(points=number(g.gain * 100, 1)),
                ]
                for g in teach.gains[:ROWS_SHOWN]
            ],
            title=_("Who gains from it"),
        )

    def narrow() -> RenderableType:
        return stacked(
            _("Who gains from it"),
            (
                Text(
                    f"{g.id}: {number(g.have)}→{number(g.to)}, "
                    + _("+{points} points").format(points=number(g.gain * 100, 1))
                )
                for g in teach.gains[:ROWS_SHOWN]
            ),
        )

    if len(teach.gains) > ROWS_SHOWN:
        return Group(Responsive(wide, narrow), Paragraph(more_rows(len(teach.gains)), style="dim"))
    return Responsive(wide, narrow)


def place(rank: int, tied: bool) -> str:
    """``"3"``, or ``"3="`` when others share the rank (as ``rank`` shows it)."""
    return number(rank) + ("=" if tied else "")


def _closest(report: CohortReport) -> RenderableType:
    title = report.closest_title
    none = _("none")

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim"),
                Column(header=_("Person")),
                Column(header=_("Fit"), no_wrap=True),
                Column(header=_("Readiness"), no_wrap=True),
                Column(header=_("Critical gaps")),
                Column(header=_("Levels to learn"), no_wrap=True, justify="right"),
            ],
            [
                [
                    place(c.rank, c.tied),
                    c.id,
                    fit_cell(c.fit),
                    _band(c.band, c.band_label),
                    c.critical_text or none,
                    number(c.learning),
                ]
                for c in report.closest[:ROWS_SHOWN]
            ],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                Group(
                    Text.assemble(
                        (f"{place(c.rank, c.tied):>4} ", "dim"),
                        fit_cell(c.fit),
                        " ",
                        (c.id, "bold"),
                        " ",
                        _band(c.band, c.band_label),
                    ),
                    Paragraph("     " + (c.critical_text or none), style="dim"),
                )
                for c in report.closest[:ROWS_SHOWN]
            ),
        )

    if len(report.closest) > ROWS_SHOWN:
        return Group(Responsive(wide, narrow), Paragraph(more_rows(len(report.closest)), style="dim"))
    return Responsive(wide, narrow)


def _legend_line(line: str) -> RenderableType:
    term, _sep, meaning = line.partition(": ")
    return Hanging(label=Text(f"  {term}", style="dim bold"), text=meaning, indent=16)


def cohort_table(report: CohortReport) -> RenderableType:
    """The whole cohort report for a terminal or a text file."""
    summary = list(report.summary)
    if report.skipped and summary:
        # the command lists them on stderr before the report is written: this is for a terminal
        summary[0] += " " + ngettext(
            "It is listed above on stderr.", "They are listed above on stderr.", len(report.skipped)
        )
    parts: list[RenderableType] = [
        Paragraph(" ".join(summary)),
        Paragraph(report.caveat, style="yellow"),
        Text(),
    ]
    if report.roles:
        parts += [_roles(report), Text()]
    if report.closest:
        parts += [_closest(report), Text()]
    if report.heatmap:
        parts += [heatmap_grid(report), Text()]
        parts += [_stages(report), Text()]
        parts += [
            Text(_("Single points of failure"), style="bold"),
            *(Paragraph(line) for line in report.spof_text),
            Text(),
            Text(_("Teach next"), style="bold"),
            *(Paragraph(line) for line in report.teach_text),
            Text(),
        ]
        gains = _gains(report)
        if gains is not None:
            parts += [gains, Text()]
    parts += [
        Paragraph(
            _("Catalogue {version} ({source}). What the numbers mean:").format(
                version=report.catalog.version, source=source(report.catalog.source)
            ),
            style="dim",
        ),
        *(_legend_line(line) for line in report.legend),
    ]
    return Group(*parts)
