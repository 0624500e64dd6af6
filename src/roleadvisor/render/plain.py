"""Renderers whose output is one plain text block, with no Rich involved."""

from __future__ import annotations

from roleadvisor.contracts import to_data
from roleadvisor.contracts.catalog import ValidationReport
from roleadvisor.contracts.decode import DecodeView


def decode_profile(view: DecodeView) -> str:
    """Only the profile of a decode result, as JSON that ``assess --profile`` reads."""
    import json

    return json.dumps(to_data(view.profile), indent=2, ensure_ascii=False) + "\n"


def validation_line(report: ValidationReport) -> str:
    """``ok: catalogue ... is valid: ...`` (an invalid catalogue is reported as an error instead)."""
    if not report.valid:
        return f"catalogue {report.catalog} is not valid ({len(report.problems)} problems)\n"
    return (
        f"ok: catalogue {report.catalog} (version {report.version}) is valid: "
        f"{report.skills} skill areas, {report.stages} stages, {report.roles} roles\n"
    ) + "".join(f"warning: {line}\n" for line in report.warnings)
