"""The one path every report takes in: store it, then classify and route it."""

from __future__ import annotations

from flask import current_app

from hotline.db import db
from hotline.models import ClassificationState, Report
from hotline.reports import Submission, classify_and_route, submit_report
from hotline.routing import Deployment


def deployment() -> Deployment:
    return current_app.extensions["hotline.deployment"]


def classify(text: str, channel: str):
    return current_app.extensions["hotline.classifier"].classify(text, channel)


def receive(submission: Submission) -> tuple[Report, bool]:
    """Store the report (committed), then classify and route it. A duplicate webhook gets
    the first report back, classified again only if that had failed."""
    report, created = submit_report(db.session, submission, deployment().reference_prefix)
    if report.classification_state != ClassificationState.DONE:
        classify_and_route(db.session, report, classify, deployment())
    return report, created
