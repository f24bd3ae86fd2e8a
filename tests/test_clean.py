import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline import clean, ingest

CHROME_WORDS = ["Follow us", "Subscribe", "Loading...", "Tags:", "Latest", "See more", "Comment (0)", "Edited by"]

ENGLISH_BODY = (
    "The foreign ministers of the two countries met in the capital on Tuesday to discuss the settlement of the "
    "conflict and the development of bilateral trade, the ministry said in a statement.\n\n"
    "Both sides agreed to continue consultations and to hold the next round of talks in the spring, according "
    "to officials familiar with the meeting.\n"
)


def cleaned(tmp_path: Path, files: dict[str, bytes]) -> pd.DataFrame:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return clean.clean_articles(ingest.read_raw_articles(tmp_path)).set_index("source_path")


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    from tests.conftest import SEEDS

    return clean.clean_articles(ingest.read_raw_articles(SEEDS)).set_index("source_path")


def test_seed_publication_dates(seeds):
    dates = {path[:3]: (None if pd.isna(d) else d.date()) for path, d in seeds["published_date"].items()}
    assert dates == {
        "000": dt.date(2020, 8, 25),
        "001": dt.date(2014, 6, 18),
        "002": dt.date(2022, 4, 21),  # not the page's "Wednesday January 22 2025" above it
        "003": None,  # the text prints no publication date
        "004": dt.date(2019, 12, 3),
    }
    assert list(seeds["published_date_basis"]) == ["header", "body", "body", "unknown", "header"]


def test_seed_text_has_no_page_chrome(seeds):
    for path, text in seeds["text"].items():
        for chrome in CHROME_WORDS:
            assert chrome not in text, (path, chrome)
        title = seeds.loc[path, "title"]
        if isinstance(title, str):
            assert title not in text, path
        assert "Wednesday January 22 2025" not in text


def test_seed_metadata(seeds):
    row = seeds.loc["001_d2b73841d2e24e67.txt"]
    assert row["byline"] == "Seba Agayeva" and row["outlet"] == "Trend" and row["dateline"] == "Baku, Azerbaijan"
    assert seeds.loc["002_fbe2b03f462197fb.txt", "outlet"] == "AzerNews"
    assert seeds.loc["000_a23c7a5183081161.txt", "is_update"]
    assert set(seeds["language"]) == {"en"} and set(seeds["status"]) == {"coded"}


def test_header_line_that_is_the_lead_stays_text(seeds):
    text = seeds.loc["004_dd508a3738293a43.txt", "text"]
    assert text.startswith("A day before the foreign ministers")


