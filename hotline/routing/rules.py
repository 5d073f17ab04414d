"""Routing rules as data: one TOML file per deployment names agencies, queues and boroughs.

Another borough sets up by writing its own file (see `hotline/deployments/`), not code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("environment", "treatment", "intelligence", "other")


class RulesError(ValueError):
    """The deployment file is missing something routing cannot do without."""


@dataclass(frozen=True)
class QueueRule:
    slug: str
    name: str
    agency: str
    categories: tuple[str, ...]
    boroughs: tuple[str, ...] = ()  # empty: any borough, the fallback for its categories


@dataclass(frozen=True)
class AgencySpec:
    slug: str
    name: str
    boroughs: tuple[str, ...]


@dataclass(frozen=True)
class Deployment:
    name: str
    reference_prefix: str
    agencies: tuple[AgencySpec, ...]
    queues: tuple[QueueRule, ...]

    def queue(self, slug: str) -> QueueRule:
        for rule in self.queues:
            if rule.slug == slug:
                return rule
        raise KeyError(slug)


@dataclass(frozen=True)
class RoutingDecision:
    queue: str
    urgent: bool
    # Queues the report may also concern: shown to the owning staff as possible referrals.
    suggested: tuple[str, ...] = ()

    @property
    def queues(self) -> list[str]:
        return [self.queue, *self.suggested]


def _queue_for(category: str, borough: str | None, rules: tuple[QueueRule, ...]) -> QueueRule:
    candidates = [rule for rule in rules if category in rule.categories]
    if not candidates:
        raise RulesError(f"no queue takes {category!r} reports")
    for rule in candidates:
        if borough and borough in rule.boroughs:
            return rule
    for rule in candidates:
        if not rule.boroughs:
            return rule
    return candidates[0]


def decide(category: str, also: tuple[str, ...] | list[str], urgent: bool,
           borough: str | None, deployment: Deployment) -> RoutingDecision:
    """Pick the owning queue for a category and borough, plus queues for `also` categories."""
    owner = _queue_for(category, borough, deployment.queues)
    suggested: list[str] = []
    for extra in also:
        if extra in CATEGORIES and extra != "other":
            slug = _queue_for(extra, borough, deployment.queues).slug
            if slug != owner.slug and slug not in suggested:
                suggested.append(slug)
    return RoutingDecision(queue=owner.slug, urgent=urgent, suggested=tuple(suggested))


def parse_deployment(data: dict) -> Deployment:
    """Build a Deployment from parsed TOML, checking every category has a fallback queue."""
    try:
        meta = data["deployment"]
        agencies = []
        queues = []
        for agency in data["agencies"]:
            agencies.append(AgencySpec(agency["slug"], agency["name"],
                                       tuple(agency.get("boroughs", ()))))
            for queue in agency["queues"]:
                unknown = set(queue["categories"]) - set(CATEGORIES)
                if unknown:
                    raise RulesError(f"queue {queue['slug']}: unknown categories {unknown}")
                queues.append(QueueRule(queue["slug"], queue["name"], agency["slug"],
                                        tuple(queue["categories"]),
                                        tuple(queue.get("boroughs", ()))))
    except (KeyError, TypeError) as error:
        raise RulesError(f"deployment file is missing {error}") from error
    deployment = Deployment(meta["name"], meta.get("reference_prefix", "HL"),
                            tuple(agencies), tuple(queues))
    for category in CATEGORIES:
        if not any(category in q.categories and not q.boroughs for q in deployment.queues):
            raise RulesError(f"no fallback queue (without boroughs) takes {category!r}")
    slugs = [q.slug for q in deployment.queues]
    if len(slugs) != len(set(slugs)):
        raise RulesError("queue slugs must be unique")
    return deployment


def load_deployment(path: Path) -> Deployment:
    with Path(path).open("rb") as file:
        return parse_deployment(tomllib.load(file))
