import datetime

import pandas as pd
import pytest

from pipeline.extract import coder

D = datetime.date
TUESDAY = D(2019, 12, 3)  # a Tuesday
IN_2014 = D(2014, 6, 10)
IN_2021 = D(2021, 4, 14)


def code(text: str, published: datetime.date | None = TUESDAY, language: str = "en") -> list[coder.CodedMention]:
    return coder.code_article(text, language, published)


def only(text: str, published: datetime.date | None = TUESDAY, language: str = "en") -> coder.CodedMention:
    mentions = code(text, published, language)
    assert len(mentions) == 1, [(m.trigger, m.parties) for m in mentions]
    return mentions[0]


def coded_as(mention: coder.CodedMention) -> tuple[str, str, str]:
    """(code, actor's party, target's party)."""
    return (mention.event_code, mention.actor1.party, mention.actor2.party)


def names(mention: coder.CodedMention) -> set[str]:
    return {mention.actor1.name, mention.actor2.name}


# --- actors resolved as of the event's date


@pytest.mark.parametrize(("published", "minister"), [(IN_2014, "Elmar Mammadyarov"), (IN_2021, "Jeyhun Bayramov")])
@pytest.mark.parametrize(
    "text",
    [
        "The Azerbaijani foreign minister met Lavrov in Moscow.",
        "Sergey Lavrov held talks with his Azerbaijani counterpart in Baku.",
    ],
)
def test_role_phrases_resolve_to_the_office_holder_at_publication(text, published, minister):
    mention = only(text, published)
    assert names(mention) == {"Sergey Lavrov", minister}
    assert mention.parties == ("AZE", "RUS")


def test_role_phrase_resolves_as_of_the_event_date_not_the_publication_date():
    mention = only("In 2014, the Azerbaijani foreign minister met Lavrov in Moscow.", IN_2021)
    assert names(mention) == {"Sergey Lavrov", "Elmar Mammadyarov"}
    assert (mention.event_date, mention.date_precision) == (D(2014, 1, 1), "year")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Mamedyarov met Lavrov in Moscow.", "en", {"Elmar Mammadyarov", "Sergey Lavrov"}),
        ("Ceyhun Bayramov met Lavrov in Moscow.", "en", {"Jeyhun Bayramov", "Sergey Lavrov"}),
        ("Lavrov spoke with Mnatzakanyan by phone.", "en", {"Zohrab Mnatsakanyan", "Sergey Lavrov"}),
        ("Байрамов встретился с Лавровым.", "ru", {"Jeyhun Bayramov", "Sergey Lavrov"}),
        ("Лавров провел телефонный разговор с Байрамовым.", "ru", {"Jeyhun Bayramov", "Sergey Lavrov"}),
    ],
)
def test_spellings_are_coded_as_their_person(text, language, expected):
    assert names(only(text, IN_2021, language)) == expected


# --- capitals and places


def test_capitals_used_for_governments_are_the_parties():
    mention = only("Baku and Moscow signed an agreement.")
    assert mention.event_code == "057"
    assert {mention.actor1.code, mention.actor2.code} == {"AZEGOV", "RUSGOV"}


def test_the_kremlin_acts_for_russia():
    mention = only("The Kremlin accused Baku of violating the ceasefire.")
    assert mention.event_code[:2] == "11"
    assert (mention.actor1.code, mention.actor2.code) == ("RUSGOV", "AZEGOV")
    assert mention.kind == "directed"


def test_a_capital_after_in_is_the_place_not_a_party():
    mention = only("Aliyev met Pashinyan in Moscow.", IN_2021)
    assert mention.parties == ("ARM", "AZE")
    assert mention.place is not None
    assert (mention.place.name, mention.place.country, mention.place.text) == ("Moscow", "RUS", "in Moscow")


def test_a_visit_to_a_capital_is_a_visit_to_its_state():
    mention = only("Lavrov arrived in Baku.", IN_2021)
    assert mention.event_code == "042"
    assert mention.actor1.name == "Sergey Lavrov"
    assert mention.actor2.country == "AZE"


# --- several parties


