from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from hotline.db import db
from hotline.extensions import login_manager
from hotline.models import Queue, Status
from hotline.reports import (
    NEXT_STATUSES,
    WorkflowError,
    agency_reports_query,
    change_status,
    report_for_staff,
    reroute,
)
from hotline.staff import bp
from hotline.staff.accounts import authenticate, load_user
from hotline.staff.forms import LoginForm, RerouteForm, StatusForm

login_manager.user_loader(load_user)
PAGE_SIZE = 50


def _safe_next(target: str | None) -> str:
    """Only follow `next` within this site, never to another host."""
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("staff.queue")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(form.next.data))
        flash("That e-mail and password do not match an active account.", "error")
    status = 400 if request.method == "POST" else 200
    return render_template("staff/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("staff.login"))


@bp.get("/")
@login_required
def queue():
    status = request.args.get("status") or None
    borough = request.args.get("borough") or None
    if status and status not in set(Status):
        abort(400, description="Unknown status filter.")
    page = request.args.get("page", default=1, type=int)
    query = agency_reports_query(current_user.agency_id, status, borough)
    reports = db.paginate(query, page=max(page, 1), per_page=PAGE_SIZE, error_out=False)
    boroughs = sorted({b for b in db.session.scalars(
        select(agency_reports_query(current_user.agency_id).subquery().c.borough).distinct()
    ) if b})
    return render_template("staff/queue.html", reports=reports, status=status,
                           borough=borough, statuses=list(Status), boroughs=boroughs)


def _visible_report(report_id: int):
    report = report_for_staff(db.session, report_id, current_user)
    if report is None:
        # Not found and not yours look the same: no hint that another agency's report exists.
        abort(404)
    return report


def _forms(report):
    status_form = StatusForm(prefix="status")
    status_form.status.choices = [SelectChoice(s, s) for s in NEXT_STATUSES[report.status]]
    reroute_form = RerouteForm(prefix="reroute")
    queues = db.session.scalars(select(Queue).order_by(Queue.id)).all()
    reroute_form.queue.choices = [SelectChoice(q.slug, q.name) for q in queues
                                  if q.id != report.queue_id]
    return status_form, reroute_form


def _page(report, status_form, reroute_form):
    return render_template("staff/report.html", report=report, status_form=status_form,
                           reroute_form=reroute_form)


@bp.get("/reports/<int:report_id>")
@login_required
def report(report_id: int):
    report = _visible_report(report_id)
    return _page(report, *_forms(report))


def _act(report_id: int, which: int, perform):
    """Validate one of the report page's two forms and run `perform(report, form)`, which
    returns (message, next URL); on a refused step show the page again with the reason."""
    report = _visible_report(report_id)
    forms = _forms(report)
    form = forms[which]
    if form.validate_on_submit():
        try:
            message, target = perform(report, form)
            flash(message, "ok")
            return redirect(target)
        except WorkflowError as error:
            flash(str(error), "error")
    return _page(report, *forms), 400


@bp.post("/reports/<int:report_id>/status")
@login_required
def update_status(report_id: int):
    def perform(report, form):
        change_status(db.session, report, form.status.data, form.note.data, current_user)
        return (f"Report {report.reference} is now {report.status}.",
                url_for("staff.report", report_id=report.id))
    return _act(report_id, 0, perform)


@bp.post("/reports/<int:report_id>/reroute")
@login_required
def reroute_report(report_id: int):
    def perform(report, form):
        reroute(db.session, report, form.queue.data, form.note.data, current_user)
        return f"Report {report.reference} moved to {report.queue.name}.", url_for("staff.queue")
    return _act(report_id, 1, perform)
