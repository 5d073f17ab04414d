"""What a resident is told after reporting, in their language (gettext catalogs)."""

from __future__ import annotations

from flask_babel import force_locale, gettext

from hotline.languages import supported
from hotline.models import Report

FRANK = "0300 123 6600"


def next_steps(report: Report) -> str:
    """One or two sentences on what happens next for this report's category."""
    if report.category == "environment":
        return gettext("The council's street team will deal with it.")
    if report.category == "treatment":
        return gettext(
            "The drug service will read it in confidence. For help tonight call FRANK free "
            "on %(number)s.", number=FRANK)
    if report.category == "intelligence":
        return gettext("It goes to the police without your name or number: we do not keep them.")
    if report.category == "other":
        return gettext("A volunteer from the forum will read it.")
    return gettext("It will be passed to the right service.")


def report_reply(report: Report, language: str | None = None) -> str:
    """The SMS/voice acknowledgement, in the report's language unless one is given."""
    with force_locale(supported(language or report.language)):
        parts = []
        if report.urgent:
            parts.append(gettext("If someone is in danger now, call 999."))
        parts.append(gettext("Thank you. Your reference is %(reference)s.",
                             reference=report.reference))
        parts.append(next_steps(report))
        return " ".join(parts)


def help_reply() -> str:
    return gettext(
        "This is the community drugs hotline. Text what you see and where, and we pass it to "
        "the council, the drug service or the police. In danger now? Call 999.")


def empty_reply() -> str:
    return gettext("Please text a few words about what is happening and where.")
