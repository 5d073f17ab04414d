import pytest

from hotline.nlp.language import best_language, script_language


@pytest.mark.parametrize("text, language", [
    ("ہمارے علاقے میں منشیات بکتی ہیں", "ur"),
    ("في حينا تجار مخدرات", "ar"),
    ("ਮੇਰਾ ਪੁੱਤ ਨਸ਼ਾ ਕਰਦਾ", "pa"),
    ("મારો દીકરો ડ્રગ્સ લે છે", "gu"),
    ("আমার ছেলে নেশা করে", "bn"),
    ("मेरा बेटा नशा करता है", "hi"),
    ("Στο πάρκο έχει σύριγγες", "el"),
    ("他们在公园卖毒品", "zh"),
    ("needles near Brixton 地铁站 station", None),
])
def test_scripts_that_belong_to_one_language_decide_it(text, language):
    assert script_language(text) == language


def test_latin_text_is_left_to_the_model():
    assert script_language("mera beta nasha karta hai") is None
    assert best_language({"ur": 0.7, "hi": 0.2}) == "ur"
    assert best_language({}) == "en"


def test_native_script_settles_mixed_text():
    assert script_language("আমার ছেলে needs help") == "bn"
