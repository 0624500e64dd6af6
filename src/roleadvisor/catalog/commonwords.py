# ruff: noqa: SIM905 - word lists in Cyrillic and Arabic script, one string each
"""Common words of English, Russian and Persian (and the short words of nearby languages).

``catalog validate`` warns about a role alias (or role keyword) that is one of
them: a word that turns up in adverts of every kind gives decode evidence for
one role wherever it appears ("scientist", "customers", "talks", French "de").
The lists are short on purpose: the everyday words of job adverts, not a
dictionary. Stdlib only; imported only by ``roleadvisor.catalog.validate``.
"""

from __future__ import annotations

ENGLISH = frozenset(
    """
    a about above across after again against all also an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    get got had has have having he her here him his how i if in into is it its just like make may me
    more most my no nor not now of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until up us
    very was we were what when where which while who whom why will with would you your

    able analyse analysis analyst analysts analytics application applications architect architects
    build building business candidate career client clients cloud code company customer customers
    data degree design develop developer developers development engineer engineers engineering
    environment experience expert help impact industry join knowledge lead leader learning level
    manage management manager managers model models new office operations opportunity people
    platform platforms product products project projects quality remote report reporting reports
    research researcher researchers role salary science scientist scientists senior service services
    skills software solution solutions specialist staff strong support system systems talk talks team
    teams technical technology tools work working world years
    """.split()
)

RUSSIAN = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было
    вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
    нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их
    чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
    совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при
    наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве
    три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда
    конечно всю между

    работа работы опыт данные данных команда команды компания инженер инженеры аналитик аналитики
    разработчик разработчики менеджер проект проекты задачи знание знания навыки требования
    условия зарплата офис удаленно продукт система системы модель модели исследователь
    """.split()
)

PERSIAN = frozenset(
    """
    و در به از که این را با است برای آن یک خود تا کرد بر هم نیز شد می شود کند وی ما ها دارد او
    شده اما باید پس اگر هر دو بود آنها بین پیش چه همه باشد ای یا نه کار دیگر روی خواهد جز ولی
    داده مهندس تحلیلگر توسعه دهنده مدیر پروژه محصول تیم شرکت تجربه دانش مهارت سیستم مدل
    پژوهشگر نقش سطح
    """.split()
)

# the short everyday words of nearby languages, which a two- or three-letter alias collides
# with ("DE" and French "de", "DA" and Portuguese "da")
SHORT = frozenset(
    """
    de la le les des du un une et en au aux ou il el los las del al y es da do dos das em na no se
    di il lo gli che per con der die das und ein im am zu von mit den ist nicht
    """.split()
)

LANGUAGES = (("English", ENGLISH), ("Russian", RUSSIAN), ("Persian", PERSIAN))


def common_in(word: str) -> str | None:
    """The language in which ``word`` (folded, one word) is common, or ``None``."""
    for name, words in LANGUAGES:
        if word in words:
            return name
    if word in SHORT:
        return "another European language"
    return None
