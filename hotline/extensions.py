"""Flask extensions, created unbound and set up by the app factory."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
login_manager.login_view = "staff.login"
login_manager.login_message = "Please log in to see your queue."
