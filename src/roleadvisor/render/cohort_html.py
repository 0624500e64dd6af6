"""The cohort report as one self-contained HTML page: inline CSS, no scripts, no fonts fetched, no images.

The heatmap is an HTML table whose cells are coloured by level (a light-to-dark
blue scale, the level also written in the cell), so it reads in any browser, prints,
mirrors in a right-to-left page with the rest of the page, and needs no script. It
degrades with the cohort's size: up to ``FULL_ROWS`` people every cell shows its
level and each best role heads its group; up to ``COMPACT_ROWS`` the rows are
smaller and the levels are in each cell's tooltip; up to ``DENSE_ROWS`` a row is
a thin strip (the person's name in its tooltip); beyond that the page shows only
the skill-by-level counts, which it always shows, and says so. The same helpers
as the assess page make the text right to left in Persian (``render.html``).
"""

from __future__ import annotations

import re
from html import escape

from roleadvisor import i18n
from roleadvisor.contracts.cohort import NAMES_SHOWN, ROWS_SHOWN, CohortReport, more_rows
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.html import BUILTIN, CSS, _fill, _fit, _name, _rtl_css, _t

SKIPPED_SHOWN = 20  # records left out that the page lists (as stderr does); the JSON lists all
FULL_ROWS = 60  # up to this many people: levels written in the cells, names in full
COMPACT_ROWS = 400  # up to this many: smaller rows, levels in tooltips
DENSE_ROWS = 2000  # up to this many: thin strips; beyond, no per-person heatmap
PALETTE = ("#f6f8fa", "#d6e6f4", "#9ecae1", "#5a9bd0", "#2166ac", "#08306b")  # level 0 .. top, light to dark
DARK_FROM = 4  # palette entries from this one on take white text

COHORT_CSS = """
body { max-width: 72rem; }
table.heat { width: auto; border-collapse: separate; border-spacing: 2px; }
table.heat th, table.heat td { border: 0; padding: .15rem .45rem; }
table.heat td.lv { text-align: center; min-width: 2.2rem; font-variant-numeric: tabular-nums; }
table.heat th.skill { font-size: .8rem; vertical-align: bottom; width: 5.5rem; }
table.heat tr.group th { text-align: start; padding-top: .7rem; font-size: .9rem; }
table.heat td.who { white-space: nowrap; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }
table.heat.compact td { padding: 0 .3rem; font-size: .7rem; line-height: 1.1; }
table.heat.compact td.lv, table.heat.dense td.lv { color: transparent; min-width: 1.6rem; }
table.heat.dense { border-spacing: 1px 0; }
table.heat.dense td { padding: 0; height: 3px; line-height: 3px; font-size: 0; }
table.heat.dense td.who, table.heat.dense td.fitcell { display: none; }
.key span { display: inline-block; padding: .1rem .5rem; margin-inline-end: .2rem; border-radius: 2px; }
.count { white-space: nowrap; font-variant-numeric: tabular-nums; }
.people { font-size: .9rem; }
""" + "".join(
    f".l{i} {{ background: {colour}; color: {'#ffffff' if i >= DARK_FROM else '#1f2328'}; }}\n"
    for i, colour in enumerate(PALETTE)
)


def shade(level: int, top: int) -> int:
    """The palette entry of ``level`` on a scale of ``0..top`` (0 the lightest, ``top`` the darkest)."""
    if top <= 0:
        return 0
    return max(0, min(len(PALETTE) - 1, round(level / top * (len(PALETTE) - 1))))


def _prose(text: str, names: list[str]) -> str:
    """``text`` as HTML (``_t``) with each of ``names`` in it isolated as a name (``<bdi>``), so that a
    path or a name with letters ``_t`` does not take for Latin (``Tomás``) keeps its order."""
    wanted = sorted({n for n in names if n}, key=len, reverse=True)
    if not wanted:
        return _t(text)
    pattern = re.compile("|".join(re.escape(n) for n in wanted))
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(_t(text[pos : m.start()]))
        out.append(_name(m.group()))
        pos = m.end()
    out.append(_t(text[pos:]))
    return "".join(out)


