"""The validated, frozen ``Catalog`` that the rest of roleadvisor uses. Stdlib only.

A ``Catalog`` is built by ``roleadvisor.catalog.loader`` once every cross
reference has been checked, either from the YAML files (validated with the
pydantic models of ``roleadvisor.catalog.files``) or from the validated-catalogue
cache (``roleadvisor.catalog.cache``); importing this module costs no pydantic.
"""

from __future__ import annotations

from dataclasses import field

from roleadvisor.records import record

RESOURCE_KINDS = ("book", "course", "video", "community", "practice", "article")


@record
class Resource:
    """A learning resource for some skill areas, suited to levels ``low``..``high``."""

    title: str
    kind: str
    skills: tuple[str, ...]
    low: int
    high: int
    url: str | None = None
    note: str | None = None
    language: str = "en"  # the language it is written or taught in (en, fa, ru, ...)
    translation_of: str | None = None  # the title of the resource it translates (one book, two editions)


@record
class Skill:
    """A skill area with one behavioural descriptor per scale level."""

    id: str
    title: str
    description: str
    levels: tuple[str, ...]
    keywords: tuple[str, ...] = ()

    def descriptor(self, level: int) -> str:
        """What a person at ``level`` can do in this skill."""
        return self.levels[level]


@record
class Stage:
    """A stage of the ML production cycle and the skill mix it needs."""

    id: str
    title: str
    description: str
    skill_mix: tuple[tuple[str, float], ...]
    owners: tuple[str, ...]


@record
class Requirement:
    """The level a role needs in one skill and how much that skill matters."""

    level: int
    weight: float


@record
class Role:
    """A role: what it is, where it works in the cycle and what it requires."""

    id: str
    title: str
    family: str
    aliases: tuple[str, ...]
    description: str
    stages: tuple[str, ...]
    requirements: tuple[tuple[str, Requirement], ...]
    keywords: tuple[str, ...] = ()
    translated_names: tuple[str, ...] = ()  # titles and aliases from the language overlays (i18n/)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the role goes by: id, title, aliases, and its names in other languages."""
        return (self.id, self.title, *self.aliases, *self.translated_names)

    def requirement(self, skill_id: str) -> Requirement:
        """The requirement for ``skill_id`` (every role lists every skill)."""
        return dict(self.requirements)[skill_id]


@record
class Scale:
    """The rating scale: levels 0..max, each with a label."""

    version: int
    max: int
    labels: tuple[str, ...]

    @property
    def levels(self) -> range:
        """Every valid level, lowest first."""
        return range(self.max + 1)


@record
class Seniority:
    """Words that mark a seniority (``"staff"``) and how far they shift required levels.

    The shift moves the levels of the skills a role weights at least ``min_weight``
    (2: important and defining skills; 3: defining skills only), within the scale.
    """

    shift: int
    words: tuple[str, ...]
    min_weight: float = 2.0


@record
class Section:
    """A kind of advert section (``duties``), the headings that open it and how much its words count."""

    id: str
    weight: float
    headings: tuple[str, ...]


@record
class Reading:
    """How ``decode`` reads an advert: the catalogue's ``decode.yaml`` (all empty without one).

    ``same``: groups of forms read alike, each read as its first (``ML`` and
    ``machine learning``). ``sections``: advert sections and their weights.
    ``own_cues`` / ``colleague_cues``: words before a role name that make it the
    job's own role (``as a``) or a colleague's (``work with``); ``team_words``
    after a role name make it another team (``team``). ``strong_verbs`` /
    ``weak_verbs``: a clause with one is the job's own work (``build``) or only
    contact or a wish (``work with``, ``a plus``). ``weak_words``: generic words
    (``cloud``, ``kubernetes``) that give little evidence for a role on their own.
    ``title_fillers``: words of a title that say nothing about the role
    (``software`` in "AI Software Engineer").
    """

    same: tuple[tuple[str, ...], ...] = ()
    sections: tuple[Section, ...] = ()
    own_cues: tuple[str, ...] = ()
    colleague_cues: tuple[str, ...] = ()
    team_words: tuple[str, ...] = ()
    strong_verbs: tuple[str, ...] = ()
    weak_verbs: tuple[str, ...] = ()
    weak_words: tuple[str, ...] = ()
    title_fillers: tuple[str, ...] = ()


