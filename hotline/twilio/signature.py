"""Refuse any webhook request that Twilio did not sign with our auth token."""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, request
from twilio.request_validator import RequestValidator


def is_signed_by_twilio(url: str, form, signature: str, auth_token: str) -> bool:
    if not signature:
        return False
    return RequestValidator(auth_token).validate(url, form, signature)


def twilio_signed(view):
    """Decorate a webhook view: 403 unless X-Twilio-Signature matches the request URL + form.

    Behind a TLS proxy, PROXY_FIX_HOPS makes request.url the https URL Twilio signed.
    """

    @wraps(view)
    def checked(*args, **kwargs):
        signature = request.headers.get("X-Twilio-Signature", "")
        token = current_app.config["TWILIO_AUTH_TOKEN"]
        if not is_signed_by_twilio(request.url, request.form, signature, token):
            abort(403, description="This address only accepts requests signed by Twilio.")
        return view(*args, **kwargs)

    return checked
