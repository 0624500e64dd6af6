"""``roleadvisor assess``: gather the ratings, score them, build the report contract."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from roleadvisor.advice import advise
from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog
from roleadvisor.contracts.assess import AssessReport, build_assess
from roleadvisor.engine import Model, assess
from roleadvisor.errors import OutputIOError, RatingError, Terminated, UsageError
from roleadvisor.i18n import _, ngettext
from roleadvisor.output import note, warn
from roleadvisor.profile import Profile, profile_text, read_profile
from roleadvisor.ratings import HalfLevel, half_level_note, noting_half_levels, parse_rate_options
from roleadvisor.records import record


@record
class AssessOptions:
    """What the command line asked for."""

    rates: tuple[str, ...]
    profile: Path | None
    top: int | None
    interactive: bool
    target: str | None = None
    prefer: str | None = None
    save_profile: Path | None = None


def _kind_named(name: str) -> str:
    """A resource kind named in the reader's language (``курс``, ``کتاب``) as its id; else ``name``."""
    from roleadvisor.contracts.words import kind
    from roleadvisor.text import fold

    shown = {fold(kind(k)): k for k in RESOURCE_KINDS}
    return shown.get(fold(name), name)


def parse_prefer(value: str | None, language: str = "en") -> tuple[str, ...]:
    """``--prefer``: resource kinds and languages, in the order given; unknown ones are an error.

    ``"ru,video"`` -> ``("ru", "video")``. With no language named, ``language`` (the
    interface language) is the last preference: ``"video"`` -> ``("video", language)``
    (videos first, in that language first among them).
    ``roleadvisor.resources.pick_resources`` tells the kinds and the languages apart.
    """
    from roleadvisor.i18n import LANGUAGES

    wanted: list[str] = []
    for part in (value or "").split(","):
        name = part.strip().lower()
        if not name:
            continue
        name = _kind_named(name)
        if name not in RESOURCE_KINDS and name not in LANGUAGES:
            from roleadvisor.i18n import _
            from roleadvisor.lookup import did_you_mean

            hint = did_you_mean(name[:100], (*RESOURCE_KINDS, *LANGUAGES))
            fields = {
                "value": part.strip()[:40],
                "hint": hint,
                "kinds": ", ".join(RESOURCE_KINDS),
                "languages": ", ".join(LANGUAGES),
            }
            if hint:
                message = _(
                    "--prefer: unknown resource kind or language {value!r}; did you mean {hint!r}? "
                    "(kinds: {kinds}; languages: {languages})"
                )
            else:
                message = _(
                    "--prefer: unknown resource kind or language {value!r} "
                    "(kinds: {kinds}; languages: {languages})"
                )
            raise UsageError(message.format(**fields))
        if name not in wanted:
            wanted.append(name)
    if not any(name in LANGUAGES for name in wanted):
        wanted.append(language)
    return tuple(wanted)


def gather_profile(
    catalog: Catalog, options: AssessOptions, halves: list[HalfLevel] | None = None
) -> Profile:
    """Ratings from the profile file, overridden by --rate, completed by prompting.

    With ``save_profile`` the complete profile is then written there. Answers typed at the
    prompt are never lost: if input ends, Ctrl-C (or SIGTERM) stops the prompt, or the
    profile cannot be saved, they are kept in a file (see ``keep_answers``). Each rating
    given halfway between two levels and kept (not overridden by ``--rate``) is added
    to ``halves``: it was read as the level below.
    """
    noted: dict[str, HalfLevel] = {}
    check_save_path(options.save_profile)
    name: str | None = None
    ratings: dict[str, int] = {}
    typed: dict[str, int] = {}
    reads_stdin = options.profile is not None and str(options.profile) == "-"
    if options.profile is not None:
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        with noting_half_levels() as from_file:
            loaded = read_profile(options.profile, catalog, stdin)
        noted.update((h.skill, h) for h in from_file)
        name = loaded.name
        ratings.update(loaded.ratings)
    with noting_half_levels() as from_rates:
        rates = parse_rate_options(options.rates, catalog)
    for skill in rates:  # --rate wins over the file, half level or not
        noted.pop(skill, None)
    noted.update((h.skill, h) for h in from_rates)
    ratings.update(rates)
    missing = [skill for skill in catalog.skill_ids if skill not in ratings]
    if missing and options.interactive and not reads_stdin:
        from roleadvisor.interactive import ask_ratings
        from roleadvisor.output import stderr_console

        try:
            with noting_half_levels() as from_prompt:
                ask_ratings(catalog, missing, stderr_console(), answers=typed)
        except (RatingError, KeyboardInterrupt, Terminated):  # input ended, Ctrl-C, SIGTERM
            keep_answers(catalog, Profile(name=name, ratings={**ratings, **typed}), typed, options)
            raise
        noted.update((h.skill, h) for h in from_prompt)
        ratings.update(typed)
        missing = []
    if missing:
        example = " ".join(f"--rate {skill}=N" for skill in missing[:3]) + (
            " ..." if len(missing) > 3 else ""
        )
        raise RatingError(
            ngettext(
                "missing rating for {skills}; pass {example} or a --profile file "
                "(prompting only happens on a terminal)",
                "missing ratings for {skills}; pass {example} or a --profile file "
                "(prompting only happens on a terminal)",
                len(missing),
            ).format(skills=", ".join(missing), example=example)
        )
    profile = Profile(name=name, ratings={skill: ratings[skill] for skill in catalog.skill_ids})
    if halves is not None:
        halves.extend(noted[skill] for skill in catalog.skill_ids if skill in noted)
    if options.save_profile is not None:
        try:
            save_profile(catalog, profile, options.save_profile)
        except OutputIOError:
            keep_answers(catalog, profile, typed, options, into_save_path=False)
            raise
    return profile


