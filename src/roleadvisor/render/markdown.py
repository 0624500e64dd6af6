"""The assessment report as GitHub-flavoured Markdown: summary, roles, stages, plan, moves, ratings."""

from __future__ import annotations

from roleadvisor.contracts.assess import AssessReport, PlanStepOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import lower_first, percent


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _resources(items: tuple[ResourceOut, ...]) -> str:
    if not items:
        return "no resource in the catalogue"
    return "; ".join(f"[{_cell(r.title)}]({r.url})" if r.url else _cell(r.title) for r in items)


def _levels(step: PlanStepOut) -> str:
    if len(step.levels) <= 1:
        return _cell(step.descriptor)
    return "<br>".join(f"{lv.level}: {_cell(lv.descriptor)}" for lv in step.levels)


def assess_markdown(report: AssessReport) -> str:
    """A Markdown document with everything the table shows."""
    who = report.profile.name or "this profile"
    lines = [f"# Role fit for {_cell(who)}", ""]
    lines += [f"> **Warning:** {_cell(w)}" for w in report.warnings]
    if report.warnings:
        lines.append("")
    lines += [" ".join(report.summary), ""]
    verdict = [s.sentence for s in (report.readiness, report.stability) if s is not None]
    if verdict:
        lines += [" ".join(verdict), ""]
    if report.next_step is not None:
        lines += [f"**Next best step:** {lower_first(report.next_step.sentence)}", ""]
    if report.target is not None:
        target = report.target
        lines += [
            f"## Plan for {_cell(target.title)} (fit now {percent(target.fit)}, {target.band}; "
            f"{target.learning} level{'s' if target.learning != 1 else ''} to learn)",
            "",
            "| # | Step | Fit after | At that level a person… | Learn from |",
            "|---|---|---|---|---|",
        ]
        for n, step in enumerate(target.plan, start=1):
            lines.append(
                f"| {n} | {_cell(step.skill_title or step.skill)} {step.have}→{step.need} | "
                f"{percent(step.fit_after)} | {_levels(step)} | {_resources(step.resources)} |"
            )
        if not target.plan:
            lines.append("| | none | 100% | You meet every requirement of this role. | |")
        lines.append("")
    lines += [
        "## Roles",
        "",
        "| # | Role | Family | Match | Fit | Use | Readiness | Why this rank |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rank, role in enumerate(report.roles, start=1):
        lines.append(
            f"| {rank} | {_cell(role.title)} (`{role.id}`) | {role.family} | {percent(role.match)} | "
            f"{percent(role.fit)} | {percent(role.use)} | {role.band} | {_cell(role.reason)} |"
        )
    if report.moves is not None:
        mv = report.moves
        targeted = report.target is not None and report.target.id == mv.best.id
        anchor = "your target" if targeted else "your best match"
        lines += [
            "",
            f"## Roles closest to {_cell(mv.best.title)}, {anchor}",
            "",
            "| Role | Fit | Similar | Levels to learn |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(m.title)} | {percent(m.fit)} | {percent(m.similarity)} | {m.learning} |"
            for m in mv.adjacent
        ]
        lines += ["", " ".join(mv.tradeoffs)]
    lines += ["", "## Production-cycle stages", "", "| Stage | Fit |", "|---|---|"]
    lines += [f"| {_cell(s.title)} | {percent(s.fit)} |" for s in report.stages]
    lines += ["", "## Ratings", "", "| Skill | Level |", "|---|---|"]
    lines += [f"| {_cell(r.title)} | {r.level} ({_cell(r.label)}) |" for r in report.ratings]
    lines += ["", f"_Catalogue {report.catalog.version}, scale v{report.catalog.scale_version}. "]
    lines[-1] += "What the numbers mean:_"
    lines += ["", *(f"- {_cell(line)}" for line in report.legend), ""]
    return "\n".join(lines)
