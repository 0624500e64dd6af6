"""The Python API: score many profiles at once and get a table back.

    from roleadvisor import load_catalog, score_profiles
    table = score_profiles([{"id": "a", "ratings": {...}}, ...])
    table.top_role, table.top_fit, table.fits      # NumPy arrays
    table.to_pandas()                               # when pandas is installed

Input may be a sequence of records, a dict of columns, a NumPy array of shape
(n, skills) in catalogue skill order, or a DataFrame (pandas, polars, or anything
whose columns can be read with ``frame[name].to_numpy()``). Validation is done a
column at a time, by the one ratings rule (``roleadvisor.ratings``).

One bad row does not fail the others. Every row keeps its place (row i of the
table is row i of the input): a row with a problem is *marked*, not scored, and
not dropped. ``table.errors`` holds one ``BadRow`` per problem (the row
counted from 1, its id if any, the skill, the value shown plainly: ``nan``,
``3.7``, ``'abc'``, and the message); ``table.scored`` is False on such a row, its
fits and matches are NaN, its ``top_role`` and ``top_band`` empty, and
``to_dict()``/``to_pandas()`` give its messages in the ``error`` column (``None``
on scored rows). A missing value (``None``, NaN) is a missing rating.
``errors="raise"`` restores the old strictness: any problem raises ``RatingError``,
whose ``details`` list the problems. Problems with the input as a whole (a
missing skill column, an array of the wrong shape, a type that is no table) always raise.

A value exactly halfway between two levels (``3.5``) is read as the lower level,
as everywhere in roleadvisor; ``table.half_levels`` counts them and
``table.notes`` says so in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.ratings import (
    HalfLevel,
    SkillKeys,
    decimal_comma_problem,
    half_levels_note,
    level_or_error,
    levels_of_numbers,
    plain,
    record_values,
)
from roleadvisor.vector import FloatArray, Matrices, measure_matrix, top_roles

MAX_REPORTED = 20  # problems listed in a raised RatingError's details
Errors = Literal["collect", "raise"]


@dataclass(frozen=True)
class BadRow:
    """One problem with one input row: ``row`` counts from 1; ``skill`` is ``None`` when the
    whole record is at fault (not a mapping, an unknown key), and ``value`` is then ``""``."""

    row: int
    id: object | None
    skill: str | None
    value: str
    message: str

    def __str__(self) -> str:
        ident = "" if self.id is None else f" (id {plain(self.id)})"
        return f"row {self.row}{ident}: {self.message}"


@dataclass(frozen=True)
class FitTable:
    """Fits of n profiles against every role: ``fits[i, j]`` is profile i, role ``role_ids[j]``.

    ``top_role`` is each profile's first role by the ranking rule of ``assess``
    (match, then levels to learn, fit, distance, catalogue order); ``matches``
    holds every role's match and ``top_match``/``top_fit``/``top_band`` the top role's.
    """

    role_ids: tuple[str, ...]
    ids: tuple[object, ...] | None
    fits: FloatArray
    top_role: NDArray[np.str_]
    top_fit: FloatArray
    matches: FloatArray | None = None
    top_match: FloatArray | None = None
    top_band: NDArray[np.str_] | None = None
    errors: tuple[BadRow, ...] = ()
    half_levels: int = 0
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return int(self.fits.shape[0])

    @property
    def scored(self) -> NDArray[np.bool_]:
        """True for each row that was scored, False for a row with a problem (see ``errors``)."""
        ok = np.ones(len(self), dtype=bool)
        ok[[e.row - 1 for e in self.errors]] = False
        return ok

    def error_messages(self) -> list[str | None]:
        """Each row's problems joined with ``"; "``, or ``None`` for a scored row."""
        out: list[str | None] = [None] * len(self)
        for e in self.errors:
            text = e.message
            out[e.row - 1] = text if out[e.row - 1] is None else f"{out[e.row - 1]}; {text}"
        return out

    def to_dict(self) -> dict[str, Any]:
        """Columns: ``id`` (if given), ``top_role``, ``top_match``, ``top_fit``, ``top_band``, each
        fit, and ``error`` (``None`` on a scored row)."""
        out: dict[str, Any] = {} if self.ids is None else {"id": list(self.ids)}
        out["top_role"] = self.top_role
        if self.top_match is not None:
            out["top_match"] = self.top_match
        out["top_fit"] = self.top_fit
        if self.top_band is not None:
            out["top_band"] = self.top_band
        for j, role in enumerate(self.role_ids):
            out[role] = self.fits[:, j]
        out["error"] = self.error_messages()
        return out

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional, so no pandas types here
        """A pandas DataFrame of ``to_dict()`` (requires pandas)."""
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        return pd.DataFrame(self.to_dict())


