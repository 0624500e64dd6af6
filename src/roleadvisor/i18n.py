"""The language a person reads roleadvisor in: messages, numbers and the catalogue's text.

One language is active per run: ``--lang``, else ``$ROLEADVISOR_LANG``, else the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. Messages are gettext
catalogues (``roleadvisor/locale/<lang>/LC_MESSAGES/roleadvisor.mo``) compiled
from the ``.po`` files by the build (``hatch_build.py``, with Babel); numbers and
percentages follow the language's CLDR conventions through Babel. JSON keys, ids
and flags are never translated.

Cheap for English, which most runs use: no gettext catalogue is read and Babel is
never imported; ``_`` then returns its argument. Stdlib only at import.
"""

from __future__ import annotations

import os
from pathlib import Path

from roleadvisor.errors import UsageError

TYPE_CHECKING = False  # typing costs ~10 ms to import; type checkers read this as True
if TYPE_CHECKING:
    import gettext
    from collections.abc import Mapping

ENGLISH = "en"
LANGUAGES = ("en", "fa", "ru")
NAMES = {"en": "English", "fa": "فارسی (Persian)", "ru": "Русский (Russian)"}
RTL = frozenset({"fa"})
ENV_VAR = "ROLEADVISOR_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
DOMAIN = "roleadvisor"
LOCALE_DIR = Path(__file__).absolute().parent / "locale"

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

_language = ENGLISH
_catalog: gettext.NullTranslations | None = None


def parse_language(value: str, where: str) -> str:
    """``"ru"``, ``"RU"``, ``"ru_RU.UTF-8"`` or ``"ru-RU"`` -> ``"ru"``; ``UsageError`` (exit 2) otherwise."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if code in LANGUAGES:
        return code
    shown = value.strip()[:40]
    raise UsageError(f"{where}: unknown language {shown!r} (languages: {', '.join(LANGUAGES)})")


def language_from_locale(env: Mapping[str, str]) -> str:
    """The language of the POSIX locale in ``env``: the first of ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG`` that is set decides; a language roleadvisor lacks (or ``C``/``POSIX``) means English.
    """
    for name in LOCALE_VARS:
        value = env.get(name, "")
        if value:
            try:
                return parse_language(value, name)
            except UsageError:
                return ENGLISH
    return ENGLISH


def resolve(option: str | None, env: Mapping[str, str] | None = None) -> str:
    """The language to use: ``--lang``, else ``$ROLEADVISOR_LANG``, else the locale.

    An unknown ``--lang`` or ``$ROLEADVISOR_LANG`` raises ``UsageError``
    (the person asked for it by name); an unknown locale quietly means English.
    """
    env = os.environ if env is None else env
    if option is not None and option.strip():
        return parse_language(option, "--lang")
    if env.get(ENV_VAR, "").strip():
        return parse_language(env[ENV_VAR], f"${ENV_VAR}")
    return language_from_locale(env)


def activate(language: str) -> None:
    """Make ``language`` the one every later message and number is written in."""
    global _language, _catalog  # noqa: PLW0603 - one language per process, set once by the CLI
    _language = language
    _catalog = None if language == ENGLISH else _load(language)


def current() -> str:
    """The active language's code."""
    return _language


def is_rtl(language: str | None = None) -> bool:
    """Whether ``language`` (default: the active one) is written right to left."""
    return (language or _language) in RTL


def _load(language: str) -> gettext.NullTranslations:
    """The compiled messages of ``language``; compiled from its ``.po`` files when the
    ``.mo`` is missing or older than them (a source checkout that was not rebuilt).
    """
    import gettext

    folder = LOCALE_DIR / language / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    sources = sorted(folder.glob("*.po"))
    try:
        mo_time = mo.stat().st_mtime
    except OSError:
        mo_time = None
    if mo_time is not None and all(p.stat().st_mtime <= mo_time for p in sources):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if not sources:
        return gettext.NullTranslations()
    import io

    from roleadvisor.messages import compile_po

    return gettext.GNUTranslations(io.BytesIO(compile_po(sources, language)))


def _(message: str) -> str:
    """``message`` in the active language (itself when untranslated or in English)."""
    if _catalog is None:
        return message
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for count ``n`` (Russian has three, Persian and English two)."""
    if _catalog is None:
        return singular if n == 1 else plural
    return _catalog.ngettext(singular, plural, n)


def number(value: float, decimals: int = 0) -> str:
    """``value`` as the active language writes numbers.

    ``1,234`` in English, ``1 234`` in Russian, Persian digits and separators in Persian.
    """
    if _language == ENGLISH:
        return f"{value:,.{decimals}f}"
    from decimal import Decimal

    from babel.numbers import format_decimal

    quantised = round(Decimal(repr(float(value))), decimals) if decimals else Decimal(round(value))
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _digits(format_decimal(quantised, format=fmt, locale=_language, numbering_system=_system()))


def percent(share: float) -> str:
    """``0.9149`` -> ``"91%"``; ``"91 %"`` in Russian; Persian digits and ``٪`` in Persian.

    Whole percent, rounded as everywhere in roleadvisor (``round(share * 100)``).
    """
    whole = round(share * 100)
    if _language == ENGLISH:
        return f"{whole:d}%"
    from decimal import Decimal

    from babel.numbers import format_percent

    text = format_percent(Decimal(whole) / 100, locale=_language, numbering_system=_system())
    if _language == "fa":
        text = text.replace("%", "٪")  # CLDR's arabext percent sign, which Babel leaves out
    return _digits(text)


def comma() -> str:
    """The separator of a list's items in the active language: ``, `` (Persian ``، ``)."""
    return "، " if _language == "fa" else ", "


def join(items: list[str] | tuple[str, ...]) -> str:
    """Items of a list as the active language separates them: ``a, b`` (Persian ``a، b``)."""
    return comma().join(items)


def _system() -> str:
    return "arabext" if _language == "fa" else "latn"


def _digits(text: str) -> str:
    """Persian digits in Persian text (Babel formats with Latin digits in every numbering system)."""
    return text.translate(_PERSIAN_DIGITS) if _language == "fa" else text
