"""Reference codes residents can read out on the phone: no 0/O, 1/I/L, U/V look-alikes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
# 29**6 is about 600 million: far too many to guess one when codes unlock follow-up.
CODE_LENGTH = 6


def new_reference(prefix: str, length: int = CODE_LENGTH) -> str:
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))


def dedupe_key(secret: str, channel: str, external_id: str) -> str:
    """A keyed hash of Twilio's message/call id: it detects a retry, and nobody holding the
    database alone can take it to Twilio to find the sender."""
    message = f"{channel}:{external_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
