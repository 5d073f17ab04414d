"""Inbound SMS and voice webhooks. Each view parses Twilio's form, calls `receive`, answers TwiML.

Only the fields we need are read: From, FromCity, FromZip, CallerName and the rest are never
touched, so nothing that identifies or locates a resident can reach the database or the logs.
"""

from __future__ import annotations

from flask import abort, current_app, request, url_for
from flask_babel import force_locale, gettext
from twilio.twiml.voice_response import VoiceResponse

from hotline.intake import receive
from hotline.languages import supported
from hotline.references import dedupe_key
from hotline.replies import empty_reply, help_reply, report_reply
from hotline.reports import Submission
from hotline.twilio import bp
from hotline.twilio.signature import twilio_signed
from hotline.twilio.twiml import gather_speech, say, sms_reply, spoken_reference, twiml

# Twilio handles these itself (opt-out, opt-in, help) and still forwards them: not reports.
OPT_OUT_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "REVOKE", "OPTOUT", "CANCEL",
                 "START", "YES", "UNSTOP"}
HELP_WORDS = {"HELP", "INFO"}
DIGIT_CATEGORIES = {"1": "environment", "2": "treatment", "3": "intelligence"}
MAX_VOICE_ATTEMPTS = 2


def _key(channel: str, sid: str) -> str:
    return dedupe_key(current_app.config["SECRET_KEY"], channel, sid)


def _required(field: str) -> str:
    value = request.form.get(field, "").strip()
    if not value:
        abort(400, description=f"{field} is missing.")
    return value


@bp.post("/sms")
@twilio_signed
def sms():
    sid = _required("MessageSid")
    body = request.form.get("Body", "")
    keyword = body.strip().upper()
    if keyword in OPT_OUT_WORDS:
        return sms_reply(None)
    if keyword in HELP_WORDS:
        return sms_reply(help_reply())
    if not body.strip():
        return sms_reply(empty_reply())
    report, _created = receive(Submission(channel="sms", body=body, dedupe_key=_key("sms", sid)))
    return sms_reply(report_reply(report))


def voice_greeting() -> str:
    return gettext(
        "Welcome to the community drugs hotline. If someone is in danger now, hang up and call "
        "nine nine nine. After the tone, tell us what is happening and where. Or press 1 for "
        "needles or street problems, 2 for help with drugs for you or someone close, or 3 to "
        "give information about dealing. We never keep your number.")


@bp.post("/voice")
@twilio_signed
def voice():
    with force_locale("en"):
        prompt = voice_greeting()
    response = gather_speech(prompt, url_for("twilio.voice_report"), "en", with_digits=True)
    response.redirect(url_for("twilio.voice_report", attempt=1), method="POST")
    return twiml(response)


@bp.post("/voice/report")
@twilio_signed
def voice_report():
    call_sid = _required("CallSid")
    speech = request.form.get("SpeechResult", "").strip()
    digits = request.form.get("Digits", "").strip()
    category = request.args.get("category")
    category = category if category in DIGIT_CATEGORIES.values() else None
    if speech:
        report, _ = receive(Submission(channel="voice", body=speech, chosen_category=category,
                                       dedupe_key=_key("voice", call_sid)))
        return _read_back(report)
    if digits in DIGIT_CATEGORIES:
        prompt = gettext("Please tell us what is happening and where, after the tone.")
        action = url_for("twilio.voice_report", category=DIGIT_CATEGORIES[digits])
        return twiml(gather_speech(prompt, action, "en", with_digits=False))
    return _ask_again(category)


def _ask_again(category: str | None):
    attempt = request.args.get("attempt", default=1, type=int)
    response = VoiceResponse()
    if attempt >= MAX_VOICE_ATTEMPTS:
        say(response, gettext("Sorry, we did not hear anything. You can also text this number. "
                              "Goodbye."), "en")
        response.hangup()
        return twiml(response)
    action = url_for("twilio.voice_report", category=category, attempt=attempt + 1)
    response = gather_speech(gettext("Sorry, we did not catch that. Please tell us what is "
                                     "happening and where."), action, "en", with_digits=False)
    response.redirect(action, method="POST")
    return twiml(response)


def _read_back(report):
    response = VoiceResponse()
    language = "en"  # the multilingual menu will speak the caller's language
    with force_locale(supported(language)):
        say(response, report_reply(report, language), language)
        say(response, gettext("Your reference again: %(code)s. Goodbye.",
                              code=spoken_reference(report.reference)), language)
    response.hangup()
    return twiml(response)
