"""``roleadvisor compare`` for people: rating and fit changes, gaps closed."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roleadvisor.contracts.compare import CompareReport
from roleadvisor.contracts.words import percent


def compare_table(report: CompareReport) -> RenderableType:
    """Tables of rating and fit changes, and the gaps closed."""
    ratings = Table(title="Ratings", title_justify="left")
    for col in ("Skill", "Old", "New", "Change"):
        ratings.add_column(col, justify="left" if col == "Skill" else "right")
    for r in report.ratings:
        style = "green" if r.change > 0 else ("red" if r.change < 0 else "dim")
        ratings.add_row(
            r.skill, str(r.old), str(r.new), Text(f"{r.change:+d}" if r.change else "·", style=style)
        )
    roles = Table(title="Fit by role (new ranking)", title_justify="left")
    for col in ("Rank", "Role", "Old fit", "New fit", "Change (pts)"):
        roles.add_column(col, justify="left" if col == "Role" else "right")
    for role in report.roles:
        moved = role.old_rank - role.new_rank
        rank = f"{role.new_rank}" + (f" (↑{moved})" if moved > 0 else f" (↓{-moved})" if moved < 0 else "")
        tone = "green" if role.change > 0 else ("red" if role.change < 0 else "dim")
        change = Text(f"{role.change * 100:+.1f}" if role.change else "·", style=tone)
        roles.add_row(rank, Text(role.title), percent(role.old_fit), percent(role.new_fit), change)
    parts: list[RenderableType] = [ratings, Text(), roles, Text()]
    if report.gaps_closed:
        by_role: dict[str, list[str]] = {}
        for g in report.gaps_closed:
            by_role.setdefault(g.role, []).append(f"{g.skill} (was {g.old}, needs {g.need})")
        lines = [f"  {role}: {', '.join(items)}" for role, items in by_role.items()]
        parts.append(Text(f"Gaps closed ({len(report.gaps_closed)}):\n" + "\n".join(lines)))
    else:
        parts.append(Text("No gap closed."))
    if report.gaps_opened:
        parts.append(Text(f"Gaps opened ({len(report.gaps_opened)}): a rating went down.", style="yellow"))
    parts.append(Text(f"Both sides scored with catalogue {report.catalog.version}.", style="dim"))
    return Group(*parts)
