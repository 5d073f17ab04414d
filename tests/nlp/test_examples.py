"""A few clear messages per language and channel through the shipped model.

Sanity checks that the trained model and its helpers fit together; accuracy figures belong in
`hotline evaluate`, not here. Each message is unambiguous for a fluent reader.
"""

import pytest

from hotline.nlp.classifier import Classifier

CLEAR = [
    # (language, channel, text, category)
    ("en", "sms", "used needles all over the kids playground on the estate", "environment"),
    ("en", "voice", "um yeah my son is on heroin and we need help getting him into rehab",
     "treatment"),
    ("en", "web", "Crack is sold from flat 12 every night, cars pull up for two minutes and go.",
     "intelligence"),
    ("en", "sms", "sorry wrong number x", "other"),
    ("pl", "sms", "pelno igiel na placu zabaw za blokiem", "environment"),
    ("es", "sms", "mi hijo consume cocaina y necesitamos ayuda para que deje", "treatment"),
    ("pt", "sms", "estao vendendo droga na porta do predio todas as noites", "intelligence"),
    ("fr", "sms", "des seringues partout dans la cage d'escalier", "environment"),
    ("ro", "sms", "fiul meu se drogheaza si vreau ajutor pentru el", "treatment"),
    ("tr", "sms", "parkta cocuk oyun alaninda siringalar var", "environment"),
    ("ur", "sms", "mera beta nasha karta hai, humein madad chahiye", "treatment"),
    ("hi", "sms", "मेरे बेटे को नशे की लत है, इलाज के लिए मदद चाहिए", "treatment"),
    ("bn", "sms", "আমার ছেলে নেশা করে, ওর চিকিৎসার জন্য সাহায্য দরকার", "treatment"),
    ("zh", "sms", "我儿子吸毒，我们需要帮助让他戒毒", "treatment"),
    ("ar", "sms", "ابني يتعاطى المخدرات ونحتاج مساعدة لعلاجه", "treatment"),
    ("el", "sms", "ο γιος μου παίρνει ναρκωτικά και χρειαζόμαστε βοήθεια", "treatment"),
]


@pytest.fixture(scope="module")
def classifier(model_dir):
    return Classifier.load(model_dir)


@pytest.mark.parametrize("language, channel, text, category", CLEAR)
def test_clear_messages_get_their_category_and_language(classifier, language, channel, text,
                                                        category):
    result = classifier.classify(text, channel)
    assert result.category == category
    assert result.language == language


@pytest.mark.parametrize("text", [
    "he's not breathing, lips going blue, I think he took too much",
    "a little boy just pricked himself on a needle in the playground",
    "they're outside waving a machete right now",
])
def test_danger_now_is_urgent(classifier, text):
    assert classifier.classify(text).urgent


@pytest.mark.parametrize("text", [
    "happy birthday habibi!! see you later",
    "Your parcel is waiting, pay the £1.99 fee at this link",
    "this traffic is killing me, be there in 20",
])
def test_chat_and_spam_are_other_and_not_urgent(classifier, text):
    result = classifier.classify(text)
    assert result.category == "other"
    assert not result.urgent


def test_places_become_official_boroughs(classifier):
    assert classifier.classify("needles outside Brixton station").borough == "Lambeth"
    assert classifier.classify("dealing on Rye Lane SE15").borough == "Southwark"
    assert classifier.classify("needles by the bins").borough is None
