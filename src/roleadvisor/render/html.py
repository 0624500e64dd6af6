"""The assessment as one self-contained HTML page: inline CSS and SVG, no scripts, no network.

The page is written in the active language (``roleadvisor.i18n``): ``<html lang dir>``,
its fixed text translated, numbers in the language's digits. A right-to-left page
(Persian) mirrors through CSS logical properties (``margin-inline-start``,
``text-align: start``, ``border-inline-start``), so one stylesheet serves both
directions; names (roles, skills, ids, resources) sit in ``<bdi>``, and in a
right-to-left page so does every run of Latin text inside a sentence, so that
"C++" or "(Airflow، dbt)" keep their order. The Persian page prefers the reader's
installed Persian fonts and embeds a small subset of Noto Sans Arabic (SIL OFL,
``render/fonts/README.md``) for a reader who has none; other pages embed no font.
"""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path

from roleadvisor import i18n
from roleadvisor.contracts.assess import AssessReport, PlanStepOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import family, kind, lower_first
from roleadvisor.i18n import _, ngettext
from roleadvisor.render.svg import PERSIAN_FONTS, assess_svg

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.muted { color: #6e7781; } table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
.fit { white-space: nowrap; } .bar { display: inline-block; height: .7rem; background: #2da44e;
       border-radius: 2px; vertical-align: middle; margin-inline-start: .4rem; }
.bar.low { background: #d4a72c; } .chart { text-align: center; margin: 1rem 0; }
.chart svg { max-width: 100%; height: auto; } td.why { min-width: 11rem; }
.callout { background: #f6f8fa; border-inline-start: 4px solid #1f6feb; padding: .6rem 1rem; }
ul.resources { margin: 0; padding-inline-start: 1.1rem; } .kind { color: #6e7781; font-size: .85em; }
.warning { background: #fff8c5; border-inline-start: 4px solid #d4a72c; padding: .6rem 1rem; }
.band { white-space: nowrap; font-weight: 600; } .band.ready, .band.close { color: #1a7f37; }
.band.stretch { color: #9a6700; } .band.far { color: #cf222e; }
@media print { body { margin: 0; } }
"""

FONT_FILE = Path(__file__).absolute().parent / "fonts" / "NotoSansArabic-Persian.woff2"
EMBEDDED_FAMILY = "roleadvisor Persian"
BUILTIN = "built-in"  # the source of the built-in catalogue (catalog.loader.BUILTIN_SOURCE)
# What the embedded subset covers: the reader's own fonts draw everything else (Latin text)
EMBEDDED_RANGE = (
    "U+0020-0021, U+002C-002E, U+003A, U+00A0, U+00AB, U+00BB, U+060C, U+061B, U+061F, "
    "U+0621-0655, U+0660-066D, U+0670, U+067E, U+0686, U+0698, U+06A9, U+06AF, U+06C0, U+06CC, "
    "U+06F0-06F9, U+200C-200F, U+2010-2014, U+2026, U+2066-2069"
)

# A run of Latin text inside a right-to-left sentence: words (with the marks that belong to
# them, as in C++, A/B, scikit-learn), joined by spaces; never ending in sentence punctuation.
_WORD = r"[A-Za-z][A-Za-z0-9_+#./'-]*[A-Za-z0-9_+#]|[A-Za-z]"
_LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9_])(?:{_WORD})(?: (?:{_WORD}|[0-9]+(?:\.[0-9]+)?))*")
_FIELD = re.compile(r"\{(\w+)\}")


def _rtl_css() -> str:
    """The Persian page's fonts: installed Persian fonts first, then the embedded subset."""
    data = base64.b64encode(FONT_FILE.read_bytes()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; font-style: normal; font-weight: 400; '
        f'font-display: swap; src: url(data:font/woff2;base64,{data}) format("woff2"); '
        f"unicode-range: {EMBEDDED_RANGE}; }}\n"
        f'body, .chart svg {{ font-family: {PERSIAN_FONTS}, "{EMBEDDED_FAMILY}", system-ui, sans-serif; '
        "line-height: 1.7; }\n"
        # Persian headings are short enough to leave an id whole (a Russian table has no room for it)
        ".id { white-space: nowrap; }\n"
    )


def _t(text: str) -> str:
    """``text`` escaped for HTML; in a right-to-left page each Latin run in it is isolated in ``<bdi>``."""
    if not i18n.is_rtl():
        return escape(text)
    out: list[str] = []
    pos = 0
    for m in _LATIN_RUN.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f"<bdi>{escape(m.group())}</bdi>")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _fill(template: str, **parts: str) -> str:
    """A translated ``template`` as HTML, its ``{fields}`` replaced by ``parts`` (HTML already)."""
    pieces = _FIELD.split(template)
    return "".join(parts[piece] if i % 2 else _t(piece) for i, piece in enumerate(pieces))


def _name(text: str) -> str:
    """A name (role, skill, stage, id, person, resource) isolated from the text around it."""
    return f"<bdi>{escape(text)}</bdi>"


def _band(band: str) -> str:
    """The readiness band's label in the active language (its id when the band is not a built-in one)."""
    labels = {"ready": _("ready"), "close": _("close"), "stretch": _("stretch"), "far": _("far")}
    return labels.get(band, band)


def _fit(fit: float) -> str:
    low = " low" if fit < 0.75 else ""
    width = f"{fit * 8:.2f}rem"
    return (
        f'<span class="fit">{escape(i18n.percent(fit))}'
        f'<span class="bar{low}" style="width:{width}"></span></span>'
    )


def _resources(items: tuple[ResourceOut, ...]) -> str:
    if not items:
        none = _("no resource in the catalogue")
        return f'<span class="muted">{_t(none)}</span>'
    lines = []
    for r in items:
        title = _name(r.title)
        if r.url:
            title = f'<a href="{escape(r.url, quote=True)}" rel="noopener">{title}</a>'
        lines.append(f'<li>{title} <span class="kind">{_t(kind(r.kind))}</span></li>')
    return '<ul class="resources">' + "".join(lines) + "</ul>"


def _levels(step: PlanStepOut) -> str:
    if len(step.levels) <= 1:
        return _t(step.descriptor)
    return "<br>".join(
        f"<strong>{escape(i18n.number(lv.level))}</strong>: {_t(lv.descriptor)}" for lv in step.levels
    )


def _step_text(sentence: str, resources: tuple[ResourceOut, ...]) -> str:
    """The next step's sentence without its last part, which names the resources (listed as links).

    That part starts at the sentence end before the first resource's title (or, with no
    resource, the last sentence end), whatever the language's words for "Learn from".
    """
    body = sentence.rstrip()
    anchor = body.rfind(resources[0].title) if resources else -1
    limit = anchor if anchor > 0 else len(body) - 1
    cut = body.rfind(". ", 0, limit)
    return body[: cut + 1] if cut > 0 else body


def _head(title: str) -> str:
    """The ``<head>`` of a page: language, direction, title and styles (and the Persian font)."""
    css = CSS + (_rtl_css() if i18n.is_rtl() else "")
    return (
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style>"
    )


def _table(headers: list[str], rows: str) -> str:
    """A table: its translated ``headers`` and its rows (HTML)."""
    cells = "".join(f"<th>{_t(h)}</th>" for h in headers)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>"


def _callout(sentence: str, resources: tuple[ResourceOut, ...]) -> str:
    """The next best step: its sentence, then the resources to learn from as links."""
    label, learn = _("Next best step:"), _("Learn from:")
    text = lower_first(_step_text(sentence, resources))
    return f'<p class="callout"><strong>{_t(label)}</strong> {_t(text)} {_t(learn)}</p>' + _resources(
        resources
    )


def _plan_rows(plan: tuple[PlanStepOut, ...]) -> str:
    if not plan:
        done = _("You meet every requirement of this role.")
        return f'<tr><td colspan="5">{_t(done)}</td></tr>'
    step = _("{skill} {have}→{need}")
    return "".join(
        f"<tr><td>{escape(i18n.number(i))}</td><td>"
        + _fill(
            step,
            skill=_name(s.skill_title or s.skill),
            have=escape(i18n.number(s.have)),
            need=escape(i18n.number(s.need)),
        )
        + f"</td><td>{_fit(s.fit_after)}</td><td>{_levels(s)}</td><td>{_resources(s.resources)}</td></tr>"
        for i, s in enumerate(plan, start=1)
    )


def assess_html(report: AssessReport) -> str:
    """A page a person would keep: chart, ranked roles, stages, plan and resources."""
    who = report.profile.name or _("your profile")
    heading = _("roleadvisor report for {name}")
    intro = _("Catalogue {version} ({source}). What the numbers mean is explained at the end of the page.")
    warning = _("Warning:")
    source = report.catalog.source
    builtin = _("built-in")
    body: list[str] = [
        f"<h1>{_fill(heading, name=_name(who) if report.profile.name else _t(who))}</h1>",
        '<p class="muted">'
        + _fill(
            intro,
            version=_name(report.catalog.version),
            source=_t(builtin) if source == BUILTIN else _name(source),
        )
        + "</p>",
        *(f'<p class="warning"><strong>{_t(warning)}</strong> {_t(w)}</p>' for w in report.warnings),
        f'<div class="chart">{assess_svg(report)}</div>',
    ]
    if report.summary:
        body.append(f"<p>{_t(' '.join(report.summary))}</p>")
    verdict = [part.sentence for part in (report.readiness, report.stability) if part is not None]
    if verdict:
        body.append(f"<p>{_t(' '.join(verdict))}</p>")
    if report.next_step is not None:
        body.append(_callout(report.next_step.sentence, report.next_step.resources))
    if report.target is not None:
        t = report.target
        plan = ngettext(
            "Plan for {role} (fit now {fit}, {band}; {count} level to learn)",
            "Plan for {role} (fit now {fit}, {band}; {count} levels to learn)",
            t.learning,
        )
        title = _fill(
            plan,
            role=_name(t.title),
            fit=escape(i18n.percent(t.fit)),
            band=_t(_band(t.band)),
            count=escape(i18n.number(t.learning)),
        )
        headers = ["#", _("Step"), _("Fit after"), _("At that level a person…"), _("Learn from")]
        body.append(f"<h2>{title}</h2>" + _table(headers, _plan_rows(t.plan)))
    if report.moves is not None:
        mv = report.moves
        rows = "".join(
            f"<tr><td>{_name(m.title)}</td><td>{_fit(m.fit)}</td>"
            f"<td>{escape(i18n.percent(m.similarity))}</td><td>{escape(i18n.number(m.learning))}</td></tr>"
            for m in mv.adjacent
        )
        targeted = report.target is not None and report.target.id == mv.best.id
        moves = _("Moves from {role}, your target") if targeted else _("Moves from {role}, your best match")
        headers = [_("Closest role"), _("Fit"), _("Similar"), _("Levels to learn")]
        body.append(
            f"<h2>{_fill(moves, role=_name(mv.best.title))}</h2>"
            + _table(headers, rows)
            + "".join(f"<p>{_t(line)}</p>" for line in mv.tradeoffs)
        )
    role_rows = "".join(
        f"<tr><td>{escape(i18n.number(rank))}</td><td><strong>{_name(r.title)}</strong><br>"
        f'<span class="muted"><bdi class="id">{escape(r.id)}</bdi> · '
        f"{_t(family(r.family))}</span></td><td>{_fit(r.match)}</td>"
        f"<td>{escape(i18n.percent(r.fit))}</td><td>{escape(i18n.percent(r.use))}</td>"
        f'<td><span class="band {escape(r.band, quote=True)}">{_t(_band(r.band))}</span></td>'
        f'<td class="why">{_t(r.reason)}</td></tr>'
        for rank, r in enumerate(report.roles, start=1)
    )
    ranked = _("Roles ranked by match")
    headers = ["#", _("Role"), _("Match"), _("Fit"), _("Use"), _("Readiness"), _("Why this rank")]
    body.append(f"<h2>{_t(ranked)}</h2>" + _table(headers, role_rows))
    stage_rows = "".join(f"<tr><td>{_name(s.title)}</td><td>{_fit(s.fit)}</td></tr>" for s in report.stages)
    stages = _("Production-cycle stages")
    body.append(f"<h2>{_t(stages)}</h2>" + _table([_("Stage"), _("Fit")], stage_rows))
    if report.legend:
        meaning = _("What the numbers mean")
        body.append(
            f"<h2>{_t(meaning)}</h2><ul>"
            + "".join(f"<li>{_t(line)}</li>" for line in report.legend)
            + "</ul>"
        )
    language = i18n.current()
    direction = "rtl" if i18n.is_rtl() else "ltr"
    html_attrs = f'lang="{language}"' + (f' dir="{direction}"' if language != i18n.ENGLISH else "")
    return (
        "<!DOCTYPE html>\n"
        f"<html {html_attrs}><head>{_head(heading.format(name=who))}</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
