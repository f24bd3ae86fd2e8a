import datetime

import pandas as pd

from pipeline import merge
from pipeline.extract import CODED_COLUMNS, code_articles

D = datetime.date

LAVROV = ("Sergey Lavrov", "RUSGOV", "RUS", None, True)
BAYRAMOV = ("Jeyhun Bayramov", "AZEGOV", "AZE", None, True)
PUTIN = ("Vladimir Putin", "RUSGOV", "RUS", None, True)
ALIYEV = ("Ilham Aliyev", "AZEGOV", "AZE", None, True)
PASHINYAN = ("Nikol Pashinyan", "ARMGOV", "ARM", None, True)


def mention(
    article_id: str,
    code: str,
    date: str | None,
    precision: str = "day",
    date_text: str | None = "on Monday",
    status: str = "occurred",
    actor1=LAVROV,
    actor2=BAYRAMOV,
    sentence_index: int = 0,
    month_day: str | None = None,
    kind: str = "joint",
    location: str | None = None,
    span: tuple[str, str] | None = None,
) -> dict:
    """One coded mention, as pipeline.extract.code_articles writes it."""
    row = {
        "article_id": article_id,
        "sentence_index": sentence_index,
        "char_start": 0,
        "char_end": 40,
        "sentence": f"sentence {sentence_index} of {article_id}",
        "event_code": code,
        "trigger": "met",
        "date_text": date_text,
        "event_date": date,
        "date_precision": precision,
        "month_day": month_day,
        "date_earliest": span[0] if span else None,
        "date_latest": span[1] if span else None,
        "status": status,
        "confidence": 0.9 if date_text else 0.7,
        "kind": kind,
        "location_name": location,
        "location_text": f"in {location}" if location else None,
        "location_country": "RUS" if location else None,
        "geonames_id": None,
        "latitude": None,
        "longitude": None,
    }
    for n, (name, actor_code, country, group, is_person) in ((1, actor1), (2, actor2)):
        row |= {
            f"actor{n}_name": name,
            f"actor{n}_code": actor_code,
            f"actor{n}_country": country,
            f"actor{n}_group": group,
            f"actor{n}_is_person": is_person,
        }
    return row


