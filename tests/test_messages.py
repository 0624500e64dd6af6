"""Every message marked for translation in src/ is translated in Persian and Russian, alike in
its placeholders, and compiles; the build ships the compiled messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from roleadvisor.i18n import LANGUAGES, LOCALE_DIR
from roleadvisor.messages import compile_po

SRC = Path(__file__).resolve().parent.parent / "src" / "roleadvisor"
FIELD = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)(?:[:!][^}]*)?\}")


def _marked() -> dict[str | tuple[str, ...], str]:
    """Each message marked in the source, and where (first place)."""
    found: dict[str | tuple[str, ...], str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(str(SRC)):
        found.setdefault(message, f"{filename}:{lineno}")
    return found


def _translations(language: str) -> dict[object, object]:
    out: dict[object, object] = {}
    for path in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as fh:
            for message in read_po(fh, locale=language, abort_invalid=True):
                if message.id and message.string and not message.fuzzy:
                    key = message.id if isinstance(message.id, str) else tuple(message.id)
                    out[key] = message.string
    return out


def test_some_messages_are_marked() -> None:
    assert len(_marked()) >= 1


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_marked_message_is_translated(language: str) -> None:
    translated = _translations(language)
    missing = [f"{where}: {message!r}" for message, where in _marked().items() if message not in translated]
    assert not missing, f"{len(missing)} messages have no {language} translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for message, string in _translations(language).items():
        ids = [message] if isinstance(message, str) else list(message)
        strings = [string] if isinstance(string, str) else list(string)  # type: ignore[arg-type]
        want = set().union(*(set(FIELD.findall(i)) for i in ids))
        for form in strings:
            got = set(FIELD.findall(form))
            # a plural form may leave out the count ("one level" in words), never add a field
            if not got <= want or (len(ids) == 1 and got != want):
                wrong.append(f"{ids[0]!r} -> {form!r}: fields {sorted(got)}, source {sorted(want)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_messages_compile(language: str) -> None:
    import gettext
    import io

    sources = sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"))
    assert sources
    catalog = gettext.GNUTranslations(io.BytesIO(compile_po(sources, language)))
    forms = {catalog.ngettext("x", "y", n) for n in (1, 2, 5)}
    assert forms == {"x", "y"}  # untranslated messages fall back to English in every plural


@pytest.mark.parametrize(("language", "forms"), [("ru", 3), ("fa", 1)])
def test_plural_messages_have_the_language_s_forms(language: str, forms: int) -> None:
    """Russian: 1, 2-4, 5+ (один уровень, два уровня, пять уровней); Persian: one form, since a
    noun after a number stays singular ("5 levels": «۵ سطح», noun singular): msgstr[0] only."""
    for path in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")):
        text = path.read_text(encoding="utf-8")
        assert f"msgstr[{forms}]" not in text, f"{path.name}: {language} has {forms} plural form(s)"
        if "msgid_plural" in text:
            assert text.count("msgid_plural") == text.count(f"msgstr[{forms - 1}]"), path.name


def test_a_message_translated_two_ways_is_refused(tmp_path: Path) -> None:
    one = tmp_path / "a.po"
    two = tmp_path / "b.po"
    one.write_text('msgid "fit"\nmsgstr "соответствие"\n', encoding="utf-8")
    two.write_text('msgid "fit"\nmsgstr "подходит"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="translated differently"):
        compile_po([one, two], "ru")
