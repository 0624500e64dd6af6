"""``--help`` in Russian and Persian, through the installed command: the app's, the commands' and
the options' help, the examples' prose and Click's own words (Usage, Options, [default: ...]) are
translated; option names, metavars and the example command lines are not; English is Click's
output, byte for byte."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator

import pytest
import typer._click as click

from roleadvisor import i18n
from roleadvisor.cli import CONTEXT, app_command

from .conftest import installed_command

COMMANDS = [
    [],
    ["assess"],
    ["batch"],
    ["cohort"],
    ["rank"],
    ["schema"],
    ["roles"],
    ["role"],
    ["lifecycle"],
    ["skills"],
    ["decode"],
    ["compare"],
    ["catalog"],
    ["catalog", "init"],
    ["catalog", "validate"],
]
TERM = re.compile(r"^ {2}(-\S.*?)(?: {2,}|$)")  # an option's names and metavar, as Click lists them
EXAMPLE = re.compile(r"^(?: {4}| {8})(\S.*?)(?:\s+# .*)?$")  # an example line, its comment left out
HEADING = re.compile(r"^ {2}\S[^:]*:$")  # "  Examples:" in any language


def help_text(*args: str, lang_env: str | None = None) -> str:
    """``roleadvisor ARGS`` as the installed command prints it, 100 columns wide."""
    env = {k: v for k, v in os.environ.items() if k not in {"ROLEADVISOR_LANG", "LC_ALL", "LC_MESSAGES"}}
    env.update({"COLUMNS": "100", "LANG": "C.UTF-8", "NO_COLOR": "1"})
    if lang_env is not None:
        env["ROLEADVISOR_LANG"] = lang_env
    done = subprocess.run(
        [*installed_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def flat(text: str) -> str:
    """The text as read, whatever the wrapping."""
    return " ".join(text.split())


def terms(text: str) -> list[str]:
    return [found.group(1) for line in text.splitlines() if (found := TERM.match(line))]


def example_lines(text: str) -> list[str]:
    """The example command lines (after the epilog's ``Examples:`` heading), their comments left out."""
    lines = text.splitlines()
    heading = max(i for i, line in enumerate(lines) if HEADING.match(line))
    return [found.group(1).rstrip() for line in lines[heading + 1 :] if (found := EXAMPLE.match(line))]


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English and 100 columns for an in-process rendering (another test in this worker may have
    chosen a language)."""
    monkeypatch.setenv("COLUMNS", "100")
    before = i18n.current()
    i18n.activate(i18n.ENGLISH)
    yield
    i18n.activate(before)


def stock_click_help(words: list[str]) -> str:
    """The help Click itself writes for ``roleadvisor WORDS --help``: plain contexts, Click's formatter."""
    group = app_command()
    command: click.Command = group
    ctx = click.Context(group, info_name="roleadvisor", **CONTEXT)  # type: ignore[arg-type]
    for word in words:
        sub = command.get_command(ctx, word)  # type: ignore[attr-defined]
        assert sub is not None
        command, ctx = sub, click.Context(sub, info_name=word, parent=ctx)
    return command.get_help(ctx) + "\n"


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: "-".join(words) or "app")
def test_english_help_is_click_s_own_output(words: list[str]) -> None:
    assert help_text(*words, "--help") == stock_click_help(words)


def test_english_help_as_it_was() -> None:
    """Lines of the English help as they were before it could be translated."""
    top = help_text("--help")
    assert top.startswith("Usage: roleadvisor [OPTIONS] COMMAND [ARGS]...\n\n  Which ML role am I, and what")
    assert "\nOptions:\n  --catalog DIR         Directory holding lifecycle.yaml and roles.yaml" in top
    assert "\n  -h, --help            Show this message and exit.\n\nCommands:\n  assess     Rate your" in top
    assert "  Example: roleadvisor assess --rate systems=4 --rate ml=3 ... --format json\n" in top
    assess = help_text("assess", "--help")
    assert (
        "\n  Examples:\n\n    roleadvisor assess            # asks for each skill on a terminal\n" in assess
    )
    assert "    roleadvisor assess --profile me.yaml --target mlops -o me.html  # a page\n" in assess
    roles = help_text("roles", "--help")
    assert "table for people, json for programs (a stable shape).  [default:\n" in roles
    compare = help_text("compare", "--help")
    assert "  OLD  Earlier report or profile.  [required]\n" in compare