def coded(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=CODED_COLUMNS)
    for column in ("event_date", "date_earliest", "date_latest"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def articles(*rows: tuple) -> pd.DataFrame:
    """(article_id, published_date or None, outlet[, text[, duplicate_of]])."""
    records = []
    for row in rows:
        article_id, published, outlet = row[:3]
        records.append(
            {
                "article_id": article_id,
                "text": row[3] if len(row) > 3 else "",
                "language": "en",
                "published_date": pd.Timestamp(published) if published else None,
                "status": "coded",
                "outlet": outlet,
                "duplicate_of": row[4] if len(row) > 4 else None,
                "story_id": "s" + article_id,
            }
        )
    frame = pd.DataFrame(records)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame


def merged(articles_frame: pd.DataFrame, previous: pd.DataFrame | None = None):
    """Code the articles with the real coder and merge them."""
    result = code_articles(articles_frame)
    if isinstance(result, tuple):  # (coded_mentions, coding_errors)
        result, errors = result
        assert errors.empty, errors.to_dict("records")
    return merge.merge_events(result, articles_frame, previous)


def one(events: pd.DataFrame) -> pd.Series:
    assert len(events) == 1, events[["event_id", "event_date", "date_precision", "event_code"]]
    return events.iloc[0]


# --- the same happening in several articles


def test_the_same_meeting_from_three_outlets_is_one_event():
    arts = articles(
        ("a1", "2021-04-13", "Trend", "Lavrov held talks with Bayramov in Moscow on Monday."),
        (
            "a2",
            "2021-04-14",
            "AzerNews",
            "On Monday, Russian Foreign Minister Sergey Lavrov met his Azerbaijani counterpart in Moscow.",
        ),
        ("a3", "2021-04-15", "TASS", "Lavrov and Bayramov held talks in Moscow on April 12."),
    )
    events, mentions = merged(arts)
    event = one(events)
    assert event["event_date"] == D(2021, 4, 12)
    assert event["date_precision"] == "day"
    assert event["event_root_code"] == "04"
    assert (event["n_articles"], event["n_sources"], event["n_mentions"]) == (3, 3, 3)
    assert pd.Timestamp(event["first_reported"]) == pd.Timestamp("2021-04-13")
    assert event["status"] == "occurred"
    assert not event["is_background"]
    assert {event["actor1_name"], event["actor2_name"]} == {"Sergey Lavrov", "Jeyhun Bayramov"}
    assert set(mentions["article_id"]) == {"a1", "a2", "a3"}
    assert set(mentions["event_id"]) == {event["event_id"]}


def test_two_articles_of_one_outlet_are_one_source():
    arts = articles(("a1", "2021-04-13", "Trend"), ("a2", "2021-04-14", "Trend"))
    events, _ = merge.merge_events(coded(mention("a1", "040", "2021-04-12"), mention("a2", "040", "2021-04-12")), arts)
    event = one(events)
    assert (event["n_articles"], event["n_sources"]) == (2, 1)


def test_mentions_in_several_sentences_of_one_article_count_once_per_sentence():
    arts = articles(("a1", "2021-04-13", "Trend"))
    rows = coded(
        mention("a1", "042", "2021-04-12", kind="visit"),
        mention("a1", "040", "2021-04-12", sentence_index=1),
        mention("a1", "040", "2021-04-12", sentence_index=2),
    )
    events, mentions = merge.merge_events(rows, arts)
    event = one(events)
    assert event["event_code"] == "042"  # the most informative code of the mentions
    assert (event["n_mentions"], event["n_articles"]) == (3, 1)
    assert len(mentions) == 3


# --- planned, then reported as occurred


def test_a_planned_visit_then_its_report_is_one_occurred_event_keeping_the_planned_id():
    planned = articles(("a1", "2021-04-05", "Trend", "Bayramov will pay an official visit to Moscow."))
    first, _ = merged(planned)
    planned_event = one(first)
    assert planned_event["status"] == "planned"
    assert planned_event["date_precision"] == "month"

    both = articles(
        ("a1", "2021-04-05", "Trend", "Bayramov will pay an official visit to Moscow."),
        ("a2", "2021-04-13", "TASS", "Bayramov visited Moscow on Monday."),
    )
    second, _ = merged(both, previous=first)
    event = one(second)
    assert event["status"] == "occurred"
    assert (event["event_date"], event["date_precision"]) == (D(2021, 4, 12), "day")
    assert event["n_articles"] == 2
    assert event["event_id"] == planned_event["event_id"]
    # without the previous release the identity (now a day date) would give another id
    fresh, _ = merged(both)
    assert one(fresh)["event_id"] != planned_event["event_id"]


def test_planned_and_occurred_mentions_of_one_day_are_one_event():
    arts = articles(("a1", "2021-04-09", "Trend"), ("a2", "2021-04-13", "TASS"))
    rows = coded(
        mention("a1", "042", "2021-04-12", status="planned", kind="visit", actor1=BAYRAMOV, actor2=LAVROV),
        mention("a2", "042", "2021-04-12", kind="visit", actor1=BAYRAMOV, actor2=LAVROV),
    )
    events, _ = merge.merge_events(rows, arts)
    event = one(events)
    assert event["status"] == "occurred"
    assert not event["summary"].endswith("(planned).")


def test_a_planned_event_alone_stays_planned():
    arts = articles(("a1", "2021-04-09", "Trend"))
    events, _ = merge.merge_events(
        coded(mention("a1", "042", "2021-04-12", status="planned", kind="visit", actor1=BAYRAMOV, actor2=LAVROV)),
        arts,
    )
    event = one(events)
    assert event["status"] == "planned"
    assert event["summary"].endswith("(planned).")


# --- different happenings stay apart


def test_a_call_on_the_22nd_and_talks_on_the_23rd_are_two_events():
    arts = articles(
        (
            "a1",
            "2021-09-24",
            "Trend",
            "Lavrov and Bayramov held a telephone conversation on September 22. "
            "Lavrov and Bayramov held talks in New York on September 23.",
        )
    )
    events, _ = merged(arts)
    assert len(events) == 2
    by_date = events.set_index("event_date")
    assert by_date.loc[D(2021, 9, 22), "event_code"] == "041"
    assert by_date.loc[D(2021, 9, 23), "event_code"] == "040"
    assert events["event_id"].is_unique


def test_a_visit_starting_on_the_18th_and_talks_on_the_19th_are_two_events():
    arts = articles(("a1", "2021-04-20", "Trend"))
    rows = coded(
        mention("a1", "042", "2021-04-18", kind="visit"),
        mention("a1", "040", "2021-04-19", sentence_index=1),
    )
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["event_date"]) == [D(2021, 4, 18), D(2021, 4, 19)]