def _names(names: tuple[str, ...]) -> str:
    """Up to ``NAMES_SHOWN`` names, each isolated, then how many more (as ``names_shown`` says it)."""
    shown = i18n.comma().join(_name(n) for n in names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    if more <= 0:
        return shown
    template = ngettext("{names} and {count} more", "{names} and {count} more", more)
    return _fill(template, names=shown, count=escape(i18n.number(more)))


def _n(value: float, decimals: int = 0) -> str:
    return escape(i18n.number(value, decimals))


def _table(headers: list[str], rows: str, cls: str = "") -> str:
    cells = "".join(f"<th>{_t(h)}</th>" for h in headers)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>"


def _roles(report: CohortReport) -> str:
    rows = "".join(
        f"<tr><td><strong>{_name(r.title)}</strong></td>"
        f'<td class="count">{_n(r.people)}</td>'
        + "".join(f'<td class="count">{_n(r.bands.get(b.id, 0))}</td>' for b in report.bands)
        + f'<td class="people">{_names(r.names)}</td></tr>'
        for r in report.roles
    )
    headers = [_("Role"), _("People"), *(b.label for b in report.bands), _("Who (best fit first)")]
    title = _("Best roles: how many people have each as their first role")
    return f"<h2>{_t(title)}</h2>" + _table(headers, rows)


def _closest(report: CohortReport) -> str:
    none = _("none")
    rows = "".join(
        f"<tr><td>{_n(c.rank)}{'=' if c.tied else ''}</td><td>{_name(c.id)}</td><td>{_fit(c.fit)}</td>"
        f'<td><span class="band {escape(c.band, quote=True)}">{_t(c.band_label)}</span></td>'
        f"<td>{_t(c.critical_text or none)}</td><td>{_n(c.learning)}</td></tr>"
        for c in report.closest[:ROWS_SHOWN]
    )
    headers = ["#", _("Person"), _("Fit"), _("Readiness"), _("Critical gaps"), _("Levels to learn")]
    more = len(report.closest) > ROWS_SHOWN
    tail = f'<p class="muted">{_t(more_rows(len(report.closest)))}</p>' if more else ""
    return f"<h2>{_t(report.closest_title)}</h2>" + _table(headers, rows) + tail


def _skipped(report: CohortReport) -> str:
    """The records left out, as the command listed them on stderr: line, id and why (the first
    ``SKIPPED_SHOWN``, then how many more)."""
    if not report.skipped:
        return ""
    rows = "".join(
        f'<tr><td class="count">{_n(s.line)}</td><td>{_name(s.id) if s.id is not None else ""}</td>'
        f"<td>{_t(s.error)}</td></tr>"
        for s in report.skipped[:SKIPPED_SHOWN]
    )
    title = _("Records left out")
    out = f"<h2>{_t(title)}</h2>" + _table([_("Line"), _("ID"), _("Why it was left out")], rows)
    more = len(report.skipped) - SKIPPED_SHOWN
    if more > 0:
        template = ngettext(
            "... and {count} more record left out (the JSON report lists them all).",
            "... and {count} more records left out (the JSON report lists them all).",
            more,
        )
        out += f'<p class="muted">{_fill(template, count=_n(more))}</p>'
    return out


def heatmap(report: CohortReport) -> str:
    """The people-by-skills heatmap (as the cohort's size allows), its colour key, and the
    skill-by-level counts."""
    top = report.scale.max
    n = len(report.heatmap)
    parts = [f"<h2>{_t(_('Levels, person by skill (grouped by best role; fit is to that role)'))}</h2>"]
    if n > DENSE_ROWS:
        note = _(
            "With {count} people a row per person would be too thin to read: the counts below show each "
            "skill's levels, and the JSON report has every person's."
        )
        parts.append(f'<p class="muted">{_fill(note, count=_n(n))}</p>')
    else:
        mode = "full" if n <= FULL_ROWS else "compact" if n <= COMPACT_ROWS else "dense"
        columns = len(report.skills) + 2
        head = (
            f"<tr><th>{_t(_('Person'))}</th><th>{_t(_('Fit'))}</th>"
            + "".join(f'<th class="skill">{_name(s.title)}</th>' for s in report.skills)
            + "</tr>"
        )
        body: list[str] = []
        role = None
        for row in report.heatmap:
            if row.role != role and mode != "dense":
                role = row.role
                body.append(f'<tr class="group"><th colspan="{columns}">{_name(row.role_title)}</th></tr>')
            tip = f"{row.person} · {row.role_title}"
            cells = "".join(
                f'<td class="lv l{shade(level, top)}" title="{escape(s.title, quote=True)}: '
                f'{escape(i18n.number(level))}">{_n(level)}</td>'
                for s, level in zip(report.skills, row.levels, strict=True)
            )
            body.append(
                f'<tr title="{escape(tip, quote=True)}"><td class="who">{_name(row.person)}</td>'
                f'<td class="fitcell">{escape(i18n.percent(row.fit))}</td>{cells}</tr>'
            )
        parts.append(
            f'<table class="heat {mode}" data-people="{n}"><thead>{head}</thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
        if mode != "full":
            note = _("{count} people: the levels are in each cell's tooltip.")
            parts.append(f'<p class="muted">{_fill(note, count=_n(n))}</p>')
    labels = report.scale.labels
    key = "".join(
        f'<span class="l{shade(level, top)}">{_n(level)} {_name(labels[level])}</span>'
        for level in range(top + 1)
        if level < len(labels)
    )
    parts.append(f'<p class="key">{key}</p>')
    # the counts: skills down, levels across, each cell coloured by its level, its count written
    level_head = "".join(f"<th>{_n(level)}</th>" for level in range(top + 1))
    high = _("{level}+").format(level=i18n.number(report.scale.high))
    rows = "".join(
        f"<tr><td>{_name(s.title)}</td>"
        + "".join(
            f'<td class="lv l{shade(level, top)}">{_n(count)}</td>' if count else '<td class="lv"></td>'
            for level, count in enumerate(s.counts)
        )
        + f'<td class="count">{_n(s.high)}</td><td class="count">{_n(s.mean, 1)}</td></tr>'
        for s in report.skill_levels
    )
    counts_title = _("People at each level, skill by skill")
    parts.append(
        f"<h3>{_t(counts_title)}</h3>"
        f'<table class="heat counts"><thead><tr><th>{_t(_("Skill"))}</th>{level_head}'
        f"<th>{escape(high)}</th><th>{_t(_('mean level'))}</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return "\n".join(parts)


def _stages(report: CohortReport) -> str:
    total = report.input.people
    rows = "".join(
        f"<tr><td>{_name(s.title)}</td><td>{_t(s.needs_text)}</td>"
        f'<td class="count">{_fill(_("{count} of {total}"), count=_n(s.meet), total=_n(total))}</td>'
        f"<td>{_fit(s.mean_fit)}</td></tr>"
        for s in report.stages
    )
    title = _("Production-cycle stages: who meets each stage's needs")
    headers = [_("Stage"), _("Needs"), _("Meet"), _("Mean stage fit")]
    return f"<h2>{_t(title)}</h2>" + _table(headers, rows)


def _teach(report: CohortReport) -> str:
    out = [f"<h2>{_t(_('Teach next'))}</h2>"]
    lines = list(report.teach_text)
    if lines:
        out.append(f'<p class="callout">{_t(lines[0])}</p>')
        out += [f"<p>{_t(line)}</p>" for line in lines[1:]]
    teach = report.teach_next
    if teach is not None and teach.gains:
        points = _("+{points} points")
        rows = "".join(
            f"<tr><td>{_name(g.id)}</td><td>{_n(g.have)}→{_n(g.to)}</td><td>{_name(g.role_title)}</td>"
            f'<td class="count">{_t(points.format(points=i18n.number(g.gain * 100, 1)))}</td></tr>'
            for g in teach.gains[:ROWS_SHOWN]
        )
        out.append(
            f"<h3>{_t(_('Who gains from it'))}</h3>"
            + _table([_("Person"), _("Level"), _("For"), _("Fit gain")], rows)
        )
        if len(teach.gains) > ROWS_SHOWN:
            out.append(f'<p class="muted">{_t(more_rows(len(teach.gains)))}</p>')
    return "\n".join(out)


def cohort_html(report: CohortReport) -> str:
    """A page a mentor can share: distribution, heatmap, stages, single points, teach-next, legend."""
    heading = _("roleadvisor cohort report: {name}")
    intro = _("Catalogue {version} ({source}). What the numbers mean is explained at the end of the page.")
    source = report.catalog.source
    shown_name = report.input.name.replace("\\", "/").rsplit("/", 1)[-1]  # the file's name, not its folders
    body: list[str] = [
        f"<h1>{_fill(heading, name=_name(shown_name))}</h1>",
        '<p class="muted">'
        + _fill(
            intro,
            version=_name(report.catalog.version),
            source=_t(_("built-in")) if source == BUILTIN else _name(source),
        )
        + "</p>",
        f'<p class="warning">{_t(report.caveat)}</p>',
        f"<p>{_prose(' '.join(report.summary), [report.input.name])}</p>",
    ]
    if report.skipped:
        body.append(_skipped(report))
    if report.roles:
        body.append(_roles(report))
    if report.closest:
        body.append(_closest(report))
    if report.heatmap:
        body.append(heatmap(report))
        body.append(_stages(report))
        spof = _("Single points of failure")
        holders = [p.person for p in report.single_points]
        body.append(
            f"<h2>{_t(spof)}</h2>" + "".join(f"<p>{_prose(line, holders)}</p>" for line in report.spof_text)
        )
        body.append(_teach(report))
    meaning = _("What the numbers mean")
    body.append(
        f"<h2>{_t(meaning)}</h2><ul>" + "".join(f"<li>{_t(line)}</li>" for line in report.legend) + "</ul>"
    )
    language = i18n.current()
    direction = "rtl" if i18n.is_rtl() else "ltr"
    html_attrs = f'lang="{language}"' + (f' dir="{direction}"' if language != i18n.ENGLISH else "")
    css = CSS + COHORT_CSS + (_rtl_css() if i18n.is_rtl() else "")
    title = heading.format(name=shown_name)
    head = (
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style>"
    )
    return (
        "<!DOCTYPE html>\n"
        f"<html {html_attrs}><head>{head}</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