def test_coordinated_adjectives_make_one_dyad_per_pair():
    mentions = code(
        "On November 10, the Azerbaijani, Russian and Armenian leaders signed a statement.", D(2020, 11, 10)
    )
    assert sorted(m.parties for m in mentions) == [("ARM", "AZE"), ("ARM", "RUS"), ("AZE", "RUS")]
    assert {m.event_code for m in mentions} == {"057"}
    assert {m.event_date for m in mentions} == {D(2020, 11, 10)}
    assert len({m.sentence_index for m in mentions}) == 1


def test_the_two_leaders_are_the_parties_of_the_previous_event():
    text = (
        "Putin held talks with Aliyev in Moscow on Monday. "
        "Pashinyan stayed in Yerevan. "
        "The two leaders signed a joint declaration."
    )
    mentions = code(text, IN_2021)
    signing = [m for m in mentions if m.event_code == "057"]
    assert len(signing) == 1
    assert signing[0].sentence_index == 2
    assert names(signing[0]) == {"Vladimir Putin", "Ilham Aliyev"}


# --- modality


def test_will_pay_an_official_visit_is_planned():
    mention = only("Azerbaijani Foreign Minister Elmar Mammadyarov will pay an official visit to Russia.")
    assert mention.event_code == "042"
    assert mention.status == "planned"
    assert mention.actor1.name == "Elmar Mammadyarov"
    assert mention.actor2.country == "RUS"


def test_scheduled_on_wednesday_in_a_tuesday_article_is_the_next_day_planned():
    mention = only("Lavrov is scheduled to meet Mammadyarov on Wednesday.", TUESDAY)
    assert mention.status == "planned"
    assert (mention.event_date, mention.date_precision) == (D(2019, 12, 4), "day")
    assert mention.date_text == "on Wednesday"


def test_met_on_wednesday_in_a_tuesday_article_is_the_week_before():
    mention = only("Lavrov met Mammadyarov on Wednesday.", TUESDAY)
    assert mention.status == "occurred"
    assert mention.event_date == D(2019, 11, 27)


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Lavrov and Mammadyarov will be held in Moscow on Friday.",
        "Aliyev and Putin are to meet in Sochi on Friday.",
    ],
)
def test_to_be_held_on_friday_is_planned_for_the_coming_friday(text):
    mention = only(text, TUESDAY)
    assert mention.status == "planned"
    assert mention.event_date == D(2019, 12, 6)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting of Aliyev and Putin will be held in Sochi on Friday.",
        "Talks between Lavrov and Mammadyarov are to be held in Moscow on Friday.",
    ],
)
def test_a_meeting_of_named_parties_to_be_held_on_friday_is_planned(text):
    mention = only(text, TUESDAY)
    assert mention.status == "planned"
    assert mention.event_date == D(2019, 12, 6)


@pytest.mark.parametrize(
    ("fact", "not_a_fact"),
    [
        (
            "Lavrov and Mammadyarov met in Moscow.",
            "Lavrov and Mammadyarov could meet in Moscow if the situation allows.",
        ),
        (
            "Azerbaijan and Russia adopted a joint statement.",
            "Azerbaijan would like to adopt a joint statement with Russia.",
        ),
        ("Lavrov and Mammadyarov met in Moscow.", "Lavrov and Mammadyarov may meet in Moscow next week."),
    ],
)
def test_hypothetical_actions_are_not_coded(fact, not_a_fact):
    assert len(code(fact)) == 1
    assert code(not_a_fact) == []


@pytest.mark.parametrize(
    ("fact", "negated"),
    [
        ("Mammadyarov signed the agreement with Lavrov.", "Mammadyarov did not sign the agreement with Lavrov."),
        ("Aliyev met Putin in Sochi.", "Aliyev never met Putin in Sochi."),
    ],
)
def test_negated_actions_are_not_coded(fact, negated):
    assert len(code(fact)) == 1
    assert code(negated) == []


def test_a_refusal_is_coded_but_not_the_meeting_refused():
    mention = only("Mammadyarov refused to participate in the meeting with Mnatsakanyan in Moscow.")
    assert mention.event_code[:2] == "12"
    assert mention.actor1.name == "Elmar Mammadyarov"
    assert mention.actor2.name == "Zohrab Mnatsakanyan"


