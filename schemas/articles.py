import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

STATUSES = ["coded", "duplicate", "rejected"]
DATE_BASES = ["header", "body", "url", "unknown"]


def _f(arrow: str, description: str, **kwargs) -> pa.Field:
    return pa.Field(metadata={"arrow": arrow}, description=description, **kwargs)


class ArticlesModel(pa.DataFrameModel):
    """One row per input file: its metadata, its cleaned text, and what became of it."""

    __primary_key__ = ("article_id",)

    article_id: Series[str] = _f(
        "string",
        "`a` + 16 hex chars of the sha256 of the raw bytes; stable",
        unique=True,
        str_matches=r"^a[0-9a-f]{16}$",
    )
    source_path: Series[str] = _f("string", "path of the raw file, relative to the raw folder", unique=True)
    outlet: Series[str] = _f("string", "publisher, e.g. `Trend`, `AzerNews`", nullable=True)
    url: Series[str] = _f("string", "where the article was published, when the file names it", nullable=True)
    title: Series[str] = _f("string", "headline", nullable=True)
    byline: Series[str] = _f("string", "author as printed", nullable=True)
    dateline: Series[str] = _f("string", "place line, e.g. `BAKU, Azerbaijan`", nullable=True)
    published_date: Series[pa.DateTime] = _f(
        "date32", "publication date read from the file; never the crawl date, never the clock", nullable=True
    )
    published_date_basis: Series[str] = _f(
        "string", "where published_date was read: `header`, `body`, `url` or `unknown`", isin=DATE_BASES
    )
    language: Series[str] = _f(
        "string",
        "ISO 639-1 code of the text's language; `und` when undetermined",
        str_length={"min_value": 2, "max_value": 3},
    )
    text: Series[str] = _f("string", "cleaned body: no page chrome, subscription blurbs, tag lists or repeated title")
    n_chars_raw: Series[pd.Int32Dtype] = _f(
        "int32", "characters of the decoded raw file (bytes when undecodable)", ge=0
    )
    n_chars_clean: Series[pd.Int32Dtype] = _f("int32", "characters of `text`", ge=0)
    duplicate_of: Series[str] = _f(
        "string",
        "article_id of the canonical article when this one is a near-duplicate (update, reprint, copy)",
        nullable=True,
    )
    story_id: Series[str] = _f(
        "string", "articles reporting the same main happening share it", str_matches=r"^s[0-9a-f]{16}$"
    )
    status: Series[str] = _f("string", "`coded`, `duplicate` (not coded again) or `rejected`", isin=STATUSES)
    reject_reason: Series[str] = _f(
        "string",
        "why the article was rejected (empty file, not text, unsupported language, …)",
        nullable=True,
    )

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def rejected_rows_say_why(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "rejected") == df["reject_reason"].notna()

    @pa.dataframe_check
    def duplicates_point_at_a_canonical_article(cls, df: pd.DataFrame) -> Series[bool]:
        canonical = df["duplicate_of"].isin(set(df.loc[df["status"] == "coded", "article_id"]))
        return (df["status"] == "duplicate") == (df["duplicate_of"].notna() & canonical)
