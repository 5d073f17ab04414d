from flask import redirect, render_template, session, url_for

from hotline.intake import receive
from hotline.replies import next_steps
from hotline.reports import Submission
from hotline.web import bp
from hotline.web.forms import ReportForm


@bp.get("/")
def index():
    return render_template("index.html")


@bp.route("/report", methods=["GET", "POST"])
def report():
    form = ReportForm()
    if form.validate_on_submit():
        report, _ = receive(Submission(
            channel="web",
            body=form.body.data,
            chosen_category=form.category.data or None,
            place_text=form.place.data,
        ))
        # The code travels in the signed session, not the URL: a confirmation page must not
        # let anyone who guesses an address read a report's category.
        session["received"] = {"reference": report.reference, "next": next_steps(report),
                               "urgent": report.urgent}
        return redirect(url_for("web.received"))
    status = 400 if form.errors else 200
    return render_template("report_form.html", form=form), status


@bp.get("/report/received")
def received():
    receipt = session.get("received")
    if not receipt:
        return redirect(url_for("web.report"))
    return render_template("report_received.html", receipt=receipt)