def test_a_cancelled_meeting_is_not_coded():
    assert code("The meeting between Lavrov and Mammadyarov was cancelled.") == []


@pytest.mark.parametrize(
    ("fact", "total"),
    [
        (
            "Azerbaijan and Russia signed three documents on Monday.",
            "More than 150 documents have been signed between Azerbaijan and Russia.",
        ),
        (
            "Azerbaijan and Russia signed three documents on Monday.",
            "Azerbaijan and Russia have signed more than 150 documents.",
        ),
    ],
)
def test_cumulative_totals_are_not_coded(fact, total):
    assert only(fact).event_code == "057"
    assert code(total) == []


def test_ongoing_condition_without_a_date_is_not_coded():
    assert only("Lavrov and Bayramov held negotiations on Monday.", IN_2021).event_code[:2] == "04"
    assert code("Lavrov and Bayramov are currently holding negotiations on the peace treaty.", IN_2021) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian Foreign Minister Sergey Lavrov said relations with Azerbaijan are developing intensively.",
        "President Ilham Aliyev chaired a cabinet meeting.",
    ],
)
def test_opinions_and_single_party_happenings_are_not_coded(text):
    assert code(text) == []


def test_a_relative_clause_on_the_subject_does_not_lose_either_action():
    mentions = code("Lavrov, who arrived in Baku on Monday, met Mammadyarov.", TUESDAY)
    assert {m.event_code for m in mentions} >= {"042", "040"}
    assert {m.parties for m in mentions} == {("AZE", "RUS")}


def test_withdrawing_peacekeepers_from_azerbaijan_is_coded():
    mention = only("Russia withdrew its peacekeepers from Azerbaijan on Monday.", TUESDAY)
    assert mention.event_code == "0874"
    assert mention.parties == ("AZE", "RUS")
    assert mention.actor1.country == "RUS"


def test_peacekeepers_withdrawing_from_karabakh_is_a_russia_azerbaijan_event():
    mention = only("Russian peacekeepers withdrew from Karabakh on Monday.", TUESDAY)
    assert mention.event_code[:2] == "08"
    assert mention.parties == ("AZE", "RUS")


# --- dates


def test_an_undated_happening_takes_the_publication_date():
    mention = only("Putin and Aliyev held a phone conversation.", TUESDAY)
    assert mention.event_code == "041"
    assert (mention.event_date, mention.date_precision) == (TUESDAY, "day")
    assert mention.date_text is None
    assert mention.status == "occurred"


def test_in_1994_is_year_precision():
    mention = only("Russia and Azerbaijan signed a ceasefire agreement in 1994.", TUESDAY)
    assert (mention.event_date, mention.date_precision) == (D(1994, 1, 1), "year")
    assert mention.date_text == "in 1994"


def test_without_a_publication_date_a_month_and_day_has_no_year():
    mention = only("On August 19, Lavrov and Bayramov held talks in Moscow.", None)
    assert mention.event_date is None
    assert mention.month_day == (8, 19)
    assert mention.date_precision == "none"
    assert mention.date_text == "On August 19"


def test_without_a_publication_date_an_undated_happening_is_not_coded():
    assert code("Putin and Aliyev held a phone conversation.", None) == []


def test_earlier_is_the_publication_month():
    mention = only("Earlier, Lavrov met Mammadyarov.", TUESDAY)
    assert (mention.event_date, mention.date_precision) == (D(2019, 12, 1), "month")
    assert mention.date_text is None


def test_an_undated_mention_takes_the_date_of_the_same_happening_dated_in_the_article():
    text = "Lavrov met Mammadyarov in Moscow on Monday. Lavrov and Mammadyarov discussed the peace process."
    first, second = code(text, TUESDAY)
    assert first.date_text == "on Monday"
    assert second.date_text is None
    assert second.event_date == first.event_date == D(2019, 12, 2)


# --- what a mention records


def test_mentions_record_their_sentence_and_offsets():
    text = "The ministers arrived. Lavrov held talks with Bayramov in Moscow on Monday."
    mention = only(text, IN_2021)
    assert mention.sentence_index == 1
    assert text[mention.char_start : mention.char_end] == mention.sentence
    assert mention.sentence.startswith("Lavrov held talks")
    assert mention.trigger in mention.sentence
    assert 0 < mention.confidence <= 1


