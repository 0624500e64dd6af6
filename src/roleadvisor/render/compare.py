"""``roleadvisor compare`` for people: rating and fit changes, gaps closed."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from roleadvisor import i18n
from roleadvisor.contracts.compare import CompareReport, RoleChangeOut
from roleadvisor.contracts.words import commas, gap, number, percent, signed
from roleadvisor.i18n import _
from roleadvisor.render.layout import Column, Responsive, block, fitted_table, stacked


def _named(item_id: str, title: str) -> str:
    """A skill or role as the reader knows it: its id in English (as always), else its title."""
    return item_id if i18n.current() == i18n.ENGLISH or not title else title


def _tone(change: float) -> str:
    return "green" if change > 0 else ("red" if change < 0 else "dim")


def _change(change: int) -> Text:
    return Text(signed(change) if change else "·", style=_tone(change))


def _rank(role: RoleChangeOut) -> str:
    moved = role.old_rank - role.new_rank
    rank = number(role.new_rank)
    return rank + (f" (↑{number(moved)})" if moved > 0 else f" (↓{number(-moved)})" if moved < 0 else "")


def _points(role: RoleChangeOut) -> Text:
    return Text(signed(role.change * 100, 1) if role.change else "·", style=_tone(role.change))


_POINTS_MARK = "\x00"


def _fit_change(role: RoleChangeOut) -> Text:
    """``fit 80% → 86% (+6.0 pts)``, the change coloured (a translation may move it)."""
    line = _("fit {old} → {new} ({points} pts)").format(
        old=percent(role.old_fit), new=percent(role.new_fit), points=_POINTS_MARK
    )
    before, _mark, after = line.partition(_POINTS_MARK)
    return Text.assemble(before, _points(role), after)


def compare_table(report: CompareReport) -> RenderableType:
    """Tables of rating and fit changes (stacked blocks on a narrow terminal), and the gaps closed."""

    ratings_title = _("Ratings")
    roles_title = _("Fit by role (new ranking)")

    def ratings_wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Skill")),
                Column(header=_("Old"), justify="right"),
                Column(header=_("New"), justify="right"),
                Column(header=_("Change"), justify="right"),
            ],
            [
                [_named(r.skill, r.title), number(r.old), number(r.new), _change(r.change)]
                for r in report.ratings
            ],
            title=ratings_title,
        )

    def ratings_narrow() -> RenderableType:
        return stacked(
            ratings_title,
            (
                # words.gap: the arrow is a message (Persian reads right to left: ←)
                Text(gap(f"{_named(r.skill, r.title)}:", r.old, r.new), style=_tone(r.change))
                for r in report.ratings
            ),
        )

    def roles_wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Rank"), justify="right", no_wrap=True),
                Column(header=_("Role")),
                Column(header=_("Old fit"), justify="right"),
                Column(header=_("New fit"), justify="right"),
                Column(header=_("Change (pts)"), justify="right"),
            ],
            [
                [_rank(role), role.title, percent(role.old_fit), percent(role.new_fit), _points(role)]
                for role in report.roles
            ],
            title=roles_title,
        )

    def roles_narrow() -> RenderableType:
        return stacked(
            roles_title,
            (
                block(
                    Text.assemble((f"{_rank(role)}. ", "dim"), (role.title, "bold")),
                    [_fit_change(role)],
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
            by_role.setdefault(_named(g.role, g.role_title), []).append(
                _("{skill} (was {old}, needs {need})").format(
                    skill=_named(g.skill, g.skill_title), old=number(g.old), need=number(g.need)
                )
            )
        lines = [f"  {role}: {commas(items)}" for role, items in by_role.items()]
        heading = _("Gaps closed ({count}):").format(count=number(len(report.gaps_closed)))
        parts.append(Text(heading + "\n" + "\n".join(lines)))
    else:
        parts.append(Text(_("No gap closed.")))
    if report.gaps_opened:
        parts.append(
            Text(
                _("Gaps opened ({count}): a rating went down.").format(count=number(len(report.gaps_opened))),
                style="yellow",
            )
        )
    parts.append(
        Text(
            _("Both sides scored with catalogue {version}.").format(version=report.catalog.version),
            style="dim",
        )
    )
    return Group(*parts)
