"""Extract: code each article's events (who did what to whom, when and where) to CAMEO, with the sentence
that proves it. Submodules: sentences, actors, actions, dates, places, coder (one article), assemble
(tables)."""

from __future__ import annotations

import pandas as pd

from pipeline.extract import actors, assemble, coder


def extract_events(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_mentions) from the articles table; only articles with status `coded` are read."""
    coded = []
    for article in articles[articles["status"] == "coded"].itertuples():
        published = None if pd.isna(article.published_date) else pd.Timestamp(article.published_date).date()
        for mention in coder.code_article(article.text, article.language, published):
            coded.append((article.article_id, mention))
    return assemble.build_tables(coded, articles)


def actors_table() -> pd.DataFrame:
    """The actor dictionary the release was coded with."""
    return pd.DataFrame(actors.actors_table_rows())