def check_save_path(path: Path | None) -> None:
    """Refuse a ``--save-profile`` that cannot be written before anyone answers a question."""
    if path is None:
        return
    if str(path) == "-":
        raise UsageError(
            _(
                "--save-profile -: stdout carries the report, so the profile needs a file; "
                "for example --save-profile me.yaml"
            )
        )
    if path.is_dir():
        raise OutputIOError(_("{path}: cannot write: is a directory").format(path=path))
    directory = path.resolve().parent if path.is_symlink() else path.parent
    if not directory.is_dir():
        raise OutputIOError(
            _("{path}: cannot write: directory {directory} does not exist").format(
                path=path, directory=directory
            )
        )


def _is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def save_profile(catalog: Catalog, profile: Profile, path: Path) -> None:
    """Write the complete ``profile`` to ``path`` atomically (replacing it), as ``--profile`` reads it."""
    from roleadvisor.output import write_file

    write_file(path, profile_text(profile, catalog, as_json=_is_json(path)))
    note(
        _("Saved profile to {path}; reuse it with --profile {quoted}").format(path=path, quoted=_quoted(path))
    )


def _continue_command(path: str) -> str:
    """The command that goes on where the prompt stopped, in the language it was asked in."""
    from roleadvisor import i18n

    lang = f"--lang {i18n.current()} " if i18n.current() != i18n.ENGLISH else ""
    command = f"roleadvisor {lang}assess --profile {_quoted(path)}"
    return command.replace(" ", "\xa0")  # one piece on a terminal (see output.note)


def _quoted(path: Path | str) -> str:
    import shlex

    return shlex.quote(str(path))


def _same_file(one: Path, other: Path | None) -> bool:
    if other is None or str(other) == "-":
        return False
    try:
        return one.samefile(other)
    except OSError:
        return False


def keep_answers(
    catalog: Catalog,
    profile: Profile,
    typed: dict[str, int],
    options: AssessOptions,
    *,
    into_save_path: bool = True,
) -> Path | None:
    """Write a profile holding the answers typed so far (and the --profile/--rate ratings); name it on stderr.

    Nothing is written when nothing was typed (nothing would be lost). The file is
    ``--save-profile`` when that names no file yet, or names the ``--profile`` file being
    continued; otherwise a new ``roleadvisor-answers-<time>.yaml`` in the current
    directory (else the temporary directory). No other existing file is ever replaced.
    A failure to write is a warning: it never hides why the prompt stopped.
    """
    if not typed:
        return None
    missing = [skill for skill in catalog.skill_ids if skill not in profile.ratings]
    save = options.save_profile if into_save_path else None
    as_json = save is not None and _is_json(save)
    text = profile_text(profile, catalog, as_json=as_json, missing=missing)
    why = ""
    try:
        written, why = _keep_in_save_path(save, text, options.profile) if save is not None else (None, "")
        if written is None:
            written = _write_new_answers_file(text, suffix=".json" if as_json else ".yaml")
            shown = str(written) if written.is_absolute() else f"./{written}"
        else:
            shown = str(written)
    except (OSError, OutputIOError) as exc:
        detail = exc.message if isinstance(exc, OutputIOError) else (exc.strerror or str(exc))
        warn(_("could not save the answers typed so far: {detail}").format(detail=detail))
        return None
    note(
        _("answers so far saved to {path}{why}; continue with: {command}").format(
            path=shown, why=why, command=_continue_command(shown)
        )
    )
    return written


