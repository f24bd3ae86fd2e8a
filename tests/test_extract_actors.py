import datetime

import pytest

from pipeline.extract import actors

D = datetime.date
IN_2014 = D(2014, 6, 10)
IN_2021 = D(2021, 6, 10)


@pytest.fixture(scope="module")
def dictionary():
    return actors.load_dictionary()


def resolved(sentence: str, date, dictionary) -> list[actors.Actor]:
    """Every actor named in the sentence, resolved as of `date` (counterparts against the others)."""
    mentions = actors.find_mentions(sentence, dictionary)
    plain = [actors.resolve(m, date, dictionary) for m in mentions if m.entry.kind != "counterpart"]
    return [actors.resolve(m, date, dictionary, plain) for m in mentions]


def names(sentence: str, date, dictionary) -> list[str]:
    return [a.name for a in resolved(sentence, date, dictionary)]


# --- offices and counterparts by date


@pytest.mark.parametrize(
    ("date", "expected"),
    [(IN_2014, "Elmar Mammadyarov"), (IN_2021, "Jeyhun Bayramov"), (D(2020, 7, 10), "Elmar Mammadyarov")],
)
def test_the_azerbaijani_foreign_minister_is_the_holder_on_the_date(dictionary, date, expected):
    mentions = actors.find_mentions("The Azerbaijani foreign minister arrived in Moscow.", dictionary)
    assert mentions[0].text == "Azerbaijani foreign minister"
    actor = actors.resolve(mentions[0], date, dictionary)
    assert actor.name == expected
    assert actor.country == "AZE"
    assert actor.is_person


@pytest.mark.parametrize(("date", "expected"), [(IN_2014, "Elmar Mammadyarov"), (IN_2021, "Jeyhun Bayramov")])
def test_his_azerbaijani_counterpart_is_the_holder_of_lavrovs_office(dictionary, date, expected):
    assert names("Lavrov held talks with his Azerbaijani counterpart.", date, dictionary) == [
        "Sergey Lavrov",
        expected,
    ]


def test_a_counterpart_resolves_against_a_person_named_after_it(dictionary):
    assert names("His Azerbaijani counterpart met Lavrov.", IN_2014, dictionary) == [
        "Elmar Mammadyarov",
        "Sergey Lavrov",
    ]


def test_a_presidents_counterpart_is_a_president(dictionary):
    assert names("Putin spoke with his Azerbaijani counterpart.", IN_2021, dictionary) == [
        "Vladimir Putin",
        "Ilham Aliyev",
    ]


def test_an_office_without_a_date_is_the_government_not_a_person(dictionary):
    mention = actors.find_mentions("The Azerbaijani foreign minister met Lavrov.", dictionary)[0]
    actor = actors.resolve(mention, None, dictionary)
    assert actor.code == "AZEGOV"
    assert not actor.is_person


def test_a_person_outside_every_term_keeps_the_state_but_not_the_role(dictionary):
    mention = actors.find_mentions("Mammadyarov met Lavrov.", dictionary)[0]
    in_office = actors.resolve(mention, IN_2014, dictionary)
    after = actors.resolve(mention, IN_2021, dictionary)
    assert in_office.role == "Minister of Foreign Affairs"
    assert in_office.office == "foreign_minister"
    assert after.name == "Elmar Mammadyarov"
    assert after.country == "AZE"
    assert after.office is None and after.role is None


def test_a_title_before_a_name_merges_into_the_person(dictionary):
    sentence = "Russian Foreign Minister Sergey Lavrov met Azerbaijani Foreign Minister Elmar Mammadyarov."
    mentions = actors.find_mentions(sentence, dictionary)
    assert [m.text for m in mentions] == [
        "Russian Foreign Minister Sergey Lavrov",
        "Azerbaijani Foreign Minister Elmar Mammadyarov",
    ]
    assert [m.entry.kind for m in mentions] == ["person", "person"]


