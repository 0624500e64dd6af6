"""The assessment for people: Rich tables (stacked blocks on narrow terminals), bars and prose."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roleadvisor.contracts.assess import AssessReport, PlanStepOut, StageOut, TargetOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import lower_first, percent
from roleadvisor.render.layout import (
    Cell,
    Column,
    Hanging,
    Responsive,
    bar,
    block,
    fit_cell,
    fitted_table,
    stacked,
)

BAND_STYLES = {"ready": "bold green", "close": "green", "stretch": "yellow", "far": "red"}


def _band_text(band: str) -> Text:
    return Text(band, style=BAND_STYLES.get(band, ""))


def _roles(report: AssessReport) -> RenderableType:
    who = report.profile.name or "your profile"
    title = f"Roles ranked by match for {who}"

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim"),
                Column(header="Role"),
                Column(header="Match", no_wrap=True),
                Column(header="Fit", no_wrap=True, justify="right"),
                Column(header="Use", no_wrap=True, justify="right"),
                Column(header="Readiness", no_wrap=True),
                Column(header="Why this rank"),
            ],
            [
                [
                    str(rank),
                    Text.assemble((role.title, "bold"), "\n", (f"{role.id} · {role.family}", "dim")),
                    fit_cell(role.match),
                    percent(role.fit),
                    percent(role.use),
                    _band_text(role.band),
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
                    Text.assemble((f"{rank:>2}. ", "dim"), fit_cell(role.match), " ", (role.title, "bold")),
                    [
                        Text.assemble(
                            (f"{role.id} · {role.family} · ", "dim"),
                            f"fit {percent(role.fit)}, use {percent(role.use)}, ",
                            _band_text(role.band),
                        ),
                        Text(role.reason),
                    ],
                    indent=4,
                )
                for rank, role in enumerate(report.roles, start=1)
            ),
        )

    return Responsive(wide, narrow)


def _stages(stages: tuple[StageOut, ...]) -> RenderableType:
    title = "Production-cycle stages"

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Stage"),
                Column(header="Fit", no_wrap=True),
                Column(header="Owned by", style="dim"),
            ],
            [[stage.title, fit_cell(stage.fit), ", ".join(stage.owners)] for stage in stages],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                block(
                    Text.assemble(fit_cell(stage.fit), " ", (stage.title, "bold")),
                    [Text(f"owned by {', '.join(stage.owners) or 'no role'}", style="dim")],
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
        Text(
            f"Catalogue {report.catalog.version} ({report.catalog.source}). What the numbers mean:",
            style="dim",
        ),
        *(_legend_line(line) for line in report.legend),
    )
    warnings = [Text(f"Warning: {w}", style="yellow") for w in report.warnings]
    return Group(
        *([*warnings, Text()] if warnings else []),
        _roles(report),
        Text(),
        Text(" ".join(report.summary)),
        Text(),
        *([Text(" ".join(verdict)), Text()] if verdict else []),
        _stages(report.stages),
        Text(),
        *render_advice(report),
        footer,
    )


def _level_bar(level: int, top: int, style: str) -> Text:
    cells = bar(level / top if top else 0.0, 10)
    return Text.assemble((cells.plain, style), f" {level}")


def render_levels_chart(report: AssessReport) -> RenderableType | None:
    """The person's level against the target's (or top role's) requirement, skill by skill."""
    chart = report.chart
    if chart is None or not chart.roles:
        return None
    role = chart.roles[0]

    def table(names: list[str]) -> Table:
        grid = Table(box=None)
        grid.add_column("Skill", no_wrap=True)
        grid.add_column("You", no_wrap=True)
        grid.add_column("Role needs", no_wrap=True)
        grid.add_column("", no_wrap=True)
        for name, have, need in zip(names, chart.have, role.levels, strict=True):
            mark = Text("ok", style="green") if have >= need else Text(f"gap {need - have}", style="red")
            grid.add_row(
                name,
                _level_bar(have, chart.scale_max, "cyan"),
                _level_bar(need, chart.scale_max, "magenta"),
                mark,
            )
        return grid

    titles = [skill.title for skill in chart.skills]
    widest = max((len(t) for t in titles), default=0) + 36  # two bars, their numbers and 'gap N'

    def wide(width: int) -> RenderableType | None:
        return table(titles) if width >= widest else None

    def narrow() -> RenderableType:
        return table([skill.id for skill in chart.skills])  # short ids where titles do not fit

    return Group(Text(f"You against {role.title}, skill by skill", style="italic"), Responsive(wide, narrow))


def _resource_line(resources: tuple[ResourceOut, ...], limit: int = 2) -> str:
    return "; ".join(f"{r.title} [{r.kind}]" for r in resources[:limit]) or "no resource in the catalogue"


def _step(step: PlanStepOut) -> str:
    return f"{(step.skill_title or step.skill).lower()} {step.have}→{step.need}"


def _at_levels(step: PlanStepOut) -> str:
    """What a person can do at each level the step passes through (one line per level)."""
    if len(step.levels) <= 1:
        return step.descriptor
    return "\n".join(f"{lv.level}: {lv.descriptor}" for lv in step.levels)


def _plan(target: TargetOut) -> RenderableType:
    title = (
        f"Plan for {target.title} (fit now {percent(target.fit)}, {target.band}; "
        f"{target.learning} level{'s' if target.learning != 1 else ''} to learn), first step first"
    )

    def wide(width: int) -> RenderableType | None:
        rows: list[list[Cell]] = [
            [str(n), _step(step), percent(step.fit_after), _at_levels(step), _resource_line(step.resources)]
            for n, step in enumerate(target.plan, start=1)
        ]
        if not target.plan:
            rows = [["", "none", "100%", "You meet every requirement of this role.", ""]]
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim"),
                Column(header="Step", no_wrap=True),
                Column(header="Fit after", no_wrap=True),
                Column(header="At that level a person…"),
                Column(header="Learn from"),
            ],
            rows,
            title=title,
        )

    def narrow() -> RenderableType:
        if not target.plan:
            return stacked(title, [Text("You meet every requirement of this role.")])
        return stacked(
            title,
            (
                block(
                    Text.assemble(
                        (f"{n}. ", "dim"), (_step(step), "bold"), f"  fit after: {percent(step.fit_after)}"
                    ),
                    [
                        *(
                            Text(f"At level {lv.level} a person {lower_first(lv.descriptor)}")
                            for lv in step.levels
                        ),
                        Text(f"Learn from: {_resource_line(step.resources)}", style="dim"),
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
    anchor = (
        "your target" if report.target is not None and report.target.id == mv.best.id else "your best match"
    )
    title = f"Roles closest to {mv.best.title}, {anchor}"

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Role"),
                Column(header="Fit", no_wrap=True),
                Column(header="Similar", no_wrap=True),
                Column(header="Levels to learn", no_wrap=True, justify="right"),
            ],
            [[m.title, percent(m.fit), percent(m.similarity), str(m.learning)] for m in mv.adjacent],
            title=title,
        )

    def narrow() -> RenderableType:
        return stacked(
            title,
            (
                block(
                    Text(move.title, style="bold"),
                    [
                        f"fit {percent(move.fit)}, similar {percent(move.similarity)}, "
                        f"levels to learn {move.learning}"
                    ],
                )
                for move in mv.adjacent
            ),
        )

    return [Responsive(wide, narrow), Text(" ".join(mv.tradeoffs)), Text()]


def render_advice(report: AssessReport) -> list[RenderableType]:
    """Levels chart, plan, next best step and adjacent moves, for the terminal."""
    parts: list[RenderableType] = []
    chart = render_levels_chart(report)
    if chart is not None:
        parts += [chart, Text()]
    if report.target is not None:
        parts += [_plan(report.target), Text()]
    if report.next_step is not None:
        parts += [Text.assemble(("Next best step: ", "bold"), lower_first(report.next_step.sentence)), Text()]
    return parts + _moves(report)
