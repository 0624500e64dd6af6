"""Text normalisation shared by the catalogue checks and name matching. Stdlib only."""

from __future__ import annotations

import functools
import re

_NON_WORD = re.compile(r"[^0-9a-z+#]+")


def normalise(text: str) -> str:
    """Lowercase, punctuation to single spaces: ``"ML-Eng."`` -> ``"ml eng"``.

    ``+`` and ``#`` are kept so that ``C++`` and ``C#`` stay words.
    """
    return _NON_WORD.sub(" ", text.lower()).strip()


# Combining marks that are part of a word (Latin accents left apart by a decomposed
# spelling, Arabic-script vowel signs): dropped, so a word reads the same with or without them.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"


# The Latin-1 characters NFKC changes (no-break space, ordinal and superscript marks, fractions,
# micro sign, spacing accents); every other Latin-1 text is already in NFKC form.
_LATIN1_COMPAT = frozenset("\xa0\xa8\xaa\xaf\xb2\xb3\xb4\xb5\xb8\xb9\xba\xbc\xbd\xbe")


@functools.cache
def word_pattern() -> re.Pattern[str]:
    """A word: letters and digits of any script, "+" and "#" (C++, C#), and the marks above.

    Compiled on first use: importing this module stays cheap for the commands that never fold.
    """
    return re.compile(f"(?:[^\\W_]|[+#{_MARKS}\u0640])+")


@functools.cache
def _unicode() -> tuple[re.Pattern[str], dict[int, str]]:
    """The marks to drop (and the Arabic tatweel, a stretching stroke), and one spelling for
    letters written two ways: Arabic yeh and kaf as Persian writes them, Persian and
    Arabic-Indic digits as ASCII digits, Russian yo as ye."""
    drop = re.compile(f"[{_MARKS}\u0640]")
    same_letter = str.maketrans(
        {
            "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
            "\u0649": "\u06cc",  # alef maksura -> Persian yeh
            "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
            "\u0451": "\u0435",  # Cyrillic yo -> ye
            **{chr(0x06F0 + d): str(d) for d in range(10)},
            **{chr(0x0660 + d): str(d) for d in range(10)},
        }
    )
    return drop, same_letter


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The words of ``text`` in one spelling, in any script: ``"ML-Инженер"`` -> ``"ml инженер"``.

    Unicode NFKC (full-width and compatibility forms to plain ones), case-folded,
    combining marks dropped, then every run of characters that is not part of a
    word (see ``word_pattern``) to a single space. ASCII text folds exactly as
    ``normalise`` does. A zero-width non-joiner (Persian half-space) separates
    words, as a space would.
    """
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    drop, same_letter = _unicode()
    if max(text) > "\xff" or not _LATIN1_COMPAT.isdisjoint(text):
        import unicodedata  # only when NFKC can change the text: one module less for most runs

        text = unicodedata.normalize("NFKC", text)
    text = text.casefold().translate(same_letter)
    return " ".join(word_pattern().findall(drop.sub("", text)))