# --- spellings


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mamedyarov met Lavrov.", ["Elmar Mammadyarov", "Sergey Lavrov"]),
        ("Ceyhun Bayramov met Lavrov.", ["Jeyhun Bayramov", "Sergey Lavrov"]),
        ("Мамедъяров и Лавров провели переговоры.", ["Elmar Mammadyarov", "Sergey Lavrov"]),
        ("Байрамов встретился с Лавровым.", ["Jeyhun Bayramov", "Sergey Lavrov"]),
        ("Визит Лаврова в Баку.", ["Sergey Lavrov", "Government of Azerbaijan"]),
        ("Mnatsakanian met Mntasakanyan.", ["Zohrab Mnatsakanyan", "Zohrab Mnatsakanyan"]),
        ("министр иностранных дел России Сергей Лавров", ["Sergey Lavrov"]),
    ],
)
def test_transliterations_and_inflections_resolve_to_the_person(dictionary, sentence, expected):
    assert names(sentence, IN_2014, dictionary) == expected


def test_russian_inflections_span_the_whole_word(dictionary):
    sentence = "Байрамов встретился с Лавровым."
    mentions = actors.find_mentions(sentence, dictionary)
    assert [m.text for m in mentions] == ["Байрамов", "Лавровым"]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("misspelling", "expected"),
    [("Mnatzakanyan", "Zohrab Mnatsakanyan"), ("Mammadyarrov", "Elmar Mammadyarov")],
)
def test_a_misspelling_no_alias_lists_is_matched_fuzzily(dictionary, misspelling, expected):
    assert misspelling.lower() not in dictionary.entries  # really a fuzzy match, not an alias
    assert names(f"Lavrov spoke with {misspelling} by phone.", IN_2014, dictionary) == ["Sergey Lavrov", expected]


@pytest.mark.parametrize("word", ["Marathon", "Bnatsakanyan", "Pipeline"])
def test_fuzzy_matching_needs_a_close_name_with_the_same_first_letter(dictionary, word):
    assert actors.find_mentions(f"The {word} was discussed.", dictionary) == []


def test_names_match_whole_words_only(dictionary):
    assert actors.find_mentions("The Lavrovian doctrine and Bakunin.", dictionary) == []


# --- capitals and states


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Baku and Moscow signed an agreement.", ["AZEGOV", "RUSGOV"]),
        ("The Kremlin accused Baku of violating the ceasefire.", ["RUSGOV", "AZEGOV"]),
        ("Official Baku responded to Yerevan.", ["AZEGOV", "ARMGOV"]),
    ],
)
def test_capitals_and_seats_of_power_stand_for_governments(dictionary, sentence, codes):
    actors_found = resolved(sentence, IN_2021, dictionary)
    assert [a.code for a in actors_found] == codes
    assert all(a.name.startswith("Government of") for a in actors_found)


def test_capitals_and_states_are_marked_as_places(dictionary):
    mentions = actors.find_mentions("Aliyev met Putin in Moscow, Russia.", dictionary)
    by_text = {m.text: m for m in mentions}
    assert by_text["Moscow"].entry.is_place
    assert by_text["Russia"].entry.is_place
    assert not by_text["Aliyev"].entry.is_place


# --- role phrases and coordination


def test_coordinated_adjectives_each_stand_for_their_states_leader(dictionary):
    sentence = "The Azerbaijani, Russian and Armenian leaders signed a statement."
    mentions = actors.find_mentions(sentence, dictionary)
    assert [m.entry.kind for m in mentions] == ["office", "office", "office"]
    assert [m.entry.country for m in mentions] == ["AZE", "RUS", "ARM"]
    assert len({m.entry.office for m in mentions}) == 1
    parties = [a.party for a in resolved(sentence, D(2020, 11, 10), dictionary)]
    assert parties == ["AZE", "RUS", "ARM"]


def test_coordinated_adjectives_with_a_plural_title(dictionary):
    assert names("The Azerbaijani and Russian foreign ministers met.", IN_2021, dictionary) == [
        "Jeyhun Bayramov",
        "Sergey Lavrov",
    ]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Russian peacekeepers and Azerbaijani police", ["RUSMIL", "AZECOP"]),
        ("the Azerbaijani Foreign Ministry and Russia's Defence Ministry", ["AZEGOV", "RUSMIL"]),
        ("Armenian troops opened fire.", ["ARMMIL"]),
    ],
)
def test_state_adjective_with_sector_noun_or_body_gets_the_sector(dictionary, sentence, codes):
    assert [a.code for a in resolved(sentence, IN_2021, dictionary)] == codes


