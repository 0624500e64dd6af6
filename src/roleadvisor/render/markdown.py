"""The assessment report as GitHub-flavoured Markdown."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Assessment
from roleadvisor.report import AssessReport
from roleadvisor.summary import percent, summary_sentences


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: AssessReport, assessment: Assessment, catalog: Catalog) -> str:
    """A Markdown document: summary, ranked roles, stages, ratings."""
    who = report.profile.name or "this profile"
    lines = [f"# Role fit for {_cell(who)}", ""]
    lines += [" ".join(summary_sentences(assessment, catalog)), ""]
    lines += ["## Roles", "", "| # | Role | Family | Fit | Largest gaps |", "|---|---|---|---|---|"]
    for rank, role in enumerate(report.roles, start=1):
        gaps = ", ".join(f"{g.skill} {g.have}→{g.need}" for g in role.gaps[:2]) or "none"
        lines.append(
            f"| {rank} | {_cell(role.title)} (`{role.id}`) | {role.family} | "
            f"{percent(role.fit)} | {_cell(gaps)} |"
        )
    lines += ["", "## Production-cycle stages", "", "| Stage | Fit |", "|---|---|"]
    lines += [f"| {_cell(s.title)} | {percent(s.fit)} |" for s in report.stages]
    lines += ["", "## Ratings", "", "| Skill | Level |", "|---|---|"]
    for skill_id, level in report.profile.ratings.items():
        label = catalog.scale.labels[level]
        lines.append(f"| {_cell(catalog.skill(skill_id).title)} | {level} ({_cell(label)}) |")
    lines += ["", f"_Catalogue {report.catalog.version}, scale v{report.catalog.scale_version}._", ""]
    return "\n".join(lines)