def test_legacy_encoding_and_mojibake_are_repaired(tmp_path):
    russian = "Министр иностранных дел России Сергей Лавров провёл переговоры с азербайджанским коллегой в Баку. " * 3
    mojibake = ("The minister’s visit " + ENGLISH_BODY).encode("utf-8").decode("latin-1").encode("utf-8")
    frame = cleaned(tmp_path, {"ru.txt": russian.encode("cp1251"), "moji.txt": mojibake})
    assert frame.loc["ru.txt", "text"].startswith("Министр иностранных дел") and frame.loc["ru.txt", "language"] == "ru"
    assert "minister’s visit" in frame.loc["moji.txt", "text"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (bytes(range(256)) * 20, "not text: binary content"),
        (b"Follow us\nSubscribe\nTags:\nLatest\nComment (0)\nLoading...\n", "no article text: page chrome only"),
        (
            "Le ministre des Affaires étrangères a rencontré son homologue à Bakou pour discuter du conflit et du "
            "commerce bilatéral entre les deux pays, a indiqué le ministère.".encode(),
            "unsupported language: fr",
        ),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(tmp_path, data, reason):
    frame = cleaned(tmp_path, {"bad.txt": data, "good.txt": ENGLISH_BODY.encode()})
    assert frame.loc["bad.txt", "status"] == "rejected"
    assert frame.loc["bad.txt", "reject_reason"] == reason
    assert frame.loc["good.txt", "status"] == "coded"


def test_azerbaijani_article_is_recognised(tmp_path):
    text = (
        "Azərbaycan Respublikasının Prezidenti İlham Əliyev Rusiya Federasiyasının Prezidenti ilə telefon "
        "danışığı aparıb. Söhbət zamanı ikitərəfli əməkdaşlığın inkişafı məsələləri müzakirə olunub."
    )
    frame = cleaned(tmp_path, {"az.txt": text.encode()})
    assert frame.loc["az.txt", "language"] == "az" and frame.loc["az.txt", "status"] == "coded"


def test_masthead_date_is_never_the_publication_date(tmp_path):
    page = f"Some Outlet\n\nFriday March 7 2025\n\nA headline about talks\n\n{ENGLISH_BODY}"
    frame = cleaned(tmp_path, {"a.txt": page.encode()})
    assert pd.isna(frame.loc["a.txt", "published_date"]) and frame.loc["a.txt", "published_date_basis"] == "unknown"


def test_published_stamp_wins_over_updated(tmp_path):
    page = f"A headline about talks\n\nUpdated: March 9, 2023 10:00\n\nPublished: March 8, 2023 09:12\n\n{ENGLISH_BODY}"
    frame = cleaned(tmp_path, {"a.txt": page.encode()})
    assert frame.loc["a.txt", "published_date"].date() == dt.date(2023, 3, 8)


def test_url_date_is_the_last_resort(tmp_path):
    page = f"https://example.org/news/2021/05/04/talks-held\n\n{ENGLISH_BODY}"
    frame = cleaned(tmp_path, {"a.txt": page.encode()})
    assert frame.loc["a.txt", "published_date"].date() == dt.date(2021, 5, 4)
    assert frame.loc["a.txt", "published_date_basis"] == "url"
    assert frame.loc["a.txt", "url"].startswith("https://example.org/")


def test_recurring_lines_are_learned_as_chrome(tmp_path):
    bodies = [
        ENGLISH_BODY.replace("Tuesday", day) + f"Paragraph number {i} says something new about trade."
        for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday"])
    ]
    files = {
        f"{i}.txt": f"{body}\n\nMost viewed this week\n\nOur apps and podcasts\n".encode()
        for i, body in enumerate(bodies)
    }
    # the sidebar lines differ in every other position so only recurrence identifies them
    frame = cleaned(tmp_path, files)
    for text in frame["text"]:
        assert "Most viewed this week" not in text and "Our apps and podcasts" not in text


def test_learn_boilerplate_ignores_reprints_and_prose():
    story = ["A long paragraph of the story that every reprint carries, word for word, in full.", "Short heading"]
    learned = clean.learn_boilerplate([(story, "A"), (story, "B"), (story, "C")])
    assert learned == frozenset()  # one story three times is not three articles
    other = [[f"Distinct story {i} with its own long paragraph of words here.", "Share this page"] for i in range(3)]
    learned = clean.learn_boilerplate([(lines, None) for lines in other])
    assert learned == {"share this page"}


def test_date_line_kinds():
    assert clean.date_line("21 April 2022 14:16 (UTC+04:00)") == (dt.date(2022, 4, 21), "stamp")
    assert clean.date_line("Wednesday January 22 2025") == (dt.date(2025, 1, 22), "masthead")
    assert clean.date_line("Published: SEPTEMBER 21, 2023 12:52") == (dt.date(2023, 9, 21), "published")
    assert clean.date_line("25 Dec. 14:00 (UTC+3 MSK)") == (None, "partial")
    assert clean.date_line("The talks were held on April 6, 2022 in Brussels between the two leaders.") is None


def test_parallel_parsing_gives_the_same_articles(monkeypatch, seeds):
    from tests.conftest import SEEDS

    raw = ingest.read_raw_articles(SEEDS)
    monkeypatch.setattr(clean, "PARALLEL_MIN_ARTICLES", 1)
    parallel = clean.clean_articles(raw).set_index("source_path")
    pd.testing.assert_frame_equal(parallel, seeds)
