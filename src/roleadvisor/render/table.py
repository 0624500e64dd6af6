"""The assessment for people: Rich tables (stacked blocks on narrow terminals), bars and prose."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roleadvisor.contracts.assess import AssessReport, PlanStepOut, StageOut, TargetOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import (
    commas,
    family,
    gap,
    lower_first,
    lower_title,
    number,
    percent,
    resource,
    source,
)
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.layout import (
    Cell,
    Column,
    Hanging,
    Paragraph,
    Responsive,
    bar,
    block,
    fit_cell,
    fitted_table,
    stacked,
)

BAND_STYLES = {"ready": "bold green", "close": "green", "stretch": "yellow", "far": "red"}


def _band_text(band: str, label: str = "") -> Text:
    """A readiness band: its label (the band id when there is none), coloured by the band."""
    return Text(label or band, style=BAND_STYLES.get(band, ""))


def _roles(report: AssessReport) -> RenderableType:
    name = report.profile.name
    title = (
        _("Roles ranked by match for {name}").format(name=name)
        if name
        else _("Roles ranked by match for your profile")
    )

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim"),
                Column(header=_("Role")),
                Column(header=_("Match"), no_wrap=True),
                Column(header=_("Fit"), no_wrap=True, justify="right"),
                Column(header=_("Use"), no_wrap=True, justify="right"),
                Column(header=_("Readiness"), no_wrap=True),
                Column(header=_("Why this rank")),
            ],
            [
                [
                    number(rank),
                    Text.assemble((role.title, "bold"), "\n", (f"{role.id} · {family(role.family)}", "dim")),
                    fit_cell(role.match),
                    percent(role.fit),
                    percent(role.use),
                    _band_text(role.band, role.band_label),
                    role.reason,
                ]
                for rank, role in enumerate(report.roles, start=1)
            ],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                block(
                    Text.assemble(
                        (f"{number(rank):>2}. ", "dim"), fit_cell(role.match), " ", (role.title, "bold")
                    ),
                    [
                        Text.assemble(
                            (f"{role.id} · {family(role.family)} · ", "dim"),
                            *_with_band(
                                _("fit {fit}, use {use}, {band}").format(
                                    fit=percent(role.fit), use=percent(role.use), band=_BAND_MARK
                                ),
                                _band_text(role.band, role.band_label),
                            ),
                        ),
                        Text(role.reason),
                    ],
                    indent=4,
                )
                for rank, role in enumerate(report.roles, start=1)
            ),
        )

    return Responsive(wide, narrow)


_BAND_MARK = "\x00"


def _with_band(line: str, band: Text) -> list[Text | str]:
    """``line`` with the coloured ``band`` where it holds ``_BAND_MARK`` (a translation may move it)."""
    before, _mark, after = line.partition(_BAND_MARK)
    return [before, band, after]


def _stages(stages: tuple[StageOut, ...]) -> RenderableType:
    title = _("Production-cycle stages")

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Stage")),
                Column(header=_("Fit"), no_wrap=True),
                Column(header=_("Owned by"), style="dim"),
            ],
            [[stage.title, fit_cell(stage.fit), commas(list(stage.owners))] for stage in stages],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                block(
                    Text.assemble(fit_cell(stage.fit), " ", (stage.title, "bold")),
                    [
                        Text(
                            _("owned by {roles}").format(roles=commas(list(stage.owners)))
                            if stage.owners
                            else _("owned by no role"),
                            style="dim",
                        )
                    ],
                    indent=4,
                )
                for stage in stages
            ),
        )

    return Responsive(wide, narrow)


def _legend_line(line: str) -> RenderableType:
    """``term: meaning`` with the meaning wrapped under a hanging indent."""
    term, _, meaning = line.partition(": ")
    return Hanging(label=Text(f"  {term}", style="dim bold"), text=meaning, indent=16)


def assess_table(report: AssessReport) -> RenderableType:
    """Ranked roles, ranked stages, the summary and the advice as one renderable."""
    verdict = [s.sentence for s in (report.readiness, report.stability) if s is not None]
    footer = Group(
        Paragraph(
            _("Catalogue {version} ({source}). What the numbers mean:").format(
                version=report.catalog.version, source=source(report.catalog.source)
            ),
            style="dim",
        ),
        *(_legend_line(line) for line in report.legend),
    )
    warnings: list[RenderableType] = [
        Paragraph(_("Warning: {warning}").format(warning=w), style="yellow") for w in report.warnings
    ]
    verdicts: list[RenderableType] = [Paragraph(" ".join(verdict)), Text()] if verdict else []
    return Group(
        *([*warnings, Text()] if warnings else []),
        _roles(report),
        Text(),
        Paragraph(" ".join(report.summary)),
        Text(),
        *verdicts,
        _stages(report.stages),
        Text(),
        *render_advice(report),
        footer,
    )


def _level_bar(level: int, top: int, style: str) -> Text:
    cells = bar(level / top if top else 0.0, 10)
    return Text.assemble((cells.plain, style), f" {number(level)}")


def render_levels_chart(report: AssessReport) -> RenderableType | None:
    """The person's level against the target's (or top role's) requirement, skill by skill."""
    chart = report.chart
    if chart is None or not chart.roles:
        return None
    role = chart.roles[0]

    def table(names: list[str]) -> Table:
        grid = Table(box=None)
        grid.add_column(_("Skill"), no_wrap=True)
        grid.add_column(_("You"), no_wrap=True)
        grid.add_column(_("Role needs"), no_wrap=True)
        grid.add_column("", no_wrap=True)
        for name, have, need in zip(names, chart.have, role.levels, strict=True):
            mark = (
                Text(_("ok"), style="green")
                if have >= need
                else Text(_("gap {count}").format(count=number(need - have)), style="red")
            )
            grid.add_row(
                name,
                _level_bar(have, chart.scale_max, "cyan"),
                _level_bar(need, chart.scale_max, "magenta"),
                mark,
            )
        return grid

    titles = [skill.title for skill in chart.skills]
    marks = (_("ok"), _("gap {count}").format(count=number(chart.scale_max)))
    widest = (
        max((cell_len(t) for t in titles), default=0) + 31 + max(cell_len(m) for m in marks)
    )  # bars, 'gap N'

    def wide(width: int) -> RenderableType | None:
        return table(titles) if width >= widest else None

    def narrow() -> RenderableType:
        return table([skill.id for skill in chart.skills])  # short ids where titles do not fit

    return Group(
        Paragraph(_("You against {role}, skill by skill").format(role=role.title), style="italic"),
        Responsive(wide, narrow),
    )


def _resource_line(resources: tuple[ResourceOut, ...], limit: int = 2) -> str:
    """Up to ``limit`` resources, ``"title [kind]; title [kind]"``."""
    if not resources:
        return _("no resource in the catalogue")
    out = resource(resources[0].title, resources[0].kind)
    for r in resources[1:limit]:
        out = _("{first}; {second}").format(first=out, second=resource(r.title, r.kind))
    return out


def _step(step: PlanStepOut) -> str:
    return gap(lower_title(step.skill_title or step.skill), step.have, step.need)


def _at_levels(step: PlanStepOut) -> str:
    """What a person can do at each level the step passes through (one line per level)."""
    if len(step.levels) <= 1:
        return step.descriptor
    return "\n".join(f"{number(lv.level)}: {lv.descriptor}" for lv in step.levels)


def _plan(target: TargetOut) -> RenderableType:
    title = ngettext(
        "Plan for {role} (fit now {fit}, {band}; {count} level to learn), first step first",
        "Plan for {role} (fit now {fit}, {band}; {count} levels to learn), first step first",
        target.learning,
    ).format(
        role=target.title,
        fit=percent(target.fit),
        band=target.band_label or target.band,
        count=number(target.learning),
    )
    met = _("You meet every requirement of this role.")

    def wide(width: int) -> RenderableType | None:
        rows: list[list[Cell]] = [
            [
                number(n),
                _step(step),
                percent(step.fit_after),
                _at_levels(step),
                _resource_line(step.resources),
            ]
            for n, step in enumerate(target.plan, start=1)
        ]
        if not target.plan:
            rows = [["", _("none"), percent(1.0), met, ""]]
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim"),
                Column(header=_("Step"), no_wrap=True),
                Column(header=_("Fit after"), no_wrap=True),
                Column(header=_("At that level a person…")),
                Column(header=_("Learn from")),
            ],
            rows,
            title=title,
        )

    def narrow() -> RenderableType:
        if not target.plan:
            return stacked(title, [Text(met)])
        return stacked(
            title,
            (
                block(
                    Text.assemble(
                        (f"{number(n)}. ", "dim"),
                        (_step(step), "bold"),
                        "  " + _("fit after: {fit}").format(fit=percent(step.fit_after)),
                    ),
                    [
                        *(
                            Text(
                                _("At level {level} a person {descriptor}").format(
                                    level=number(lv.level), descriptor=lower_first(lv.descriptor)
                                )
                            )
                            for lv in step.levels
                        ),
                        Text(
                            _("Learn from: {resources}").format(resources=_resource_line(step.resources)),
                            style="dim",
                        ),
                    ],
                )
                for n, step in enumerate(target.plan, start=1)
            ),
        )

    return Responsive(wide, narrow)