def test_parallel_coding_gives_the_same_mentions(monkeypatch):
    import pipeline.extract as extract

    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "text": [
                "Russian Foreign Minister Sergey Lavrov held talks with Jeyhun Bayramov in Moscow on Monday.",
                "Azerbaijan summoned the Russian ambassador on Tuesday.",
                "Putin and Aliyev signed a declaration on February 22.",
            ],
            "language": ["en", "en", "en"],
            "published_date": pd.to_datetime(["2022-12-23", "2025-07-02", "2022-04-21"]),
            "status": ["coded"] * 3,
        }
    )
    serial, _ = extract.code_articles(articles)
    monkeypatch.setattr(extract, "PARALLEL_MIN_ARTICLES", 1)
    parallel, _ = extract.code_articles(articles)
    assert len(serial) >= 3
    pd.testing.assert_frame_equal(serial, parallel)


def test_last_week_is_coded_with_the_days_of_that_week():
    [mention] = code(
        "Russian police raided the homes of Azerbaijanis in Yekaterinburg last week.",
        published=datetime.date(2025, 7, 2),
    )
    assert (mention.event_date, mention.date_precision) == (datetime.date(2025, 6, 1), "month")
    assert mention.date_span == (datetime.date(2025, 6, 23), datetime.date(2025, 6, 29))


def test_a_happening_reported_on_a_day_can_only_be_up_to_that_day():
    [raid, *_] = code(
        "Azerbaijan's foreign ministry said on June 12 that two Azerbaijanis died during a raid carried out by "
        "Russian police.",
        published=datetime.date(2025, 6, 20),
    )
    assert raid.event_code == "170"
    assert (raid.event_date, raid.date_precision) == (datetime.date(2025, 6, 1), "month")
    assert raid.date_span == (datetime.date(2025, 6, 1), datetime.date(2025, 6, 12))


def test_a_capital_after_protests_from_is_the_protester_not_a_place():
    mention = only("The arrests followed official protests from Baku against Moscow.", published=D(2025, 7, 2))
    assert coded_as(mention) == ("114", "AZE", "RUS")


def test_a_passive_summons_is_made_by_the_ministry_it_went_to():
    mention = only("Russia's ambassador was summoned to the Azerbaijani Foreign Ministry on Monday.")
    assert coded_as(mention) == ("114", "AZE", "RUS")


def test_a_passive_accusation_is_made_by_its_agent():
    mention = only("Armenia was accused by Azerbaijan of violating the ceasefire on Monday.")
    assert coded_as(mention) == ("112", "AZE", "ARM")


@pytest.mark.parametrize(
    "text",
    [
        "Armenia was accused of violating the ceasefire on Monday.",
        "Aliyev spoke with Putin on Monday. The ministry said Russian officials accused of abuses were dismissed.",
        "Aliyev spoke with Putin on Monday. Russian officials were criticised for the delays.",
    ],
)
def test_a_passive_accusation_with_no_accuser_named_is_not_coded(text):
    assert [m.event_code for m in code(text) if m.event_code[:2] == "11"] == []


def test_an_active_summons_with_its_date_before_the_object_is_not_read_as_passive():
    mention = only("Azerbaijan summoned on Monday the Russian ambassador.")
    assert coded_as(mention) == ("114", "AZE", "RUS")


def test_what_it_called_is_said_by_the_first_party_of_the_clause():
    mentions = code(
        "The Foreign Ministry in Yerevan summoned the Azerbaijani ambassador on Monday to protest what it called "
        "an act of aggression.",
        published=D(2023, 3, 8),
    )
    assert {(m.trigger, m.actor1.party, m.actor2.party) for m in mentions} == {
        ("summoned", "ARM", "AZE"),
        ("what it called", "ARM", "AZE"),
    }


