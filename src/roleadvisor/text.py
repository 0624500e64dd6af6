"""Text normalisation shared by the catalogue checks and name matching. Stdlib only."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^0-9a-z+#]+")


def normalise(text: str) -> str:
    """Lowercase, punctuation to single spaces: ``"ML-Eng."`` -> ``"ml eng"``.

    ``+`` and ``#`` are kept so that ``C++`` and ``C#`` stay words.
    """
    return _NON_WORD.sub(" ", text.lower()).strip()
