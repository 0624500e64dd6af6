"""The assessment for people: Rich tables, bars and a plain-language summary."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Assessment
from roleadvisor.report import AssessReport, ResourceOut
from roleadvisor.summary import percent, summary_sentences

BAR_WIDTH = 12


def bar(fraction: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar of ``width`` cells filled to ``fraction`` (eighth-cell steps)."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[rest] if rest else ""
    filled = "█" * full + partial
    return Text(filled.ljust(width), style="green" if fraction >= 0.75 else "yellow")


def fit_cell(fit: float) -> Text:
    """Percentage and bar side by side."""
    return Text.assemble((f"{percent(fit):>4} ", "bold"), bar(fit))


def render_assessment(report: AssessReport, assessment: Assessment, catalog: Catalog) -> RenderableType:
    """Ranked roles, ranked stages and the summary as one renderable."""
    who = escape(report.profile.name) if report.profile.name else "your profile"
    roles = Table(title=f"Roles ranked by fit for {who}", title_justify="left", expand=False)
    roles.add_column("#", justify="right", style="dim")
    roles.add_column("Role", ratio=3)
    roles.add_column("Fit", no_wrap=True)
    roles.add_column("Largest gaps (have→need)", ratio=2)
    for rank, role in enumerate(report.roles, start=1):
        gaps = ", ".join(f"{g.skill} {g.have}→{g.need}" for g in role.gaps[:2]) or "none"
        roles.add_row(
            str(rank),
            Text.assemble((role.title, "bold"), "\n", (f"{role.id} · {role.family}", "dim")),
            fit_cell(role.fit),
            Text(gaps),
        )
    stages = Table(title="Production-cycle stages", title_justify="left")
    stages.add_column("Stage", ratio=2)
    stages.add_column("Fit", no_wrap=True)
    stages.add_column("Owned by", style="dim", ratio=3)
    for stage in report.stages:
        owners = ", ".join(catalog.stage(stage.id).owners)
        stages.add_row(Text(stage.title), fit_cell(stage.fit), Text(owners))
    summary = Text(" ".join(summary_sentences(assessment, catalog)))
    footer = Text(
        f"Catalogue {report.catalog.version} ({report.catalog.source}); "
        "fit = importance-weighted share of each role's required levels you cover; "
        "'to learn' = sum of importance-weighted level gaps.",
        style="dim",
    )
    return Group(roles, Text(), stages, Text(), summary, Text(), *render_advice(report, catalog), footer)


def render_to_text(renderable: RenderableType, *, width: int = 100) -> str:
    """Plain text (no colour codes) of a renderable, for ``--output report.txt``."""
    buffer = io.StringIO()
    console = Console(width=width, color_system=None, force_terminal=False, file=buffer)
    console.print(renderable)
    return buffer.getvalue()


def _level_bar(level: int, top: int, style: str) -> Text:
    cells = bar(level / top if top else 0.0, 10)
    return Text.assemble((cells.plain, style), f" {level}")


def render_levels_chart(report: AssessReport, catalog: Catalog) -> RenderableType | None:
    """The person's level against the target's (or top role's) requirement, skill by skill."""
    role_id = (
        report.target.id if report.target is not None else (report.roles[0].id if report.roles else None)
    )
    if role_id is None:
        return None
    role = catalog.role(role_id)
    top = catalog.scale.max
    chart = Table(box=None)
    chart.add_column("Skill", no_wrap=True)
    chart.add_column("You", no_wrap=True)
    chart.add_column("Role needs", no_wrap=True)
    chart.add_column("", no_wrap=True)
    for skill_id, req in role.requirements:
        have = report.profile.ratings[skill_id]
        mark = (
            Text("ok", style="green") if have >= req.level else Text(f"gap {req.level - have}", style="red")
        )
        chart.add_row(skill_id, _level_bar(have, top, "cyan"), _level_bar(req.level, top, "magenta"), mark)
    return Group(Text(f"You against {role.title}, skill by skill", style="italic"), chart)


def _resource_line(resources: list[ResourceOut], limit: int = 2) -> str:
    return "; ".join(f"{r.title} [{r.kind}]" for r in resources[:limit]) or "no resource in the catalogue"


def render_advice(report: AssessReport, catalog: Catalog) -> list[RenderableType]:
    """Plan, next best step, adjacent moves and the levels chart, for the terminal."""
    parts: list[RenderableType] = []
    chart = render_levels_chart(report, catalog)
    if chart is not None:
        parts += [chart, Text()]
    if report.target is not None:
        target = report.target
        plan = Table(
            title=f"Plan for {target.title} (now {percent(target.fit)}), first step first",
            title_justify="left",
            expand=True,
        )
        plan.add_column("#", justify="right", style="dim")
        plan.add_column("Step", no_wrap=True)
        plan.add_column("Fit after", no_wrap=True)
        plan.add_column("At that level a person…", ratio=3)
        plan.add_column("Learn from", ratio=3)
        for n, step in enumerate(target.plan, start=1):
            plan.add_row(
                str(n),
                f"{step.skill} {step.have}→{step.need}",
                percent(step.fit_after),
                Text(step.descriptor),
                Text(_resource_line(step.resources)),
            )
        if not target.plan:
            plan.add_row("", "none", "100%", "You meet every requirement of this role.", "")
        parts += [plan, Text()]
    if report.next_step is not None:
        ns = report.next_step
        roles = ", ".join(catalog.role(r).title for r in ns.roles)
        parts.append(
            Text.assemble(
                ("Next best step: ", "bold"),
                f"raise {catalog.skill(ns.skill).title.lower()} from {ns.have} to {ns.to} "
                f"(+{ns.gain * 100:.1f} points of fit on average for {roles}). At level {ns.to} a person "
                f"{ns.descriptor[:1].lower()}{ns.descriptor[1:]} "
                f"Learn from: {_resource_line(ns.resources, 3)}.",
            )
        )
        parts.append(Text())
    if report.moves is not None:
        mv = report.moves
        near = Table(title=f"Roles closest to {mv.best.title}, your best fit", title_justify="left")
        near.add_column("Role")
        near.add_column("Fit", no_wrap=True)
        near.add_column("Similar", no_wrap=True)
        near.add_column("To learn", no_wrap=True, justify="right")
        for move in mv.adjacent:
            near.add_row(Text(move.title), percent(move.fit), percent(move.similarity), f"{move.learning:g}")
        parts += [near, Text(" ".join(mv.tradeoffs)), Text()]
    return parts
