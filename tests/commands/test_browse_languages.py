"""roles, role, skills, lifecycle and decode in Russian and Persian: the interface's own words are
translated, the catalogue's text is the overlay's, numbers are the language's, and ids stay English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from tests.conftest import Invoke

# Latin words the Russian catalogue text keeps on purpose: tools, abbreviations and English glosses of
# titles ("Исследователь (Research Scientist)"). A word of the interface left in English is not here.
RUSSIAN_TEXT_KEEPS = frozenset(
    (
        *("A/B", "AI", "Airflow", "BI", "CI", "CSV", "CUDA", "CV", "DL", "DWH", "DataOps", "DevRel", "GPU"),
        *("Jupyter", "LLM", "ML", "MLOps", "NLP", "O", "PhD", "PoC", "README", "SELECT", "SOTA", "SQL"),
        *("Spark", "ad-hoc", "autograd", "causal", "inference", "dbt", "git", "go/no-go", "kernels"),
        *("open-core", "runtime", "scikit-learn", "t", "train", "test"),
        *("Research", "Scientist", "Engineer", "Developer", "Advocate"),
    )
)
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*")
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """--lang sets the language of the whole process: English again for the tests that follow."""
    yield
    i18n.activate("en")


def _ok(result: object) -> str:
    from typer.testing import Result

    assert isinstance(result, Result)
    assert result.exit_code == 0, result.output
    return result.stdout


def _ids(catalog: Catalog) -> set[str]:
    return {*catalog.role_ids, *catalog.skill_ids, *(stage.id for stage in catalog.stages)}


def _latin_words(text: str, catalog: Catalog) -> list[str]:
    """The Latin words of ``text`` that are neither ids nor words the Russian catalogue keeps."""
    ids = _ids(catalog)
    return [w for w in LATIN.findall(text) if w not in ids and w not in RUSSIAN_TEXT_KEEPS]


def _without_other_names(text: str) -> tuple[str, str]:
    """``text`` without the paragraph of the role's other names (English aliases are names), and it."""
    head, sep, rest = text.partition("Другие названия:")
    assert sep, text
    names, _, tail = rest.partition("\n\n")
    return head + "\n\n" + tail, names


# --- Russian ---------------------------------------------------------------------------------


def test_role_in_russian(invoke: Invoke, catalog: Catalog) -> None:
    out = _ok(invoke("--lang", "ru", "role", "mlops"))
    for text in (
        "MLOps-инженер  mlops-engineer · основные роли",
        "Работает на этапах: Вывод в продакшн, Мониторинг и сопровождение",
        "Другие названия: инженер MLOps, MLOps-специалист, LLMOps-инженер, инженер по",
        "Что требуется в этой роли",
        "Навык",
        "Уровень",
        "Вес",
        "На этом уровне специалист…",
        "Разработка и инфраструктура",
        "5 эксперт",
        "●●● 27\u00a0%",
        "Самые близкие роли по требованиям",
        "Сходство",
        "Главные отличия (mlops-engineer → другая роль)",
        "95\u00a0%",
        "Базы данных 4→3",
        "Вес: насколько навык важен для роли",
        "Каталог 2026.11.1 (встроенный)",
    ):
        assert text in out, text
    assert "Also called" not in out and "What the role requires" not in out


def test_role_lists_the_russian_names_first_then_the_english_aliases(
    invoke: Invoke, catalog: Catalog
) -> None:
    out = _ok(invoke("--lang", "ru", "role", "ml-engineer"))
    _, names = _without_other_names(out)
    names = " ".join(names.split())
    russian = names.index("инженер машинного обучения")
    english = names.index("machine learning engineer")
    assert russian < english
    assert "ML-инженер," not in names  # the title shown above is not repeated


@pytest.mark.parametrize(
    "role_id", ["data-scientist", "mlops-engineer", "research-scientist", "developer-advocate"]
)
def test_every_word_of_role_is_russian(invoke: Invoke, catalog: Catalog, role_id: str) -> None:
    out, names = _without_other_names(_ok(invoke("--lang", "ru", "role", role_id)))
    assert _latin_words(out, catalog) == []
    assert re.search("[а-яё]", names)  # the other names start in Russian