def test_a_refusal_of_a_meeting_scheduled_later_happened_when_reported():
    mentions = code(
        "Yerevan refused to take part in the meeting of the Russian and Armenian foreign ministers "
        "scheduled for May 30.",
        published=D(2024, 5, 20),
    )
    refusals = [m for m in mentions if m.event_code == "125"]
    assert refusals and all(
        (m.status, m.event_date, m.date_text) == ("occurred", D(2024, 5, 20), None) for m in refusals
    )


def test_a_cancelled_meeting_planned_for_a_later_day_is_an_occurred_cancellation():
    mention = only("Baku cancelled the meeting with Russian officials planned for June 30.", published=D(2025, 6, 29))
    assert (mention.event_code, mention.status, mention.event_date) == ("161", "occurred", D(2025, 6, 29))


def test_each_party_of_a_coordinated_subject_acts():
    mentions = code("Azerbaijan and Turkey condemned Armenia on Monday.", published=D(2022, 12, 20))
    assert {(m.actor1.party, m.actor2.party) for m in mentions} == {("AZE", "ARM"), ("TUR", "ARM")}


# --- Azerbaijani: the verb comes last, case endings mark who does what to whom

THURSDAY = D(2024, 12, 26)  # a Thursday


def test_an_azerbaijani_article_is_coded_to_its_pairs_codes_and_dates():
    text = (
        "Azərbaycanın xarici işlər naziri Ceyhun Bayramov çərşənbə axşamı Moskvada Sergey Lavrovla görüşüb. "
        "Prezident İlham Əliyev dünən Rusiya Prezidenti Vladimir Putinlə telefon danışığı aparıb. "
        "Hökumətlərarası saziş isə hələ imzalanmayıb."
    )
    meeting, call = code(text, THURSDAY, "az")
    assert (meeting.event_code, meeting.parties, meeting.status) == ("040", ("AZE", "RUS"), "occurred")
    assert names(meeting) == {"Jeyhun Bayramov", "Sergey Lavrov"}
    assert (meeting.event_date, meeting.date_precision, meeting.date_text) == (
        D(2024, 12, 24),
        "day",
        "çərşənbə axşamı",
    )
    assert (call.event_code, call.status, call.date_text) == ("041", "occurred", "dünən")
    assert (names(call), call.event_date) == ({"Ilham Aliyev", "Vladimir Putin"}, D(2024, 12, 25))


def test_azerbaijani_planned_visit_goes_to_the_state_in_the_dative():
    mention = only("Lavrov gələn həftə Bakıya səfər edəcək.", THURSDAY, "az")
    assert (mention.event_code, mention.status, mention.kind) == ("042", "planned", "visit")
    assert (mention.actor1.name, mention.actor2.code) == ("Sergey Lavrov", "AZEGOV")
    assert (mention.event_date, mention.date_precision) == (D(2025, 1, 1), "month")


@pytest.mark.parametrize(
    "text",
    [
        "Bayramov çərşənbə axşamı Lavrovla görüşməyib.",  # negated verb
        "Bayramov ilə Lavrov arasında görüş keçirilməyib.",  # negated verb after a noun trigger
        "Əliyevlə Putin arasında telefon danışığı olmayıb.",
        "Bayramov Lavrovla görüşə bilər.",  # possible
        "Əgər Bayramov Moskvaya gəlsə, Lavrovla görüşəcək.",  # conditional
        "Bayramov ilə Lavrov arasında görüş ləğv edilib.",  # called off
    ],
)
def test_azerbaijani_negated_possible_and_cancelled_actions_are_not_coded(text):
    assert code(text, THURSDAY, "az") == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Azərbaycan Rusiyanı ittiham edib.", ("AZE", "RUS")),  # accusative target
        ("Rusiya Azərbaycana qarşı ittihamlar səsləndirib.", ("RUS", "AZE")),  # "qarşı": against
        ("Azərbaycan XİN-i Rusiyanın bəyanatını pisləyib.", ("AZE", "RUS")),  # the owner of the object
        ("Rusiya tərəfindən Azərbaycana hücum edilib.", ("RUS", "AZE")),  # the passive agent
    ],
)
def test_azerbaijani_directed_actions_read_actor_and_target_from_case(text, pair):
    mention = only(text, THURSDAY, "az")
    assert (mention.actor1.country, mention.actor2.country) == pair
    assert mention.kind == "directed"


