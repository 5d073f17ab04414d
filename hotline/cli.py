"""The `hotline` command: Flask's own commands (run, db, routes) plus the hotline's."""

from __future__ import annotations

import io
import json
import sys
from itertools import islice
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import select

from hotline.db import db
from hotline.models import Queue, Report

CLASSIFY_CHUNK = 1000


def _classifier():
    from hotline.nlp.classifier import ModelMissing

    try:
        return current_app.extensions["hotline.classifier"].get()
    except ModelMissing as error:
        raise click.ClickException(str(error)) from error


@click.command("train")
@with_appcontext
@click.option("--seed", default=0, show_default=True, help="Random seed: same seed, same model.")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Where to save the model (default: the configured model directory).")
def train_command(seed: int, output: Path | None) -> None:
    """Train the classifier from the shipped corpus."""
    from hotline.nlp.training import train_model

    train_model(output or Path(current_app.config["HOTLINE_MODEL_DIR"]), seed=seed,
                log=click.echo)


@click.command("evaluate")
@with_appcontext
@click.option("--output", type=click.Path(path_type=Path), default=Path("docs/model-card.md"),
              show_default=True, help="Where to write the model card.")
@click.option("--json", "as_json", is_flag=True, help="Also print the figures as JSON.")
def evaluate_command(output: Path, as_json: bool) -> None:
    """Score the model on the dev split and held-out noise; write the model card."""
    from hotline.nlp import evaluation, model_card
    from hotline.nlp.dataset import read_split

    classifier = _classifier()
    dev = evaluation.evaluate(classifier, list(read_split("dev")))
    noise = evaluation.noise_alarms(classifier, evaluation.read_noise())
    settings = Path(current_app.config["HOTLINE_MODEL_DIR"]) / "hotline.json"
    training = json.loads(settings.read_text()) if settings.exists() else {}
    bench_file = Path("bench/results/classify.json")
    bench = json.loads(bench_file.read_text()) if bench_file.exists() else None
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(model_card.render(dev, noise, training, bench), encoding="utf-8")
    if as_json:
        click.echo(json.dumps({"dev": dev, "noise": noise}, indent=2))
    click.echo(f"macro-F1 {dev['macro_f1']:.3f}, urgent recall {dev['urgent']['recall']}, "
               f"precision {dev['urgent']['precision']}, language ID {dev['language_id']:.3f}, "
               f"borough {dev['borough']['accuracy_where_given']}; noise routed "
               f"{noise['routed_to_an_agency']}. Model card: {output}")


def parse_classify_line(line: str) -> tuple[str, str] | str:
    """(text, channel) from one JSONL line, or an error message."""
    if not line.strip():
        return "empty line"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return f"invalid JSON: {error.msg}"
    if not isinstance(record, dict):
        return "each line must be a JSON object"
    text = record.get("text")
    if not isinstance(text, str):
        return "missing or non-string 'text'"
    channel = record.get("channel", "sms")
    if channel not in ("sms", "voice", "web"):
        return "channel must be sms, voice or web"
    return text, channel


def classify_lines(lines, classifier, deployment) -> list[dict]:
    from hotline.routing import decide

    parsed = [parse_classify_line(line) for line in lines]
    valid = [p for p in parsed if isinstance(p, tuple)]
    results = iter(classifier.classify_many([t for t, _ in valid], [c for _, c in valid]))
    out = []
    for item in parsed:
        if isinstance(item, str):
            out.append({"error": item})
            continue
        result = next(results)
        decision = decide(result.category, result.also, result.urgent, result.borough, deployment)
        out.append({**result.as_dict(), "queues": decision.queues})
    return out


