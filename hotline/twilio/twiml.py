"""TwiML builders: what Twilio says or texts back."""

from __future__ import annotations

from flask import Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import Gather, VoiceResponse

from hotline.twilio.voices import voice_for


def twiml(response, status: int = 200) -> Response:
    return Response(str(response), status=status, mimetype="text/xml")


def sms_reply(text: str | None, status: int = 200) -> Response:
    response = MessagingResponse()
    if text:
        response.message(text)
    return twiml(response, status)


def say(target, text: str, language: str) -> None:
    voice = voice_for(language)
    target.say(text, voice=voice.voice, language=voice.locale)


def gather_speech(prompt: str, action: str, language: str, with_digits: bool) -> VoiceResponse:
    """Ask the caller to speak (or press a key) and post what they said to `action`."""
    response = VoiceResponse()
    voice = voice_for(language)
    gather = Gather(
        input="speech dtmf" if with_digits else "speech",
        action=action,
        method="POST",
        language=voice.recognition,
        speech_timeout="auto",
        timeout=6,
        **({"num_digits": 1} if with_digits else {}),
    )
    say(gather, prompt, language)
    response.append(gather)
    return response


def spoken_reference(reference: str) -> str:
    """'BX-7K3P' -> 'B. X. 7. K. 3. P.' so the voice reads it one character at a time."""
    return " ".join(f"{char}." for char in reference if char.isalnum())
