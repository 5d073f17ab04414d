"""The shipped corpus is valid, split cleanly and big enough in every language."""

from hotline.nlp.dataset import CORPUS_DIR, LANGUAGES, check, read_split


def test_shipped_corpus_has_no_invalid_lines_duplicates_or_leaks():
    assert check(CORPUS_DIR).errors == []


def test_every_language_has_train_and_dev_examples_of_every_category():
    for language in LANGUAGES:
        for split in ("train", "dev"):
            categories = {e.category for e in read_split(split, (language,))}
            assert categories == {"environment", "treatment", "intelligence", "other"}, (
                language, split)