# the fields of ``Reading`` (and keys of decode.yaml) that are lists of words
READING_WORD_LISTS = (
    "own_cues",
    "colleague_cues",
    "team_words",
    "strong_verbs",
    "weak_verbs",
    "weak_words",
    "title_fillers",
)


@record
class Band:
    """A readiness band: the first band whose conditions a role's result meets names it."""

    id: str
    label: str
    min_fit: float
    max_critical_gaps: int | None  # None: any number
    meaning: str


DEFAULT_BANDS = (
    Band("ready", "ready", 0.95, 0, "you could do this job now"),
    Band("close", "close", 0.85, 0, "a few focused steps away"),
    Band("stretch", "stretch", 0.65, None, "a real stretch: months of learning"),
    Band("far", "far", 0.0, None, "a long way off: build the foundations first"),
)


@record
class Ranking:
    """How roles are ranked and how readiness is worded (the catalogue's ``advice`` section).

    A *critical gap* is a shortfall of at least ``critical_levels`` levels on a
    skill whose weight is at least ``critical_weight`` (a defining skill). Each
    one lowers a role's match by ``critical_penalty``, and by as much again for
    every further level short.
    """

    critical_weight: float = 3.0
    critical_levels: int = 2
    critical_penalty: float = 0.1
    bands: tuple[Band, ...] = DEFAULT_BANDS

    def band(self, fit: float, critical_gaps: int) -> Band:
        """The first band whose minimum fit and critical-gap limit the result meets.

        Fits are compared in whole percent, as people read them: a fit shown as
        85% is in a band that starts at 85%.
        """
        shown = round(fit * 100)
        for band in self.bands:
            if shown >= round(band.min_fit * 100) and (
                band.max_critical_gaps is None or critical_gaps <= band.max_critical_gaps
            ):
                return band
        return self.bands[-1]

    def is_last(self, fit: float, critical_gaps: int) -> bool:
        """Whether the result falls in the last band (*far* in the built-in catalogue)."""
        return self.band(fit, critical_gaps) is self.bands[-1]


@record
class Catalog:
    """A validated catalogue: skills, scale, stages and roles, in file order."""

    version: str
    scale: Scale
    skills: tuple[Skill, ...]
    stages: tuple[Stage, ...]
    roles: tuple[Role, ...]
    seniority: tuple[Seniority, ...] = ()
    resources: tuple[Resource, ...] = ()
    ranking: Ranking = Ranking()
    reading: Reading = Reading()
    source: str = "built-in"
    # The catalogue's text in other languages (``i18n/<lang>.yaml``): per language,
    # (key, text) pairs such as ("roles.data-scientist.title", "Дата-сайентист").
    texts: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    _skill_index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._skill_index.update({skill.id: i for i, skill in enumerate(self.skills)})

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Skill ids in catalogue order."""
        return tuple(skill.id for skill in self.skills)

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Role ids in catalogue order."""
        return tuple(role.id for role in self.roles)

    def skill(self, skill_id: str) -> Skill:
        """The skill with this exact id."""
        return self.skills[self._skill_index[skill_id]]

    def role(self, role_id: str) -> Role:
        """The role with this exact id."""
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the catalogue has text in: English, then its overlays."""
        return ("en", *(lang for lang, _ in self.texts if lang != "en"))

    def translations(self, language: str) -> dict[str, str]:
        """The catalogue's texts in ``language`` by key (empty for a language it lacks, and for
        English unless the catalogue was localized: ``localize`` keeps the English text as "en")."""
        for lang, pairs in self.texts:
            if lang == language:
                return dict(pairs)
        return {}

    def stage(self, stage_id: str) -> Stage:
        """The stage with this exact id."""
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)
