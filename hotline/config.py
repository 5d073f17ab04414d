"""Settings from the environment (and a `.env` file), checked once at start."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEV_SECRET_KEY = "dev-only-secret-key-change-me"
# A fixed token so that `make run` works with no Twilio account; signatures made with it
# are only ever accepted outside production.
DEV_TWILIO_AUTH_TOKEN = "dev-twilio-auth-token-0000000000"
PACKAGE_DIR = Path(__file__).parent


class ConfigurationError(RuntimeError):
    """Raised when a production deployment lacks a secret it must have."""


@dataclass(frozen=True)
class Settings:
    environment: str
    secret_key: str
    database_url: str
    twilio_account_sid: str
    twilio_auth_token: str
    proxy_fix_hops: int
    deployment_file: Path
    model_dir: Path
    max_content_length: int

    @property
    def uses_dev_twilio_token(self) -> bool:
        return self.twilio_auth_token == DEV_TWILIO_AUTH_TOKEN


def default_database_url(instance_path: Path) -> str:
    return f"sqlite:///{instance_path / 'hotline.sqlite3'}"


def load_settings(instance_path: Path, environ: dict[str, str] | None = None) -> Settings:
    """Read settings; refuse to start in production with development secrets."""
    env = os.environ if environ is None else environ
    environment = env.get("HOTLINE_ENV", "development")
    settings = Settings(
        environment=environment,
        secret_key=env.get("SECRET_KEY") or DEV_SECRET_KEY,
        database_url=env.get("DATABASE_URL") or default_database_url(instance_path),
        twilio_account_sid=env.get("TWILIO_ACCOUNT_SID", ""),
        twilio_auth_token=env.get("TWILIO_AUTH_TOKEN") or DEV_TWILIO_AUTH_TOKEN,
        proxy_fix_hops=int(env.get("PROXY_FIX_HOPS", "0")),
        deployment_file=Path(
            env.get("HOTLINE_DEPLOYMENT") or PACKAGE_DIR / "deployments" / "brixton.toml"
        ),
        model_dir=Path(env.get("HOTLINE_MODEL_DIR") or PACKAGE_DIR / "nlp" / "model"),
        max_content_length=int(env.get("MAX_CONTENT_LENGTH", str(256 * 1024))),
    )
    if environment == "production":
        if settings.secret_key == DEV_SECRET_KEY:
            raise ConfigurationError("SECRET_KEY must be set in production")
        if settings.uses_dev_twilio_token:
            raise ConfigurationError("TWILIO_AUTH_TOKEN must be set in production")
    return settings


def normalise_database_url(url: str) -> str:
    """Let a plain `postgres://` or `postgresql://` URL use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
