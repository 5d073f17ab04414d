"""Every resident-facing message exists in every language, and residents get it."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hotline.languages import LANGUAGES
from tests.conftest import stored_reports
from tests.twilio.test_sms import sms

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalog(language):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=language)


def test_template_lists_every_message_in_the_code():
    with (TRANSLATIONS / "messages.pot").open("rb") as file:
        template = {m.id for m in read_po(file) if m.id}
    assert "Thank you. Your reference is %(reference)s." in template
    assert "If someone is in danger now, call 999." in template


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated_with_its_placeholders(language):
    with (TRANSLATIONS / "messages.pot").open("rb") as file:
        wanted = {m.id for m in read_po(file) if m.id}
    messages = {m.id: m for m in catalog(language) if m.id}
    assert wanted <= set(messages), wanted - set(messages)
    for message_id in wanted:
        message = messages[message_id]
        assert message.string, f"{language}: untranslated {message_id!r}"
        assert "fuzzy" not in message.flags
        wanted_placeholders = sorted(PLACEHOLDER.findall(message_id))
        assert sorted(PLACEHOLDER.findall(message.string)) == wanted_placeholders


@pytest.mark.parametrize("text, language, thanks", [
    ("Igły na placu zabaw przy Brixton, dzieci się tam bawią", "pl", "Dziękujemy"),
    ("ہمارے محلے میں گلی کے کونے پر روز منشیات بیچتے ہیں", "ur", "شکریہ"),
])
def test_sms_reply_comes_back_in_the_residents_language(app, twilio_post, text, language, thanks):
    response = twilio_post("/twilio/sms", sms(body=text))
    [report] = stored_reports(app)
    assert report.language == language
    assert thanks in response.get_data(as_text=True)
    assert report.reference in response.get_data(as_text=True)


def test_web_pages_follow_the_chosen_language(client):
    page = client.get("/report?lang=es").get_data(as_text=True)
    assert 'lang="es"' in page
    assert "Make a report" not in page
