import pandas as pd

from pipeline import dedup

STORY = " ".join(
    f"Sentence {i} of the report describes how the delegation number {i * 7} discussed topic {i} at length."
    for i in range(40)
)
OTHER = " ".join(f"An unrelated paragraph {i} about harvest figures in region {i * 3} this season." for i in range(40))


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"outlet": None, "published_date": pd.NaT, "is_update": False, "status": "coded", "reject_reason": None}
    records = [{**base, **row} for row in rows]
    for record in records:
        record["n_chars_clean"] = len(record["text"])
    return pd.DataFrame(records).astype({"published_date": "datetime64[ns]"})


def test_shingle_overlap_decides():
    a = dedup.shingles(STORY)
    assert dedup.is_near_duplicate(a, dedup.shingles(STORY + " One more added paragraph at the end of the text."))
    assert dedup.is_near_duplicate(a, dedup.shingles(STORY[: len(STORY) * 2 // 3]))  # an excerpt
    assert not dedup.is_near_duplicate(a, dedup.shingles(OTHER))


def test_update_supersedes_first_version():
    articles = frame(
        [
            {"article_id": "a1", "text": STORY, "outlet": "Trend", "published_date": pd.Timestamp("2020-08-25")},
            {
                "article_id": "a2",
                "text": STORY + " Details of the added paragraph.",
                "outlet": "Trend",
                "published_date": pd.Timestamp("2020-08-25"),
                "is_update": True,
            },
            {"article_id": "a3", "text": OTHER},
        ]
    )
    out = dedup.mark_duplicates(articles).set_index("article_id")
    assert out.loc["a1", "duplicate_of"] == "a2" and out.loc["a1", "status"] == "duplicate"
    assert pd.isna(out.loc["a2", "duplicate_of"]) and out.loc["a2", "status"] == "coded"
    assert pd.isna(out.loc["a3", "duplicate_of"])
    assert out.loc["a1", "story_id"] == out.loc["a2", "story_id"] == "s2"
    assert out.loc["a3", "story_id"] != out.loc["a2", "story_id"]


def test_republication_points_at_the_original_outlet():
    articles = frame(
        [
            {
                "article_id": "a1",
                "text": STORY + " Reprinted with thanks.",
                "outlet": "Reprinter",
                "published_date": pd.Timestamp("2022-09-17"),
            },
            {"article_id": "a2", "text": STORY, "outlet": "Original", "published_date": pd.Timestamp("2022-09-16")},
        ]
    )
    out = dedup.mark_duplicates(articles).set_index("article_id")
    assert out.loc["a1", "duplicate_of"] == "a2"


def test_rejected_articles_are_left_alone():
    articles = frame(
        [
            {"article_id": "a1", "text": STORY},
            {"article_id": "a2", "text": STORY, "status": "rejected", "reject_reason": "unsupported language: fr"},
        ]
    )
    out = dedup.mark_duplicates(articles).set_index("article_id")
    assert out["duplicate_of"].isna().all() and out.loc["a2", "status"] == "rejected"
