"""Staff pages: log in, work your agency's queue, record what was done."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from hotline.staff import routes  # noqa: E402,F401
