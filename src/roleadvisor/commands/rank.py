"""``roleadvisor rank``: candidates against a role, an advert or a saved decode; and ``assess --target FILE``.

The candidates are read like ``batch`` reads profiles (``roleadvisor.batch.source``):
the same formats, header rules, bad-record messages and duplicate-id rule.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.rank import RankReport, RequirementsOut, build_rank, requirements_out
from roleadvisor.errors import EXIT_OK, EXIT_PARTIAL, BatchInputError, LookupFailed, ProfileError, UsageError
from roleadvisor.i18n import _, ngettext, number
from roleadvisor.output import note, warn
from roleadvisor.rank import (
    Requirements,
    advert_requirements,
    candidate_gaps,
    rank_candidates,
    requirement_model,
    role_requirements,
)

MAX_CANDIDATES = 1_000_000  # rank holds every candidate in memory
REQUIREMENTS_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class RankOptions:
    """What the command line asked for."""

    input: str
    role: str | None = None
    advert: str | None = None
    requirements: str | None = None
    top: int | None = None
    input_format: str | None = None
    id_column: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


@dataclass(frozen=True)
class Loaded:
    """A requirement profile and what to show about where it came from."""

    requirements: Requirements
    source: str  # "role", "advert" or "file"
    title: str | None = None
    file: str | None = None
    decoded: tuple[tuple[str, float], ...] = ()
    notes: tuple[str, ...] = ()

    def out(self, catalog: Catalog) -> RequirementsOut:
        """The contract's view of it."""
        return requirements_out(
            catalog,
            self.requirements,
            source=self.source,
            title=self.title,
            file=self.file,
            decoded=self.decoded,
            notes=self.notes,
        )


# ---------------------------------------------------------------- where the requirements come from


def _stdin_bytes(limit: int) -> bytes:
    if sys.stdin is None:
        raise UsageError(_("stdin is closed; nothing to read"))
    data: bytes = sys.stdin.buffer.read(limit + 1)
    return data


def decode_advert(spec: str, catalog: Catalog) -> Loaded:
    """The advert in file ``spec`` (``-``: stdin) decoded to a requirement profile."""
    from roleadvisor.commands.browse import read_advert
    from roleadvisor.contracts.decode import decode_view
    from roleadvisor.decode import decode_text

    text = read_advert(None, Path(spec), stdin_is_terminal=False)
    if not text.strip():
        raise UsageError(_("--advert {file}: the advert is empty").format(file=spec))
    decoded = decode_text(text, catalog)
    view = decode_view(decoded, catalog)
    for message in view.warnings:
        warn(message)
    weights_from = decoded.roles[0].role_id if decoded.roles else None
    title = decoded.title.strip()[:80] if decoded.title and decoded.title_found else None
    notes = [s for s in (view.seniority.sentence, view.reading.note) if s]
    return Loaded(
        requirements=advert_requirements(catalog, decoded.ratings, weights_from),
        source="advert",
        title=title or None,
        file="<stdin>" if spec == "-" else spec,
        decoded=tuple((m.role_id, m.confidence) for m in decoded.roles),
        notes=tuple(notes),
    )


def _decoded_title(name: object) -> str | None:
    """A saved profile's name without decode's ``decoded: `` prefix."""
    if not isinstance(name, str | int) or not str(name).strip():
        return None
    text = str(name).strip()
    for prefix in {"decoded: ", _("decoded: {title}").format(title="")}:
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :].strip()
    return text[:80] or None


def parse_requirements(data: Any, catalog: Catalog, shown: str) -> Loaded:  # noqa: ANN401 - parsed JSON/YAML
    """A saved ``decode --format json`` (levels, and weights from its most likely role) or
    ``--format profile`` (levels only: equal weights)."""
    from roleadvisor.profile import profile_from_data

    if isinstance(data, dict) and "schema_version" in data:
        raise ProfileError(
            _(
                "{file}: an 'assess' report holds a person's ratings, not a job's requirements; save the "
                "advert with 'roleadvisor decode --format json'"
            ).format(file=shown)
        )
    decoded: list[tuple[str, float]] = []
    weights_from: str | None = None
    title: str | None = None
    if (
        isinstance(data, dict)
        and isinstance(data.get("profile"), dict)
        and isinstance(data.get("roles"), list)
    ):
        roles = data["roles"]
        for item in roles:
            rid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(rid, str) or rid not in catalog.role_ids:
                raise ProfileError(
                    _(
                        "{file}: decoded role {role!r} is not in this catalogue; was the decode made with "
                        "another one? (pass it with --catalog)"
                    ).format(file=shown, role=str(rid)[:40])
                )
            confidence = item.get("confidence", 0.0)
            decoded.append((rid, float(confidence) if isinstance(confidence, int | float) else 0.0))
        weights_from = decoded[0][0] if decoded else None
        reading = data.get("reading")
        found = not isinstance(reading, dict) or reading.get("title_found", True) is not False
        if isinstance(data.get("title"), str) and found:
            title = data["title"].strip()[:80] or None
        inner = data["profile"]
        profile = profile_from_data(
            {k: inner[k] for k in ("name", "ratings") if k in inner}, catalog, source=f"{shown}: profile"
        )
    elif isinstance(data, dict) and "ratings" in data:
        profile = profile_from_data(data, catalog, source=shown)
        title = _decoded_title(data.get("name"))
    else:
        raise ProfileError(
            _(
                "{file}: not a saved decode: expected the output of 'roleadvisor decode --format json' "
                "(or '--format profile')"
            ).format(file=shown)
        )
    missing = [s for s in catalog.skill_ids if s not in profile.ratings]
    if missing:
        raise ProfileError(
            _("{file}: no level asked for {skills}; was it made with another catalogue?").format(
                file=shown, skills=", ".join(missing)
            )
        )
    meta = data.get("catalog")
    version = meta.get("version") if isinstance(meta, dict) else None
    if isinstance(version, str) and version != catalog.version:
        note(
            _(
                "note: {file} was decoded with catalogue {version}; its levels are used as saved, "
                "weighed with catalogue {current}"
            ).format(file=shown, version=version, current=catalog.version)
        )
    return Loaded(
        requirements=advert_requirements(catalog, profile.ratings, weights_from),
        source="file",
        title=title,
        file=shown,
        decoded=tuple(decoded),
    )


