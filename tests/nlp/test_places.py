import pytest

from hotline.nlp.places import Gazetteer


@pytest.fixture
def gazetteer(tmp_path):
    (tmp_path / "places.tsv").write_text(
        "# test data\nBrixton\tLambeth\nPeckham\tSouthwark\nElephant and Castle\tSouthwark\n"
        "Kilburn\t\n布里克斯顿\tLambeth\nব্রিক্সটন\tLambeth\n", encoding="utf-8")
    (tmp_path / "postcode_districts.tsv").write_text(
        "SW9\tLambeth\nSE15\tSouthwark\nW8\tKensington and Chelsea\nEC1\tIslington\nNW6\t\n")
    return Gazetteer.load(tmp_path)


@pytest.mark.parametrize("text, borough", [
    ("needles by Brixton station", "Lambeth"),
    ("dealing in PECKHAM", "Southwark"),
    ("elephant & castle underpass", "Southwark"),
    ("igły w Brixtonie", "Lambeth"),
    ("布里克斯顿有人卖", "Lambeth"),
    ("ব্রিক্সটনে সুই", "Lambeth"),
    ("flat in SW9 8AB", "Lambeth"),
    ("se15", "Southwark"),
    ("EC1A 1BB", "Islington"),
    ("near W8", "Kensington and Chelsea"),
])
def test_place_names_and_postcodes_give_a_borough(gazetteer, text, borough):
    assert gazetteer.borough(text) == borough


@pytest.mark.parametrize("text", [
    "w8 for me",               # "wait for me", not Kensington
    "needles by the high street",
    "Brixton or Peckham, not sure",  # two boroughs: ambiguous
    "dealers in Kilburn",      # a place split between boroughs
    "NW6 2AB",                 # a district split between boroughs
    "",
])
def test_no_place_or_an_ambiguous_one_gives_none(gazetteer, text):
    assert gazetteer.borough(text) is None


def test_postcode_beats_a_place_name(gazetteer):
    assert gazetteer.borough("from Peckham, I live SW9 1AA") == "Lambeth"
