"""``batch --format table``: one aligned line per person (or per ranked role), printed as it comes.

A batch can hold millions of records, so this is no Rich table measured over all
rows: the columns have a fixed layout chosen before the first row (the widest role
title and band label of the catalogue, the widest percentage, ids up to ``ID_WIDTH``
cells, longer ones cut with ``…`` and counted in ``cut_ids``), and each chunk of
rows becomes text on its own. Colour, when asked for, is the readiness band's as
in the ``assess`` table, and red for an error record.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.color import ColorSystem
from rich.style import Style

from roleadvisor.contracts.batch import BatchRow, RankedRole
from roleadvisor.contracts.words import commas, gap, lower_title, percent
from roleadvisor.i18n import _
from roleadvisor.render.table import BAND_STYLES

ID_WIDTH = 20  # cells; a longer id is cut (the full one is in JSON Lines and CSV)
GUTTER = "  "


class BatchTable:
    """Lays out ``BatchRow`` contracts as text lines with fixed columns."""

    def __init__(
        self,
        *,
        titles: Sequence[str],
        band_labels: Sequence[str],
        with_gaps: bool = False,
        colour: bool = False,
    ) -> None:
        self.with_gaps = with_gaps
        self.colour = colour
        self.cut_ids = 0
        self.headings = [_("ID"), _("Best role"), _("Match"), _("Fit"), _("Readiness")]
        if with_gaps:
            self.headings.append(_("Critical gaps"))
        widest_percent = max(cell_len(percent(share)) for share in (0.0, 1.0))
        self.widths = [
            max(cell_len(self.headings[0]), 2),
            max(cell_len(self.headings[1]), *(cell_len(t) for t in titles)),
            max(cell_len(self.headings[2]), widest_percent),
            max(cell_len(self.headings[3]), widest_percent),
            max(cell_len(self.headings[4]), *(cell_len(b) for b in band_labels)),
        ]
        self.id_width = ID_WIDTH

    def _paint(self, text: str, style: str) -> str:
        if not self.colour or not style:
            return text
        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    def _id(self, text: str) -> str:
        if cell_len(text) > self.id_width:
            self.cut_ids += 1
            text = set_cell_size(text, self.id_width - 1) + "…"
        return set_cell_size(text, self.id_width)

    def header(self) -> str:
        """The headings line."""
        cells = [set_cell_size(self.headings[0], self.id_width)]
        for k, heading in enumerate(self.headings[1:5], start=1):
            cells.append(_align(heading, self.widths[k], right=k in (2, 3)))
        if self.with_gaps:
            cells.append(self.headings[5])
        return self._paint(GUTTER.join(cells).rstrip(), "bold") + "\n"

    def lines(self, rows: Sequence[BatchRow]) -> str:
        """The lines of ``rows``: one per record, or one per ranked role (the id on the first)."""
        out: list[str] = []
        for row in rows:
            ident = self._id(row.id or _("line {line}").format(line=row.line))
            if row.error is not None:
                message = _("error: {message}").format(message=row.error)
                out.append(f"{ident}{GUTTER}{self._paint(message, 'red')}")
                continue
            for k, role in enumerate(row.roles):
                first = ident if k == 0 else " " * self.id_width
                out.append(f"{first}{GUTTER}{self._role(role)}".rstrip())
        return "".join(f"{line}\n" for line in out)

    def _role(self, role: RankedRole) -> str:
        cells = [
            _align(role.title, self.widths[1]),
            _align(percent(role.match), self.widths[2], right=True),
            _align(percent(role.fit), self.widths[3], right=True),
            self._paint(_align(role.band_label, self.widths[4]), BAND_STYLES.get(role.band, "")),
        ]
        if self.with_gaps:
            gaps = [gap(lower_title(g.skill), g.have, g.need) for g in role.critical]
            cells.append(commas(gaps) if gaps else "—")
        return GUTTER.join(cells)


def _align(text: str, width: int, *, right: bool = False) -> str:
    pad = " " * max(width - cell_len(text), 0)
    return pad + text if right else text + pad
