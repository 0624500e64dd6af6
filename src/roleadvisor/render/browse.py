"""Rich tables of the browsing contracts (roles, role, lifecycle, skills) and of decode.

Every word is in the active language (``roleadvisor.i18n``); in a language other than
English, skills and stages are named by their titles where English shows their ids
(an English id reads as a word, a Russian or Persian reader needs the title).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from roleadvisor import i18n
from roleadvisor.contracts.browse import (
    LifecycleView,
    Neighbour,
    Requirement,
    RoleRow,
    RolesView,
    RoleView,
    SkillsView,
)
from roleadvisor.contracts.words import gap, lower_first
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.layout import Column, Hanging, Responsive, bar, block, fitted_table, stacked

TYPE_CHECKING = False  # the decode contract loads only for decode's own output
if TYPE_CHECKING:
    from roleadvisor.contracts.decode import AskedSkill, DecodedRole, DecodeView

IMPORTANCE_MARK = "●"


def _level(level: int, scale_max: int) -> Text:
    return bar(level / scale_max if scale_max else 0.0, 6)


def _footer(view_catalog_version: str, source: str) -> Text:
    if source == "built-in":
        return Text(_("Catalogue {version} (built-in)").format(version=view_catalog_version), style="dim")
    return Text(
        _("Catalogue {version} ({source})").format(version=view_catalog_version, source=source), style="dim"
    )


def _english() -> bool:
    return i18n.current() == i18n.ENGLISH


def _comma() -> str:
    """The separator of a list: ``, `` (Persian writes ``، ``)."""
    return i18n.comma()


def _semicolon() -> str:
    """The separator of a list of clauses: ``; `` (Persian writes ``؛ ``)."""
    return "؛ " if i18n.current() == "fa" else "; "


def _named(item_id: str, title: str) -> str:
    """A skill or stage as a reader of the active language knows it: its id in English, else its title."""
    return item_id if _english() or not title else title


def _family(family: str) -> str:
    """A role family for people (the built-in families translated; a custom one as it is)."""
    names = {"core": _("core"), "research": _("research"), "adjacent": _("adjacent")}
    return names.get(family, family)


def _num(value: int) -> str:
    return i18n.number(value)


def roles_table(view: RolesView) -> RenderableType:
    """``roleadvisor roles``: one row per role (one block per role on a narrow terminal)."""

    def skills(row: RoleRow, sep: str) -> str:
        return sep.join(f"{_named(need.skill, need.title)} {_num(need.level)}" for need in row.top_skills)

    def stages(row: RoleRow) -> list[str]:
        titles = row.stage_titles if len(row.stage_titles) == len(row.stages) else row.stages
        return [_named(sid, title) for sid, title in zip(row.stages, titles, strict=True)]

    def about(row: RoleRow) -> str:
        if not row.stages:
            return _("family: {family}; stages: none").format(family=_family(row.family))
        return _("family: {family}; stages: {stages}").format(
            family=_family(row.family), stages=_comma().join(stages(row))
        )

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Role (id)")),
                Column(header=_("Family")),
                Column(header=_("Stages")),
                Column(header=_("Top skills (level)"), no_wrap=True),
            ],
            [
                [
                    Text.assemble((row.title, "bold"), "\n", (row.id, "dim")),
                    _family(row.family),
                    "\n".join(stages(row)),
                    skills(row, "\n"),
                ]
                for row in view.roles
            ],
            title=_("Roles"),
        )

    def narrow() -> RenderableType:
        return stacked(
            _("Roles"),
            (
                block(
                    Text.assemble((row.title, "bold"), (f"  {row.id}", "dim")),
                    [about(row), _("top skills (level): {skills}").format(skills=skills(row, _comma()))],
                )
                for row in view.roles
            ),
        )

    hint = Text(_("Details of one role: roleadvisor role ID (or any title or alias)."), style="dim")
    return Group(Responsive(wide, narrow), hint, _footer(view.catalog.version, view.catalog.source))


def _importance(weight: float, top_weight: float) -> Text:
    marks = max(1, round(3 * weight / top_weight)) if top_weight > 0 else 0
    return Text(IMPORTANCE_MARK * marks, style="cyan")


def role_table(view: RoleView) -> RenderableType:
    """``roleadvisor role QUERY``: description, requirements drawn as bars, neighbours."""
    head = Text.assemble(
        (view.title, "bold"),
        (f"  {view.id} · {_family(view.family)}", "dim"),
    )
    parts: list[RenderableType] = [head, Text(view.description), Text()]
    if view.stages:
        parts.append(
            Text.assemble((_("Works in:") + " ", "bold"), _comma().join(s.title for s in view.stages))
        )
    if view.also_called:
        parts.append(Text.assemble((_("Also called:") + " ", "bold"), _comma().join(view.also_called)))
    parts.append(Text())
    top_weight = max((r.weight for r in view.requirements), default=0.0)
    ordered = sorted(view.requirements, key=lambda r: (-r.weight, -r.level))

    def level(req: Requirement) -> Text:
        return Text.assemble(_level(req.level, view.scale_max), f" {_num(req.level)} {req.label}")

    def weight(req: Requirement) -> Text:
        return Text.assemble(_importance(req.weight, top_weight), f" {i18n.percent(req.importance)}")

    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Skill"), no_wrap=True),
                Column(header=_("Level"), no_wrap=True),
                Column(header=_("Weight"), no_wrap=True),
                Column(header=_("At that level a person…")),
            ],
            [[_named(req.skill, req.title), level(req), weight(req), req.descriptor] for req in ordered],
            title=_("What the role requires"),
        )

    def narrow() -> RenderableType:
        return stacked(
            _("What the role requires"),
            (
                block(
                    Text.assemble(
                        (_named(req.skill, req.title), "bold"), "  ", level(req), "  ", weight(req)
                    ),
                    [Text(_("At that level a person {does}").format(does=lower_first(req.descriptor)))],
                )
                for req in ordered
            ),
        )

    parts.append(Responsive(wide, narrow))
    if view.closest:
        heading = _("Differs most in ({role} → other)").format(role=view.id)

        def diffs(n: Neighbour) -> str:
            shown = n.differences[:3]
            # words.gap: the arrow is a message (Persian reads right to left: ←)
            return _comma().join(
                gap(_named(d.skill, d.title), d.this_role, d.other_role) for d in shown
            ) or _("nothing")

        def near_wide(width: int) -> RenderableType | None:
            return fitted_table(
                width,
                [
                    Column(header=_("Role")),
                    Column(header=_("Similar"), no_wrap=True),
                    Column(header=heading),
                ],
                [
                    [
                        Text.assemble((n.title, "bold"), "\n", (n.id, "dim")),
                        i18n.percent(n.similarity),
                        diffs(n),
                    ]
                    for n in view.closest
                ],
                title=_("Closest roles by requirements"),
            )

        def near_narrow() -> RenderableType:
            return stacked(
                _("Closest roles by requirements"),
                (
                    block(
                        Text.assemble((n.title, "bold"), (f"  {n.id}", "dim")),
                        [
                            _("similar {similarity}; differs most in: {differences}").format(
                                similarity=i18n.percent(n.similarity), differences=diffs(n)
                            )
                        ],
                    )
                    for n in view.closest
                ),
            )

        parts += [Text(), Responsive(near_wide, near_narrow)]
    parts.append(
        Text(
            _(
                "Weight: how much a skill matters to the role (● to ●●●, with its share of the total). "
                "Similarity: one minus the importance-weighted mean level difference, "
                "as a share of the scale."
            ),
            style="dim",
        )
    )
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def lifecycle_table(view: LifecycleView) -> RenderableType:
    """``roleadvisor lifecycle``: each stage with its skill mix as bars and its owners."""
    parts: list[RenderableType] = []
    count = len(view.stages)
    label = max((cell_len(share.title) for stage in view.stages for share in stage.skill_mix), default=0)
    for stage in view.stages:
        mix = Group(
            *(
                Text.assemble(
                    f"  {s.title}{' ' * (label - cell_len(s.title))}  ",
                    bar(s.share, 20),
                    f" {i18n.percent(s.share)}",
                )
                for s in stage.skill_mix
            )
        )
        owners = _comma().join(o.title for o in stage.owners) or _("no role owns it in this catalogue")
        position = f"{_num(stage.position)}/{_num(count)}"
        parts += [
            Text.assemble((f"{position}  {stage.title}", "bold"), (f"  {stage.id}", "dim")),
            Text(stage.description),
            mix,
            Text.assemble((_("Owned by:") + " ", "bold"), owners),
            Text(),
        ]
    if count:
        parts.append(Text(_("After the last stage the cycle starts again from the first."), style="dim"))
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def skills_table(view: SkillsView) -> RenderableType:
    """``roleadvisor skills``: each skill area with every level described."""
    indent = (
        2
        + max((cell_len(f"{_num(lv.level)} {lv.label}") for s in view.skills for lv in s.levels), default=0)
        + 2
    )
    parts: list[RenderableType] = []
    for skill in view.skills:
        parts += [
            Text.assemble((skill.title, "bold"), (f"  {skill.id}", "dim")),
            Text(skill.description),
            *(
                Hanging(Text.assemble("  ", (f"{_num(lv.level)} {lv.label}", "cyan")), lv.descriptor, indent)
                for lv in skill.levels
            ),
            Text(),
        ]
    parts.append(_footer(view.catalog.version, view.catalog.source))
    return Group(*parts)


def decode_table(view: DecodeView) -> RenderableType:
    """``roleadvisor decode``: likely roles with their confidence and the phrases behind them, then
    the skills asked for, then how the text was read."""
    from roleadvisor.contracts.decode import where_shown, why_shown

    title = _("Roles this most likely is: {title}").format(title=view.title)
    # the likely roles: those given at least 1%, and always the first (the JSON has every role)
    likely = [m for n, m in enumerate(view.roles[:5]) if n == 0 or m.confidence >= 0.01]

    def confidence(match: DecodedRole) -> Text:
        return Text.assemble((f"{i18n.percent(match.confidence):>4} ", "bold"), bar(match.confidence, 10))

    def because(match: DecodedRole) -> str:
        shown = [f"{p.text} ({where_shown(p.where)})" for p in match.phrases[:6]]
        if not shown:
            return "—"
        more = len(match.phrases) - len(shown)
        if more > 0:
            shown.append(ngettext("and {count} more", "and {count} more", more).format(count=_num(more)))
        return _semicolon().join(shown)

    def why(ask: AskedSkill) -> str:
        text = _semicolon().join(ask.reasons) or _("not mentioned")
        if not ask.keywords:
            return text
        return _("{reasons} (mentions: {words})").format(reasons=text, words=_comma().join(ask.keywords))

    def level(ask: AskedSkill) -> Text:
        return Text.assemble(_level(ask.level, view.scale_max), f" {_num(ask.level)} {ask.label}")

    def wide(width: int) -> RenderableType | None:
        roles = fitted_table(
            width,
            [
                Column(header=_("Role")),
                Column(header=_("Confidence"), no_wrap=True),
                Column(header=_("Because the text says")),
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
                Column(header=_("Skill"), no_wrap=True),
                Column(header=_("Level"), no_wrap=True),
                Column(header=_("Why")),
            ],
            [[_named(ask.skill, ask.title), level(ask), why(ask)] for ask in view.skills],
            title=_("What it asks for"),
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
                    [
                        Text(
                            _("{id}; because the text says: {phrases}").format(
                                id=match.id, phrases=because(match)
                            )
                        )
                    ],
                )
                for match in likely
            ),
        )
        skills = stacked(
            _("What it asks for"),
            (
                block(
                    Text.assemble((_named(ask.skill, ask.title), "bold"), "  ", level(ask)), [Text(why(ask))]
                )
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
        notes.append(
            Text(
                _("Sections read: {sections}.").format(
                    sections=_comma().join(where_shown(section) for section in view.reading.sections)
                )
            )
        )
    if view.reading.ignored:
        names = _comma().join(dict.fromkeys(f"{i.text} ({why_shown(i.why)})" for i in view.reading.ignored))
        notes.append(Text(_("Not counted as the job's own role: {names}.").format(names=names)))
    notes.append(Text(view.confidence_meaning, style="dim"))
    notes.append(
        Text(
            _("Save the profile with --format profile and pass it to 'assess --profile'."),
            style="dim",
        )
    )
    return Group(Responsive(wide, narrow), *notes, _footer(view.catalog.version, view.catalog.source))