@click.command("classify")
@with_appcontext
def classify_command() -> None:
    """Classify JSONL from stdin ({"text", "channel"}) to JSONL on stdout, in order."""
    classifier = _classifier()
    deployment = current_app.extensions["hotline.deployment"]
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    lines = iter(stdin)  # blank lines answer with an error too, so output lines up with input
    while chunk := list(islice(lines, CLASSIFY_CHUNK)):
        for row in classify_lines(chunk, classifier, deployment):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def report_row(report: Report) -> dict:
    return {
        "id": report.id, "reference": report.reference, "channel": report.channel,
        "category": report.category, "queue": report.queue.slug if report.queue else None,
        "urgent": report.urgent, "language": report.language, "borough": report.borough,
        "status": report.status, "created_at": report.created_at.isoformat(),
    }


@click.command("reports")
@with_appcontext
@click.option("--queue", "queue_slug", help="Only this queue (e.g. council, drugservice, police).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", default=100, show_default=True)
def reports_command(queue_slug: str | None, as_json: bool, limit: int) -> None:
    """List stored reports, newest first."""
    query = select(Report).order_by(Report.created_at.desc(), Report.id.desc()).limit(limit)
    if queue_slug:
        if db.session.scalar(select(Queue).where(Queue.slug == queue_slug)) is None:
            raise click.BadParameter(f"no queue {queue_slug!r}", param_hint="--queue")
        query = query.join(Queue, Report.queue_id == Queue.id).where(Queue.slug == queue_slug)
    for report in db.session.scalars(query):
        row = report_row(report)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['reference']}  {row['created_at'][:16]}  {row['channel']:5}  "
                       f"{row['queue'] or '-':18} {'URGENT ' if row['urgent'] else ''}"
                       f"{row['category'] or 'pending'}  {row['status']}")


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load the deployment's agencies, queues and demo staff (idempotent)."""
    from hotline.demo import load_demo

    created = load_demo(db.session, current_app.extensions["hotline.deployment"])
    if not created:
        click.echo("Demo agencies and staff are already loaded (use `hotline set-password`).")
    for agency, email, password in created:
        click.echo(f"  {agency:45} {email:40} password: {password}")


@click.command("sync-agencies")
@with_appcontext
def sync_agencies_command() -> None:
    """Create or update agencies and queues from the deployment file (no demo staff)."""
    from hotline.demo import sync_agencies

    sync_agencies(db.session, current_app.extensions["hotline.deployment"])
    click.echo("Agencies and queues match the deployment file.")


@click.command("set-password")
@with_appcontext
@click.argument("email")
@click.password_option()
def set_password_command(email: str, password: str) -> None:
    """Set a staff member's password."""
    from hotline.demo import set_password

    if not set_password(db.session, email, password):
        raise click.ClickException(f"no staff account {email}")
    click.echo("Password changed.")


@click.command("reclassify")
@with_appcontext
def reclassify_command() -> None:
    """Classify and route every report whose classification is pending or failed."""
    from hotline.intake import classify, deployment
    from hotline.reports import reclassify_pending

    done = reclassify_pending(db.session, classify, deployment())
    click.echo(f"{done} report(s) classified and routed.")


@click.command("info")
@with_appcontext
def info_command() -> None:
    """Print where the app keeps its data and which Twilio token it checks signatures with."""
    from hotline.config import DEV_TWILIO_AUTH_TOKEN

    config = current_app.config
    click.echo(f"database:   {db.engine.url.render_as_string(hide_password=True)}")
    click.echo(f"deployment: {config['HOTLINE_DEPLOYMENT']}")
    click.echo(f"model:      {config['HOTLINE_MODEL_DIR']}")
    if config["TWILIO_AUTH_TOKEN"] == DEV_TWILIO_AUTH_TOKEN:
        click.echo(f"twilio:     TWILIO_AUTH_TOKEN unset, development token in use: "
                   f"{DEV_TWILIO_AUTH_TOKEN}")
    else:
        click.echo("twilio:     TWILIO_AUTH_TOKEN set from the environment")


COMMANDS = (info_command, evaluate_command, train_command, classify_command, reports_command,
            demo_command, sync_agencies_command, set_password_command, reclassify_command)


def init_app(app) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)


def _create_app():
    from hotline.app import create_app
    return create_app()


main = FlaskGroup(create_app=_create_app, help="The community drugs hotline.")