def test_merging_is_blocked_on_parties():
    arts = articles(("a1", "2020-11-10", "Trend"))
    rows = coded(
        mention("a1", "040", "2020-11-09", actor1=PUTIN, actor2=ALIYEV),
        mention("a1", "040", "2020-11-09", actor1=PUTIN, actor2=PASHINYAN, sentence_index=1),
    )
    events, _ = merge.merge_events(rows, arts)
    assert len(events) == 2
    pairs = {frozenset((e["actor1_country"], e["actor2_country"])) for _, e in events.iterrows()}
    assert pairs == {frozenset(("RUS", "AZE")), frozenset(("RUS", "ARM"))}


def test_merging_is_blocked_on_root():
    arts = articles(("a1", "2020-11-10", "Trend"))
    rows = coded(
        mention("a1", "040", "2020-11-09", actor1=PUTIN, actor2=ALIYEV),
        mention("a1", "057", "2020-11-09", actor1=PUTIN, actor2=ALIYEV, sentence_index=1),
    )
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["event_root_code"]) == ["04", "05"]


def test_a_summons_and_a_statement_of_the_same_day_are_two_events():
    arts = articles(
        (
            "a1",
            "2025-06-30",
            "Outlet A",
            "The Foreign Ministry in Baku summoned Russia's charge d'affaires on Saturday to protest what it called "
            "the killing of two Azerbaijanis.",
        ),
        ("a2", "2025-06-29", "Outlet B", "Azerbaijan's Foreign Ministry condemned Russia on June 28."),
        ("a3", "2025-06-30", "Outlet C", "The search followed official protests from Baku against Moscow."),
    )
    events, mentions = merged(arts)
    events = events[events["event_root_code"] == "11"]
    assert sorted(events["event_code"]) == ["111", "114"]
    assert set(events["event_date"]) == {D(2025, 6, 28)}
    summons = events[events["event_code"] == "114"].iloc[0]
    assert summons["n_articles"] == 2  # the later report of official protests joins the summons
    # "what it called" in the summons' sentence is the summons' protest, not the day's statement
    assert set(mentions[mentions["article_id"] == "a1"]["event_id"]) & set(events["event_id"]) == {summons["event_id"]}


def test_a_published_summons_keeps_its_id_when_a_statement_of_its_day_arrives():
    first_article = (
        "a1", "2025-06-30", "Outlet A", "The Foreign Ministry in Baku summoned Russia's ambassador on Saturday."
    )  # fmt: skip
    first, _ = merged(articles(first_article))
    second, _ = merged(
        articles(first_article, ("a2", "2025-06-29", "Outlet B", "Baku condemned Moscow on June 28.")), first
    )
    assert one(first)["event_id"] in set(second["event_id"])
    assert len(second) == 2


def test_direction_does_not_split_a_joint_happening():
    arts = articles(("a1", "2021-04-13", "Trend"), ("a2", "2021-04-13", "TASS"))
    rows = coded(
        mention("a1", "040", "2021-04-12", actor1=LAVROV, actor2=BAYRAMOV),
        mention("a2", "040", "2021-04-12", actor1=BAYRAMOV, actor2=LAVROV),
    )
    events, _ = merge.merge_events(rows, arts)
    assert one(events)["n_articles"] == 2