def _moves(report: AssessReport) -> list[RenderableType]:
    mv = report.moves
    if mv is None:
        return []
    title = (
        _("Roles closest to {role}, your target")
        if report.target is not None and report.target.id == mv.best.id
        else _("Roles closest to {role}, your best match")
    ).format(role=mv.best.title)

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Role")),
                Column(header=_("Fit"), no_wrap=True),
                Column(header=_("Similar"), no_wrap=True),
                Column(header=_("Levels to learn"), no_wrap=True, justify="right"),
            ],
            [[m.title, percent(m.fit), percent(m.similarity), number(m.learning)] for m in mv.adjacent],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                block(
                    Text(move.title, style="bold"),
                    [
                        _("fit {fit}, similar {similar}, levels to learn {count}").format(
                            fit=percent(move.fit),
                            similar=percent(move.similarity),
                            count=number(move.learning),
                        )
                    ],
                )
                for move in mv.adjacent
            ),
        )

    return [Responsive(wide, narrow), Paragraph(" ".join(mv.tradeoffs)), Text()]


def render_advice(report: AssessReport) -> list[RenderableType]:
    """Levels chart, plan, next best step and adjacent moves, for the terminal."""
    parts: list[RenderableType] = []
    chart = render_levels_chart(report)
    if chart is not None:
        parts += [chart, Text()]
    if report.target is not None:
        parts += [_plan(report.target), Text()]
    if report.next_step is not None:
        parts += [
            Paragraph(
                Text.assemble((_("Next best step:") + " ", "bold"), lower_first(report.next_step.sentence))
            ),
            Text(),
        ]
    return parts + _moves(report)
