"""Demo data: the deployment's agencies and queues, and one staff login per agency."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.models import Agency, Queue, StaffUser
from hotline.routing import Deployment
from hotline.staff.accounts import hash_password


def sync_agencies(session: Session, deployment: Deployment) -> None:
    """Create or update agencies and queues to match the deployment file."""
    agencies = {a.slug: a for a in session.scalars(select(Agency))}
    for spec in deployment.agencies:
        agency = agencies.get(spec.slug) or Agency(slug=spec.slug)
        agency.name, agency.boroughs = spec.name, list(spec.boroughs)
        session.add(agency)
        agencies[spec.slug] = agency
    session.flush()
    queues = {q.slug: q for q in session.scalars(select(Queue))}
    for rule in deployment.queues:
        queue = queues.get(rule.slug) or Queue(slug=rule.slug)
        queue.name, queue.agency = rule.name, agencies[rule.agency]
        session.add(queue)
    session.commit()


def load_demo(session: Session, deployment: Deployment) -> list[tuple[str, str, str]]:
    """Idempotent. Returns (agency, e-mail, password) for accounts created by this call only:
    passwords are random and shown once, never stored in clear."""
    sync_agencies(session, deployment)
    created = []
    for agency in session.scalars(select(Agency).order_by(Agency.id)):
        email = f"{agency.slug}@demo.hotline.invalid"
        if session.scalar(select(StaffUser).where(StaffUser.email == email)):
            continue
        password = secrets.token_urlsafe(12)
        session.add(StaffUser(email=email, name=f"Demo {agency.name}",
                              password_hash=hash_password(password), agency=agency))
        created.append((agency.name, email, password))
    session.commit()
    return created


def set_password(session: Session, email: str, password: str) -> bool:
    user = session.scalar(select(StaffUser).where(StaffUser.email == email))
    if user is None:
        return False
    user.password_hash = hash_password(password)
    session.commit()
    return True
