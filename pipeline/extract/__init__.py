"""Extract: code each article's events (who did what to whom, when and where) to CAMEO, with the sentence
that proves it. Submodules: sentences, actors, actions, dates, places, and coder (one article)."""

from __future__ import annotations

import pandas as pd

from pipeline.extract import actions, actors, coder, dates

ACTOR_FIELDS = ["name", "code", "country", "group", "is_person"]
CODED_COLUMNS = [
    "article_id", "sentence_index", "char_start", "char_end", "sentence", "event_code", "trigger", "date_text",
    "event_date", "date_precision", "month_day", "status", "confidence", "kind",
    *[f"actor{n}_{f}" for n in (1, 2) for f in ACTOR_FIELDS],
    "location_name", "location_text", "location_country", "geonames_id", "latitude", "longitude",
]  # fmt: skip


def code_articles(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(coded_mentions, coding_errors): every coded mention of every article with status `coded`, one row
    each; and the articles that could not be coded (a language without patterns, a failure), with the reason:
    they are rejected, the run goes on."""
    rows, errors = [], []
    # A broken data file is the pipeline's fault, not an article's: load them first, and fail loudly.
    actors.load_dictionary()
    codable = {lang for lang in set(articles["language"]) if lang in dates.LANGUAGES and actions.rules(lang)}
    for article in articles[articles["status"] == "coded"].itertuples():
        if article.language not in codable:
            errors.append(
                {
                    "article_id": article.article_id,
                    "reason": f"unsupported language: {article.language} (no action patterns or date grammar for it)",
                }
            )
            continue
        published = None if pd.isna(article.published_date) else pd.Timestamp(article.published_date).date()
        try:
            mentions = coder.code_article(article.text, article.language, published)
        except Exception as error:  # one article's failure must not stop the corpus
            errors.append(
                {"article_id": article.article_id, "reason": f"coding failed: {type(error).__name__}: {error}"}
            )
            continue
        rows += [_row(article.article_id, mention) for mention in mentions]
    frame = pd.DataFrame(rows, columns=CODED_COLUMNS)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame, pd.DataFrame(errors, columns=["article_id", "reason"])


def _row(article_id: str, m: coder.CodedMention) -> dict:
    row = {
        "article_id": article_id,
        "sentence_index": m.sentence_index,
        "char_start": m.char_start,
        "char_end": m.char_end,
        "sentence": m.sentence,
        "event_code": m.event_code,
        "trigger": m.trigger,
        "date_text": m.date_text,
        "event_date": m.event_date,
        "date_precision": m.date_precision,
        "month_day": f"--{m.month_day[0]:02d}-{m.month_day[1]:02d}" if m.month_day else None,
        "status": m.status,
        "confidence": m.confidence,
        "kind": m.kind,
    }
    for n, actor in ((1, m.actor1), (2, m.actor2)):
        row |= {f"actor{n}_{f}": getattr(actor, f) for f in ACTOR_FIELDS}
    place = m.place
    row |= {
        "location_name": place.name if place else None,
        "location_text": place.text if place else None,
        "location_country": place.country if place else None,
        "geonames_id": place.geonames_id if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
    }
    return row


def actors_table() -> pd.DataFrame:
    """The actor dictionary the release was coded with."""
    return pd.DataFrame(actors.actors_table_rows())
