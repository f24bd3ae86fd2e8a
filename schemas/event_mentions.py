import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.articles import _f


class EventMentionsModel(pa.DataFrameModel):
    """One row per (event, sentence of an article that reports it): the trace from each event to its text."""

    __primary_key__ = ("event_id", "article_id", "sentence_index")

    event_id: Series[str] = _f("string", "the event reported", str_matches=r"^e[0-9a-f]{16}$")
    article_id: Series[str] = _f("string", "the article reporting it", str_matches=r"^a[0-9a-f]{16}$")
    sentence_index: Series[pd.Int32Dtype] = _f("int32", "0-based index of the sentence in `articles.text`", ge=0)
    char_start: Series[pd.Int32Dtype] = _f("int32", "start of the sentence in `articles.text`", ge=0)
    char_end: Series[pd.Int32Dtype] = _f(
        "int32", "end of the sentence: `text[char_start:char_end]` is the sentence", ge=0
    )
    sentence: Series[str] = _f("string", "the sentence")
    event_code: Series[str] = _f("string", "the CAMEO code this mention alone was given", str_matches=r"^\d{3,4}$")
    trigger: Series[str] = _f(
        "string", "the words that carried the action (`held talks`, `will pay an official visit`)"
    )
    date_text: Series[str] = _f(
        "string",
        "the words the date was read from; null if inherited from the publication date",
        nullable=True,
    )
    confidence: Series[pd.Float32Dtype] = _f("float32", "0–1", ge=0, le=1)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_start"] < df["char_end"]