def test_an_azerbaijani_passive_without_its_agent_is_not_guessed():
    assert code("Rusiyanın Bakıdakı səfiri Xarici İşlər Nazirliyinə çağırılıb.", THURSDAY, "az") == []


def test_without_a_publication_date_an_undated_azerbaijani_happening_is_not_coded():
    assert code("Bayramov dünən Lavrovla görüşüb.", None, "az") == []


def test_a_language_without_patterns_is_rejected_with_the_reason():
    import pipeline.extract as extract

    articles = pd.DataFrame(
        {
            "article_id": ["a1"],
            "text": ["Dışişleri bakanları dün Moskova'da görüştü."],
            "language": ["tr"],
            "published_date": pd.to_datetime(["2024-12-26"]),
            "status": ["coded"],
        }
    )
    coded, errors = extract.code_articles(articles)
    assert coded.empty
    assert errors.to_dict("records") == [
        {"article_id": "a1", "reason": "unsupported language: tr (no action patterns or date grammar for it)"}
    ]


def test_no_document_signed_is_not_a_signing():
    assert code("No agreement was signed in Sochi.", published=D(2014, 8, 10)) == []


def test_parties_accusing_each_other_accuse_both_ways():
    mentions = code("Azerbaijan and Armenia accused each other on Tuesday of provocations.", published=D(2020, 7, 14))
    assert {coded_as(m) for m in mentions} == {
        ("112", "AZE", "ARM"),
        ("112", "ARM", "AZE"),
    }


def test_a_call_with_two_leaders_is_one_call_with_each():
    mentions = code(
        "Lavrov held phone talks on Monday with Azerbaijan's Elmar Mammadyarov and Armenia's Zohrab Mnatsakanyan.",
        published=D(2020, 7, 14),
    )
    assert {m.parties for m in mentions} == {("AZE", "RUS"), ("ARM", "RUS")}
    assert {m.event_date for m in mentions} == {D(2020, 7, 13)}


def test_a_relative_clause_of_a_dated_meeting_shares_its_date():
    mentions = code(
        "The statement followed a meeting on Saturday at which Antony Blinken hosted the Azerbaijani president.",
        published=D(2023, 2, 21),
    )
    assert mentions and {m.event_date for m in mentions} == {D(2023, 2, 18)}


def test_the_same_day_refers_to_a_day_not_to_a_year():
    mentions = code(
        "Putin discussed with Aliyev by phone the events planned for next year. "
        "The same day, Putin held a telephone conversation with Pashinyan.",
        published=D(2017, 12, 24),
    )
    call = next(m for m in mentions if m.parties == ("ARM", "RUS"))
    assert (call.event_date, call.date_precision) == (D(2017, 12, 24), "day")


def test_an_undated_meeting_does_not_take_the_date_of_a_planned_one():
    mentions = code(
        "The generals met in Moscow. Medvedev will travel to Yerevan on Thursday to meet Armenian officials.",
        published=D(2016, 4, 5),
    )
    assert all(m.event_date == D(2016, 4, 5) for m in mentions if m.status == "occurred")


def test_a_happening_named_over_what_someone_called_it_is_not_a_protest():
    mentions = code('Putin apologised to Aliyev on Saturday over what the Kremlin called a "tragic incident".')
    assert [m.event_code for m in mentions] == ["055"]


def test_reported_speech_in_the_pluperfect_is_recent_not_long_ago():
    mentions = code(
        "The Russian Foreign Ministry said that Moscow had brokered a ceasefire between Baku and Yerevan.",
        published=D(2022, 9, 14),
    )
    assert {(m.event_code, m.event_date, m.date_precision) for m in mentions} == {("0871", D(2022, 9, 1), "month")}


def test_a_state_adjective_before_an_action_noun_is_its_actor():
    mention = only("Armenia asked for help after a large-scale Azerbaijani attack on Armenia on Tuesday.")
    assert coded_as(mention) == ("190", "AZE", "ARM")
    joint = only("Russian-Turkish talks in Sochi took place on Monday.")
    assert joint.parties == ("RUS", "TUR")