def test_a_trilateral_statement_is_one_event_per_dyad():
    arts = articles(
        (
            "a1",
            "2020-11-10",
            "Trend",
            "On November 10, the Azerbaijani, Russian and Armenian leaders signed a statement.",
        )
    )
    events, mentions = merged(arts)
    assert len(events) == 3
    assert set(events["event_root_code"]) == {"05"}
    assert events["event_id"].is_unique
    assert len(mentions) == 3  # one per event, all in the same sentence
    assert mentions["sentence_index"].nunique() == 1


# --- years, months and undated reports


def test_a_report_without_a_publication_date_joins_the_dated_report_and_takes_its_year():
    arts = articles(
        ("a1", None, "Trend", "On August 19, Lavrov and Bayramov held talks in Moscow."),
        ("a2", "2021-08-20", "TASS", "Lavrov and Bayramov held talks in Moscow on August 19."),
    )
    events, _ = merged(arts)
    event = one(events)
    assert (event["event_date"], event["date_precision"]) == (D(2021, 8, 19), "day")
    assert event["n_articles"] == 2


def test_a_month_and_day_alone_stays_without_a_year():
    arts = articles(("a1", None, "Trend", "On August 19, Lavrov and Bayramov held talks in Moscow."))
    events, _ = merged(arts)
    event = one(events)
    assert pd.isna(event["event_date"])
    assert event["date_precision"] == "none"
    assert not event["is_background"]


def test_a_month_mention_joins_the_one_day_event_of_that_month():
    arts = articles(
        ("a1", "2020-11-11", "Trend", "Putin and Aliyev held talks in Moscow on November 10, 2020."),
        ("a2", "2021-03-01", "TASS", "Putin and Aliyev met in November 2020."),
    )
    events, _ = merged(arts)
    event = one(events)
    assert (event["event_date"], event["date_precision"]) == (D(2020, 11, 10), "day")
    assert event["n_articles"] == 2


def test_a_month_mention_stays_apart_when_two_day_events_fit():
    arts = articles(
        (
            "a1",
            "2020-11-21",
            "Trend",
            "Putin and Aliyev held talks in Moscow on November 10, 2020. "
            "Putin and Aliyev held talks in Sochi on November 20, 2020.",
        ),
        ("a2", "2021-03-01", "TASS", "Putin and Aliyev met in November 2020."),
    )
    events, _ = merged(arts)
    assert len(events) == 3
    month = events[events["date_precision"] == "month"]
    assert len(month) == 1
    assert month.iloc[0]["event_date"] == D(2020, 11, 1)
    assert month.iloc[0]["n_articles"] == 1
    assert set(events.loc[events["date_precision"] == "day", "n_articles"]) == {1}


RUSSIAN_POLICE = ("Russian police", "RUSCOP", "RUS", None, False)
AZERBAIJANIS = ("Azerbaijanis", "AZECVL", "AZE", None, False)


def two_raids_in_april() -> list[dict]:
    return [
        mention("a1", "170", "2021-04-20", "day", "on April 20", actor1=RUSSIAN_POLICE, actor2=AZERBAIJANIS),
        mention("a1", "170", "2021-04-27", "day", "on April 27", actor1=RUSSIAN_POLICE, actor2=AZERBAIJANIS,
                sentence_index=1),
    ]  # fmt: skip


def test_last_week_joins_the_one_event_of_that_week_though_the_month_has_two():
    arts = articles(("a1", "2021-04-28", "Trend"), ("a2", "2021-05-03", "TASS"))
    rows = coded(
        *two_raids_in_april(),
        mention("a2", "170", "2021-04-01", "month", "last week", actor1=RUSSIAN_POLICE, actor2=AZERBAIJANIS,
                span=("2021-04-26", "2021-05-02")),
    )  # fmt: skip
    events, mentions = merge.merge_events(rows, arts)
    assert len(events) == 2
    joined = events.set_index("event_date").loc[D(2021, 4, 27)]
    assert (joined["n_articles"], joined["date_precision"]) == (2, "day")


