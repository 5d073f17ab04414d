"""Clear answers for bad requests: a page for people, plain text for Twilio, never a trace."""

from __future__ import annotations

import logging

from flask import render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request could not be understood. Please check what you sent and try again.",
    403: "You are not allowed to do that.",
    404: "There is nothing here.",
    405: "This address does not accept that kind of request.",
    413: "That is too much to send at once. Please keep reports short.",
}


def _answer(code: int, description: str | None):
    message = description or MESSAGES.get(code, "Something went wrong.")
    if request.path.startswith("/twilio/"):
        return message, code, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("error.html", code=code, message=message), code


def handle_http_error(error: HTTPException):
    description = error.description if error.code in (400, 403, 413) else None
    if error.code == 400 and "CSRF" in (error.description or ""):
        description = "This form has expired or was not sent from our site. Please try again."
    return _answer(error.code or 500, description)


def handle_unexpected(error: Exception):
    log.exception("unhandled error on %s", request.path)
    return _answer(500, "Sorry, something went wrong on our side. What you sent has been kept.")


def init_app(app) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected)
