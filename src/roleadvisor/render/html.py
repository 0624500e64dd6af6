"""The assessment as one self-contained HTML page: inline CSS and SVG, no scripts, no network."""

from __future__ import annotations

from html import escape

from roleadvisor.contracts.assess import AssessReport, PlanStepOut
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.contracts.words import lower_first, percent
from roleadvisor.render.svg import assess_svg

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.muted { color: #6e7781; } table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
.fit { white-space: nowrap; } .bar { display: inline-block; height: .7rem; background: #2da44e;
       border-radius: 2px; vertical-align: middle; margin-left: .4rem; }
.bar.low { background: #d4a72c; } .chart { text-align: center; margin: 1rem 0; }
.callout { background: #f6f8fa; border-left: 4px solid #1f6feb; padding: .6rem 1rem; }
ul.resources { margin: 0; padding-left: 1.1rem; } .kind { color: #6e7781; font-size: .85em; }
.warning { background: #fff8c5; border-left: 4px solid #d4a72c; padding: .6rem 1rem; }
.band { white-space: nowrap; font-weight: 600; } .band.ready, .band.close { color: #1a7f37; }
.band.stretch { color: #9a6700; } .band.far { color: #cf222e; }
@media print { body { margin: 0; } }
"""


def _fit(fit: float) -> str:
    low = " low" if fit < 0.75 else ""
    width = f"{fit * 8:.2f}rem"
    return f'<span class="fit">{percent(fit)}<span class="bar{low}" style="width:{width}"></span></span>'


def _resources(items: tuple[ResourceOut, ...]) -> str:
    if not items:
        return '<span class="muted">no resource in the catalogue</span>'
    lines = []
    for r in items:
        title = escape(r.title)
        if r.url:
            title = f'<a href="{escape(r.url, quote=True)}" rel="noopener">{title}</a>'
        lines.append(f'<li>{title} <span class="kind">{escape(r.kind)}</span></li>')
    return '<ul class="resources">' + "".join(lines) + "</ul>"


def _levels(step: PlanStepOut) -> str:
    if len(step.levels) <= 1:
        return escape(step.descriptor)
    return "<br>".join(f"<strong>{lv.level}</strong>: {escape(lv.descriptor)}" for lv in step.levels)


def assess_html(report: AssessReport) -> str:
    """A page a person would keep: chart, ranked roles, stages, plan and resources."""
    who = report.profile.name or "your profile"
    body: list[str] = [
        f"<h1>roleadvisor report for {escape(who)}</h1>",
        f'<p class="muted">Catalogue {escape(report.catalog.version)} ({escape(report.catalog.source)}). '
        "What the numbers mean is explained at the end of the page.</p>",
        *(f'<p class="warning"><strong>Warning:</strong> {escape(w)}</p>' for w in report.warnings),
        f'<div class="chart">{assess_svg(report)}</div>',
    ]
    if report.summary:
        body.append(f"<p>{escape(' '.join(report.summary))}</p>")
    verdict = [part.sentence for part in (report.readiness, report.stability) if part is not None]
    if verdict:
        body.append(f"<p>{escape(' '.join(verdict))}</p>")
    if report.next_step is not None:
        ns = report.next_step
        body.append(
            f'<p class="callout"><strong>Next best step:</strong> '
            f"{escape(lower_first(ns.sentence.split(' Learn from: ')[0]))} Learn from:</p>"
            + _resources(ns.resources)
        )
    if report.target is not None:
        t = report.target
        rows = (
            "".join(
                f"<tr><td>{i}</td><td>{escape(s.skill_title or s.skill)} {s.have}&#8594;{s.need}</td>"
                f"<td>{_fit(s.fit_after)}</td><td>{_levels(s)}</td>"
                f"<td>{_resources(s.resources)}</td></tr>"
                for i, s in enumerate(t.plan, start=1)
            )
            or '<tr><td colspan="5">You meet every requirement of this role.</td></tr>'
        )
        body.append(
            f"<h2>Plan for {escape(t.title)} (fit now {percent(t.fit)}, {escape(t.band)}; "
            f"{t.learning} level{'s' if t.learning != 1 else ''} to learn)</h2>"
            "<table><thead><tr><th>#</th><th>Step</th><th>Fit after</th><th>At that level a person…</th>"
            f"<th>Learn from</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if report.moves is not None:
        mv = report.moves
        rows = "".join(
            f"<tr><td>{escape(m.title)}</td><td>{_fit(m.fit)}</td><td>{percent(m.similarity)}</td>"
            f"<td>{m.learning}</td></tr>"
            for m in mv.adjacent
        )
        targeted = report.target is not None and report.target.id == mv.best.id
        body.append(
            f"<h2>Moves from {escape(mv.best.title)}, {'your target' if targeted else 'your best match'}</h2>"
            "<table><thead><tr><th>Closest role</th><th>Fit</th><th>Similar</th>"
            "<th>Levels to learn</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>" + "".join(f"<p>{escape(line)}</p>" for line in mv.tradeoffs)
        )
    role_rows = "".join(
        f"<tr><td>{rank}</td><td><strong>{escape(r.title)}</strong><br>"
        f'<span class="muted">{escape(r.id)} · {escape(r.family)}</span></td><td>{_fit(r.match)}</td>'
        f"<td>{percent(r.fit)}</td><td>{percent(r.use)}</td>"
        f'<td><span class="band {escape(r.band, quote=True)}">{escape(r.band)}</span></td>'
        f"<td>{escape(r.reason)}</td></tr>"
        for rank, r in enumerate(report.roles, start=1)
    )
    body.append(
        "<h2>Roles ranked by match</h2><table><thead><tr><th>#</th><th>Role</th><th>Match</th>"
        "<th>Fit</th><th>Use</th><th>Readiness</th>"
        f"<th>Why this rank</th></tr></thead><tbody>{role_rows}</tbody></table>"
    )
    stage_rows = "".join(f"<tr><td>{escape(s.title)}</td><td>{_fit(s.fit)}</td></tr>" for s in report.stages)
    body.append(
        "<h2>Production-cycle stages</h2><table><thead><tr><th>Stage</th><th>Fit</th></tr></thead>"
        f"<tbody>{stage_rows}</tbody></table>"
    )
    if report.legend:
        body.append(
            "<h2>What the numbers mean</h2><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in report.legend)
            + "</ul>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>roleadvisor report for {escape(who)}</title><style>{CSS}</style></head>\n"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