def test_a_report_said_on_a_day_joins_only_events_up_to_that_day():
    arts = articles(("a1", "2021-04-28", "Trend"), ("a2", "2021-04-30", "TASS"))
    rows = coded(
        *two_raids_in_april(),
        # "the ministry said on April 21 that ... died during a raid": the raid came before the 21st
        mention("a2", "170", "2021-04-01", "month", None, actor1=RUSSIAN_POLICE, actor2=AZERBAIJANIS,
                span=("2021-04-01", "2021-04-21")),
    )  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    assert len(events) == 2
    assert events.set_index("event_date").loc[D(2021, 4, 20), "n_articles"] == 2


def test_a_week_with_no_event_makes_a_month_event():
    arts = articles(("a1", "2021-04-28", "Trend"), ("a2", "2021-04-19", "TASS"))
    rows = coded(
        *two_raids_in_april(),
        mention("a2", "170", "2021-04-01", "month", "last week", actor1=RUSSIAN_POLICE, actor2=AZERBAIJANIS,
                span=("2021-04-05", "2021-04-11")),
    )  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["date_precision"]) == ["day", "day", "month"]


def test_a_year_mention_joins_the_one_event_of_that_year():
    arts = articles(("a1", "1994-05-13", "Trend"), ("a2", "2019-12-03", "TASS"))
    rows = coded(
        mention("a1", "057", "1994-05-12", date_text="on May 12"),
        mention("a2", "057", "1994-01-01", precision="year", date_text="in 1994", sentence_index=3),
    )
    events, _ = merge.merge_events(rows, arts)
    event = one(events)
    assert (event["event_date"], event["date_precision"], event["n_articles"]) == (D(1994, 5, 12), "day", 2)


def test_an_undated_report_joins_a_dated_call_a_few_days_before():
    arts = articles(("a1", "2021-04-13", "Trend"), ("a2", "2021-04-15", "TASS"))
    rows = coded(
        mention("a1", "041", "2021-04-12"),
        mention("a2", "041", "2021-04-15", date_text=None),  # dated only by its publication
    )
    events, _ = merge.merge_events(rows, arts)
    event = one(events)
    assert event["event_date"] == D(2021, 4, 12)
    assert event["n_articles"] == 2


def test_an_occurred_report_does_not_join_a_happening_after_its_publication():
    arts = articles(("a1", "2021-04-30", "Trend"), ("a2", "2021-04-10", "TASS"))
    rows = coded(
        mention("a1", "040", "2021-04-28", date_text="on April 28"),
        mention("a2", "040", "2021-04-01", precision="month", date_text="in April"),
    )
    events, _ = merge.merge_events(rows, arts)
    assert len(events) == 2


def test_history_recalled_long_after_is_background():
    arts = articles(("a1", "2019-12-03", "Trend"))
    rows = coded(mention("a1", "057", "1994-01-01", precision="year", date_text="in 1994"))
    events, _ = merge.merge_events(rows, arts)
    assert bool(one(events)["is_background"])


# --- stable ids


def test_adding_an_article_never_changes_an_existing_events_id():
    base = [
        ("a1", "2021-04-13", "Trend", "Lavrov held talks with Bayramov in Moscow on Monday."),
        ("a2", "2021-09-24", "AzerNews", "Putin and Aliyev held a telephone conversation on September 22."),
    ]
    first, _ = merged(articles(*base))
    assert len(first) == 2
    added = ("a3", "2021-04-14", "TASS", "On Monday, Lavrov and Bayramov held talks in Moscow.")
    second, _ = merged(articles(*base, added), previous=first)
    assert set(first["event_id"]) <= set(second["event_id"])
    old = first.set_index("event_id")
    new = second.set_index("event_id")
    talks = first.loc[first["event_date"] == D(2021, 4, 12), "event_id"].item()
    assert (old.loc[talks, "n_articles"], new.loc[talks, "n_articles"]) == (1, 2)
    for event_id in old.index:
        assert new.loc[event_id, "event_date"] == old.loc[event_id, "event_date"]


def test_ids_do_not_depend_on_article_order():
    base = [
        ("a1", "2021-04-13", "Trend", "Lavrov held talks with Bayramov in Moscow on Monday."),
        ("a2", "2021-09-24", "AzerNews", "Putin and Aliyev held a telephone conversation on September 22."),
    ]
    forward, _ = merged(articles(*base))
    backward, _ = merged(articles(*reversed(base)))
    assert sorted(forward["event_id"]) == sorted(backward["event_id"])