def test_every_word_of_role_is_russian_for_every_role(invoke: Invoke, catalog: Catalog) -> None:
    left = {}
    for role_id in catalog.role_ids:
        out, _ = _without_other_names(_ok(invoke("--lang", "ru", "role", role_id)))
        words = _latin_words(out, catalog)
        if words:
            left[role_id] = words
    assert left == {}


def test_every_word_of_skills_is_russian(invoke: Invoke, catalog: Catalog) -> None:
    out = _ok(invoke("--lang", "ru", "skills"))
    assert "Машинное обучение  ml" in out
    assert "  3 практик " in out
    assert "Каталог 2026.11.1 (встроенный)" in out
    assert _latin_words(out, catalog) == []


def test_every_word_of_lifecycle_is_russian(invoke: Invoke, catalog: Catalog) -> None:
    out = _ok(invoke("--lang", "ru", "lifecycle"))
    for text in (
        "1/6  Постановка задачи  project-scoping",
        "40\u00a0%",
        "Кто отвечает за этап: ",
        "цикл начинается",
    ):
        assert text in out, text
    assert _latin_words(out, catalog) == []


def test_the_latin_word_check_finds_english_left_in_russian(catalog: Catalog) -> None:
    # the check itself: an untranslated label or family is caught, ids and kept terms are not
    assert _latin_words("Also called: инженер", catalog) == ["Also", "called"]
    assert _latin_words("mlops-engineer · core", catalog) == ["core"]
    assert _latin_words("mlops-engineer · основные роли; SQL, scikit-learn", catalog) == []


def test_roles_in_russian(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "ru", "roles"))
    for text in (
        "Роли",
        "Роль (идентификатор)",
        "Группа",
        "Этапы",
        "Ключевые навыки (уровень)",
        "Деврел (Developer Advocate)",
        "developer-advocate",
        "смежные роли",
        "Коммуникация 5",  # skills and stages by their Russian titles, ids only for roles
        "Бизнес-анализ",
        "Подробнее об одной роли: roleadvisor role ID",
    ):
        assert text in out, text
    for english in ("Family", "Top skills", "communication 5", "business-analysis", "adjacent"):
        assert english not in out, english


def test_roles_on_a_narrow_terminal_in_russian(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = _ok(invoke("--lang", "ru", "roles"))
    assert "группа: смежные роли; этапы: Вывод в продакшн, Бизнес-анализ" in " ".join(out.split())
    assert "ключевые навыки (уровень): Коммуникация 5" in " ".join(out.split())


def test_roles_family_typo_in_russian(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "roles", "--family", "adjacnt")
    assert result.exit_code == 2
    assert (
        "нет группы ролей 'adjacnt'; возможно, вы имели в виду 'adjacent'? (группы: core, research, adjacent)"
        in result.stderr
    )


def test_role_not_found_in_russian(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "role", "astronaut")
    assert result.exit_code != 0
    assert "роль 'astronaut' не найдена" in result.stderr
    assert "(см. 'roleadvisor roles')" in result.stderr


def test_role_found_by_its_russian_name(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "ru", "role", "дата-инженер"))
    assert out.startswith("Дата-инженер  data-engineer")


def test_decode_a_russian_advert_in_russian(invoke: Invoke) -> None:
    advert = "Ищем ML-инженера в команду рекомендаций: PyTorch, Python, деплой моделей, Docker, Kubernetes"
    out = re.sub(r"[ \n│]+", " ", _ok(invoke("--lang", "ru", "decode", advert)))  # table cells wrap
    for text in (
        "Наиболее вероятные роли для «Ищем ML-инженера",
        "Роль",
        "Уверенность",
        "Признаки в тексте",
        "ml-engineer",
        "ML-инженер",
        "Что требуется",
        "Навык",
        "Уровень",
        "Почему",
        "Разработка и инфраструктура ████▊ 4 продвинутый",  # skills by their Russian titles
        "(упоминания: docker,",
        "Сохраните профиль с --format profile и передайте его в 'assess --profile'.",
        "Каталог 2026.11.1 (встроенный)",
    ):
        assert text in out, text
    assert re.search(r"\d+\u00a0% █", out)  # the confidence, as Russian writes a percentage (NBSP kept)
    for english in (
        "Roles this most likely is",
        "What it asks for",
        "Because the text says",
        "Save the profile",
    ):
        assert english not in out, english