def load_requirements(spec: str, catalog: Catalog) -> Loaded:
    """A saved decode from file ``spec`` (``-``: stdin)."""
    from roleadvisor.errors import YamlProblem
    from roleadvisor.safeyaml import load_yaml
    from roleadvisor.textfile import decode_text, read_text

    if spec == "-":
        shown = "<stdin>"
        raw = _stdin_bytes(REQUIREMENTS_MAX_BYTES)
        text = decode_text(
            raw, name=shown, what="saved decode", max_bytes=REQUIREMENTS_MAX_BYTES, error=ProfileError
        )
    else:
        shown = spec
        text = read_text(
            Path(spec), what="saved decode", max_bytes=REQUIREMENTS_MAX_BYTES, error=ProfileError
        )
    try:
        data = load_yaml(text)  # YAML reads JSON too
    except YamlProblem as exc:
        raise ProfileError(
            _("{file}: not a saved decode (JSON or YAML): {problem}").format(file=shown, problem=exc)
        ) from None
    return parse_requirements(data, catalog, shown)


def role_loaded(value: str, catalog: Catalog) -> Loaded:
    """The catalogue role ``value`` names (id, title or alias, like ``assess --target``)."""
    from roleadvisor.lookup import resolve_role

    role = resolve_role(value, catalog)
    return Loaded(requirements=role_requirements(catalog, role.id), source="role")


def resolve_target(value: str, catalog: Catalog) -> tuple[str | None, Loaded | None]:
    """``assess --target``: a role (``(id, None)``), or a saved decode in an existing file
    (``(None, loaded)``); a name that is neither says both."""
    path = Path(value)
    if value != "-" and path.is_file():
        return None, load_requirements(value, catalog)
    from roleadvisor.lookup import resolve_role

    try:
        return resolve_role(value, catalog).id, None
    except LookupFailed as exc:
        if exc.details:  # several roles match: it was meant as a role
            raise
        raise LookupFailed(
            _(
                "{problem}, and there is no file {value} to read as a saved decode (save one with "
                "'roleadvisor decode --format json')"
            ).format(value=repr(value[:80]), problem=exc.message),
        ) from None


# ---------------------------------------------------------------- the command


def _requirements(catalog: Catalog, options: RankOptions) -> Loaded:
    given = [
        name
        for name, value in (
            ("--role", options.role),
            ("--advert", options.advert),
            ("--requirements", options.requirements),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise UsageError(
            _("give exactly one of --role, --advert and --requirements (got {given})").format(
                given=", ".join(given) if given else _("none")
            )
        )
    stdin_users = [
        name
        for name, value in (
            ("FILE", options.input),
            ("--advert", options.advert),
            ("--requirements", options.requirements),
        )
        if value == "-"
    ]
    if len(stdin_users) > 1:
        raise UsageError(
            _("{first} and {second} cannot both read stdin ('-'); give one of them as a file").format(
                first=stdin_users[0], second=stdin_users[1]
            )
        )
    if options.role is not None:
        return role_loaded(options.role, catalog)
    if options.advert is not None:
        return decode_advert(options.advert, catalog)
    return load_requirements(str(options.requirements), catalog)


def rank_contract(catalog: Catalog, options: RankOptions) -> tuple[RankReport, int]:
    """The ranking and the exit code (0 every record ranked, 3 some skipped)."""
    from roleadvisor.batch.source import InputSpec
    from roleadvisor.commands.people import read_everyone

    loaded = _requirements(catalog, options)
    spec = InputSpec(
        path=options.input,
        input_format=options.input_format,
        id_column=options.id_column,
        delimiter=options.delimiter,
        sheet=options.sheet,
    )
    people, name = read_everyone(spec, catalog, limit=MAX_CANDIDATES, command="rank")
    if len(people) == 0:
        if people.bad:
            raise BatchInputError(
                ngettext(
                    "{file}: no candidate to rank: the {count} record could not be read (see above)",
                    "{file}: no candidate to rank: none of the {count} records could be read (see above)",
                    len(people.bad),
                ).format(file=name, count=number(len(people.bad)))
            )
        raise BatchInputError(_("{file}: no candidates found").format(file=name))
    model = requirement_model(catalog, loaded.requirements)
    ranked = rank_candidates(model, people.ratings)
    shown = ranked if options.top is None else ranked[: options.top]
    gaps = {r.index: candidate_gaps(model, people.ratings[r.index].tolist()) for r in shown}
    report = build_rank(
        catalog,
        loaded.out(catalog),
        model_gaps=gaps,
        ranked=ranked,
        ids=people.ids,
        lines=people.lines.tolist(),
        ratings=people.ratings.tolist(),
        skipped=[(b.line, b.id, b.message) for b in people.bad],
        top=options.top,
    )
    note(
        _("rank: {read} records, {ranked} ranked, {skipped} skipped").format(
            read=number(len(people) + len(people.bad)),
            ranked=number(len(people)),
            skipped=number(len(people.bad)),
        )
    )
    return report, EXIT_PARTIAL if people.bad else EXIT_OK