def test_the_minsk_group_is_an_osce_actor(dictionary):
    [actor] = resolved("The OSCE Minsk Group co-chairs arrived.", IN_2021, dictionary)
    assert actor.group == "OSCE"
    assert actor.country is None
    assert actor.party == "OSCE"


def test_collective_spans_find_the_two_leaders():
    sentence = "The two leaders signed a statement, and both sides welcomed it."
    spans = actors.collective_spans(sentence)
    assert [sentence[s:e] for s, e in spans] == ["The two leaders", "both sides"]


# --- the actors table


def test_actors_table_lists_terms_with_their_validity_and_spellings():
    rows = {r["name"]: r for r in actors.actors_table_rows() if r["role"] == "Minister of Foreign Affairs"}
    mammadyarov, bayramov = rows["Elmar Mammadyarov"], rows["Jeyhun Bayramov"]
    assert mammadyarov["country"] == bayramov["country"] == "AZE"
    assert mammadyarov["valid_to"] is not None and mammadyarov["valid_to"] <= bayramov["valid_from"]
    assert bayramov["valid_to"] is None
    assert "Mamedyarov" in mammadyarov["aliases"].split(";")
    assert "Ceyhun Bayramov" in bayramov["aliases"].split(";")


# --- special parties (CODING 3)


def test_nagorno_karabakh_de_facto_authorities_are_azerbaijan_sector_pre(dictionary):
    for sentence in ("The Nagorno-Karabakh authorities protested.", "The self-proclaimed Nagorno-Karabakh Republic"):
        [actor] = resolved(sentence, IN_2021, dictionary)
        assert (actor.code, actor.party) == ("AZEPRE", "AZE")


def test_the_european_council_president_acts_for_the_eu(dictionary):
    actors_found = resolved("Charles Michel hosted Aliyev and Pashinyan.", D(2021, 12, 14), dictionary)
    assert [a.party for a in actors_found] == ["EU", "AZE", "ARM"]
    assert actors_found[0].country is None


def test_a_minsk_group_co_chair_acts_for_his_state(dictionary):
    [co_chair, minister] = resolved("Russian co-chair Igor Popov met Bayramov.", IN_2021, dictionary)
    assert (co_chair.name, co_chair.party) == ("Igor Popov", "RUS")
    assert minister.party == "AZE"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Foreign Ministry in Baku issued a statement.", ("AZEGOV", "Foreign Ministry in Baku")),
        ("The Interior Ministry in Moscow opened a case.", ("RUSCOP", "Interior Ministry in Moscow")),
        ("The Prosecutor General's Office in Yerevan appealed.", ("ARMJUD", "Prosecutor General's Office in Yerevan")),
    ],
)
def test_a_body_seated_in_a_capital_is_that_states(dictionary, sentence, expected):
    [mention] = actors.find_mentions(sentence, dictionary)
    assert (actors.resolve(mention, IN_2021, dictionary).code, mention.text) == expected


def test_an_embassy_in_a_capital_is_not_the_host_states(dictionary):
    def texts(sentence: str) -> list[str]:
        return [m.text for m in actors.find_mentions(sentence, dictionary)]

    assert "embassy in Baku" not in texts("The embassy in Baku said the Russian envoy left.")
    assert "diplomats in Moscow" not in texts("Diplomats in Moscow met the Azerbaijani envoy.")
    assert "police in Baku" in texts("The police in Baku detained him.")


# --- Azerbaijani


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # case endings no alias lists: dative, accusative, genitive, ablative, comitative, after a hyphen
        (
            "Putinə, Lavrovu, Bayramovun, Moskvadan, Paşinyanla, ABŞ-la",
            [
                "Vladimir Putin",
                "Sergey Lavrov",
                "Jeyhun Bayramov",
                "Government of Russia",
                "Nikol Pashinyan",
                "United States",
            ],
        ),  # fmt: skip
        ("Türkiyəyə və Gürcüstanla", ["Turkey", "Georgia"]),
        ("Rusiya Prezidenti, Azərbaycanın xarici işlər naziri", ["Vladimir Putin", "Jeyhun Bayramov"]),
        ("Rusiyanın Bakıdakı səfiri", ["Mikhail Bocharnikov"]),
        ("rus sülhməramlıları, Rusiya ordusu", ["RUS military", "Armed Forces of Russia"]),
    ],
)
def test_azerbaijani_names_with_case_endings_resolve(dictionary, sentence, expected):
    mentions = actors.find_mentions(sentence, dictionary, "az")
    assert [actors.resolve(m, D(2021, 6, 10), dictionary).name for m in mentions] == expected


