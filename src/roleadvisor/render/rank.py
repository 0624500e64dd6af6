"""``roleadvisor rank`` for people: the requirement profile first, then the candidates, then the caution."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from roleadvisor.contracts.rank import CandidateOut, RankReport, RequirementsOut
from roleadvisor.contracts.words import commas, number, percent, source
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.layout import (
    Column,
    Hanging,
    Paragraph,
    Responsive,
    block,
    fit_cell,
    fitted_table,
    stacked,
)
from roleadvisor.render.table import BAND_STYLES


def _place(candidate: CandidateOut) -> str:
    """``"2"``, or ``"2="`` when others share the rank."""
    return number(candidate.rank) + ("=" if candidate.tied else "")


def _decoded(req: RequirementsOut) -> str | None:
    if not req.roles:
        return None
    return _("Most likely roles: {roles}.").format(
        roles=commas(
            [
                _("{role} ({confidence})").format(role=role.title, confidence=percent(role.confidence))
                for role in req.roles
            ]
        )
    )


def _requirements(req: RequirementsOut) -> RenderableType:
    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header=_("Skill"), no_wrap=True),
                Column(header=_("Level asked"), no_wrap=True),
                Column(header=_("How much it counts"), no_wrap=True),
            ],
            [
                [
                    f"{skill.title} ({skill.skill})",
                    f"{number(skill.level)} {skill.label}",
                    _("{importance} ({weight})").format(
                        importance=skill.importance,
                        weight=number(skill.weight, 0 if skill.weight.is_integer() else 1),
                    ),
                ]
                for skill in req.skills
            ],
        )

    def narrow() -> RenderableType:
        return stacked(
            None,
            (
                Text(commas([f"{skill.skill}: {number(skill.level)} {skill.label}", skill.importance]))
                for skill in req.skills
            ),
        )

    parts: list[RenderableType] = [Paragraph(req.heading, style="bold")]
    decoded = _decoded(req)
    if decoded:
        parts.append(Paragraph(decoded))
    parts.append(Responsive(wide, narrow))
    parts += [Paragraph(note, style="dim") for note in req.notes]
    return Group(*parts)


def _candidates(report: RankReport) -> RenderableType:
    def wide(width: int) -> RenderableType | None:
        return fitted_table(
            width,
            [
                Column(header="#", justify="right", style="dim", no_wrap=True),
                Column(header=_("Candidate"), no_wrap=True),
                Column(header=_("Fit"), no_wrap=True, justify="right"),
                Column(header=_("Match"), no_wrap=True, justify="right"),
                Column(header=_("Readiness"), no_wrap=True),
                Column(header=_("Critical gaps")),
                Column(header=_("Gaps")),
            ],
            [
                [
                    _place(c),
                    Text(c.id, style="bold"),
                    percent(c.fit),
                    percent(c.match),
                    Text(c.band_label or c.band, style=BAND_STYLES.get(c.band, "")),
                    Text(c.critical_text, style="red" if c.critical_gaps else ""),
                    c.gaps_text,
                ]
                for c in report.candidates
            ],
            title=report.title,
        )

    def narrow() -> RenderableType:
        return stacked(
            report.title,
            (
                block(
                    Text.assemble((f"{_place(c):>3}. ", "dim"), fit_cell(c.fit), " ", (c.id, "bold")),
                    [
                        _("match {match}, {band}").format(
                            match=percent(c.match), band=c.band_label or c.band
                        ),
                        _("critical gaps: {gaps}").format(gaps=c.critical_text),
                        c.gaps_text,
                    ],
                    indent=5,
                )
                for c in report.candidates
            ),
        )

    return Responsive(wide, narrow)


def _counts(report: RankReport) -> str:
    counts = report.counts
    out = ngettext("{count} candidate ranked", "{count} candidates ranked", counts.ranked).format(
        count=number(counts.ranked)
    )
    if counts.shown < counts.ranked:
        out += " " + _("(the best {count} shown)").format(count=number(counts.shown))
    if counts.skipped:
        out += "; " + ngettext(
            "{count} record skipped (listed on stderr)",
            "{count} records skipped (listed on stderr)",
            counts.skipped,
        ).format(count=number(counts.skipped))
    return out + "."


def rank_table(report: RankReport) -> RenderableType:
    """Requirements, candidates, counts, the caution and the legend."""
    legend = [
        Hanging(label=Text(f"  {term}", style="dim bold"), text=meaning, indent=16)
        for term, _sep, meaning in (line.partition(": ") for line in report.legend)
    ]
    return Group(
        _requirements(report.requirements),
        Text(),
        _candidates(report),
        Paragraph(_counts(report), style="dim"),
        Text(),
        Paragraph(report.caution, style="bold"),
        Text(),
        Paragraph(
            _("Catalogue {version} ({source}). What the numbers mean:").format(
                version=report.catalog.version, source=source(report.catalog.source)
            ),
            style="dim",
        ),
        *legend,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rank_markdown(report: RankReport) -> str:
    """The same as the table, as GitHub-flavoured Markdown."""
    req = report.requirements
    skill, asked, counts = _("Skill"), _("Level asked"), _("How much it counts")
    candidates, candidate, fit, match = _("Candidates"), _("Candidate"), _("Fit"), _("Match")
    readiness, critical, gaps = _("Readiness"), _("Critical gaps"), _("Gaps")
    numbers = _("Catalogue {version} ({source}). What the numbers mean:").format(
        version=report.catalog.version, source=source(report.catalog.source)
    )
    lines = [
        f"# {_cell(report.title)}",
        "",
        f"> **{_cell(report.caution)}**",
        "",
        f"## {_cell(req.heading)}",
        "",
    ]
    decoded = _decoded(req)
    if decoded:
        lines += [_cell(decoded), ""]
    lines += [f"| {skill} | {asked} | {counts} |", "|---|---|---|"]
    for item in req.skills:
        weight = number(item.weight, 0 if item.weight.is_integer() else 1)
        lines.append(
            f"| {_cell(item.title)} (`{item.skill}`) | {number(item.level)} {_cell(item.label)} | "
            f"{item.importance} ({weight}) |"
        )
    lines.append("")
    lines += [_cell(note) for note in req.notes]
    lines += [
        "",
        f"## {candidates}",
        "",
        f"| # | {candidate} | {fit} | {match} | {readiness} | {critical} | {gaps} |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in report.candidates:
        lines.append(
            f"| {_place(c)} | {_cell(c.id)} | {percent(c.fit)} | {percent(c.match)} | "
            f"{_cell(c.band_label or c.band)} | {_cell(c.critical_text)} | {_cell(c.gaps_text)} |"
        )
    lines += ["", _cell(_counts(report)), "", f"_{numbers}_", ""]
    for line in report.legend:
        term, _sep, meaning = line.partition(": ")
        lines.append(f"- **{_cell(term)}**: {_cell(meaning)}")
    return "\n".join(lines) + "\n"