def test_a_refined_date_keeps_the_published_id():
    arts = articles(("a1", "2021-04-25", "Trend"))
    month = mention("a1", "040", "2021-04-01", precision="month", date_text="in April")
    first, _ = merge.merge_events(coded(month), arts)
    arts = articles(("a1", "2021-04-25", "Trend"), ("a2", "2021-04-21", "TASS"))
    rows = coded(month, mention("a2", "040", "2021-04-20", date_text="on Tuesday"))
    second, _ = merge.merge_events(rows, arts, first)
    event = one(second)
    assert (event["event_date"], event["date_precision"]) == (D(2021, 4, 20), "day")
    assert event["event_id"] == one(first)["event_id"]
    fresh, _ = merge.merge_events(rows, arts)
    assert one(fresh)["event_id"] != one(first)["event_id"]


def test_a_second_event_in_the_month_does_not_take_the_published_events_id():
    base = [
        ("a1", "2020-11-11", "Trend", "Putin and Aliyev held talks in Moscow on November 10, 2020."),
        ("a2", "2021-03-01", "TASS", "Putin and Aliyev met in November 2020."),
    ]
    first, _ = merged(articles(*base))
    talks_id = one(first)["event_id"]
    added = ("a3", "2020-11-21", "RIA", "Putin and Aliyev held talks in Sochi on November 20, 2020.")
    second, _ = merged(articles(*base, added), previous=first)
    assert len(second) == 3  # the month mention no longer fits exactly one day event
    same_talks = second[(second["event_date"] == D(2020, 11, 10)) & (second["date_precision"] == "day")]
    assert same_talks["event_id"].item() == talks_id


# --- stories


def test_articles_whose_main_event_is_the_same_share_a_story():
    arts = articles(
        ("a1", "2021-04-13", "Trend", "Lavrov held talks with Bayramov in Moscow on Monday."),
        ("a2", "2021-04-14", "TASS", "On Monday, Lavrov and Bayramov held talks in Moscow."),
        ("a3", "2021-09-24", "AzerNews", "Putin and Aliyev held a telephone conversation on September 22."),
        ("a4", "2021-04-14", "Trend", "", "a1"),  # a duplicate of a1, not coded again
        ("a5", "2021-04-14", "Report", "Weather was fine in Baku."),
    )
    arts.loc[arts["article_id"] == "a4", "status"] = "duplicate"
    events, mentions = merged(arts)
    stories = merge.assign_stories(arts, events, mentions).set_index("article_id")["story_id"]
    assert stories["a1"] == stories["a2"] == stories["a4"]
    assert stories["a3"] != stories["a1"]
    assert stories["a5"] == "sa5"  # no event: keeps its own story
    talks = events.loc[events["event_code"].str.startswith("04") & (events["event_date"] == D(2021, 4, 12))]
    assert stories["a1"] == "s" + talks["event_id"].item()[1:]


def test_the_main_event_is_the_news_not_the_background():
    arts = articles(("a1", "2019-12-03", "Trend"), ("a2", "2019-12-03", "TASS"))
    rows = coded(
        mention("a1", "057", "1994-01-01", precision="year", date_text="in 1994", sentence_index=0),
        mention("a1", "057", "1994-01-01", precision="year", date_text="in 1994", sentence_index=1),
        mention("a1", "040", "2019-12-02", sentence_index=2),
        mention("a2", "040", "2019-12-02", sentence_index=0),
    )
    events, mentions = merge.merge_events(rows, arts)
    stories = merge.assign_stories(arts, events, mentions).set_index("article_id")["story_id"]
    assert stories["a1"] == stories["a2"]


