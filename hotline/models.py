"""Typed models: agencies and their queues, staff, reports and each report's history.

Privacy by construction: no column anywhere holds a phone number, an IP address or a carrier
location. Twilio's message and call ids are kept only as a keyed hash, enough to refuse a
retried webhook and useless for looking the sender up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotline.db import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class Channel(StrEnum):
    SMS = "sms"
    VOICE = "voice"
    WEB = "web"


class Status(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    ACTIONED = "actioned"
    REFERRED = "referred"
    CLOSED = "closed"


class ClassificationState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class Agency(db.Model):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    boroughs: Mapped[list[str]] = mapped_column(JSON, default=list)
    queues: Mapped[list[Queue]] = relationship(back_populates="agency", order_by="Queue.id")


class Queue(db.Model):
    __tablename__ = "queues"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    agency: Mapped[Agency] = relationship(back_populates="queues")


class Campaign(db.Model):
    """A publicity push (e.g. 'No room for crack and smack'); reports may name one."""

    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class StaffUser(UserMixin, db.Model):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    agency: Mapped[Agency] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active


class Report(db.Model):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    channel: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    place_text: Mapped[str | None] = mapped_column(String(200))
    # Keyed hash of Twilio's MessageSid/CallSid: refuses duplicates, cannot be looked up.
    dedupe_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    chosen_category: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(8))
    category: Mapped[str | None] = mapped_column(String(20))
    also: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[float | None] = mapped_column(Float)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    borough: Mapped[str | None] = mapped_column(String(60))
    classification_state: Mapped[str] = mapped_column(
        String(10), default=ClassificationState.PENDING
    )
    classification_error: Mapped[str | None] = mapped_column(String(300))
    queue_id: Mapped[int | None] = mapped_column(ForeignKey("queues.id"))
    status: Mapped[str] = mapped_column(String(20), default=Status.NEW)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))
    medium: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    queue: Mapped[Queue | None] = relationship()
    campaign: Mapped[Campaign | None] = relationship()
    history: Mapped[list[ReportEvent]] = relationship(
        back_populates="report", order_by="ReportEvent.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_reports_queue_status", "queue_id", "status"),
        Index("ix_reports_created_at", "created_at"),
        Index("ix_reports_classification_state", "classification_state"),
    )


class ReportEvent(db.Model):
    """One line of a report's history: received, classified, routed, status, re-routed."""

    __tablename__ = "report_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    from_queue_id: Mapped[int | None] = mapped_column(ForeignKey("queues.id"))
    to_queue_id: Mapped[int | None] = mapped_column(ForeignKey("queues.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    report: Mapped[Report] = relationship(back_populates="history")
    staff: Mapped[StaffUser | None] = relationship()
    from_queue: Mapped[Queue | None] = relationship(foreign_keys=[from_queue_id])
    to_queue: Mapped[Queue | None] = relationship(foreign_keys=[to_queue_id])
