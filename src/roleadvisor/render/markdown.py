"""The assessment report as GitHub-flavoured Markdown: summary, roles, stages, plan, moves, ratings."""

from __future__ import annotations

from roleadvisor.contracts.assess import AssessReport, PlanStepOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import clauses, family, gap, lower_first, number, percent
from roleadvisor.i18n import _, ngettext


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(*cells: str) -> str:
    """``| a | b |``."""
    return "| " + " | ".join(cells) + " |"


def _resources(items: tuple[ResourceOut, ...]) -> str:
    if not items:
        return _("no resource in the catalogue")
    return clauses(*(f"[{_cell(r.title)}]({r.url})" if r.url else _cell(r.title) for r in items))


def _levels(step: PlanStepOut) -> str:
    if len(step.levels) <= 1:
        return _cell(step.descriptor)
    return "<br>".join(f"{number(lv.level)}: {_cell(lv.descriptor)}" for lv in step.levels)


def assess_markdown(report: AssessReport) -> str:
    """A Markdown document with everything the table shows."""
    name = report.profile.name
    title = _("Role fit for {name}").format(name=_cell(name)) if name else _("Role fit for this profile")
    lines = [f"# {title}", ""]
    lines += [f"> **{_('Warning:')}** {_cell(w)}" for w in report.warnings]
    if report.warnings:
        lines.append("")
    lines += [" ".join(report.summary), ""]
    verdict = [s.sentence for s in (report.readiness, report.stability) if s is not None]
    if verdict:
        lines += [" ".join(verdict), ""]
    if report.next_step is not None:
        lines += [f"**{_('Next best step:')}** {lower_first(report.next_step.sentence)}", ""]
    if report.target is not None:
        target = report.target
        heading = ngettext(
            "Plan for {role} (fit now {fit}, {band}; {count} level to learn)",
            "Plan for {role} (fit now {fit}, {band}; {count} levels to learn)",
            target.learning,
        ).format(
            role=_cell(target.title),
            fit=percent(target.fit),
            band=target.band_label or target.band,
            count=number(target.learning),
        )
        lines += [
            f"## {heading}",
            "",
            _row("#", _("Step"), _("Fit after"), _("At that level a person…"), _("Learn from")),
            "|---|---|---|---|---|",
        ]
        for n, step in enumerate(target.plan, start=1):
            lines.append(
                _row(
                    number(n),
                    gap(_cell(step.skill_title or step.skill), step.have, step.need),
                    percent(step.fit_after),
                    _levels(step),
                    _resources(step.resources),
                )
            )
        if not target.plan:
            lines.append(
                f"| | {_('none')} | {percent(1.0)} | {_('You meet every requirement of this role.')} | |"
            )
        lines.append("")
    lines += [
        "## " + _("Roles"),
        "",
        _row("#", _("Role"), _("Family"), _("Match"), _("Fit"), _("Use"), _("Readiness"), _("Why this rank")),
        "|---|---|---|---|---|---|---|---|",
    ]
    for rank, role in enumerate(report.roles, start=1):
        lines.append(
            _row(
                number(rank),
                f"{_cell(role.title)} (`{role.id}`)",
                family(role.family),
                percent(role.match),
                percent(role.fit),
                percent(role.use),
                role.band_label or role.band,
                _cell(role.reason),
            )
        )
    if report.moves is not None:
        mv = report.moves
        targeted = report.target is not None and report.target.id == mv.best.id
        heading = (
            _("Roles closest to {role}, your target")
            if targeted
            else _("Roles closest to {role}, your best match")
        ).format(role=_cell(mv.best.title))
        lines += [
            "",
            f"## {heading}",
            "",
            _row(_("Role"), _("Fit"), _("Similar"), _("Levels to learn")),
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(m.title)} | {percent(m.fit)} | {percent(m.similarity)} | {number(m.learning)} |"
            for m in mv.adjacent
        ]
        lines += ["", " ".join(mv.tradeoffs)]
    lines += ["", "## " + _("Production-cycle stages"), "", _row(_("Stage"), _("Fit")), "|---|---|"]
    lines += [f"| {_cell(s.title)} | {percent(s.fit)} |" for s in report.stages]
    lines += ["", "## " + _("Ratings"), "", _row(_("Skill"), _("Level")), "|---|---|"]
    lines += [f"| {_cell(r.title)} | {number(r.level)} ({_cell(r.label)}) |" for r in report.ratings]
    notes = _("Catalogue {version}, scale v{scale}. What the numbers mean:").format(
        version=report.catalog.version, scale=number(report.catalog.scale_version)
    )
    lines += ["", f"_{notes}_"]
    lines += ["", *(f"- {_cell(line)}" for line in report.legend), ""]
    return "\n".join(lines)