def test_decode_errors_in_russian(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "decode", "   ")
    assert result.exit_code == 2
    assert "текст для разбора пуст" in result.stderr


# --- Persian ---------------------------------------------------------------------------------


def test_role_in_persian(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "fa", "role", "mlops"))
    for text in (
        "مهندس MLOps  mlops-engineer · نقش‌های اصلی",
        "مرحله‌های کاری: ",
        "نام‌های دیگر: ",
        "آنچه این نقش می‌طلبد",
        "مهارت",
        "سطح",
        "وزن",
        "۵ خبره",
        "●●● ۲۷٪",
        "نزدیک‌ترین نقش‌ها از نظر الزامات",
        "شباهت",
        "۹۵٪",
        "پایگاه داده ۴←۳",  # the arrow points the way a right-to-left line reads
        "کاتالوگ 2026.11.1 (داخلی)",
    ):
        assert text in out, text
    assert "، " in out and ", " not in out.split("نام‌های دیگر:")[0]  # Persian lists use the Persian comma
    names = out.split("نام‌های دیگر: ")[1]
    assert names.index("متخصص MLOps") < names.index("machine learning operations engineer")
    assert not re.search(r"\b[0-9]+٪", out)  # no Latin digits in a percentage


def test_skills_in_persian(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "fa", "skills", "ml"))
    assert out.startswith("یادگیری ماشین  ml\n")
    for level, label in enumerate(("ناآشنا", "آشنا", "مبتدی", "کاربلد", "پیشرفته", "خبره")):
        assert f"  {PERSIAN_DIGITS[level]} {label} " in out
    assert "کاتالوگ 2026.11.1 (داخلی)" in out


def test_lifecycle_in_persian_keeps_the_bars_in_one_column(invoke: Invoke) -> None:
    from rich.cells import cell_len

    out = _ok(invoke("--lang", "fa", "lifecycle"))
    assert out.startswith("۱/۶  ")
    assert "نقش‌های مسئول: " in out and "۴۰٪" in out
    # "الگوریتم‌ها" has a zero-width non-joiner: padded by its width on screen, not its length
    starts = {cell_len(line.split("█")[0]) for line in out.splitlines() if "█" in line}
    assert len(starts) == 1, starts


def test_roles_in_persian(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "fa", "roles"))
    for text in ("نقش‌ها", "نقش (شناسه)", "گروه", "مرحله‌ها", "مهم‌ترین مهارت‌ها (سطح)", "نقش‌های مرتبط", "۵"):
        assert text in out, text
    assert "Top skills" not in out and "Family" not in out


def test_decode_a_persian_title_in_persian(invoke: Invoke) -> None:
    out = _ok(invoke("--lang", "fa", "decode", "مهندس ارشد یادگیری ماشین"))
    for text in (
        "محتمل‌ترین نقش‌ها برای «مهندس ارشد یادگیری ماشین»",
        "نقش",
        "اطمینان",
        "چون در متن آمده",
        "ml-engineer",
        "آنچه خواسته شده",
        "چرا",
        "│ مهندسی سیستم ",
        "پروفایل را با --format profile ذخیره کنید",
    ):
        assert text in out, text
    assert re.search("[۰-۹]+٪ █", out)


def test_json_stays_english_in_every_language(invoke: Invoke) -> None:
    english = _ok(invoke("role", "mlops", "--format", "json"))
    for language in ("ru", "fa"):
        data = _ok(invoke("--lang", language, "role", "mlops", "--format", "json"))
        assert data.count('"') == english.count('"')
        assert '"also_called"' not in data and '"stage_titles"' not in data


def test_a_skill_not_found_in_persian_suggests_one_by_its_persian_title(invoke: Invoke) -> None:
    result = invoke("--lang", "fa", "skills", "سیستمم")
    assert result.exit_code != 0
    assert "مهارتی با نام 'سیستمم' پیدا نشد؛ منظورتان 'systems' (مهندسی سیستم) بود؟" in result.stderr