def _keep_in_save_path(save: Path, text: str, profile: Path | None) -> tuple[Path | None, str]:
    """``(save, "")`` once ``text`` is written there, else ``(None, " (why not)")``.

    ``save`` is replaced only when it is the ``--profile`` file being continued (whose
    ratings ``text`` holds); any other existing file is left alone.
    """
    try:
        if _same_file(save, profile):
            from roleadvisor.output import write_file

            write_file(save, text)
            return save, ""
        if _write_new(save, text):
            return save, ""
        return None, " (" + _("{path} already exists, so it was left as it was").format(path=save) + ")"
    except OutputIOError as exc:
        return None, f" ({exc.message})"
    except OSError as exc:
        return None, " (" + _("{path}: cannot write: {why}").format(path=save, why=exc.strerror or exc) + ")"


ANSWERS_FILE = "roleadvisor-answers-{stamp}{n}{suffix}"


def _write_new_answers_file(text: str, *, suffix: str) -> Path:
    """Write ``text`` to a new ``roleadvisor-answers-<time>.yaml`` here, else in the temporary directory."""
    import tempfile
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    problems: list[str] = []
    for directory in (Path(), Path(tempfile.gettempdir())):
        try:
            for number in range(1, 1000):
                path = directory / ANSWERS_FILE.format(
                    stamp=stamp, n="" if number == 1 else f"-{number}", suffix=suffix
                )
                if _write_new(path, text):
                    return path
        except OSError as exc:  # not writable (permissions, read-only, full): try the next place
            problems.append(f"{directory.resolve()}: {exc.strerror or exc}")
    raise OutputIOError(f"no directory to write to ({'; '.join(problems) or 'every name is taken'})")


def _write_new(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` only if nothing is there yet, atomically; ``False`` if something is.

    The text goes to a temporary file beside ``path``, which is then hard-linked to
    ``path`` (a link never replaces an existing file), so ``path`` never exists half
    written. Where hard links are not supported, the temporary file is renamed into
    place after checking that ``path`` is still free.
    """
    import tempfile

    from roleadvisor.output import utf8_bytes

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(utf8_bytes(text))
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            if path.exists() or path.is_symlink():
                return False
            tmp.replace(path)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def assess_report(catalog: Catalog, options: AssessOptions, warn_on_stderr: bool = True) -> AssessReport:
    """Score the profile the options describe; warn on stderr when the ranking is unreliable."""
    target = advert = None
    if options.target is not None:  # a role, or a saved decode (an advert) in an existing file
        from roleadvisor.commands.rank import resolve_target

        target, advert = resolve_target(options.target, catalog)
    from roleadvisor.i18n import current

    prefer = parse_prefer(options.prefer, current())  # resources in the reader's language first
    halves: list[HalfLevel] = []
    profile = gather_profile(catalog, options, halves)
    model = Model.from_catalog(catalog)
    assessment = assess(model, profile.ratings)
    if advert is not None:
        from roleadvisor.contracts.rank import advert_name
        from roleadvisor.rank import advert_role, advise_toward

        role = advert_role(catalog, advert.requirements, advert_name(advert.title))
        toward = advise_toward(model, catalog, profile.ratings, role, prefer=prefer, shown=options.top)
        report = build_assess(
            assessment,
            toward.catalog,
            name=profile.name,
            top=options.top,
            advice=toward.advice,
            outside=(toward.result, toward.rank),
        )
    else:
        advice = advise(model, catalog, profile.ratings, target=target, prefer=prefer, shown=options.top)
        report = build_assess(assessment, catalog, name=profile.name, top=options.top, advice=advice)
    if halves:  # said first: it changes what every number below means
        report.warnings = (*(half_level_note(h) for h in halves), *report.warnings)
    for message in report.warnings if warn_on_stderr else ():  # also in the report itself
        warn(message)
    return report
