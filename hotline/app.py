"""The application factory: configuration, extensions, blueprints and CLI in one place."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from dotenv import load_dotenv
from flask import Flask, request, session
from werkzeug.middleware.proxy_fix import ProxyFix

from hotline import db as database
from hotline.config import load_settings, normalise_database_url
from hotline.extensions import babel, csrf, login_manager
from hotline.languages import LANGUAGE_NAMES, LANGUAGES, text_direction
from hotline.routing import load_deployment

PROJECT_DIR = Path(__file__).resolve().parent.parent


class DropClientAddress(logging.Filter):
    """Access logs must not keep who reported: blank the client address in Werkzeug's lines.
    (The Procfile's gunicorn writes no access log at all.)"""

    LEADING_ADDRESS = re.compile(r"^\S+ - - \[")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self.LEADING_ADDRESS.sub("- - - [", record.msg)
        return True


class ClassifierHolder:
    """Loads the spaCy model once, on first use, and shares it between requests."""

    def __init__(self, model_dir: Path, loader=None):
        self.model_dir = model_dir
        self._loader = loader
        self._classifier = None
        self._lock = threading.Lock()

    def get(self):
        if self._classifier is None:
            with self._lock:
                if self._classifier is None:
                    if self._loader is None:
                        from hotline.nlp.classifier import Classifier
                        self._loader = Classifier.load
                    self._classifier = self._loader(self.model_dir)
        return self._classifier

    def classify(self, text: str, channel: str):
        return self.get().classify(text, channel)


def select_locale() -> str:
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        session["lang"] = chosen
        return chosen
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    return request.accept_languages.best_match(LANGUAGES) or "en"


def create_app(test_config: dict | None = None) -> Flask:
    load_dotenv(PROJECT_DIR / ".env")
    app = Flask(
        __name__,
        instance_path=str(PROJECT_DIR / "instance"),
        template_folder=str(PROJECT_DIR / "templates"),
        static_folder=str(PROJECT_DIR / "static"),
    )
    settings = load_settings(Path(app.instance_path))
    app.config.from_mapping(
        SECRET_KEY=settings.secret_key,
        SQLALCHEMY_DATABASE_URI=settings.database_url,
        MAX_CONTENT_LENGTH=settings.max_content_length,
        TWILIO_AUTH_TOKEN=settings.twilio_auth_token,
        TWILIO_ACCOUNT_SID=settings.twilio_account_sid,
        HOTLINE_ENV=settings.environment,
        HOTLINE_DEPLOYMENT=settings.deployment_file,
        HOTLINE_MODEL_DIR=settings.model_dir,
        MIGRATIONS_DIR=PROJECT_DIR / "migrations",
        BABEL_TRANSLATION_DIRECTORIES=str(PROJECT_DIR / "translations"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.environment == "production",
        WTF_CSRF_TIME_LIMIT=None,
    )
    if test_config:
        app.config.update(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"])
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if settings.proxy_fix_hops:
        # Behind a TLS proxy Twilio signs https://public-host/...: rebuild that URL.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxy_fix_hops,
                                x_proto=settings.proxy_fix_hops, x_host=settings.proxy_fix_hops,
                                x_port=settings.proxy_fix_hops)
    logging.basicConfig(level=logging.INFO)
    werkzeug_log = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropClientAddress) for f in werkzeug_log.filters):
        werkzeug_log.addFilter(DropClientAddress())

    database.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    app.extensions["hotline.deployment"] = load_deployment(app.config["HOTLINE_DEPLOYMENT"])
    app.extensions["hotline.classifier"] = app.config.get("CLASSIFIER_HOLDER") or ClassifierHolder(
        Path(app.config["HOTLINE_MODEL_DIR"])
    )

    from hotline import cli, errors
    from hotline.staff import bp as staff_bp
    from hotline.twilio import bp as twilio_bp
    from hotline.web import bp as web_bp

    csrf.exempt(twilio_bp)  # Twilio proves itself by signature, not by a form token
    app.register_blueprint(web_bp)
    app.register_blueprint(twilio_bp)
    app.register_blueprint(staff_bp)
    errors.init_app(app)
    cli.init_app(app)

    @app.context_processor
    def page_language():
        from flask_babel import get_locale
        code = str(get_locale() or "en")
        return {"lang_code": code, "text_dir": text_direction(code), "languages": LANGUAGES,
                "language_names": LANGUAGE_NAMES}

    return app
