from hotline.nlp.features import features, normalise, words


def test_accents_and_case_are_folded_for_latin_scripts():
    assert normalise("Ĉe ŞİŞE Łódź Cướp") == "ce sise lodz cuop"


def test_indic_vowel_signs_are_kept_inside_words():
    assert words(normalise("मेरे बेटे को मदद चाहिए")) == ("मेरे", "बेटे", "को", "मदद", "चाहिए")


def test_chinese_runs_become_characters_and_bigrams():
    assert words("卖毒品") == ("卖", "毒", "品", "卖毒", "毒品")


def test_features_include_words_trigrams_and_bigrams():
    found = features("Trap house")
    assert "trap" in found and "<tr" in found and "se>" in found and "trap_house" in found


def test_empty_text_still_gives_one_feature():
    assert features("   ") == ["<empty>"]