def test_case_endings_are_read_only_in_azerbaijani(dictionary):
    assert actors.find_mentions("Moskvadan", dictionary, "en") == []
    assert [m.text for m in actors.find_mentions("Moskvadan", dictionary, "az")] == ["Moskvadan"]


def test_short_names_take_an_ending_only_after_a_hyphen(dictionary):
    assert actors.find_mentions("ruslar və rusun", dictionary, "az")[-1].text == "ruslar"


def test_the_turkic_capital_dotted_i_keeps_offsets(dictionary):
    sentence = "İlham Əliyev və İran Prezidenti Putinlə görüşüb."
    mentions = actors.find_mentions(sentence, dictionary, "az")
    assert [m.text for m in mentions] == ["İlham Əliyev", "İran Prezidenti", "Putinlə"]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("words", "case"),
    [
        ("Rusiya", "nominative"),
        ("Rusiyanın", "genitive"),
        ("Putinin", "genitive"),
        ("Əliyevə", "dative"),
        ("Moskvaya", "dative"),
        ("Lavrovu", "accusative"),
        ("Bakıda", "locative"),
        ("Bakıdan", "ablative"),
        ("Putinlə", "comitative"),
        ("ABŞ-ın", "genitive"),
        # the possessive of a title or a compound name is not a case
        ("Rusiya Prezidenti", "nominative"),
        ("Azərbaycan XİN-i", "nominative"),
        ("Rusiya Prezidentinə", "dative"),
    ],
)
def test_az_case_reads_the_ending_after_a_known_name(dictionary, words, case):
    assert actors.az_case(words, dictionary) == case


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("The Armenian leader arrived in Moscow.", D(2021, 5, 1), "Nikol Pashinyan"),  # the prime minister leads
        ("The Armenian leader arrived in Moscow.", D(2016, 5, 1), "Serzh Sargsyan"),  # the president led
        ("The Russian leader arrived in Baku.", IN_2021, "Vladimir Putin"),
        ("The Azerbaijani leader arrived in Moscow.", IN_2014, "Ilham Aliyev"),
    ],
)
def test_a_states_leader_is_who_led_it_on_the_date(dictionary, sentence, date, expected):
    assert names(sentence, date, dictionary)[0] == expected


def test_a_states_possessive_before_a_person_is_one_mention(dictionary):
    mentions = actors.find_mentions("Lavrov called Armenia's Zohrab Mnatsakanyan.", dictionary)
    assert [m.text for m in mentions] == ["Lavrov", "Armenia's Zohrab Mnatsakanyan"]


def test_coordinated_adjectives_before_an_armed_forces_name_are_each_states_forces(dictionary):
    parties = [
        a.party for a in resolved("Clashes between Azerbaijani and Armenian troops resumed.", IN_2021, dictionary)
    ]
    assert parties == ["AZE", "ARM"]


def test_a_state_brokered_thing_names_the_state(dictionary):
    [mention] = actors.find_mentions("A Russian-brokered truce held.", dictionary)
    assert actors.resolve(mention, IN_2021, dictionary).party == "RUS"


def test_a_states_units_and_positions_are_its_military(dictionary):
    parties = resolved("Azerbaijani forces shelled Armenian positions and Armenian units.", IN_2021, dictionary)
    assert [(a.party, a.code[3:]) for a in parties] == [("AZE", "MIL"), ("ARM", "MIL"), ("ARM", "MIL")]


def test_a_person_named_with_a_state_acts_for_it_outside_their_listed_terms(dictionary):
    [person] = resolved("Armenia's Yuri Khachaturov met the Russian chief of staff.", D(2016, 4, 5), dictionary)[:1]
    assert (person.name, person.party) == ("Yuri Khachaturov", "ARM")
