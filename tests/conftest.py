"""Fixtures: an app on a migrated database (SQLite, and PostgreSQL when `make test` starts
one), a test client, a CLI runner, signed Twilio requests and staff logins."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from twilio.request_validator import RequestValidator

from hotline.app import ClassifierHolder, create_app
from hotline.db import db
from hotline.demo import load_demo
from hotline.models import StaffUser
from hotline.staff.accounts import hash_password

TWILIO_TOKEN = "test-twilio-token"
STAFF_PASSWORD = "correct horse battery staple"
POSTGRES_URL = os.environ.get("HOTLINE_TEST_POSTGRES_URL")
DATABASES = ["sqlite", "postgresql"]
MODEL_DIR = Path(__file__).resolve().parent.parent / "hotline" / "nlp" / "model"


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """The trained model `make` builds; trained here if a run skipped that step."""
    if (MODEL_DIR / "config.cfg").exists():
        return MODEL_DIR
    from hotline.nlp.training import train_model
    output = tmp_path_factory.mktemp("model")
    train_model(output, log=lambda _message: None)
    return output


@pytest.fixture(scope="session")
def classifier_holder(model_dir) -> ClassifierHolder:
    return ClassifierHolder(model_dir)


@pytest.fixture(scope="session")
def migrated_urls(tmp_path_factory) -> dict[str, str]:
    """Each database migrated once per session; tests then empty the tables."""
    urls = {"sqlite": f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"}
    if POSTGRES_URL:
        urls["postgresql"] = POSTGRES_URL
    for url in urls.values():
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            if url.startswith("postgresql"):
                with db.engine.begin() as connection:
                    connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            upgrade()
            db.engine.dispose()
    return urls


@pytest.fixture(params=DATABASES)
def database_url(request, migrated_urls) -> str:
    if request.param not in migrated_urls:
        if os.environ.get("HOTLINE_REQUIRE_POSTGRES"):
            pytest.fail("HOTLINE_TEST_POSTGRES_URL is not set but PostgreSQL is required")
        pytest.skip("PostgreSQL not started (make test starts it)")
    url = migrated_urls[request.param]
    _empty_tables(url)
    return url


def _empty_tables(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


@pytest.fixture
def app(database_url, classifier_holder):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret",
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "CLASSIFIER_HOLDER": classifier_holder,
    })
    with app.app_context():
        load_demo(db.session, app.extensions["hotline.deployment"])
        for user in db.session.scalars(db.select(StaffUser)):
            user.password_hash = hash_password(STAFF_PASSWORD)
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def twilio_signature(path: str, data: dict, token: str = TWILIO_TOKEN,
                     base: str = "http://localhost") -> str:
    return RequestValidator(token).compute_signature(base + path, data)


@pytest.fixture
def twilio_post(client):
    """POST as Twilio would: form data signed with the auth token."""
    def post(path: str, data: dict, token: str = TWILIO_TOKEN, **kwargs):
        headers = {"X-Twilio-Signature": twilio_signature(path, data, token)}
        headers.update(kwargs.pop("headers", {}))
        return client.post(path, data=data, headers=headers, **kwargs)
    return post


def csrf_token(html: str) -> str:
    found = re.search(r'name="(?:[a-z]+-)?csrf_token"[^>]*value="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


@pytest.fixture
def login(client):
    def log_in(agency: str):
        page = client.get("/staff/login").get_data(as_text=True)
        return client.post("/staff/login", data={
            "email": f"{agency}@demo.hotline.invalid", "password": STAFF_PASSWORD,
            "csrf_token": csrf_token(page),
        })
    return log_in


def stored_reports(app) -> list:
    """Every stored report as a plain object (columns plus `queue_slug`), oldest first."""
    from types import SimpleNamespace

    from hotline.models import Report

    with app.app_context():
        rows = []
        for report in db.session.scalars(db.select(Report).order_by(Report.id)):
            columns = {c.key: getattr(report, c.key) for c in Report.__table__.columns}
            rows.append(SimpleNamespace(**columns,
                                        queue_slug=report.queue.slug if report.queue else None))
        return rows


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile the gettext catalogs, as `make` does, so a bare `pytest` sees them too."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent / "translations"
    for po_path in root.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
