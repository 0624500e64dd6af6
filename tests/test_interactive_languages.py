"""The interactive prompt in Russian and Persian, in a real pseudo-terminal (pexpect): questions,
level descriptions, hints and errors in the person's language; answers by number (Persian digits too)
or by the language's level labels; the report arrives."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pexpect

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.localize import localize

from .conftest import MLE, installed_command

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ENGLISH_PROMPT = (
    "Rate yourself",
    "Pick the highest",
    "Your level for",
    "is not a level",
    "Type a whole number",
)


def spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = {key: value for key, value in os.environ.items() if key != "ROLEADVISOR_LANG"}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"})
    return pexpect.spawn(
        installed_command()[0],
        args,
        env=env,
        encoding="utf-8",
        timeout=30,
        cwd=str(cwd),
        dimensions=(50, 100),
    )


def plain(text: str) -> str:
    """What the person reads: no colour codes, no carriage returns, lines joined (the terminal wraps)."""
    return re.sub(r"\s+", " ", ANSI.sub("", text.replace("\r", "")))


def test_the_whole_prompt_in_russian_then_the_report(tmp_path: Path) -> None:
    russian = localize(load_catalog(), "ru")[0]
    labels = russian.scale.labels  # нет, знаком, начинающий, практик, продвинутый, эксперт
    child = spawn(["--lang", "ru", "assess"], tmp_path)
    seen: list[str] = []
    skills = list(russian.skill_ids)
    for number, skill_id in enumerate(skills, start=1):
        title = russian.skill(skill_id).title
        child.expect_exact(f"Ваш уровень в навыке «{title}» [0–5 или название]: ")
        seen.append(child.before)
        assert f"{number}/{len(skills)} {title}" in plain(child.before)
        if number == 1:  # a wrong answer and an empty one are explained, in Russian, and asked again
            child.sendline("девять")
            child.expect_exact(f"Ваш уровень в навыке «{title}» [0–5 или название]: ")
            seen.append(child.before)
            child.sendline("")
            child.expect_exact(f"Ваш уровень в навыке «{title}» [0–5 или название]: ")
            seen.append(child.before)
        level = MLE[skill_id]
        child.sendline(labels[level] if number % 2 else str(level))  # by label or by number
    child.expect(pexpect.EOF)
    seen.append(child.before)
    child.close()
    assert child.exitstatus == 0
    shown = plain("".join(seen))

    assert shown.startswith(
        "Оцените свой уровень в 8 областях навыков. Выберите самый высокий уровень, описание которого "
        "подходит вам уже сегодня, и введите его номер или название (например, 2 или начинающий)."
    )
    assert "Уровня «девять» нет. Введите целое число от 0 до 5 или название уровня: нет, знаком, " in shown
    assert "Нет ответа. Введите целое число от 0 до 5" in shown
    # each skill is shown with its Russian description and every level's Russian description
    systems = russian.skill("systems")
    assert f"{systems.title} (systems): {systems.description}" in shown
    for level in russian.scale.levels:
        assert f"{level} {labels[level]} {systems.descriptor(level)}" in shown
    for english in ENGLISH_PROMPT:
        assert english not in shown, english
    # the report arrives: the roles by their Russian titles, the best first
    report = shown.split(f"«{russian.skill(skills[-1]).title}» [0–5 или название]: ")[-1]
    assert "ML-инженер" in report
    assert report.index("ML-инженер") < report.index("Дата-сайентист")


def test_input_ending_in_russian_names_what_is_missing(tmp_path: Path) -> None:
    child = spawn(["--lang", "ru", "assess", "--rate", "ml=3"], tmp_path)
    child.expect_exact("Ваш уровень в навыке «Разработка и инфраструктура» [0–5 или название]: ")
    child.sendeof()
    child.expect("ввод закончился раньше, чем были оценены все навыки")
    child.expect(r"не оценены: systems, databases, algorithms")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_the_prompt_in_persian_takes_persian_digits_and_labels(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    rated = [arg for skill, level in list(MLE.items())[:6] for arg in ("--rate", f"{skill}={level}")]
    child = spawn(["--lang", "fa", "assess", *rated, "--output", str(report)], tmp_path)
    child.expect_exact("سطح شما در «محصول» [۰ تا ۵ یا نام سطح]: ")
    first = child.before
    child.sendline("نه")
    child.expect_exact("سطح شما در «محصول» [۰ تا ۵ یا نام سطح]: ")
    wrong = child.before
    child.sendline("۱")  # a Persian digit
    child.expect_exact("سطح شما در «مهارت ارتباطی» [۰ تا ۵ یا نام سطح]: ")
    second = child.before
    child.sendline("کاربلد")  # level 3 by its Persian label
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "خودتان را در ۲ حوزه مهارتی ارزیابی کنید." in plain(first)
    assert "(مثلاً ۲ یا مبتدی)" in plain(first)
    assert "۱/۲ محصول (product)" in plain(first)
    assert (
        "«نه» سطح معتبری نیست. عددی صحیح از ۰ تا ۵ یا نام یکی از سطح‌ها را وارد کنید: ناآشنا، آشنا"
        in plain(wrong)
    )
    assert "۲/۲ مهارت ارتباطی (communication)" in plain(second)
    for english in ENGLISH_PROMPT:
        assert english not in plain(first + wrong + second), english
    ratings = json.loads(report.read_text(encoding="utf-8"))["profile"]["ratings"]
    assert ratings["product"] == 1 and ratings["communication"] == 3
