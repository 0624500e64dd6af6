"""The unit that flows through a batch run: a chunk of records, validated column-wise."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.models import Catalog
from roleadvisor.i18n import _, current
from roleadvisor.ratings import HalfLevel, level_or_error

CHUNK_ROWS = 32_768


def joined(problems: list[str]) -> str:
    """A record's problems as one message: ``a; b`` (Persian ``a؛ b``, its own semicolon)."""
    return ("؛ " if current() == "fa" else "; ").join(problems)


@dataclass
class Chunk:
    """Records in input order: JSON-encoded ids, ratings in catalogue skill order, errors.

    A record in ``errors`` (row index -> message) is not scored; its ratings row is zeros.
    ``id_json[i]`` is ``b""`` when the record has no usable id (then ``lines[i]`` names it).
    ``halves`` (row index -> ratings) holds the ratings given halfway between two levels
    and read as the lower one (see ``roleadvisor.ratings``), for the rows that have any.
    """

    id_json: list[bytes]
    lines: NDArray[np.int64]
    ratings: NDArray[np.int16]
    errors: dict[int, str] = field(default_factory=dict)
    halves: dict[int, tuple[HalfLevel, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.id_json)

    def take_halves(self, i: int, one: Chunk) -> None:
        """Row ``i`` was reread as the one-row chunk ``one``: keep its half levels."""
        if 0 in one.halves:
            self.halves[i] = one.halves[0]

    def scored_halves(self) -> tuple[int, HalfLevel | None]:
        """How many half levels the scored rows hold, and the first of them."""
        count, first = 0, None
        for i in sorted(self.halves):
            if i not in self.errors:
                count += len(self.halves[i])
                first = first or self.halves[i][0]
        return count, first


class ChunkBuilder:
    """Collects records one at a time (the slow paths) into a ``Chunk``."""

    def __init__(self, catalog: Catalog) -> None:
        self.skills = catalog.skill_ids
        self.top = catalog.scale.max
        self.id_json: list[bytes] = []
        self.lines: list[int] = []
        self.rows: list[list[int]] = []
        self.errors: dict[int, str] = {}
        self.halves: dict[int, tuple[HalfLevel, ...]] = {}

    def __len__(self) -> int:
        return len(self.id_json)

    def add(
        self, id_json: bytes, line: int, values: dict[str, object] | None, error: str | None = None
    ) -> None:
        """Add a record; ``values`` maps skill id to the raw value read for it."""
        index = len(self.id_json)
        self.id_json.append(id_json)
        self.lines.append(line)
        row = [0] * len(self.skills)
        problems: list[str] = [] if error is None else [error]
        halves: list[HalfLevel] = []
        if values is not None and error is None:
            for j, skill in enumerate(self.skills):
                if skill not in values:
                    problems.append(_("missing rating for {skill}").format(skill=repr(skill)))
                    continue
                level = level_or_error(values[skill], skill, self.top, halves=halves)
                if isinstance(level, str):
                    problems.append(level)
                else:
                    row[j] = level
        if not id_json and not problems:
            problems.append(_("missing id"))
        if problems:
            self.errors[index] = joined(problems)
        elif halves:
            self.halves[index] = tuple(halves)
        self.rows.append(row)

    def build(self) -> Chunk:
        """The collected records as a chunk; the builder starts empty again."""
        chunk = Chunk(
            id_json=self.id_json,
            lines=np.array(self.lines, dtype=np.int64),
            ratings=np.array(self.rows, dtype=np.int16).reshape(len(self.rows), len(self.skills)),
            errors=self.errors,
            halves=self.halves,
        )
        self.id_json, self.lines, self.rows, self.errors, self.halves = [], [], [], {}, {}
        return chunk