def test_app_help_in_russian() -> None:
    text = help_text("--lang", "ru", "--help")
    assert text.startswith("Использование: roleadvisor [OPTIONS] COMMAND [ARGS]...\n")
    read = flat(text)
    for phrase in (
        "Какая ML-роль мне подходит и что изучать дальше?",
        "Пример: roleadvisor assess --rate systems=4 --rate ml=3 ... --format json",
        "Параметры:",
        "Команды:",
        "-h, --help Показать эту справку и выйти.",
        "--version Показать версию.",
        "Установить автодополнение для текущей оболочки.",
        "catalog Создать и проверить собственный каталог",
        "Ключи JSON и идентификаторы остаются английскими.",
    ):
        assert phrase in read
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "Which ML role", "Print the"):
        assert english not in text
    assert terms(text) == terms(help_text("--help"))


def test_assess_help_in_russian() -> None:
    text = help_text("--lang", "ru", "assess", "--help")
    english = help_text("assess", "--help")
    read = flat(text)
    for phrase in (
        "Использование: roleadvisor assess [OPTIONS]",
        "Оценить свои навыки, упорядочить ML-роли по соответствию",
        "Оценить один навык (можно повторять)",
        "Показать только N наиболее подходящих ролей. [x>=1]",
        "Примеры:",
        "roleadvisor assess # в терминале спросит уровень каждого навыка",
        "-o me.html # веб-страница",
    ):
        assert phrase in read
    assert "Examples:" not in text and "Rate one skill" not in text and "# a page" not in text
    assert terms(text) == terms(english)
    assert "  -r, --rate SKILL=LEVEL" in text and "  --prefer KIND|LANG[,...]" in text
    assert example_lines(text) == example_lines(english)
    assert len(example_lines(text)) == 7  # one of them on two lines


def test_decode_help_in_persian() -> None:
    text = help_text("--lang", "fa", "decode", "--help")
    english = help_text("decode", "--help")
    read = flat(text)
    for phrase in (
        "استفاده: roleadvisor decode [OPTIONS] [TEXT]",
        "تحلیل عنوان یا متن آگهی شغلی",
        "آرگومان\u200cها:",
        "گزینه\u200cها:",
        "[پیش\u200cفرض: table]",
        "نمایش این راهنما و خروج.",
        "نمونه\u200cها:",
        "# آگهی شغلی، ارزیابی\u200cشده مانند یک فرد",
    ):
        assert phrase in read
    assert "default:" not in text and "Usage:" not in text and "Examples:" not in text
    assert terms(text) == terms(english)
    assert example_lines(text) == example_lines(english)
    assert 'roleadvisor decode "Senior Data Scientist" --format profile > job.json' in example_lines(text)


def test_help_language_from_the_environment() -> None:
    text = help_text("roles", "--help", lang_env="ru")
    read = flat(text)
    assert "Список ролей: группа, этапы и самые важные навыки каждой." in read
    assert "table — для людей, json — для программ (стабильная структура). [по умолчанию: table]" in read
    assert "roleadvisor roles --format json | jq -r '.roles[].id'" in read
    assert terms(text) == terms(help_text("roles", "--help"))
    compare = flat(help_text("compare", "--help", lang_env="ru"))
    assert "OLD Более ранний отчёт или профиль. [обязательный]" in compare
    assert "OLD и NEW — отчёты, сохранённые командой 'assess --format json'" in compare


def test_lang_option_wins_over_the_environment() -> None:
    text = help_text("--lang", "fa", "catalog", "validate", "--help", lang_env="ru")
    assert "بررسی کاتالوگ و فهرست همه مشکلات" in flat(text)
    assert "Проверить" not in text
    assert "کدهای خروج: 0 یعنی معتبر است" in flat(text)


@pytest.mark.parametrize("lang", ["fa", "ru"])
@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: "-".join(words) or "app")
def test_every_help_is_translated(lang: str, words: list[str]) -> None:
    """No English sentence is left in any help (the command lines and names aside)."""
    text = help_text("--lang", lang, *words, "--help")
    english = help_text(*words, "--help")
    assert terms(text) == terms(english)
    lines = english.splitlines()
    headings = [i for i, line in enumerate(lines) if HEADING.match(line)]
    examples = max(headings) if words and words != ["catalog"] else len(lines)  # the epilog's heading
    prose = [line for i, line in enumerate(lines) if i < examples or not EXAMPLE.match(line)]
    for line in prose:
        words_in_it = re.findall(r"\b[a-z]{4,}\b", TERM.sub("", line))
        if len(words_in_it) >= 3:  # an English sentence, not a name or a metavar
            assert line.strip() not in text
