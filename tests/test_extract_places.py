import pytest

from pipeline.extract import places


def place_in(sentence: str, near_word: str | None = None) -> places.Place | None:
    near = sentence.index(near_word) if near_word else 0
    return places.find_place(sentence, near)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Lavrov met Bayramov in Baku on Monday.", "in Baku"),
        ("The talks were held in the capital Baku.", "in the capital Baku"),
        ("The leaders met at the Zagulba residence near Baku.", "near Baku"),
    ],
)
def test_baku_after_a_locative(sentence, text):
    place = place_in(sentence)
    assert place is not None
    assert (place.name, place.country, place.text) == ("Baku", "AZE", text)
    assert place.geonames_id == 587084
    assert place.latitude == pytest.approx(40.38, abs=0.05)
    assert place.longitude == pytest.approx(49.89, abs=0.05)
    assert sentence[place.start :].startswith(text)


def test_city_followed_by_its_country_is_the_city():
    place = place_in("Aliyev and Pashinyan met in Bratislava, Slovakia.")
    assert (place.name, place.country, place.text) == ("Bratislava", "SVK", "in Bratislava")
    assert place.geonames_id is not None


def test_possessive_capital_phrase():
    place = place_in("The talks in Russia's capital Moscow ended.")
    assert (place.name, place.country) == ("Moscow", "RUS")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Clashes took place in Nagorno-Karabakh.", "Nagorno-Karabakh"),
        ("Peacekeepers were deployed in Karabakh.", "Nagorno-Karabakh"),
        ("Lavrov met the de facto leader in Stepanakert.", "Khankendi"),
        ("Russian peacekeepers patrolled near Lachin.", "Lachin"),
    ],
)
def test_karabakh_regions_and_towns_are_azerbaijan(sentence, name):
    place = place_in(sentence)
    assert place is not None
    assert (place.name, place.country) == (name, "AZE")
    assert place.geonames_id is None  # regions come from data/regions.yaml, not the city gazetteer


def test_a_country_name_is_a_place_of_that_country():
    place = place_in("Bayramov will pay an official visit to Russia.")
    assert (place.name, place.country) == ("Russia", "RUS")


def test_the_place_nearest_the_action_wins():
    sentence = "Mammadyarov arrived in Moscow, and then flew to Sochi."
    assert place_in(sentence, "arrived").name == "Moscow"
    assert place_in(sentence, "flew").name == "Sochi"


@pytest.mark.parametrize(
    "sentence",
    [
        "The president spoke on Monday.",
        "Lavrov and Bayramov discussed the peace process.",
        "Lavrov met Bayramov in Atlantis.",
    ],
)
def test_no_place_without_a_known_name_after_a_locative(sentence):
    assert place_in(sentence) is None


def test_a_month_after_in_is_not_a_place():
    assert place_in("Lavrov met Bayramov in March.") is None


def test_a_place_name_modifying_the_action_word_is_its_place():
    sentence = "Aliyev and Putin held talks at the Sochi summit."
    place = places.find_place(sentence, sentence.index("summit"))
    assert (place.name, place.country) == ("Sochi", "RUS")
