"""Renderers whose output is one plain text block, with no Rich involved."""

from __future__ import annotations

from roleadvisor.contracts import to_data
from roleadvisor.contracts.catalog import ValidationReport
from roleadvisor.contracts.decode import DecodeView
from roleadvisor.i18n import _, ngettext, number


def decode_profile(view: DecodeView) -> str:
    """Only the profile of a decode result, as JSON that ``assess --profile`` reads."""
    import json

    return json.dumps(to_data(view.profile), indent=2, ensure_ascii=False) + "\n"


def validation_line(report: ValidationReport) -> str:
    """``ok: catalogue ... is valid: ...`` (an invalid catalogue is reported as an error instead)."""
    if not report.valid:
        count = len(report.problems)
        return (
            ngettext(
                "catalogue {catalog} is not valid ({count} problem)",
                "catalogue {catalog} is not valid ({count} problems)",
                count,
            ).format(catalog=report.catalog, count=number(count))
            + "\n"
        )
    counts = [report.skills or 0, report.stages or 0, report.roles or 0]
    skills = ngettext("{count} skill area", "{count} skill areas", counts[0]).format(count=number(counts[0]))
    stages = ngettext("{count} stage", "{count} stages", counts[1]).format(count=number(counts[1]))
    roles = ngettext("{count} role", "{count} roles", counts[2]).format(count=number(counts[2]))
    if report.catalog == "built-in":
        valid = _("ok: catalogue built-in (version {version}) is valid: {skills}, {stages}, {roles}")
    else:
        valid = _("ok: catalogue {catalog} (version {version}) is valid: {skills}, {stages}, {roles}")
    line = valid.format(
        catalog=report.catalog, version=report.version, skills=skills, stages=stages, roles=roles
    )
    return line + "\n" + "".join(f"warning: {w}\n" for w in report.warnings)  # "warning:" in every language
