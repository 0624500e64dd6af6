"""The Python API: score many profiles at once and get a table back.

    from roleadvisor import load_catalog, score_profiles
    table = score_profiles([{"id": "a", "ratings": {...}}, ...])
    table.top_role, table.top_fit, table.fits      # NumPy arrays
    table.to_pandas()                               # when pandas is installed

Input may be a sequence of records, a dict of columns, a NumPy array of shape
(n, skills) in catalogue skill order, or a DataFrame (pandas, polars, or anything
whose columns can be read with ``frame[name].to_numpy()``). Validation is done a
column at a time; bad values raise ``RatingError`` naming the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.ratings import SkillKeys, record_values
from roleadvisor.vector import FloatArray, Matrices, measure_matrix, top_roles

MAX_REPORTED = 5


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

    def __len__(self) -> int:
        return int(self.fits.shape[0])

    def to_dict(self) -> dict[str, Any]:
        """Columns: ``id`` (if given), ``top_role``, ``top_match``, ``top_fit``, ``top_band``, each fit."""
        out: dict[str, Any] = {} if self.ids is None else {"id": list(self.ids)}
        out["top_role"] = self.top_role
        if self.top_match is not None:
            out["top_match"] = self.top_match
        out["top_fit"] = self.top_fit
        if self.top_band is not None:
            out["top_band"] = self.top_band
        for j, role in enumerate(self.role_ids):
            out[role] = self.fits[:, j]
        return out

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional, so no pandas types here
        """A pandas DataFrame of ``to_dict()`` (requires pandas)."""
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        return pd.DataFrame(self.to_dict())


def _columns_from(data: object, keys: SkillKeys) -> tuple[list[Any], tuple[object, ...] | None]:
    skills = keys.ids
    if isinstance(data, np.ndarray):
        if data.ndim != 2 or data.shape[1] != len(skills):
            raise RatingError(
                f"a NumPy array of ratings must have shape (n, {len(skills)}) in the order "
                f"{', '.join(skills)}; got {data.shape}"
            )
        return [data[:, j] for j in range(len(skills))], None
    if isinstance(data, Mapping):
        return _from_mapping(data, keys, lambda col: col)
    if hasattr(data, "columns") and hasattr(data, "__getitem__"):  # a DataFrame
        return _from_mapping({str(c): c for c in data.columns}, keys, lambda name: data[name].to_numpy())
    if isinstance(data, Sequence) and not isinstance(data, str | bytes):
        return _from_records(data, keys)
    raise RatingError(f"cannot score a {type(data).__name__}; pass records, columns, an array or a DataFrame")


def _from_mapping(
    columns: Mapping[str, Any], keys: SkillKeys, read: Callable[[Any], Any]
) -> tuple[list[Any], tuple[object, ...] | None]:
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
    return [read(by_skill[s]) for s in keys.ids], ids


def _from_records(records: Sequence[Any], keys: SkillKeys) -> tuple[list[Any], tuple[object, ...] | None]:
    """Records as in batch input: ``{"id", "name"?, "ratings": {...}}`` or flat; skills by id or title."""
    rows = []
    ids: list[object] = []
    for i, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise RatingError(f"record {i}: expected a mapping, got {type(record).__name__}")
        values, problem = record_values(record, keys)
        if problem is not None:
            raise RatingError(f"record {i}: {problem}")
        rows.append([values.get(s) for s in keys.ids])
        ids.append(record.get("id", i))
    columns = [[row[j] for row in rows] for j in range(len(keys.ids))]
    return columns, tuple(ids)


def _validate(columns: list[Any], skills: Sequence[str], top: int) -> NDArray[np.int16]:
    n = len(columns[0]) if columns else 0
    out = np.zeros((n, len(skills)), dtype=np.int16)
    problems: list[str] = []
    for j, (skill, column) in enumerate(zip(skills, columns, strict=True)):
        try:
            values = np.asarray(column, dtype=np.float64)
        except (TypeError, ValueError):
            values = np.array([_number(v) for v in column], dtype=np.float64)
        bad = ~np.isfinite(values) | (values != np.round(values)) | (values < 0) | (values > top)
        for i in np.flatnonzero(bad)[:MAX_REPORTED].tolist():
            problems.append(
                f"row {i}: rating for {skill!r} is {list(column)[i]!r}; use a whole number 0-{top}"
            )
        out[:, j] = np.where(bad, 0, values).astype(np.int16)
    if problems:
        raise RatingError(f"{len(problems)} invalid rating(s)", details=problems)
    return out


def _number(value: object) -> float:
    if isinstance(value, bool) or value is None:
        return float("nan")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


def score_profiles(data: object, catalog: Catalog | None = None) -> FitTable:
    """Score every profile in ``data`` with the same engine as ``assess`` and ``batch``."""
    cat = catalog if catalog is not None else load_catalog()
    m = Matrices.from_catalog(cat)
    columns, ids = _columns_from(data, SkillKeys.of(cat))
    ratings = _validate(columns, m.skill_ids, cat.scale.max)
    ms = measure_matrix(m, ratings)
    fits = ms.fit
    best = top_roles(m, ms) if len(fits) else np.zeros(0, dtype=np.intp)
    rows = np.arange(len(fits))
    bands = np.array([band.id for band in cat.ranking.bands], dtype=np.str_)
    return FitTable(
        role_ids=m.role_ids,
        ids=ids,
        fits=fits,
        top_role=np.array(m.role_ids, dtype=np.str_)[best],
        top_fit=fits[rows, best],
        matches=ms.match,
        top_match=ms.match[rows, best],
        top_band=bands[ms.band[rows, best]],
    )
