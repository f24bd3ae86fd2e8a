"""Extract: code each article's events (who did what to whom, when and where) to CAMEO, with the sentence
that proves it. Submodules: sentences, actors, actions, dates, places, and coder (one article)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import multiprocessing
import os

import pandas as pd

from pipeline.extract import actions, actors, coder, dates, places
from pipeline.extract.sentences import split_sentences

ACTOR_FIELDS = ["name", "code", "country", "group", "is_person"]
CODED_COLUMNS = [
    "article_id", "sentence_index", "char_start", "char_end", "sentence", "event_code", "trigger", "date_text",
    "event_date", "date_precision", "month_day", "date_earliest", "date_latest", "status", "confidence", "kind",
    *[f"actor{n}_{f}" for n in (1, 2) for f in ACTOR_FIELDS],
    "location_name", "location_text", "location_country", "geonames_id", "latitude", "longitude",
]  # fmt: skip


# Below this many articles the worker processes cost more than they save.
PARALLEL_MIN_ARTICLES = 1000


def code_one(job: tuple[str, str, str, dt.date | None]) -> tuple[list[dict], str | None]:
    """(rows, error) for one article; never raises, since one article's failure must not stop the corpus."""
    article_id, text, language, published = job
    try:
        return [_row(article_id, m) for m in coder.code_article(text, language, published)], None
    except Exception as error:
        return [], f"coding failed: {type(error).__name__}: {error}"


def code_articles(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(coded_mentions, coding_errors): every coded mention of every article with status `coded`, one row
    each; and the articles that could not be coded (a language without patterns, a failure), with the reason:
    they are rejected, the run goes on. A large corpus is coded on every core, in order."""
    rows, errors, jobs = [], [], []
    # A broken data file is the pipeline's fault, not an article's: load them first, and fail loudly.
    actors.load_dictionary()
    places.gazetteer()
    codable = {lang for lang in set(articles["language"]) if lang in dates.LANGUAGES and actions.rules(lang)}
    for article in articles[articles["status"] == "coded"].itertuples():
        if article.language not in codable:
            reason = f"unsupported language: {article.language} (no action patterns or date grammar for it)"
            errors.append({"article_id": article.article_id, "reason": reason})
            continue
        published = None if pd.isna(article.published_date) else pd.Timestamp(article.published_date).date()
        jobs.append((article.article_id, article.text, article.language, published))
    for (article_id, *_), (coded, error) in zip(jobs, _code_all(jobs), strict=True):
        rows += coded
        if error is not None:
            errors.append({"article_id": article_id, "reason": error})
    frame = pd.DataFrame(rows, columns=CODED_COLUMNS)
    for column in ("event_date", "date_earliest", "date_latest"):
        frame[column] = pd.to_datetime(frame[column])
    return frame, pd.DataFrame(errors, columns=["article_id", "reason"])


def _code_all(jobs: list) -> list[tuple[list[dict], str | None]]:
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_MIN_ARTICLES or workers < 2:
        return [code_one(job) for job in jobs]
    for language in {job[2] for job in jobs}:  # loaded once, inherited by the forked workers
        split_sentences("One. Two.", language)
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        return list(pool.map(code_one, jobs, chunksize=32))


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
        "date_earliest": m.date_span[0] if m.date_span else None,
        "date_latest": m.date_span[1] if m.date_span else None,
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
