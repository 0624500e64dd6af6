
"""text.fold: one spelling for matching words in any script (normalise is tested in test_lookup.py)."""

from __future__ import annotations

import pytest

from roleadvisor.text import fold, normalise


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ML-Eng.", "ml eng"),
        ("C++ / C#", "c++ c#"),
        ("A/B testing", "a b testing"),
        ("snake_case-word", "snake case word"),
        ("Ingénieur de données", "ingénieur de données"),
        ("e\u0301cole", "école"),  # a decomposed accent composes
        ("STRASSE Straße", "strasse strasse"),
        ("\uff2d\uff2c Engineer", "ml engineer"),  # full-width letters
        ("ML-инженер Ёлка", "ml инженер елка"),  # Russian yo read as ye
        ("یادگیری\u200cماشین", "یادگیری ماشین"),  # Persian half-space separates words
        ("مُهَندِس", "مهندس"),  # vowel signs dropped
        ("كار ي", "کار ی"),  # Arabic kaf and yeh as Persian writes them
        ("۵ سال ٣", "5 سال 3"),  # Persian and Arabic-Indic digits
        ("🙂 data 🙂", "data"),
        ("x\xa0y ½ Nº", "x y 1 2 no"),  # Latin-1 compatibility characters still go through NFKC
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text", ["ML-Eng.", "C++ / C#", "A/B testing", "  Senior  Data-Scientist (m/f/d)  ", "x_y"]
)
def test_fold_is_normalise_on_ascii(text: str) -> None:
    assert fold(text) == normalise(text)


def test_latin1_text_folds_without_unicodedata() -> None:
    """NFKC leaves Latin-1 letters as they are: folding French or German text imports no more modules."""
    import subprocess
    import sys

    code = "import sys; from roleadvisor.text import fold; fold('Profil recherché, Straße'); print('unicodedata' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
