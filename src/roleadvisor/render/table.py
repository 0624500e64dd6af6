"""The assessment for people: Rich tables, bars and a plain-language summary."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Assessment
from roleadvisor.report import AssessReport
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
        "fit = importance-weighted share of each role's required levels you cover.",
        style="dim",
    )
    return Group(roles, Text(), stages, Text(), summary, Text(), footer)


def render_to_text(renderable: RenderableType, *, width: int = 100) -> str:
    """Plain text (no colour codes) of a renderable, for ``--output report.txt``."""
    buffer = io.StringIO()
    console = Console(width=width, color_system=None, force_terminal=False, file=buffer)
    console.print(renderable)
    return buffer.getvalue()
