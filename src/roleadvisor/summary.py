"""A short plain-language account of an assessment, shared by the text renderers."""

from __future__ import annotations

from roleadvisor.advice import Moves
from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Assessment


def percent(fit: float) -> str:
    """``0.9149`` -> ``"91%"``."""
    return f"{round(fit * 100):d}%"


def summary_sentences(assessment: Assessment, catalog: Catalog) -> list[str]:
    """Where the person stands: best roles, the first gap to close, strongest stages."""
    roles = assessment.roles
    if not roles:
        return []
    best = roles[0]
    best_role = catalog.role(best.role_id)
    out: list[str] = []
    others = [f"{catalog.role(r.role_id).title} ({percent(r.fit)})" for r in roles[1:3]]
    sentence = f"Your closest match is {best_role.title} at {percent(best.fit)}"
    if others:
        sentence += ", followed by " + " and ".join(others)
    out.append(sentence + ".")
    if best.gaps:
        gap = best.gaps[0]
        skill = catalog.skill(gap.skill)
        out.append(
            f"The largest gap for {best_role.title} is {skill.title.lower()} "
            f"(you rated {gap.have}, the role needs {gap.need}): at level {gap.need} a person "
            f"{_lower_first(skill.descriptor(gap.need))}"
        )
    else:
        out.append(f"You meet every requirement of {best_role.title}.")
    if len(roles) > 1 and roles[1].fit >= best.fit - 0.02:
        out.append(
            f"{best_role.title} and {catalog.role(roles[1].role_id).title} are nearly tied: "
            "weigh what each role does day to day before choosing."
        )
    if assessment.stages:
        strong = catalog.stage(assessment.stages[0].stage_id).title
        weak = catalog.stage(assessment.stages[-1].stage_id).title
        out.append(
            f"In the production cycle you are strongest in {strong.lower()} and weakest in {weak.lower()}."
        )
    return out


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _points(value: float) -> str:
    return f"{value:g} point{'s' if value != 1 else ''}"


def tradeoff_sentences(moves: Moves, catalog: Catalog) -> list[str]:
    """One sentence for *use what you have* and one for *highest ceiling*."""
    use, ceiling = moves.use_what_you_have, moves.highest_ceiling
    use_title = catalog.role(use.role_id).title
    first = (
        f"Use what you have: {use_title} fits you best ({percent(use.fit)}) with "
        f"{_points(use.learning)} of new learning, so you can do it now and deepen strengths you already use."
    )
    if ceiling.role_id == use.role_id:
        second = (
            f"Highest ceiling: no other role is within reach of {use_title}, "
            "so grow in it before exploring a new area."
        )
    else:
        second = (
            f"Highest ceiling: {catalog.role(ceiling.role_id).title} ({percent(ceiling.fit)}) asks for "
            f"{_points(ceiling.learning)} of new learning, a bigger stretch that builds new strengths "
            "at the cost of time before you are fully productive."
        )
    return [first, second]