def test_a_directed_actions_target_is_not_sought_past_a_new_clause():
    mentions = code(
        "Armenian forces shelled villages along the border, as Russia urged restraint on Tuesday.",
        published=D(2020, 7, 14),
    )
    assert all(m.parties != ("ARM", "RUS") for m in mentions)


def test_parties_fighting_with_no_target_fight_each_other():
    mention = only("Azerbaijani and Armenian troops opened fire on Tuesday.", published=D(2020, 7, 14))
    assert mention.parties == ("ARM", "AZE")


def test_earlier_in_the_day_is_the_same_day():
    mention = only("Earlier in the day, Lavrov met Bayramov in Moscow.", published=D(2023, 5, 25))
    assert (mention.event_date, mention.date_precision) == (D(2023, 5, 25), "day")


def test_an_organisation_named_as_the_venue_is_not_a_party():
    mentions = code("On the sidelines of a summit of the Commonwealth of Independent States, Putin met Aliyev.")
    assert {m.parties for m in mentions} == {("AZE", "RUS")}


def test_a_condemned_action_named_by_its_state_adjective_is_the_target():
    mentions = code("Turkey condemned the Armenian shelling of villages on Monday.", published=D(2020, 7, 14))
    assert [coded_as(m) for m in mentions] == [("111", "TUR", "ARM")]


def test_a_pronoun_before_the_action_is_the_person_named_before_it():
    mention = only(
        "From Baku, Putin returns home, where on Tuesday he will host Turkish President Tayyip Erdogan.",
        published=D(2016, 8, 5),
    )
    assert (mention.parties, mention.status, mention.event_date) == (("RUS", "TUR"), "planned", D(2016, 8, 9))


def test_his_meeting_with_is_a_meeting_of_the_person_named_before():
    mentions = code("Mammadyarov said his meeting with Armenian Foreign Minister Nalbandian on January 18 was useful.")
    assert [(m.event_code, m.parties) for m in mentions] == [("040", ("ARM", "AZE"))]


def test_a_cleft_sentence_keeps_its_date():
    mentions = code("In May 1994 it was Russian mediation that produced the ceasefire between Azerbaijan and Armenia.")
    assert {(m.event_code, m.event_date, m.date_precision) for m in mentions} == {("0871", D(1994, 5, 1), "month")}
    assert {m.parties for m in mentions} == {("ARM", "AZE"), ("AZE", "RUS"), ("ARM", "RUS")}


def test_would_after_a_reporting_verb_is_the_future_of_the_report():
    mention = only("Peskov said Putin would visit Baku on Thursday.", published=D(2024, 8, 13))
    assert (mention.status, mention.event_date) == ("planned", D(2024, 8, 15))
    assert code("Putin would visit Baku if invited.") == []


def test_an_apology_with_no_one_named_is_to_the_other_party_just_discussed():
    mentions = code(
        "Putin had a phone call with Aliyev on Saturday. Putin apologised that the incident had occurred in "
        "Russian airspace.",
        published=D(2024, 12, 29),
    )
    apology = next(m for m in mentions if m.event_code == "055")
    # undated, it continues the story on the day the article last named: the Saturday of the call
    assert (apology.actor1.party, apology.actor2.party, apology.event_date) == ("RUS", "AZE", D(2024, 12, 28))


def test_a_noun_phrase_opened_by_a_state_adjective_is_an_actor_not_otherwise_named():
    mention = only(
        "Turkish F-16 jets shot down a Russian bomber near the border on Tuesday.", published=D(2015, 11, 24)
    )
    assert coded_as(mention) == ("190", "TUR", "RUS")


def test_a_verb_coordinated_after_a_long_clause_has_the_sentences_subject():
    mention = only(
        "Aliyev said the airliner that crashed near Aktau had been hit by fire from the ground over Russia, "
        "and demanded that Moscow admit guilt.",
        published=D(2024, 12, 30),
    )
    assert coded_as(mention) == ("100", "AZE", "RUS")


def test_an_undated_mention_takes_no_date_from_a_later_sentence():
    mentions = code(
        "Putin and Aliyev signed a statement on Monday after talks in Baku. "
        "On Sunday evening the two presidents held an informal conversation.",
        published=D(2024, 8, 19),
    )
    talks = next(m for m in mentions if m.trigger.startswith("talks"))
    assert talks.event_date == D(2024, 8, 19)


