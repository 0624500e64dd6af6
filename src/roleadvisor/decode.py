"""Map a job title or advert to the catalogue's roles and to the skill levels it asks for.

Pure: text and a ``Catalog`` in, a ``Decoded`` value out. Every word list comes
from the catalogue (role titles and aliases, role and skill keywords, seniority
words, and how an advert is read: the catalogue's optional ``decode.yaml``), so a
custom catalogue decodes with its own vocabulary.

How the text is read, the way a recruiter reads it:

* Words are compared in one spelling: Unicode-folded (``roleadvisor.text.fold``),
  English endings taken off (``engineering`` = ``engineer``, ``models`` =
  ``model``), and the catalogue's ``same`` forms read as one (``machine
  learning`` = ``ML``). Aliases of at most three letters (``DS``, ``DE``,
  ``MLE``) count only in the title line, as whole words written exactly so.
* The first line is the title, unless it reads as a sentence (long, ending in a
  full stop, or going on in lowercase on the next line) or a heading: then the
  whole text is the advert. Below it, headings open sections (``duties``,
  ``requirements``, ``company``, ``benefits``...) whose words count by the
  section's weight; text before any heading counts fully.
* A role name in the title gives the role 10 points (8 when its words are all
  there but apart: "Software Engineer, Machine Learning" has every word of
  "ML software engineer"; a name whose words another matched name contains is
  dropped: "ML platform engineer" wins over "ML engineer"). Role keywords in
  the title give 3 each.
* In the body a role name after an own-role cue ("as a", "looking for") gives
  4, a plain mention 1.5 (a plural one 0.5), and one after a colleague cue
  ("work with", "help", "for") or before a team word ("team") nothing: it is
  listed as ignored.
* A role keyword in the body gives 1; words may stand up to two words apart
  ("deploy our ranking models" has "deploy models"). Skill-area keywords
  describe the mix of skills the text asks for, and every role gets points for
  how closely its own requirements match that mix. Generic words (``cloud``,
  ``kubernetes``: the ``weak_words``) count a quarter.
* Every keyword counts by its section's weight and by the nearest verb before it
  in its clause: one of the job's own work ("build", "own", "deploy") counts
  1.5 times, contact or a wish ("work with", "a plus") half.

``score`` is a role's share of the points. ``confidence`` is a softmax of the
points over every role of the catalogue (``CONFIDENCE_SCALE`` points make the
odds e times larger), the scale chosen on the held-out part of roleadvisor's
decode evaluation set (tests/decode_set/holdout) so that it reads as the chance
that the role is right: there, first roles given 80% or more were right about
19 times in 20 (tests/test_decode_eval.py keeps that true). Text that gave
little evidence (few points from role names and keywords, few specific skill
words) is flagged, and the reading says so.

How much of the text decode understood: the share of its words (numbers left
out; Chinese, Japanese or Thai text, written without spaces, a word per two
characters) that are inside a role name, a role or skill keyword, a cue, a verb,
a seniority word, a heading or a ``same`` form, or are title fillers, team words
or everyday words of English, Russian or Persian (``roleadvisor.catalog.commonwords``
and ``_EVERYDAY`` below: the only word lists not from the catalogue, and they give
no role any points). On roleadvisor's decode sets every English, Russian and
Persian advert has 54% or more of its words recognised, and adverts in French
33% (the English set has one), German, Spanish, Portuguese, Polish, Turkish and
Chinese 2% to 18% (tests/decode_set/other).
A text of at least ``JUDGED_WORDS`` words under ``UNDERSTOOD_LOW`` (40%) is
``little_understood``: its confidences are mixed with an even chance for every
role, the reading trusted in proportion to the share recognised (trust = share /
40%, so 20% recognised halves the confidence's distance from 1/13). There is no
step at 40%: the trust is 1 there.

Persian words are read as the catalogue spells them: two neighbouring parts whose
join is a catalogue word are joined, a word the catalogue lacks is split into two
that it has, and the plural endings written apart are dropped (``_compounds``).

The profile starts from the required levels of the leading roles (within 75% of
the best points), moves the skills they weight at least the seniority group's
``min_weight`` by the seniority found in the title line, within the scale, and
raises any skill area the text names to at least a floor.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from roleadvisor.catalog.models import Catalog, Reading, Seniority
from roleadvisor.errors import DecodeError
from roleadvisor.i18n import _, ngettext, number
from roleadvisor.records import record
from roleadvisor.text import fold, word_pattern

TITLE_NAME_POINTS = 10.0
TITLE_BAG_POINTS = 8.0
TITLE_KEYWORD_POINTS = 3.0
OWN_NAME_POINTS = 4.0
BODY_NAME_POINTS = 1.5
PLURAL_NAME_POINTS = 0.5
KEYWORD_POINTS = 1.0
SKILL_POINTS = 6.0  # points for a text whose skill words match a role's requirements exactly
SKILL_WORD_CAP = 4.0  # at most this much evidence per skill area
SKILL_EVIDENCE_FULL = 6.0  # skill evidence (summed over areas) at which SKILL_POINTS are reached
WEAK_WORD = 0.25
STRONG_CLAUSE = 1.5
WEAK_CLAUSE = 0.5
TITLE_WEIGHT = 2.0  # skill words in the title line count this much
KEYWORD_GAP = 2  # words allowed between the words of a multi-word role keyword
MAX_TITLE_WORDS = 14  # a first line longer than this is not a job title but the advert's first sentence
SHORT_NAME = 3  # aliases and seniority words of at most this many letters: title only, as written
CONFIDENCE_SCALE = 2.0  # points per e-fold of the odds between two roles (chosen on tests/decode_set/holdout)
LITTLE_EVIDENCE = 3.0  # fewer points from names and keywords than this for the best role...
LITTLE_SKILL_WORDS = 4  # ...and fewer specific (not weak) skill words than this: "little evidence"
UNDERSTOOD_LOW = 0.4  # a text of which decode recognised a smaller share of the words is little understood...
JUDGED_WORDS = 12  # ...if it has at least this many words (a title is judged by its role name alone)
LEAD_SHARE = 0.75  # roles within this share of the best points shape the profile
MAX_LEADS = 3
SCORE_DECIMALS = 4
MAX_TEXT_CHARS = 200_000
TITLE = "title"
INTRO = "intro"

# the end of a sentence inside a line, and the marks that start a bullet
_SENTENCE_END = re.compile(r"[.;!?:](?:\s+|$)")
_BULLET = re.compile("^\\s*(?:[-*\u2022\u00b7\u2013\u2014\u25aa\u25ba\u2713]|\\d{1,2}[.)])\\s+")
_HEADING_MARKS = "#*_=:-\u2013\u2014\u2022\u00b7 \t"


@record
class Phrase:
    """Words of the text that count as evidence, where they stand and the points they gave."""

    text: str
    where: str  # "title", "intro" or a section id of the catalogue ("duties", ...)
    points: float


@record
class RoleMatch:
    """A role the text probably describes: its share of the points, its confidence and why."""

    role_id: str
    score: float
    points: float
    evidence: tuple[str, ...]
    confidence: float = 0.0
    phrases: tuple[Phrase, ...] = ()


@record
class SkillAsk:
    """The level the text asks for in one skill area, and why."""

    skill: str
    level: int
    reasons: tuple[str, ...]
    keywords: tuple[str, ...]


@record
class Ignored:
    """A role name the text uses for someone other than the job: a colleague or another team."""

    text: str
    where: str
    role_id: str
    why: str


@record
class Decoded:
    """What a title or advert says: likely roles, and a profile of the skills it asks for."""

    title: str
    roles: tuple[RoleMatch, ...]
    skills: tuple[SkillAsk, ...]
    seniority_shift: int
    seniority_words: tuple[str, ...]
    seniority_min_weight: float = 2.0
    title_found: bool = True
    sections: tuple[str, ...] = ()
    ignored: tuple[Ignored, ...] = ()
    little_evidence: bool = False
    words: int = 0
    recognised: int = 0
    little_understood: bool = False

    @property
    def ratings(self) -> dict[str, int]:
        """The asked-for levels as a ratings mapping, usable as a profile."""
        return {ask.skill: ask.level for ask in self.skills}


# --- words -------------------------------------------------------------------------------------

_DOUBLE = re.compile(r"([bdfgklmnprtz])\1$")


_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_UNSPACED = re.compile("[\u0e00-\u0eff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Everyday words of job adverts beyond roleadvisor.catalog.commonwords, only for telling how much
# of a text decode understood (they give no role any points): words a reader passes over.
_EVERYDAY = frozenset(
    """
    able across additional after already always another anyone around ask back best better big bring
    can care change chance come day days different do done easy else end enjoy etc even ever every
    everything example excellent expect fast feel first five focus four full give go good great grow
    hand happy hard high hire hiring ideal important include including interest interested job keep
    kind know large last least less let level life like little long look love low lot make many matter
    mean million month months much must need new next nice number offer often one open part per place
    plus possible problem problems process question questions real result results right run say see
    set share show simple six small so solid someone something start stay still take tell thing
    things think three time today together top turn two understand understanding up use used using
    want way week well whether within without year years yes yourself
    ищем ищет ищу нужен нужна нужно наш наша наше наши нашей нашего нашу ваш ваша ваше ваши твой твоя
    твое твои свой своя свое свои который которая которое которые которых которым год года лет
    месяц неделя день вместе также например уровень уровня новый новая новые первый первая каждый
    каждая сильный хороший хорошая большой большая любой готов готовы умение умения понимание
    желание возможность возможности работать делать решать писать строить развивать понимать
    знать уметь хотеть отвечать помогать проверять разбирать предлагаем предлагаем ждем ждём
    сейчас уже вместе около более менее свыше минимум максимум лучше весь вся всё всем всеми
    тысяч млн млрд часть сам сама самостоятельно несколько
    های هایی ها ای هر هستیم هستید هستند باشید کنید کنیم کنند کردن شدن داشتن بودن خواهید دهید
    دهد دهیم سال سالها حداقل بیش کمتر بیشتر سابقه آشنایی تسلط توانایی علاقه علاقه‌مند مورد نیاز
    امکان درباره همراه همچنین مانند نظیر جدید بزرگ کوچک اول کامل کافی خوب عالی چند برخی وقتی
    زمانی سازی گیری بندی اندازی کننده دهندگان شده سازیم میلیون هزار ساعت روز هفته ماه
    """.split()  # noqa: SIM905 - words in three scripts, one string
)


@functools.cache
def _russian_stem(word: str) -> str:
    """A Russian word's stem by the Snowball stemmer: ``инженера``, ``инженеров`` -> ``инженер``."""
    from snowballstemmer import stemmer  # type: ignore[import-untyped]  # ~10 ms, only for Russian words

    return str(_stemmers(stemmer)["russian"].stemWord(word))


