"""Rich tables of the browsing contracts (roles, role, lifecycle, skills) and of decode."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from roleadvisor.contracts.browse import (
    LifecycleView,
    Neighbour,
    Requirement,
    RoleRow,
    RolesView,
    RoleView,
    SkillsView,
)
from roleadvisor.contracts.decode import AskedSkill, DecodedRole, DecodeView, where_shown
from roleadvisor.contracts.words import lower_first, percent
from roleadvisor.render.layout import Column, Hanging, Responsive, bar, block, fitted_table, stacked

IMPORTANCE_MARK = "●"


def _level(level: int, scale_max: int) -> Text:
    return bar(level / scale_max if scale_max else 0.0, 6)


def _footer(view_catalog_version: str, source: str) -> Text:
    return Text(f"Catalogue {view_catalog_version} ({source})", style="dim")


def roles_table(view: RolesView) -> RenderableType:
    """``roleadvisor roles``: one row per role (one block per role on a narrow terminal)."""

    def skills(row: RoleRow, sep: str) -> str:
        return sep.join(f"{need.skill} {need.level}" for need in row.top_skills)

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Role (id)"),
                Column(header="Family"),
                Column(header="Stages"),
                Column(header="Top skills (level)", no_wrap=True),
            ],
            [
                [
                    Text.assemble((row.title, "bold"), "\n", (row.id, "dim")),
                    row.family,
                    "\n".join(row.stages),
                    skills(row, "\n"),
                ]
                for row in view.roles
            ],
            title="Roles",
        )

    def narrow() -> RenderableType:
        return stacked(
            "Roles",
            (
                block(
                    Text.assemble((row.title, "bold"), (f"  {row.id}", "dim")),
                    [
                        f"family: {row.family}; stages: {', '.join(row.stages) or 'none'}",
                        f"top skills (level): {skills(row, ', ')}",
                    ],
                )
                for row in view.roles
            ),
        )

    hint = Text("Details of one role: roleadvisor role ID (or any title or alias).", style="dim")
    return Group(Responsive(wide, narrow), hint, _footer(view.catalog.version, view.catalog.source))


def _importance(weight: float, top_weight: float) -> Text:
    marks = max(1, round(3 * weight / top_weight)) if top_weight > 0 else 0
    return Text(IMPORTANCE_MARK * marks, style="cyan")


def role_table(view: RoleView) -> RenderableType:
    """``roleadvisor role QUERY``: description, requirements drawn as bars, neighbours."""
    head = Text.assemble(
        (view.title, "bold"),
        (f"  {view.id} · {view.family}", "dim"),
    )
    parts: list[RenderableType] = [head, Text(view.description), Text()]
    if view.stages:
        parts.append(Text.assemble(("Works in: ", "bold"), ", ".join(s.title for s in view.stages)))
    if view.aliases:
        parts.append(Text.assemble(("Also called: ", "bold"), ", ".join(view.aliases)))
    parts.append(Text())
    top_weight = max((r.weight for r in view.requirements), default=0.0)
    ordered = sorted(view.requirements, key=lambda r: (-r.weight, -r.level))

    def level(req: Requirement) -> Text:
        return Text.assemble(_level(req.level, view.scale_max), f" {req.level} {req.label}")

    def weight(req: Requirement) -> Text:
        return Text.assemble(_importance(req.weight, top_weight), f" {percent(req.importance)}")

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="Skill", no_wrap=True),
                Column(header="Level", no_wrap=True),
                Column(header="Weight", no_wrap=True),
                Column(header="At that level a person…"),
            ],
            [[req.skill, level(req), weight(req), req.descriptor] for req in ordered],
            title="What the role requires",
        )

    def narrow() -> RenderableType:
        return stacked(
            "What the role requires",
            (
                block(
                    Text.assemble((req.skill, "bold"), "  ", level(req), "  ", weight(req)),
                    [Text(f"At that level a person {lower_first(req.descriptor)}")],
                )
                for req in ordered
            ),
        )

    parts.append(Responsive(wide, narrow))
    if view.closest:
        heading = f"Differs most in ({view.id} → other)"

        def diffs(n: Neighbour) -> str:
            shown = n.differences[:3]
            return ", ".join(f"{d.skill} {d.this_role}→{d.other_role}" for d in shown) or "nothing"

        def near_wide(width: int) -> RenderableType | None:
            return fitted_table(
                width,
                [Column(header="Role"), Column(header="Similar", no_wrap=True), Column(header=heading)],
                [
                    [Text.assemble((n.title, "bold"), "\n", (n.id, "dim")), percent(n.similarity), diffs(n)]
                    for n in view.closest
                ],
                title="Closest roles by requirements",
            )

        def near_narrow() -> RenderableType:
            return stacked(
                "Closest roles by requirements",
                (
                    block(
                        Text.assemble((n.title, "bold"), (f"  {n.id}", "dim")),
                        [f"similar {percent(n.similarity)}; differs most in: {diffs(n)}"],
                    )
                    for n in view.closest
                ),
            )

        parts += [Text(), Responsive(near_wide, near_narrow)]
    parts.append(
        Text(
            "Weight: how much a skill matters to the role (● to ●●●, with its share of the total). "
            "Similarity: one minus the importance-weighted mean level difference, as a share of the scale.",
            style="dim",
        )
    )
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def lifecycle_table(view: LifecycleView) -> RenderableType:
    """``roleadvisor lifecycle``: each stage with its skill mix as bars and its owners."""
    parts: list[RenderableType] = []
    count = len(view.stages)
    label = max((len(share.title) for stage in view.stages for share in stage.skill_mix), default=0)
    for stage in view.stages:
        mix = Group(
            *(
                Text.assemble(f"  {s.title.ljust(label)}  ", bar(s.share, 20), f" {percent(s.share)}")
                for s in stage.skill_mix
            )
        )
        owners = ", ".join(o.title for o in stage.owners) or "no role owns it in this catalogue"
        parts += [
            Text.assemble((f"{stage.position}/{count}  {stage.title}", "bold"), (f"  {stage.id}", "dim")),
            Text(stage.description),
            mix,
            Text.assemble(("Owned by: ", "bold"), owners),
            Text(),
        ]
    if count:
        parts.append(Text("After the last stage the cycle starts again from the first.", style="dim"))
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def skills_table(view: SkillsView) -> RenderableType:
    """``roleadvisor skills``: each skill area with every level described."""
    indent = 2 + max((len(f"{lv.level} {lv.label}") for s in view.skills for lv in s.levels), default=0) + 2
    parts: list[RenderableType] = []
    for skill in view.skills:
        parts += [
            Text.assemble((skill.title, "bold"), (f"  {skill.id}", "dim")),
            Text(skill.description),
            *(
                Hanging(Text.assemble("  ", (f"{lv.level} {lv.label}", "cyan")), lv.descriptor, indent)
                for lv in skill.levels
            ),
            Text(),
        ]
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def decode_table(view: DecodeView) -> RenderableType:
    """``roleadvisor decode``: likely roles with their confidence and the phrases behind them, then
    the skills asked for, then how the text was read."""
    title = f"Roles this most likely is: {view.title}"
    # the likely roles: those given at least 1%, and always the first (the JSON has every role)
    likely = [m for n, m in enumerate(view.roles[:5]) if n == 0 or m.confidence >= 0.01]

    def confidence(match: DecodedRole) -> Text:
        return Text.assemble((f"{percent(match.confidence):>4} ", "bold"), bar(match.confidence, 10))

    def because(match: DecodedRole) -> str:
        shown = [f"{p.text} ({where_shown(p.where)})" for p in match.phrases[:6]]
        more = len(match.phrases) - len(shown)
        return "; ".join(shown) + (f"; and {more} more" if more > 0 else "") if shown else "—"

    def why(ask: AskedSkill) -> str:
        text = "; ".join(ask.reasons) or "not mentioned"
        return text + (f" (mentions: {', '.join(ask.keywords)})" if ask.keywords else "")

    def level(ask: AskedSkill) -> Text:
        return Text.assemble(_level(ask.level, view.scale_max), f" {ask.level} {ask.label}")

    def wide(width: int) -> RenderableType | None:
        roles = fitted_table(
            width,
            [
                Column(header="Role"),
                Column(header="Confidence", no_wrap=True),
                Column(header="Because the text says"),
            ],
            [
                [
                    Text.assemble((match.title, "bold"), "\n", (match.id, "dim")),
                    confidence(match),
                    because(match),
                ]
                for match in likely
            ],
            title=title,
        )
        skills = fitted_table(
            width,
            [
                Column(header="Skill", no_wrap=True),
                Column(header="Level", no_wrap=True),
                Column(header="Why"),
            ],
            [[ask.skill, level(ask), why(ask)] for ask in view.skills],
            title="What it asks for",
        )
        if roles is None or skills is None:
            return None
        return Group(roles, Text(), skills)

    def narrow() -> RenderableType:
        roles = stacked(
            title,
            (
                block(
                    Text.assemble(confidence(match), " ", (match.title, "bold")),
                    [Text(f"{match.id}; because the text says: {because(match)}")],
                )
                for match in likely
            ),
        )
        skills = stacked(
            "What it asks for",
            (
                block(Text.assemble((ask.skill, "bold"), "  ", level(ask)), [Text(why(ask))])
                for ask in view.skills
            ),
        )
        return Group(roles, Text(), skills)

    notes: list[RenderableType] = []
    if view.reading.note:
        notes.append(Text(view.reading.note, style="bold yellow"))
    if view.seniority.sentence:
        notes.append(Text(view.seniority.sentence))
    if view.reading.sections:
        notes.append(Text(f"Sections read: {', '.join(view.reading.sections)}."))
    if view.reading.ignored:
        names = ", ".join(dict.fromkeys(f"{i.text} ({i.why})" for i in view.reading.ignored))
        notes.append(Text(f"Not counted as the job's own role: {names}."))
    notes.append(Text(view.confidence_meaning, style="dim"))
    notes.append(
        Text(
            "Save the profile with --format profile and pass it to 'assess --profile'.",
            style="dim",
        )
    )
    return Group(Responsive(wide, narrow), *notes, _footer(view.catalog.version, view.catalog.source))
