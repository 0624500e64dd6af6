"""Rich renderings of the catalogue views (roles, role, lifecycle, skills) and of decode."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roleadvisor.render.table import bar
from roleadvisor.summary import percent
from roleadvisor.views import DecodeView, LifecycleView, RolesView, RoleView, SkillsView

IMPORTANCE_MARK = "●"


def _footer(view_catalog_version: str, source: str) -> Text:
    return Text(f"Catalogue {view_catalog_version} ({source})", style="dim")


def render_roles(view: RolesView) -> RenderableType:
    """``roleadvisor roles``: one row per role."""
    table = Table(title="Roles", title_justify="left")
    table.add_column("Role (id)")
    table.add_column("Family")
    table.add_column("Stages")
    table.add_column("Top skills (level)", no_wrap=True)
    for row in view.roles:
        skills = "\n".join(f"{need.skill} {need.level}" for need in row.top_skills)
        table.add_row(
            Text.assemble((row.title, "bold"), "\n", (row.id, "dim")),
            row.family,
            "\n".join(row.stages),
            skills,
        )
    hint = Text("Details of one role: roleadvisor role ID (or any title or alias).", style="dim")
    return Group(table, hint, _footer(view.catalog.version, view.catalog.source))


def _importance(weight: float, top_weight: float) -> Text:
    marks = max(1, round(3 * weight / top_weight)) if top_weight > 0 else 0
    return Text(IMPORTANCE_MARK * marks, style="cyan")


def render_role(view: RoleView, scale_max: int) -> RenderableType:
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
    table = Table(title="What the role requires", title_justify="left", expand=True)
    table.add_column("Skill", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Weight", no_wrap=True)
    table.add_column("At that level a person…", ratio=1, min_width=24)
    top_weight = max((r.weight for r in view.requirements), default=0.0)
    ordered = sorted(view.requirements, key=lambda r: (-r.weight, -r.level))
    for req in ordered:
        table.add_row(
            req.skill,
            Text.assemble(bar(req.level / scale_max if scale_max else 0.0, 6), f" {req.level} {req.label}"),
            Text.assemble(_importance(req.weight, top_weight), f" {percent(req.importance)}"),
            req.descriptor,
        )
    parts.append(table)
    if view.closest:
        near = Table(title="Closest roles by requirements", title_justify="left", expand=True)
        near.add_column("Role")
        near.add_column("Similar", no_wrap=True)
        near.add_column(f"Differs most in ({view.id} → other)", ratio=1)
        for n in view.closest:
            diffs = ", ".join(f"{d.skill} {d.this_role}→{d.other_role}" for d in n.differences[:3])
            near.add_row(
                Text.assemble((n.title, "bold"), "\n", (n.id, "dim")),
                percent(n.similarity),
                diffs or "nothing",
            )
        parts += [Text(), near]
    parts.append(
        Text(
            "Weight: how much a skill matters to the role (● to ●●●, with its share of the total). "
            "Similarity: one minus the importance-weighted mean level difference, as a share of the scale.",
            style="dim",
        )
    )
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def render_lifecycle(view: LifecycleView) -> RenderableType:
    """``roleadvisor lifecycle``: each stage with its skill mix as bars and its owners."""
    parts: list[RenderableType] = []
    count = len(view.stages)
    for stage in view.stages:
        mix = Table(show_header=False, box=None, padding=(0, 2, 0, 2))
        mix.add_column("Skill", no_wrap=True)
        mix.add_column("Share", no_wrap=True)
        for share in stage.skill_mix:
            mix.add_row(share.title, Text.assemble(bar(share.share, 20), f" {percent(share.share)}"))
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


def render_skills(view: SkillsView) -> RenderableType:
    """``roleadvisor skills``: each skill area with every level described."""
    parts: list[RenderableType] = []
    for skill in view.skills:
        table = Table(expand=True)
        table.add_column("Level", no_wrap=True)
        table.add_column("A person at this level…", ratio=1)
        for level in skill.levels:
            table.add_row(f"{level.level} {level.label}", level.descriptor)
        parts += [
            Text.assemble((skill.title, "bold"), (f"  {skill.id}", "dim")),
            Text(skill.description),
            table,
            Text(),
        ]
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def render_decode(view: DecodeView, scale_max: int) -> RenderableType:
    """``roleadvisor decode``: likely roles with their evidence, then the skills asked for."""
    roles = Table(title=f"Roles this most likely is: {view.title}", title_justify="left", expand=True)
    roles.add_column("Role")
    roles.add_column("Score", no_wrap=True)
    roles.add_column("Because the text says", ratio=1)
    for match in view.roles[:5]:
        roles.add_row(
            Text.assemble((match.title, "bold"), "\n", (match.id, "dim")),
            Text.assemble((f"{percent(match.score):>4} ", "bold"), bar(match.score, 10)),
            ", ".join(match.evidence) or "—",
        )
    skills = Table(title="What it asks for", title_justify="left", expand=True)
    skills.add_column("Skill", no_wrap=True)
    skills.add_column("Level", no_wrap=True)
    skills.add_column("Why", ratio=1)
    for ask in view.skills:
        why = "; ".join(ask.reasons) or "not mentioned"
        if ask.keywords:
            why += f" (mentions: {', '.join(ask.keywords)})"
        skills.add_row(
            ask.skill,
            Text.assemble(bar(ask.level / scale_max if scale_max else 0.0, 6), f" {ask.level} {ask.label}"),
            why,
        )
    notes: list[RenderableType] = []
    if view.seniority.words:
        notes.append(
            Text(
                f"Seniority in the title: {', '.join(view.seniority.words)} "
                f"(levels of important skills moved by {view.seniority.shift:+d})."
            )
        )
    notes.append(
        Text(
            "Score: the role's share of the evidence (names in the title count most). "
            "Save the profile with --format profile and pass it to 'assess --profile'.",
            style="dim",
        )
    )
    return Group(roles, Text(), skills, *notes, _footer(view.catalog.version, view.catalog.source))