def test_a_month_date_is_background_from_the_middle_of_its_month():
    arts = articles(("a1", "2025-06-29", "Trend"), ("a2", "2025-06-10", "TASS"))
    rows = coded(
        mention("a1", "042", "2025-05-01", "month", "in May", actor1=LAVROV, actor2=BAYRAMOV),
        mention("a2", "040", "2025-05-01", "month", "in May", actor1=PUTIN, actor2=PASHINYAN),
    )
    events, _ = merge.merge_events(rows, arts)
    background = dict(zip(events["event_code"], events["is_background"], strict=True))
    assert background == {"042": True, "040": False}  # 16 May is 44 days before 29 June, 25 before 10 June


def test_a_month_mention_joins_only_an_event_of_the_same_action():
    arts = articles(("a1", "2020-11-10", "Trend"), ("a2", "2020-11-10", "TASS"))
    armenia = ("Armenia", "ARM", "ARM", None, False)
    azerbaijan = ("Azerbaijan", "AZE", "AZE", None, False)
    rows = coded(
        mention("a1", "0871", "2020-11-10", "day", "on Tuesday", actor1=armenia, actor2=azerbaijan),
        # "Armenia will return the district": planned this month, a yielding (root 08) but not the ceasefire
        mention("a2", "0842", "2020-11-01", "month", None, status="planned", actor1=armenia, actor2=azerbaijan,
                kind="directed"),
    )  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["event_code"]) == ["0842", "0871"]


def test_an_undated_report_does_not_join_a_happening_in_another_country_or_between_other_people():
    arts = articles(("a1", "2021-04-12", "Trend"), ("a2", "2021-04-14", "TASS"), ("a3", "2021-04-14", "APA"))
    rows = coded(
        mention("a1", "040", "2021-04-12", location="Moscow"),  # Lavrov and Bayramov in Moscow
        mention("a2", "040", "2021-04-14", date_text=None, actor1=PUTIN, actor2=ALIYEV),
        mention("a3", "040", "2021-04-14", date_text=None, location="Baku") | {"location_country": "AZE"},
    )
    events, _ = merge.merge_events(rows, arts)
    assert len(events) == 2  # a2 and a3 report the same undated meeting, not the one in Moscow
    assert set(events["n_articles"]) == {1, 2}


def test_undated_reports_join_each_other_only_on_consecutive_days():
    arts = articles(("a1", "2022-12-22", "Trend"), ("a2", "2022-12-23", "TASS"), ("a3", "2022-12-26", "APA"))
    rows = coded(*(mention(a, "125", d, date_text=None, kind="directed") for a, d in
                   (("a1", "2022-12-22"), ("a2", "2022-12-23"), ("a3", "2022-12-26"))))  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["n_articles"]) == [1, 2]


def test_an_undated_report_does_not_join_a_happening_its_own_article_dated_otherwise():
    arts = articles(("a1", "2024-08-19", "Trend"))
    rows = coded(
        mention("a1", "040", "2024-08-19", date_text=None, actor1=PUTIN, actor2=ALIYEV),  # "after talks in Baku"
        mention("a1", "040", "2024-08-18", date_text="on Sunday evening", actor1=PUTIN, actor2=ALIYEV,
                sentence_index=3),  # "an informal conversation on Sunday evening"
    )  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    assert sorted(events["event_date"]) == [D(2024, 8, 18), D(2024, 8, 19)]


def test_two_undated_reports_in_one_article_join_the_one_happening_another_article_dated():
    arts = articles(("a1", "2025-06-29", "Trend"), ("a2", "2025-06-30", "TASS"))
    rows = coded(
        mention("a1", "161", "2025-06-29", date_text="on June 29", actor1=ALIYEV, actor2=PUTIN, kind="directed"),
        # "Azerbaijan has cancelled all cultural events ..." ... "the government also cancelled a visit by ..."
        mention("a2", "161", "2025-06-30", date_text=None, actor1=ALIYEV, actor2=PUTIN, kind="directed"),
        mention("a2", "161", "2025-06-30", date_text=None, actor1=ALIYEV, actor2=PUTIN, kind="directed",
                sentence_index=4),
    )  # fmt: skip
    events, _ = merge.merge_events(rows, arts)
    event = one(events)
    assert (event["event_date"], event["n_articles"], event["n_mentions"]) == (D(2025, 6, 29), 2, 3)
