"""Staff accounts: password hashing and lookup for Flask-Login."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from hotline.db import db
from hotline.models import StaffUser

# Werkzeug's scrypt: memory-hard, no extra dependency.
HASH_METHOD = "scrypt"
# Checked against when the e-mail is unknown, so a wrong address costs as long as a wrong
# password and response times do not reveal who has an account.
_DUMMY_HASH = generate_password_hash(secrets.token_hex(8), method=HASH_METHOD)


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


def authenticate(email: str, password: str) -> StaffUser | None:
    user = db.session.scalar(
        select(StaffUser).where(func.lower(StaffUser.email) == email.strip().lower())
    )
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not user.active or not check_password_hash(user.password_hash, password):
        return None
    return user


def load_user(user_id: str) -> StaffUser | None:
    if not user_id.isdigit():
        return None
    return db.session.get(StaffUser, int(user_id))
