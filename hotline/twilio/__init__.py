"""Twilio webhooks: the only package that imports the Twilio SDK."""

from flask import Blueprint

bp = Blueprint("twilio", __name__, url_prefix="/twilio")

from hotline.twilio import routes  # noqa: E402,F401  (registers the views on bp)