Columns = tuple[list[Any], tuple[object, ...] | None, list[BadRow]]


def _columns_from(data: object, keys: SkillKeys) -> Columns:
    skills = keys.ids
    if isinstance(data, np.ndarray):
        if data.ndim != 2 or data.shape[1] != len(skills):
            raise RatingError(
                f"a NumPy array of ratings must have shape (n, {len(skills)}) in the order "
                f"{', '.join(skills)}; got {data.shape}"
            )
        return [data[:, j] for j in range(len(skills))], None, []
    if isinstance(data, Mapping):
        return _from_mapping(data, keys, lambda col: col)
    if hasattr(data, "columns") and hasattr(data, "__getitem__"):  # a DataFrame
        return _from_mapping({str(c): c for c in data.columns}, keys, lambda name: data[name].to_numpy())
    if isinstance(data, Sequence) and not isinstance(data, str | bytes):
        return _from_records(data, keys)
    raise RatingError(f"cannot score a {type(data).__name__}; pass records, columns, an array or a DataFrame")


def _from_mapping(columns: Mapping[str, Any], keys: SkillKeys, read: Callable[[Any], Any]) -> Columns:
    """Columns named by skill id or title (any case), the one ratings rule's names."""
    by_skill: dict[str, Any] = {}
    for name, column in columns.items():
        if name in ("id", "name"):
            continue
        skill = keys.get(name)
        if skill is None:
            continue  # other columns of a frame are left alone
        if skill in by_skill:
            raise RatingError(f"skill {skill!r} has two columns")
        by_skill[skill] = column
    missing = [s for s in keys.ids if s not in by_skill]
    if missing:
        raise RatingError(f"missing skill column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    ids = tuple(read(columns["id"])) if "id" in columns else None
    return [read(by_skill[s]) for s in keys.ids], ids, []


def _from_records(records: Sequence[Any], keys: SkillKeys) -> Columns:
    """Records as in batch input: ``{"id", "name"?, "ratings": {...}}`` or flat; skills by id or title.

    A record that is not a mapping, or names a key that is no skill, is a ``BadRow`` of its own.
    """
    rows: list[list[object]] = []
    ids: list[object] = []
    problems: list[BadRow] = []
    for i, record in enumerate(records):
        if not isinstance(record, Mapping):
            problems.append(BadRow(i + 1, None, None, "", f"expected a mapping, got {type(record).__name__}"))
            rows.append([0] * len(keys.ids))
            ids.append(i)
            continue
        values, problem = record_values(record, keys)
        if problem is not None:
            problems.append(BadRow(i + 1, record.get("id"), None, "", problem))
            values = dict.fromkeys(keys.ids, 0)
        rows.append([values.get(s) for s in keys.ids])
        ids.append(record.get("id", i))
    columns = [[row[j] for row in rows] for j in range(len(keys.ids))]
    return columns, tuple(ids), problems


@dataclass
class _Checked:
    ratings: NDArray[np.int16]
    errors: list[BadRow]
    half_levels: int
    half_example: HalfLevel | None


def _validate(
    columns: list[Any],
    skills: Sequence[str],
    top: int,
    ids: tuple[object, ...] | None,
    failed: list[BadRow],
) -> _Checked:
    """Levels by the one ratings rule, a column at a time; a problem per bad value, in row order.

    Rows in ``failed`` (the whole record at fault) are not checked value by value.
    """
    n = len(columns[0]) if columns else 0
    out = np.zeros((n, len(skills)), dtype=np.int16)
    problems = list(failed)
    skip = [e.row - 1 for e in failed]
    half_levels = np.zeros((n, len(skills)), dtype=bool)
    for j, (skill, column) in enumerate(zip(skills, columns, strict=True)):
        try:
            values = np.asarray(column, dtype=np.float64)
        except (TypeError, ValueError):
            values = np.array([_number(v) for v in column], dtype=np.float64)
        levels, half, bad = levels_of_numbers(values, top)
        out[:, j] = levels
        bad[skip] = False
        half_levels[:, j] = half
        for i in np.flatnonzero(bad).tolist():
            raw = column[i]
            if isinstance(raw, np.generic):
                raw = raw.item()
            missing = raw is None or (isinstance(raw, float) and np.isnan(raw))  # pandas' missing value
            comma = decimal_comma_problem(raw, skill, top)  # "3,5", as batch tells it
            message = comma or level_or_error(None if missing else raw, skill, top)
            if isinstance(message, int):  # the rule reads it after all (NumPy could not convert it)
                out[i, j] = message
                continue
            problems.append(BadRow(i + 1, None if ids is None else ids[i], skill, plain(raw), message))
    problems.sort(key=lambda e: e.row)  # stable: a row's problems stay in skill order
    half_levels[[e.row - 1 for e in problems]] = False  # a row not scored: its half levels were not used
    example: HalfLevel | None = None
    where = np.argwhere(half_levels)
    if len(where):
        i, j = (int(k) for k in where[0])
        example = HalfLevel(skill=skills[j], value=plain(_number(columns[j][i])), level=int(out[i, j]))
    halves = int(half_levels.sum())
    return _Checked(out, problems, halves, example)


def _number(value: object) -> float:
    if isinstance(value, bool) or value is None:
        return float("nan")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


def score_profiles(data: object, catalog: Catalog | None = None, *, errors: Errors = "collect") -> FitTable:
    """Score every profile in ``data`` with the same engine as ``assess`` and ``batch``.

    ``errors="collect"`` (the default) scores every good row and marks the others (see
    ``FitTable.errors``); ``errors="raise"`` raises ``RatingError`` on any problem instead.
    """
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    cat = catalog if catalog is not None else load_catalog()
    m = Matrices.from_catalog(cat)
    columns, ids, failed = _columns_from(data, SkillKeys.of(cat))
    checked = _validate(columns, m.skill_ids, cat.scale.max, ids, failed)
    if checked.errors and errors == "raise":
        count = len(checked.errors)
        raise RatingError(
            f"{count} invalid rating{'s' if count > 1 else ''}; the first: {checked.errors[0]}",
            details=[str(e) for e in checked.errors[:MAX_REPORTED]],
        )
    ms = measure_matrix(m, checked.ratings)
    fits = ms.fit.copy()
    matches = ms.match.copy()
    best = top_roles(m, ms) if len(fits) else np.zeros(0, dtype=np.intp)
    rows = np.arange(len(fits))
    bands = np.array([band.id for band in cat.ranking.bands], dtype=np.str_)
    top_role = np.array(m.role_ids, dtype=np.str_)[best]
    top_band = bands[ms.band[rows, best]]
    bad = sorted({e.row - 1 for e in checked.errors})
    fits[bad] = np.nan
    matches[bad] = np.nan
    top_role[bad] = ""
    top_band[bad] = ""
    notes = (half_levels_note(checked.half_levels, checked.half_example),) if checked.half_levels else ()
    return FitTable(
        role_ids=m.role_ids,
        ids=ids,
        fits=fits,
        top_role=top_role,
        top_fit=fits[rows, best],
        matches=matches,
        top_match=matches[rows, best],
        top_band=top_band,
        errors=tuple(checked.errors),
        half_levels=checked.half_levels,
        notes=notes,
    )
