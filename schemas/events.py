import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.articles import _f

GROUPS = ["EU", "OSCE", "UN", "CIS", "CSTO", "EAEU", "NATO"]


class EventsModel(pa.DataFrameModel):
    """One row per real-world happening: who did what to whom, when and where, coded to CAMEO."""

    __primary_key__ = ("event_id",)

    event_id: Series[str] = _f(
        "string",
        "`e` + 16 hex chars; kept in every later release while the event exists",
        unique=True,
        str_matches=r"^e[0-9a-f]{16}$",
    )
    event_date: Series[pa.DateTime] = _f(
        "date32", "the day it happened or will happen; null when the text does not fix it", nullable=True
    )
    date_precision: Series[str] = _f(
        "string",
        "`day`, `month` (date is the 1st), `year` (date is 1 January) or `none`",
        isin=["day", "month", "year", "none"],
    )
    actor1_name: Series[str] = _f(
        "string", "who acted, as coded (e.g. `Sergey Lavrov`, `Government of Azerbaijan`)", nullable=True
    )
    actor1_code: Series[str] = _f("string", "CAMEO-style actor code of actor 1 (e.g. `RUSGOV`)", nullable=True)
    actor1_country: Series[str] = _f(
        "string",
        "ISO 3166-1 alpha-3 of the state actor 1 belongs to; null for an organisation",
        nullable=True,
        str_matches=r"^[A-Z]{3}$",
    )
    actor1_group: Series[str] = _f(
        "string",
        "international organisation of actor 1 (`EU`, `OSCE`, `UN`, `CIS`, `CSTO`, `EAEU`, `NATO`)",
        nullable=True,
        isin=GROUPS,
    )
    actor2_name: Series[str] = _f("string", "who was acted upon, as coded", nullable=True)
    actor2_code: Series[str] = _f("string", "CAMEO-style actor code of actor 2", nullable=True)
    actor2_country: Series[str] = _f(
        "string",
        "ISO 3166-1 alpha-3 of the state actor 2 belongs to; null for an organisation",
        nullable=True,
        str_matches=r"^[A-Z]{3}$",
    )
    actor2_group: Series[str] = _f("string", "international organisation of actor 2", nullable=True, isin=GROUPS)
    event_code: Series[str] = _f(
        "string", "CAMEO 1.1b3 event code, 3 or 4 digits as text (`042`, `0871`)", str_matches=r"^\d{3,4}$"
    )
    event_root_code: Series[str] = _f("string", "the first two digits of event_code", str_matches=r"^\d{2}$")
    event_label: Series[str] = _f("string", "CAMEO label of event_code")
    quad_class: Series[pd.Int8Dtype] = _f(
        "int8",
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
        isin=[1, 2, 3, 4],
    )
    goldstein: Series[pd.Float32Dtype] = _f(
        "float32", "Goldstein scale value of event_code (GDELT's CAMEO lookup)", ge=-10, le=10
    )
    status: Series[str] = _f(
        "string", "`occurred` or `planned` (announced for the future)", isin=["occurred", "planned"]
    )
    is_background: Series[pd.BooleanDtype] = _f(
        "bool", "the happening lies more than 30 days before the article that first reports it"
    )
    location_name: Series[str] = _f(
        "string", "city or country where it happened, as resolved by the gazetteer", nullable=True
    )
    location_text: Series[str] = _f("string", "the words the location was read from", nullable=True)
    location_country: Series[str] = _f(
        "string", "ISO 3166-1 alpha-3 of the location", nullable=True, str_matches=r"^[A-Z]{3}$"
    )
    geonames_id: Series[pd.Int64Dtype] = _f("int64", "GeoNames id of location_name", nullable=True)
    latitude: Series[pd.Float64Dtype] = _f("float64", "latitude of location_name", nullable=True, ge=-90, le=90)
    longitude: Series[pd.Float64Dtype] = _f("float64", "longitude of location_name", nullable=True, ge=-180, le=180)
    n_mentions: Series[pd.Int32Dtype] = _f("int32", "number of event_mentions rows", ge=1)
    n_articles: Series[pd.Int32Dtype] = _f("int32", "number of articles that report it", ge=1)
    n_sources: Series[pd.Int32Dtype] = _f(
        "int32", "number of outlets that report it (an article of unknown outlet counts as one)", ge=1
    )
    first_reported: Series[pa.DateTime] = _f("date32", "earliest published_date among its articles", nullable=True)
    confidence: Series[pd.Float32Dtype] = _f("float32", "0–1: how sure the coder is of this row", ge=0, le=1)
    summary: Series[str] = _f("string", "one plain sentence describing the event")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def root_is_prefix_of_code(cls, df: pd.DataFrame) -> Series[bool]:
        return df["event_code"].str[:2] == df["event_root_code"]

    @pa.dataframe_check
    def precision_none_iff_no_date(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["date_precision"] == "none") == df["event_date"].isna()
