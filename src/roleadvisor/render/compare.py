"""``roleadvisor compare`` for people: rating and fit changes, gaps closed."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from roleadvisor.contracts.compare import CompareReport, RoleChangeOut
from roleadvisor.contracts.words import percent
from roleadvisor.render.layout import Column, Responsive, block, fitted_table, stacked


def _tone(change: float) -> str:
    return "green" if change > 0 else ("red" if change < 0 else "dim")


def _change(change: int) -> Text:
    return Text(f"{change:+d}" if change else "·", style=_tone(change))


def _rank(role: RoleChangeOut) -> str:
    moved = role.old_rank - role.new_rank
    return f"{role.new_rank}" + (f" (↑{moved})" if moved > 0 else f" (↓{-moved})" if moved < 0 else "")


def _points(role: RoleChangeOut) -> Text:
    return Text(f"{role.change * 100:+.1f}" if role.change else "·", style=_tone(role.change))


def compare_table(report: CompareReport) -> RenderableType:
    """Tables of rating and fit changes (stacked blocks on a narrow terminal), and the gaps closed."""

    def ratings_wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Skill"),
                Column(header="Old", justify="right"),
                Column(header="New", justify="right"),
                Column(header="Change", justify="right"),
            ],
            [[r.skill, str(r.old), str(r.new), _change(r.change)] for r in report.ratings],
            title="Ratings",
        )

    def ratings_narrow() -> RenderableType:
        return stacked(
            "Ratings",
            (Text(f"{r.skill}: {r.old} → {r.new}", style=_tone(r.change)) for r in report.ratings),
        )

    def roles_wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Rank", justify="right", no_wrap=True),
                Column(header="Role"),
                Column(header="Old fit", justify="right"),
                Column(header="New fit", justify="right"),
                Column(header="Change (pts)", justify="right"),
            ],
            [
                [_rank(role), role.title, percent(role.old_fit), percent(role.new_fit), _points(role)]
                for role in report.roles
            ],
            title="Fit by role (new ranking)",
        )

    def roles_narrow() -> RenderableType:
        return stacked(
            "Fit by role (new ranking)",
            (
                block(
                    Text.assemble((f"{_rank(role)}. ", "dim"), (role.title, "bold")),
                    [
                        Text.assemble(
                            f"fit {percent(role.old_fit)} → {percent(role.new_fit)} (", _points(role), " pts)"
                        )
                    ],
                )
                for role in report.roles
            ),
        )

    parts: list[RenderableType] = [
        Responsive(ratings_wide, ratings_narrow, below=0),  # four short columns fit any width
        Text(),
        Responsive(roles_wide, roles_narrow),
        Text(),
    ]
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
