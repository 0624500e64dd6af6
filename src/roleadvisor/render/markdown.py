"""The assessment report as GitHub-flavoured Markdown: summary, roles, stages, plan, moves, ratings."""

from __future__ import annotations

from roleadvisor.contracts.assess import AssessReport
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import lower_first, percent


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _resources(items: tuple[ResourceOut, ...]) -> str:
    if not items:
        return "no resource in the catalogue"
    return "; ".join(f"[{_cell(r.title)}]({r.url})" if r.url else _cell(r.title) for r in items)


def assess_markdown(report: AssessReport) -> str:
    """A Markdown document with everything the table shows."""
    who = report.profile.name or "this profile"
    lines = [f"# Role fit for {_cell(who)}", ""]
    lines += [" ".join(report.summary), ""]
    if report.next_step is not None:
        lines += [f"**Next best step:** {lower_first(report.next_step.sentence)}", ""]
    if report.target is not None:
        target = report.target
        lines += [
            f"## Plan for {_cell(target.title)} (now {percent(target.fit)})",
            "",
            "| # | Step | Fit after | At that level a person… | Learn from |",
            "|---|---|---|---|---|",
        ]
        for n, step in enumerate(target.plan, start=1):
            lines.append(
                f"| {n} | {_cell(step.skill_title or step.skill)} {step.have}→{step.need} | "
                f"{percent(step.fit_after)} | {_cell(step.descriptor)} | {_resources(step.resources)} |"
            )
        if not target.plan:
            lines.append("| | none | 100% | You meet every requirement of this role. | |")
        lines.append("")
    lines += ["## Roles", "", "| # | Role | Family | Fit | Largest gaps |", "|---|---|---|---|---|"]
    for rank, role in enumerate(report.roles, start=1):
        gaps = ", ".join(f"{g.skill} {g.have}→{g.need}" for g in role.gaps[:2]) or "none"
        lines.append(
            f"| {rank} | {_cell(role.title)} (`{role.id}`) | {role.family} | "
            f"{percent(role.fit)} | {_cell(gaps)} |"
        )
    if report.moves is not None:
        mv = report.moves
        lines += [
            "",
            f"## Roles closest to {_cell(mv.best.title)}, your best fit",
            "",
            "| Role | Fit | Similar | To learn |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(m.title)} | {percent(m.fit)} | {percent(m.similarity)} | {m.learning:g} |"
            for m in mv.adjacent
        ]
        lines += ["", " ".join(mv.tradeoffs)]
    lines += ["", "## Production-cycle stages", "", "| Stage | Fit |", "|---|---|"]
    lines += [f"| {_cell(s.title)} | {percent(s.fit)} |" for s in report.stages]
    lines += ["", "## Ratings", "", "| Skill | Level |", "|---|---|"]
    lines += [f"| {_cell(r.title)} | {r.level} ({_cell(r.label)}) |" for r in report.ratings]
    lines += [
        "",
        f"_Catalogue {report.catalog.version}, scale v{report.catalog.scale_version}. "
        "Fit = importance-weighted share of each role's required levels you cover; "
        "'to learn' = sum of importance-weighted level gaps._",
        "",
    ]
    return "\n".join(lines)
