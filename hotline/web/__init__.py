"""Public pages: the home page and the web report form."""

from flask import Blueprint

bp = Blueprint("web", __name__)

from hotline.web import routes  # noqa: E402,F401