@functools.cache
def _stemmers(factory: Any) -> dict[str, Any]:  # noqa: ANN401 - snowballstemmer is untyped
    return {"russian": factory("russian")}


def stem(word: str) -> str:
    """``word`` without its English ending: ``engineering`` -> ``engineer``, ``models`` -> ``model``;
    a Russian word without its Russian ending (Snowball's stemmer: ``инженера`` -> ``инженер``).

    Light and predictable (the text and every catalogue phrase go through the
    same rule, so it only has to be consistent): -ies -> -y, -ing, -ed, -es after
    s/x/z/ch/sh, -s (not -ss), then a doubled final consonant and a final -e
    dropped. Words of four characters or less, and words with digits or
    characters outside a-z, are kept as they are.
    """
    if not word.isascii():
        return _russian_stem(word) if _CYRILLIC.fullmatch(word) else word
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif (word.endswith("ed") and len(word) > 5) or word.endswith(("ses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = _DOUBLE.sub(r"\1", word)
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _words(phrase: str) -> tuple[str, ...]:
    words = fold(phrase).split()
    return tuple(stem(w) for n, w in enumerate(words) if not (n and _plural(words[n - 1], w)))


_PERSIAN = re.compile("[\u0600-\u06ff]")
_PLURAL = frozenset(("\u0647\u0627", "\u0647\u0627\u06cc", "\u0647\u0627\u06cc\u06cc"))  # -ha, -haye, -hayi


def _plural(before: str, word: str) -> bool:
    """Whether ``word`` is the Persian plural ending of the word ``before`` it, written apart from
    it by a half-space or a space ("models" as model + half-space + -ha): read as an ending, as
    English ``-s`` is."""
    return word in _PLURAL and _PERSIAN.match(before) is not None


def _compounds(vocabulary: frozenset[str], toks: Sequence[_Tok]) -> list[_Tok]:
    """The text's Persian words in the catalogue's spelling of them.

    Persian writes the parts of a word joined, with a half-space or with a space
    (``تحلیلگر``, ``تحلیل‌گر``, ``تحلیل گر``; ``سخت‌افزار``, ``سختافزار``): two
    neighbouring Persian words whose join is a word of the catalogue are read as it,
    and a Persian word the catalogue lacks as its two parts when both are words of
    the catalogue. A plural ending (-ha, -haye, -hayi) is dropped.
    """
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if _PERSIAN.match(tok.word) is None:
            out.append(tok)
            continue
        before = out[-1] if out else None
        if before is not None and _plural(before.word, tok.word) and _close(before, tok):
            continue  # an ending, dropped
        after = toks[i] if i < len(toks) else None
        if after is not None and _close(tok, after) and tok.word + after.word in vocabulary:
            out.append(
                _Tok(
                    tok.word + after.word,
                    tok.start,
                    after.end,
                    tok.clause,
                    tok.section,
                    tok.first,
                    after.last,
                )
            )
            i += 1
            continue
        parts = _parts(vocabulary, tok.word) if tok.word not in vocabulary else None
        if parts is None:
            out.append(tok)
        else:
            out += [
                _Tok(part, tok.start, tok.end, tok.clause, tok.section, tok.first, tok.last) for part in parts
            ]
    return out


def _close(tok: _Tok, after: _Tok) -> bool:
    """Whether two words of the text stand in one clause with at most one character between them."""
    return after.clause == tok.clause and after.start - tok.end <= 1


def _parts(vocabulary: frozenset[str], word: str) -> tuple[str, ...] | None:
    """A Persian word as two words of the catalogue (or one and a plural ending), else ``None``."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in vocabulary and (tail in vocabulary or tail in _PLURAL):
            return (head,) if tail in _PLURAL else (head, tail)
    return None


class _Tok:
    """One word of the text: its stem, its place in the original text, clause and section, and
    ``first``..``last``: the words of the text as written (before ``same``) it stands for."""

    __slots__ = ("clause", "end", "first", "last", "section", "start", "word")

    def __init__(
        self, word: str, start: int, end: int, clause: int, section: str, first: int = 0, last: int = 0
    ) -> None:
        self.word = word
        self.start = start
        self.end = end
        self.clause = clause
        self.section = section
        self.first = first
        self.last = last


class _Same:
    """The ``same`` forms of the catalogue: each form's words rewritten to its group's first form."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self.forms: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in groups:
            first = _words(group[0])
            for form in group[1:]:
                words = _words(form)
                if words and words != first:
                    self.forms[words] = first
        self.longest = max((len(f) for f in self.forms), default=0)

    def words(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """A phrase's words in their one spelling."""
        toks = [_Tok(w, 0, 0, 0, "") for w in words]
        return tuple(t.word for t in self.toks(toks))

    def toks(self, toks: list[_Tok]) -> list[_Tok]:
        """The text's words with every form rewritten; repeated so that rewrites of rewrites apply."""
        for _round in range(3):
            out, changed, i = [], False, 0
            while i < len(toks):
                for size in range(min(self.longest, len(toks) - i), 0, -1):
                    key = tuple(t.word for t in toks[i : i + size])
                    canon = self.forms.get(key)
                    if canon is not None and toks[i + size - 1].clause == toks[i].clause:
                        first, last = toks[i], toks[i + size - 1]
                        out += [
                            _Tok(
                                w, first.start, last.end, first.clause, first.section, first.first, last.last
                            )
                            for w in canon
                        ]
                        i += size
                        changed = True
                        break
                else:
                    out.append(toks[i])
                    i += 1
            toks = out
            if not changed:
                break
        return toks


class _Phrases:
    """Phrases (tuples of words) found in a word list: longest first, without overlaps."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
            if phrase:
                self.by_first[phrase[0]].append(phrase)

    def find(self, toks: Sequence[_Tok], gap: int = 0) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """``(first, last, phrase)`` for each occurrence, ``last`` inclusive; ``gap`` other words may
        stand between the words of a phrase (within one clause)."""
        i = 0
        while i < len(toks):
            hit = None
            for phrase in self.by_first.get(toks[i].word, ()):
                last = _place(toks, i, phrase, gap)
                if last is not None:
                    hit = (i, last, phrase)
                    break
            if hit is None:
                i += 1
            else:
                yield hit
                i = hit[1] + 1 if not gap else i + 1


def _place(toks: Sequence[_Tok], i: int, phrase: tuple[str, ...], gap: int) -> int | None:
    """The index of the last word of ``phrase`` starting at ``i``, or ``None``."""
    at, clause, spare = i, toks[i].clause, gap
    for word in phrase[1:]:
        at += 1
        while at < len(toks) and toks[at].word != word and spare > 0 and toks[at].clause == clause:
            at += 1
            spare -= 1
        if at >= len(toks) or toks[at].word != word or toks[at].clause != clause:
            return None
    return at


# --- reading the text --------------------------------------------------------------------------


class _Reader:
    """Everything decode matches, compiled once per catalogue."""

    def __init__(self, catalog: Catalog) -> None:
        self.same = _Same(catalog.reading.same)
        self.role_ids = catalog.role_ids
        self.requirements = {
            role.id: {skill: req.weight * req.level for skill, req in role.requirements}
            for role in catalog.roles
        }
        self._names(catalog)
        self._keywords(catalog)
        self._reading(catalog.reading)
        self._seniority(catalog)

    def words(self, phrase: str) -> tuple[str, ...]:
        """A catalogue phrase's words as the text's words are read."""
        return self.same.words(_words(phrase))

    def _names(self, catalog: Catalog) -> None:
        """Role names; short ones (title only, as written) apart from the rest."""
        self.short_names: dict[str, str] = {}
        self.names: dict[tuple[str, ...], str] = {}
        self.shown: dict[tuple[str, ...], str] = {}
        for role in catalog.roles:
            for name in role.names:
                key = self.words(name)
                if not key:
                    continue
                if _is_short(name):
                    self.short_names.setdefault(name.strip(), role.id)
                else:
                    self.names.setdefault(key, role.id)
                    self.shown.setdefault(key, name if name != role.id else role.title)
        self.name_phrases = _Phrases(self.names)

    def _keywords(self, catalog: Catalog) -> None:
        """Role keywords (a phrase that is also a role name counts as the name) and skill keywords."""
        self.keywords: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for role in catalog.roles:
            for word in role.keywords:
                key = self.words(word)
                if key and key not in self.names and role.id not in self.keywords[key]:
                    self.keywords[key].append(role.id)
        self.keyword_phrases = _Phrases(self.keywords)
        self.skill_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self.skill_shown: dict[tuple[str, ...], str] = {}
        for skill in catalog.skills:
            for word in skill.keywords:
                key = self.words(word)
                if key:
                    self.skill_words[key].append(skill.id)
                    self.skill_shown.setdefault(key, word)
        self.skill_phrases = _Phrases(self.skill_words)

    def _reading(self, reading: Reading) -> None:
        """Cues, verbs, team words, weak words, title fillers and section headings."""
        words = self.words
        self.weak_words = {words(w) for w in reading.weak_words}
        self.fillers = {w for item in reading.title_fillers for w in words(item)}
        self.team_words = {w for item in reading.team_words for w in words(item)}
        self.cues: dict[tuple[str, ...], str] = {}
        for kind, items in (("own", reading.own_cues), ("colleague", reading.colleague_cues)):
            for word in items:
                self.cues.setdefault(words(word), kind)
        self.cue_phrases = _Phrases(self.cues)
        self.verbs: dict[tuple[str, ...], float] = {}
        for weight, items in ((STRONG_CLAUSE, reading.strong_verbs), (WEAK_CLAUSE, reading.weak_verbs)):
            for word in items:
                self.verbs.setdefault(words(word), weight)
        self.verb_phrases = _Phrases(self.verbs)
        self.headings: dict[str, tuple[str, float]] = {}
        for section in reading.sections:
            for heading in section.headings:
                self.headings.setdefault(" ".join(fold(heading).split()), (section.id, section.weight))
        self.section_weight = {section.id: section.weight for section in reading.sections}
        self.known_phrases: tuple[_Phrases, ...] = (
            self.name_phrases,
            self.keyword_phrases,
            self.skill_phrases,
            self.cue_phrases,
            self.verb_phrases,
        )

    def _seniority(self, catalog: Catalog) -> None:
        """Seniority words by group; short ones (Sr, II) apart: whole words of the title, in any case."""
        self.short_seniority: dict[str, int] = {}
        self.seniority: dict[tuple[str, ...], int] = {}
        for i, group in enumerate(catalog.seniority):
            for word in group.words:
                if _is_short(word):
                    self.short_seniority.setdefault(word.strip().casefold(), i)
                else:
                    self.seniority.setdefault(self.words(word), i)
        self.seniority_phrases = _Phrases(self.seniority)
        self.known_phrases += (self.seniority_phrases,)
        self.known_words = (
            self.fillers
            | self.team_words
            | {w for name in self.short_names for w in _words(name)}
            | {w for word in self.short_seniority for w in _words(word)}
            | _common_words()
        )
        self.vocabulary = frozenset(
            word
            for phrases in (
                self.names,
                self.keywords,
                self.skill_words,
                self.same.forms,
                self.same.forms.values(),
                self.cues,
                self.verbs,
                self.seniority,
            )
            for phrase in phrases
            for word in phrase
        ) | (self.fillers | self.team_words)


def _shouted(title: str) -> bool:
    """A title of more than two words written all in capitals: its short words may be anything."""
    return not any(c.islower() for c in title) and len(word_pattern().findall(title)) > 2


def _is_short(name: str) -> bool:
    """A name of at most ``SHORT_NAME`` letters and digits (``DS``, ``MLE``, ``Sr``)."""
    return sum(len(w) for w in fold(name).split()) <= SHORT_NAME


_READERS: dict[int, tuple[Catalog, _Reader]] = {}


def _reader(catalog: Catalog) -> _Reader:
    hit = _READERS.get(id(catalog))
    if hit is not None and hit[0] is catalog:
        return hit[1]
    reader = _Reader(catalog)
    if len(_READERS) >= 4:
        _READERS.clear()
    _READERS[id(catalog)] = (catalog, reader)
    return reader


def _heading(reader: _Reader, line: str) -> tuple[str, float] | None:
    """The section a line opens, if the line is one of the catalogue's headings."""
    stripped = line.strip().strip(_HEADING_MARKS).strip()
    key = " ".join(fold(stripped).split())
    if not key or len(key.split()) > 8:
        return None
    if key in reader.headings:
        return reader.headings[key]
    if line.rstrip().endswith(":"):
        for heading, section in reader.headings.items():
            if key.startswith(heading + " "):
                return section
    return None


def _read(reader: _Reader, text: str) -> tuple[str, list[_Tok], list[_Tok], list[str], int]:
    """The first line, the title's words, the body's words (as written, before ``same``), the
    sections found, in order, and the number of words in the headings.

    The first line is the title unless it does not look like one: longer than
    ``MAX_TITLE_WORDS`` words, ending like a sentence, or a heading; then it is
    read as body text and the title's words are empty. A clause ends at the end
    of a sentence, a blank line, a heading or a bullet; a sentence wrapped over
    two lines stays one clause.
    """
    first_line, title, body, sections = "", "", list[_Tok](), list[str]()
    section, clause, continues, heading_words = INTRO, 0, False, 0
    offset = 0
    lines = text.splitlines(keepends=True)
    for n, raw in enumerate(lines):
        start, offset = offset, offset + len(raw)
        line = raw.rstrip("\r\n")
        if not first_line and word_pattern().search(line):  # the first line with a word in it
            first_line = line.strip()
            following = lines[n + 1].lstrip() if n + 1 < len(lines) else ""
            if _is_title(reader, first_line, following):
                title = first_line
                continue
        if not line.strip():
            continues = False
            continue
        found = _heading(reader, line)
        if found is not None:
            section = found[0]
            sections.append(section)
            heading_words += len(fold(line).split())
            continues = False
            continue
        if not continues or _BULLET.match(line):
            clause += 1
        ends = [m.end() for m in _SENTENCE_END.finditer(line)]
        body += _line_toks(line, start, section, clause, ends, len(body))
        clause += len(ends)
        continues = not ends or ends[-1] < len(line.rstrip())
        if ends and ends[-1] >= len(line.rstrip()):
            clause -= 1  # the line ends its sentence: the next line opens the next clause
    return first_line, _line_toks(title, 0, TITLE, 0, []), body, sections, heading_words


def _is_title(reader: _Reader, line: str, following: str) -> bool:
    """Whether a first line reads as a job title: short, not a sentence, not a heading.

    A line of more than a few words whose sentence goes on in lowercase on the
    next line is the start of a sentence, not a title.
    """
    words = word_pattern().findall(line)
    if not 0 < len(words) <= MAX_TITLE_WORDS or line.rstrip().endswith((".", "!", "?")):
        return False
    if len(words) > 6 and following[:1].islower():
        return False
    return _heading(reader, line) is None


def _line_toks(
    line: str, offset: int, section: str, clause: int, ends: Sequence[int], count: int = 0
) -> list[_Tok]:
    """The words of one line; ``ends`` are the positions where a sentence ends in it, ``count``
    the number of words before the line."""
    out: list[_Tok] = []
    for m in word_pattern().finditer(line):
        here = clause + sum(1 for end in ends if end <= m.start())
        for word in fold(m.group()).split():
            n = count + len(out)
            out.append(_Tok(stem(word), offset + m.start(), offset + m.end(), here, section, n, n))
    return out


# --- scoring -----------------------------------------------------------------------------------


class _Tally:
    """Points and the phrases behind them, per role."""

    def __init__(self) -> None:
        self.points: dict[str, float] = defaultdict(float)
        self.phrases: dict[str, dict[str, Phrase]] = defaultdict(dict)

    def credit(self, role_id: str, amount: float, text: str, where: str) -> None:
        """Credit ``amount``; a phrase counts once per role, at its best."""
        if amount <= 0:
            return
        key = " ".join(fold(text).split())
        old = self.phrases[role_id].get(key)
        if old is not None and old.points >= amount:
            return
        self.points[role_id] += amount - (old.points if old is not None else 0.0)
        self.phrases[role_id][key] = Phrase(text=text, where=where, points=round(amount, 2))


def _span(text: str, toks: Sequence[_Tok], first: int, last: int) -> str:
    return " ".join(text[toks[first].start : toks[last].end].split())


def _title_names(reader: _Reader, title: str, toks: list[_Tok], tally: _Tally) -> list[_Tok]:
    """Role names in the title line: as written, or every word present; the most specific win.

    An exact name beats a name whose words are apart and share a word with it
    ("Sales Engineer, Data Platform" is a sales engineer, not a data platform
    engineer); a name whose words a more specific one contains is dropped ("ML
    platform engineer" over "ML engineer"); of two exact names of different roles
    the first in the title is the job ("Product Manager, Data Science Platform").
    Returns the title's words outside any exact name: the skill words among them count.
    """
    found: list[tuple[int, frozenset[str], str, bool, str]] = []  # (position, words, role, exact, shown)
    if not _shouted(title):  # in a title all in capitals, "DE" may be the French word
        for n, m in enumerate(word_pattern().finditer(title)):
            role_id = reader.short_names.get(m.group())
            if role_id is not None:
                found.append((n, frozenset((m.group(),)), role_id, True, m.group()))
    toks = [t for t in toks if t.word not in reader.fillers]
    present = {t.word for t in toks}
    named = list(reader.name_phrases.find(toks))
    at = {phrase: toks[first].start for first, _, phrase in named}
    inside = {i for first, last, _ in named for i in range(first, last + 1)}
    spans = {phrase: _span(title, toks, first, last) for first, last, phrase in named}
    for phrase, role_id in reader.names.items():
        if phrase in at:
            found.append((at[phrase], frozenset(phrase), role_id, True, spans[phrase]))
        elif len(phrase) > 1 and set(phrase) <= present:
            found.append((len(title), frozenset(phrase), role_id, False, _apart(title, toks, phrase)))
    exact = [(words, role_id) for _, words, role_id, is_exact, _ in found if is_exact]
    kept = [f for f in found if f[3] or not any(f[1] & words for words, role_id in exact if role_id != f[2])]
    kept = [f for f in kept if not any(f[1] < other[1] for other in kept)]
    best: dict[str, tuple[float, int, str]] = {}
    for position, _words, role_id, is_exact, shown in sorted(kept, key=lambda f: f[0]):
        if is_exact:
            later = any(b[1] < position and b[0] >= TITLE_NAME_POINTS - 1 for b in best.values())
            points = TITLE_NAME_POINTS - (1.0 if later else 0.0)
        else:
            points = TITLE_BAG_POINTS
        if points > best.get(role_id, (0.0, 0, ""))[0]:
            best[role_id] = (points, position, shown)
    for role_id, (points, _position, shown) in best.items():
        tally.credit(role_id, points, shown, TITLE)
    for first, last, phrase in reader.keyword_phrases.find(toks):
        if first in inside or last in inside:
            continue  # "ML platform" inside "ML platform engineer"
        for role_id in reader.keywords[phrase]:
            tally.credit(role_id, TITLE_KEYWORD_POINTS, _span(title, toks, first, last), TITLE)
    return [t for i, t in enumerate(toks) if i not in inside]


def _apart(title: str, toks: Sequence[_Tok], phrase: tuple[str, ...]) -> str:
    """The words of ``phrase`` as the title has them, in its order: "Engineer … Machine Learning"."""
    wanted, picked = set(phrase), list[int]()
    for i, tok in enumerate(toks):
        if tok.word in wanted:
            wanted.discard(tok.word)
            picked.append(i)
    runs: list[list[int]] = []
    for i in picked:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return " … ".join(_span(title, toks, run[0], run[-1]) for run in runs)


Cues = dict[int, list[tuple[int, str]]]
Verbs = dict[int, list[tuple[int, int, float]]]


def _marks(reader: _Reader, toks: Sequence[_Tok]) -> tuple[Cues, Verbs]:
    """Per clause, the role cues and the verbs in it: ``(position of their last word, kind or weight)``."""
    cues: Cues = defaultdict(list)
    for first, last, phrase in reader.cue_phrases.find(toks):
        cues[toks[first].clause].append((last, reader.cues[phrase]))
    verbs: Verbs = defaultdict(list)
    for first, last, phrase in reader.verb_phrases.find(toks):
        verbs[toks[first].clause].append((first, last, reader.verbs[phrase]))
    return cues, verbs


def _cue_before(cues: Cues, tok: _Tok, at: int) -> str | None:
    """The role cue nearest before position ``at`` in the clause of ``tok``."""
    kinds = [kind for pos, kind in cues.get(tok.clause, ()) if pos < at]
    return kinds[-1] if kinds else None


def _clause_weight(verbs: Verbs, tok: _Tok, first: int, last: int) -> float:
    """The weight of the verb nearest before words ``first..last`` in their clause, else of the
    first verb after them ("Kubernetes is a plus"), else 1."""
    marks = verbs.get(tok.clause, [])
    before = [weight for _, end, weight in marks if end < first]
    if before:
        return before[-1]
    after = [weight for start, _, weight in marks if start > last]
    return after[0] if after else 1.0


def _body(
    reader: _Reader, text: str, toks: list[_Tok], tally: _Tally, ignored: list[Ignored]
) -> dict[tuple[str, ...], tuple[float, str, str]]:
    """Role names and keywords of the body into ``tally``; the skill words found, at their best weight."""
    cues, verbs = _marks(reader, toks)
    weight_of = reader.section_weight
    taken: set[int] = set()
    for first, last, phrase in reader.name_phrases.find(toks):
        tok, role_id = toks[first], reader.names[phrase]
        taken.update(range(first, last + 1))
        shown = _span(text, toks, first, last)
        section = weight_of.get(tok.section, 1.0)
        cue = _cue_before(cues, tok, first)
        after = toks[last + 1] if last + 1 < len(toks) and toks[last + 1].clause == tok.clause else None
        if cue == "own":
            tally.credit(role_id, OWN_NAME_POINTS * section, shown, tok.section)
        elif cue == "colleague":
            ignored.append(Ignored(text=shown, where=tok.section, role_id=role_id, why="a colleague"))
        elif after is not None and after.word in reader.team_words:
            ignored.append(Ignored(text=shown, where=tok.section, role_id=role_id, why="another team"))
        else:
            said = fold(text[toks[last].start : toks[last].end])
            named = fold(reader.shown[phrase]).split()[-1]
            plural = said != named and said.endswith("s")
            points = PLURAL_NAME_POINTS if plural else BODY_NAME_POINTS
            tally.credit(role_id, points * section, shown, tok.section)
    for first, last, phrase in reader.keyword_phrases.find(toks, gap=KEYWORD_GAP):
        if first in taken or last in taken:
            continue
        tok = toks[first]
        amount = KEYWORD_POINTS * weight_of.get(tok.section, 1.0) * _clause_weight(verbs, tok, first, last)
        for role_id in reader.keywords[phrase]:
            tally.credit(role_id, amount, _span(text, toks, first, last), tok.section)
    found: dict[tuple[str, ...], tuple[float, str, str]] = {}
    for first, last, phrase in reader.skill_phrases.find(toks):
        tok = toks[first]
        weight = weight_of.get(tok.section, 1.0) * _clause_weight(verbs, tok, first, last)
        if phrase in reader.weak_words:
            weight *= WEAK_WORD
        if weight > found.get(phrase, (0.0, "", ""))[0]:
            found[phrase] = (weight, tok.section, _span(text, toks, first, last))
    return found


def _said(reader: _Reader, phrase: tuple[str, ...], written: str) -> str:
    """How a skill word is named in the evidence: as the text wrote it when that is another script
    (квантизация, not the catalogue's "quantization"), else the catalogue's own form."""
    return written.lower() if not written.isascii() else reader.skill_shown[phrase]


def _skill_points(
    reader: _Reader, catalog: Catalog, found: dict[tuple[str, ...], tuple[float, str, str]], tally: _Tally
) -> None:
    """Credit each role by how closely its requirements match the mix of skill words in the text."""
    mix: dict[str, float] = defaultdict(float)
    words_of: dict[str, list[str]] = defaultdict(list)
    for phrase, (weight, _where, written) in sorted(found.items(), key=lambda item: -item[1][0]):
        for skill_id in reader.skill_words[phrase]:
            mix[skill_id] += weight
            words_of[skill_id].append(_said(reader, phrase, written))
    mix = {s: min(SKILL_WORD_CAP, w) for s, w in mix.items() if w > 0}
    strength = sum(mix.values())
    if strength <= 0:
        return
    norm = math.sqrt(sum(w * w for w in mix.values()))
    scale = SKILL_POINTS * min(1.0, strength / SKILL_EVIDENCE_FULL)
    for role in catalog.roles:
        need = reader.requirements[role.id]
        size = math.sqrt(sum(v * v for v in need.values()))
        if size <= 0:
            continue
        cosine = sum(w * need.get(s, 0.0) for s, w in mix.items()) / (norm * size)
        top = sorted(mix, key=lambda s: -mix[s] * need.get(s, 0.0))[:2]
        words = list(dict.fromkeys(w for s in top for w in words_of[s]))[:4]  # two spellings, one word
        mix_words = _("skill mix: {words}").format(words=", ".join(words))
        tally.credit(role.id, scale * cosine, mix_words, "skills")


def _seniority(
    reader: _Reader, catalog: Catalog, title: str, toks: list[_Tok]
) -> tuple[Seniority | None, tuple[str, ...]]:
    """The seniority group the title line points to, and its words there.

    Only the title counts: "you will lead..." in an advert's body says little.
    The group that moves levels most wins; a tie goes to the later (more senior) group.
    """
    hits: list[tuple[int, str]] = []
    for m in word_pattern().finditer(title):
        group = reader.short_seniority.get(m.group().casefold())
        if group is not None:
            hits.append((group, m.group()))
    for first, last, phrase in reader.seniority_phrases.find(toks):
        hits.append((reader.seniority[phrase], _span(title, toks, first, last)))
    if not hits:
        return None, ()
    best = max((g for g, _ in hits), key=lambda g: (abs(catalog.seniority[g].shift), g))
    return catalog.seniority[best], tuple(dict.fromkeys(w for _, w in hits))


def decode_text(text: str, catalog: Catalog) -> Decoded:
    """Decode a title or advert; ``DecodeError`` if it names no role and no skill area."""
    if len(text) > MAX_TEXT_CHARS:
        raise DecodeError(
            ngettext(
                "the text is {count} character long; decode reads at most {limit}",
                "the text is {count} characters long; decode reads at most {limit}",
                len(text),
            ).format(count=number(len(text)), limit=number(MAX_TEXT_CHARS))
        )
    reader = _reader(catalog)
    title, title_written, body_written, sections, heading_words = _read(reader, text)
    title_toks = reader.same.toks(_compounds(reader.vocabulary, title_written))
    body_toks = reader.same.toks(_compounds(reader.vocabulary, body_written))
    title_found = bool(title_toks) or not title
    tally = _Tally()
    ignored: list[Ignored] = []
    rest = _title_names(reader, title, title_toks, tally)
    found = _body(reader, text, body_toks, tally, ignored)
    for first, last, phrase in reader.skill_phrases.find(rest):
        weight = TITLE_WEIGHT * (WEAK_WORD if phrase in reader.weak_words else 1.0)
        if weight > found.get(phrase, (0.0, "", ""))[0]:
            found[phrase] = (weight, TITLE, _span(title, rest, first, last))
    _skill_points(reader, catalog, found, tally)
    if not tally.points and not found:
        raise DecodeError(
            _(
                "decode found no role title and no skill keyword in the text; give a job title "
                "such as 'Senior ML Engineer' or paste the advert (see 'roleadvisor roles')"
            )
        )
    recognised, counted = heading_words, heading_words
    for written, read in ((title_written, title_toks), (body_written, body_toks)):
        known, words = _understood(reader, written, read)
        recognised, counted = recognised + known, counted + words
    trust = _trust(recognised, counted)
    points = tally.points
    order = sorted(points, key=lambda r: (-points[r], catalog.role_ids.index(r)))
    total = sum(points.values())
    top = max(points.values(), default=0.0)
    odds = {r: math.exp((points.get(r, 0.0) - top) / CONFIDENCE_SCALE) for r in catalog.role_ids}
    odds_total = sum(odds.values())
    guess = 1.0 / len(catalog.role_ids)
    matches = tuple(
        RoleMatch(
            role_id=r,
            score=round(points[r] / total, SCORE_DECIMALS) if total > 0 else 0.0,
            points=round(points[r], SCORE_DECIMALS),
            evidence=tuple(p.text for p in _best_first(tally.phrases[r].values())),
            confidence=round(trust * odds[r] / odds_total + (1.0 - trust) * guess, SCORE_DECIMALS),
            phrases=tuple(_best_first(tally.phrases[r].values())),
        )
        for r in order
        if points[r] > 0
    )
    group, seniority_words = _seniority(reader, catalog, title, title_toks)
    skill_words = _skill_words(reader, found)
    return Decoded(
        title=title,
        roles=matches,
        skills=_profile(catalog, matches, group, seniority_words, skill_words),
        seniority_shift=group.shift if group is not None else 0,
        seniority_words=seniority_words,
        seniority_min_weight=group.min_weight if group is not None else 2.0,
        title_found=title_found,
        sections=tuple(dict.fromkeys(sections)),
        ignored=tuple(ignored),
        little_evidence=_little(reader, matches, found),
        words=counted,
        recognised=recognised,
        little_understood=trust < 1.0,
    )


def _little(
    reader: _Reader, matches: tuple[RoleMatch, ...], found: dict[tuple[str, ...], tuple[float, str, str]]
) -> bool:
    """Whether the text gave little evidence: few points from role names and keywords for the best
    role, and few skill words other than generic ones."""
    named = sum(p.points for p in matches[0].phrases if p.where != "skills") if matches else 0.0
    weak = reader.weak_words
    specific = sum(1 for phrase, (weight, _, _) in found.items() if weight > 0 and phrase not in weak)
    return named < LITTLE_EVIDENCE and specific < LITTLE_SKILL_WORDS


@functools.cache
def _common_words() -> frozenset[str]:
    """The everyday words of English, Russian and Persian, as the text's words are read."""
    from roleadvisor.catalog.commonwords import ENGLISH, PERSIAN, RUSSIAN

    return frozenset(
        stem(w) for words in (ENGLISH, RUSSIAN, PERSIAN, _EVERYDAY) for w in words for w in fold(w).split()
    )


def _trust(recognised: int, counted: int) -> float:
    """How far the points are trusted: 1, or for a text of at least ``JUDGED_WORDS`` words of which
    less than ``UNDERSTOOD_LOW`` were recognised, the share recognised over ``UNDERSTOOD_LOW``."""
    if counted < JUDGED_WORDS or recognised >= UNDERSTOOD_LOW * counted:
        return 1.0
    return recognised / counted / UNDERSTOOD_LOW


def _weight(word: str) -> int:
    """How many words a word of the text counts as: none for a number; a run of a script written
    without spaces (Chinese, Japanese, Thai) one per two characters."""
    if word.isdigit():
        return 0
    if _UNSPACED.search(word):
        return (len(word) + 1) // 2
    return 1


def _understood(reader: _Reader, written: Sequence[_Tok], toks: Sequence[_Tok]) -> tuple[int, int]:
    """``(recognised, counted)``: of the words as written (numbers not counted), how many decode
    recognised: inside a role name, a role or skill keyword, a cue, a verb, a seniority word or a
    ``same`` form, or one of the title fillers, team words or everyday words."""
    known_words = reader.known_words
    hit = bytearray(tok.word in known_words for tok in written)
    for tok in toks:
        if tok.first != tok.last or tok.word != written[tok.first].word or tok.word in known_words:
            hit[tok.first : tok.last + 1] = b"\x01" * (tok.last + 1 - tok.first)
    for phrases in reader.known_phrases:
        for first, last, _phrase in phrases.find(toks):
            a, b = toks[first].first, toks[last].last
            hit[a : b + 1] = b"\x01" * (b + 1 - a)
    recognised = counted = 0
    for tok, known in zip(written, hit, strict=True):
        weight = _weight(tok.word)
        counted += weight
        recognised += weight if known else 0
    return recognised, counted


def _best_first(phrases: Iterable[Phrase]) -> list[Phrase]:
    return sorted(phrases, key=lambda p: -p.points)


def _skill_words(
    reader: _Reader, found: dict[tuple[str, ...], tuple[float, str, str]]
) -> dict[str, list[str]]:
    """The catalogue keywords of each skill area the text names (where they count at all): the
    catalogue's own forms, in every language, so that programs can rely on them."""
    out: dict[str, list[str]] = defaultdict(list)
    for phrase, (weight, _where, _written) in found.items():  # evidence quotes the text; not these
        if weight <= 0:
            continue
        for skill_id in reader.skill_words[phrase]:
            shown = reader.skill_shown[phrase]
            if shown not in out[skill_id]:
                out[skill_id].append(shown)
    return dict(out)


def _profile(
    catalog: Catalog,
    matches: tuple[RoleMatch, ...],
    group: Seniority | None,
    seniority_words: tuple[str, ...],
    skill_words: dict[str, list[str]],
) -> tuple[SkillAsk, ...]:
    top = catalog.scale.max
    leads = [m for m in matches if matches and m.points >= LEAD_SHARE * matches[0].points][:MAX_LEADS]
    one_word_floor = math.ceil(0.4 * top)
    many_words_floor = math.ceil(0.6 * top)
    shift = group.shift if group is not None else 0
    out: list[SkillAsk] = []
    for skill in catalog.skills:
        level, reasons = 0, list[str]()
        best_weight = 0.0
        for lead in leads:
            req = catalog.role(lead.role_id).requirement(skill.id)
            best_weight = max(best_weight, req.weight)
            needs = _("{role} needs {level}").format(role=lead.role_id, level=number(req.level))
            if req.level > level or not reasons:
                level = req.level
                reasons = [needs]
            elif req.level == level:
                reasons.append(needs)
        if group is not None and shift and leads and best_weight >= group.min_weight:
            moved = min(top, max(0, level + shift))
            if moved != level:
                sign = "+" if moved > level else "-"
                reasons.append(f"{'/'.join(seniority_words)}: {sign}{number(abs(moved - level))}")
                level = moved
        found = tuple(skill_words.get(skill.id, ()))
        if found:
            floor = many_words_floor if len(found) >= 3 else one_word_floor
            if level < floor:
                level = floor
                reasons.append(
                    ngettext(
                        "the text names {count} of its keywords: at least {level}",
                        "the text names {count} of its keywords: at least {level}",
                        len(found),
                    ).format(count=number(len(found)), level=number(floor))
                )
        out.append(SkillAsk(skill=skill.id, level=level, reasons=tuple(reasons), keywords=found))
    return tuple(out)
