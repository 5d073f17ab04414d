from hotline.nlp.urgency import UrgentPhrases


def test_phrases_match_whole_words_without_accents(tmp_path):
    path = tmp_path / "urgent.tsv"
    path.write_text("# t\nen\tnot breathing\nen\toverdos*ing\nes\tno respira\nbn\tশ্বাস নিচ্ছে না\n",
                    encoding="utf-8")
    phrases = UrgentPhrases.load(path)
    assert phrases.matches("He's NOT   breathing!!") == "not breathing"
    assert phrases.matches("she is overdosing") is not None
    assert phrases.matches("mi hermano no respirá") is not None
    assert phrases.matches("ও শ্বাস নিচ্ছে না") is not None
    assert phrases.matches("breathing fine, nothing wrong") is None
    assert phrases.matches("notbreathing") is None


def test_missing_file_matches_nothing(tmp_path):
    assert UrgentPhrases.load(tmp_path / "none.tsv").matches("not breathing") is None


def test_urdu_phrases_match_urdu_typed_with_arabic_letters(tmp_path):
    path = tmp_path / "urgent.tsv"
    path.write_text("ur\tسانس نہیں لے رہا\n", encoding="utf-8")
    phrases = UrgentPhrases.load(path)
    assert phrases.matches("بھائی سانس نہیں لے رہا") is not None
    assert phrases.matches("بھائي سانس نهيں لے رها") is not None  # Arabic yeh and heh
