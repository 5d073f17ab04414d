"""Use cases for reports: submit, classify and route, work the queue.

Routes call these; these call the pure core (`hotline.nlp`, `hotline.routing`) and the
database. A report is committed before anything that can fail runs, so a crash in
classification or in the reply never loses what a resident sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hotline.models import (
    ClassificationState,
    Queue,
    Report,
    ReportEvent,
    StaffUser,
    Status,
)
from hotline.references import new_reference
from hotline.routing import Deployment, decide

log = logging.getLogger(__name__)

MAX_BODY_CHARS = 2000
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.ACKNOWLEDGED, Status.CLOSED),
    Status.ACKNOWLEDGED: (Status.ACTIONED, Status.REFERRED, Status.CLOSED),
    Status.ACTIONED: (Status.CLOSED,),
    Status.REFERRED: (Status.CLOSED,),
    Status.CLOSED: (),
}


class WorkflowError(ValueError):
    """A status change or re-route the workflow does not allow."""


@dataclass(frozen=True)
class Submission:
    channel: str
    body: str
    dedupe_key: str | None = None
    chosen_category: str | None = None
    place_text: str | None = None
    language_hint: str | None = None
    medium: str | None = None


def clean_text(text: str | None, limit: int = MAX_BODY_CHARS) -> str:
    """Drop NUL and other control characters (PostgreSQL refuses NUL) and trim."""
    if not text:
        return ""
    kept = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return kept.strip()[:limit]


def find_duplicate(session: Session, dedupe_key: str | None) -> Report | None:
    if dedupe_key is None:
        return None
    return session.scalar(select(Report).where(Report.dedupe_key == dedupe_key))


def submit_report(session: Session, submission: Submission,
                  reference_prefix: str) -> tuple[Report, bool]:
    """Store a report and commit it. Returns (report, created); a retried webhook gets the
    report it created the first time."""
    existing = find_duplicate(session, submission.dedupe_key)
    if existing is not None:
        return existing, False
    for _attempt in range(5):
        report = Report(
            reference=new_reference(reference_prefix),
            channel=submission.channel,
            body=clean_text(submission.body),
            place_text=clean_text(submission.place_text, 200) or None,
            dedupe_key=submission.dedupe_key,
            chosen_category=submission.chosen_category,
            language=submission.language_hint,
            medium=submission.medium,
            status=Status.NEW,
            classification_state=ClassificationState.PENDING,
        )
        report.history.append(ReportEvent(kind="received", to_status=Status.NEW,
                                          note=f"received by {submission.channel}"))
        session.add(report)
        try:
            session.commit()
            return report, True
        except IntegrityError:
            session.rollback()
            existing = find_duplicate(session, submission.dedupe_key)
            if existing is not None:  # a concurrent retry won the race
                return existing, False
    raise RuntimeError("could not allocate a unique reference")


def classify_and_route(session: Session, report: Report, classify: Callable,
                       deployment: Deployment) -> Report:
    """Classify a stored report and put it in its queue; on failure it stays pending."""
    try:
        text = " ".join(filter(None, [report.body, report.place_text]))
        result = classify(text, report.channel)
        category = report.chosen_category or result.category
        also = tuple(c for c in result.also if c != category)
        decision = decide(category, also, result.urgent, result.borough, deployment)
        queue = session.scalar(select(Queue).where(Queue.slug == decision.queue))
        if queue is None:
            raise LookupError(f"queue {decision.queue!r} is not in the database: "
                              "run `hotline demo`")
    except Exception as error:  # noqa: BLE001 - any failure leaves the report safe to retry
        log.exception("classification failed for report %s", report.id)
        session.rollback()
        report.classification_state = ClassificationState.FAILED
        report.classification_error = f"{type(error).__name__}: {error}"[:300]
        session.commit()
        return report
    report.category = category
    report.also = list(also)
    report.confidence = result.confidence
    report.urgent = result.urgent
    report.language = report.language or result.language
    report.borough = result.borough
    report.queue = queue
    report.classification_state = ClassificationState.DONE
    report.classification_error = None
    report.history.append(ReportEvent(
        kind="routed", to_queue_id=queue.id,
        note=f"{category}{' (urgent)' if result.urgent else ''}, "
             f"confidence {result.confidence:.2f}",
    ))
    session.commit()
    return report


def reclassify_pending(session: Session, classify: Callable, deployment: Deployment) -> int:
    """Retry every report whose classification is pending or failed; returns how many."""
    waiting = session.scalars(
        select(Report).where(Report.classification_state != ClassificationState.DONE)
        .order_by(Report.id)
    ).all()
    done = 0
    for report in waiting:
        classify_and_route(session, report, classify, deployment)
        done += report.classification_state == ClassificationState.DONE
    return done


def agency_reports_query(agency_id: int, status: str | None = None, borough: str | None = None):
    """An agency's reports: urgent first, then oldest first (the order staff work them)."""
    query = (
        select(Report).join(Queue, Report.queue_id == Queue.id)
        .where(Queue.agency_id == agency_id)
    )
    if status:
        query = query.where(Report.status == status)
    if borough:
        query = query.where(Report.borough == borough)
    return query.order_by(case((Report.urgent, 0), else_=1), Report.created_at, Report.id)


def report_for_staff(session: Session, report_id: int, staff: StaffUser) -> Report | None:
    """The report if it sits in one of the staff member's agency queues, else None."""
    return session.scalar(
        select(Report).join(Queue, Report.queue_id == Queue.id)
        .where(Report.id == report_id, Queue.agency_id == staff.agency_id)
    )


def change_status(session: Session, report: Report, to_status: str, note: str,
                  staff: StaffUser) -> Report:
    allowed = NEXT_STATUSES.get(report.status, ())
    if to_status not in allowed:
        raise WorkflowError(f"a {report.status} report cannot become {to_status}")
    note = clean_text(note)
    if not note:
        raise WorkflowError("say what was done in a note")
    report.history.append(ReportEvent(kind="status", from_status=report.status,
                                      to_status=to_status, note=note, staff_id=staff.id))
    report.status = to_status
    session.commit()
    return report


def reroute(session: Session, report: Report, queue_slug: str, note: str,
            staff: StaffUser) -> Report:
    """Move a misclassified report to another queue; it starts there as new."""
    target = session.scalar(select(Queue).where(Queue.slug == queue_slug))
    if target is None:
        raise WorkflowError(f"no queue called {queue_slug!r}")
    if target.id == report.queue_id:
        raise WorkflowError("the report is already in that queue")
    note = clean_text(note)
    if not note:
        raise WorkflowError("say why the report is re-routed")
    report.history.append(ReportEvent(
        kind="rerouted", from_queue_id=report.queue_id, to_queue_id=target.id,
        from_status=report.status, to_status=Status.NEW, note=note, staff_id=staff.id,
    ))
    report.queue = target
    report.status = Status.NEW
    session.commit()
    return report