def test_a_happening_named_as_a_reference_is_coded_with_its_date_later_in_its_clause():
    mentions = code(
        "It will be the first meeting of the two leaders since Turkish jets shot down a Russian bomber near the "
        "Syrian border last November.",
        published=D(2016, 8, 8),
    )
    downing = [m for m in mentions if m.event_code == "190"]
    assert [(m.actor1.party, m.actor2.party, m.event_date, m.date_precision) for m in downing] == [
        ("TUR", "RUS", D(2015, 11, 1), "month")
    ]


def test_a_planned_meeting_referred_to_again_keeps_the_day_it_was_announced_for():
    mentions = code(
        "Putin returns home, where on Tuesday he will host Turkish President Tayyip Erdogan. It will be the first "
        "meeting of the two leaders in a year.",
        published=D(2016, 8, 8),
    )
    assert {(m.sentence_index, m.status, m.event_date, m.date_precision) for m in mentions} == {
        (0, "planned", D(2016, 8, 9), "day"),
        (1, "planned", D(2016, 8, 9), "day"),
    }


def test_an_undated_report_continues_the_story_on_the_last_day_its_article_named():
    mentions = code(
        "Armenia said Azerbaijani forces shelled its positions on Tuesday. Russia sent a note of protest to Baku. "
        "Aliyev had met Putin on June 1, 2020.",
        published=D(2022, 9, 15),
    )
    protest = next(m for m in mentions if m.event_code == "114")
    assert (protest.event_date, protest.date_precision, protest.date_text) == (D(2022, 9, 13), "day", None)


def test_an_undated_report_takes_the_publication_day_when_the_last_named_day_is_long_before():
    mentions = code("Aliyev met Putin on June 1. Russia sent a note of protest to Baku.", published=D(2022, 9, 15))
    protest = next(m for m in mentions if m.event_code == "114")
    assert (protest.event_date, protest.date_precision) == (D(2022, 9, 15), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan's Foreign Ministry said that it had summoned Russia's ambassador on Friday.",
        "Azerbaijan's Foreign Ministry said it summoned Russia's ambassador on Friday.",
    ],
)
def test_a_pronoun_opening_a_reported_clause_is_its_speaker(text):
    mention = only(text, published=D(2025, 6, 30))
    assert coded_as(mention) == ("114", "AZE", "RUS")


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at talks with Azerbaijani President Ilham Aliyev in Dushanbe on October 9, on the sidelines of a "
        "CIS summit, Putin said the missiles had exploded near the aircraft.",
        "After meeting Aliyev in Baku on October 9, Putin flew to Tehran.",
    ],
)
def test_an_opening_participle_phrase_has_the_main_clauses_subject(text):
    mentions = [m for m in code(text, published=D(2025, 10, 10)) if m.event_code == "040"]
    assert [(m.actor1.party, m.actor2.party, m.event_date) for m in mentions] == [("RUS", "AZE", D(2025, 10, 9))]


def test_a_counted_sector_noun_is_not_the_forces_last_named():
    mentions = code(
        "Russia's military hosted the talks on Monday. More than 60 soldiers have been killed since fighting "
        "between Azerbaijani and Armenian forces flared on Saturday.",
        published=D(2016, 4, 5),
    )
    assert {m.parties for m in mentions} == {("ARM", "AZE")}


def test_a_definite_sector_noun_is_the_forces_last_named():
    mentions = code(
        "Russian peacekeepers were deployed on Monday. Armenian forces shelled the peacekeepers on Tuesday.",
        published=D(2016, 4, 6),
    )
    assert [coded_as(m) for m in mentions] == [("190", "ARM", "RUS")]


def test_talks_between_two_parties_do_not_take_the_sentences_subject_as_a_third():
    mentions = code(
        "The Moscow round follows four days of negotiations between Bayramov and Mirzoyan earlier this month.",
        published=D(2023, 5, 20),
    )
    assert [(m.event_code, m.parties) for m in mentions] == [("046", ("ARM", "AZE"))]
