import pandera.pandas as pa
from pandera.typing import Series

from schemas.articles import _f


class ActorsModel(pa.DataFrameModel):
    """The actor dictionary the release was coded with: one row per actor and office term."""

    actor_code: Series[str] = _f("string", "CAMEO-style actor code (country or group + sector, e.g. `RUSGOV`)")
    name: Series[str] = _f("string", "canonical name")
    aliases: Series[str] = _f(
        "string", "`;`-separated spellings matched, transliterations and common misspellings included"
    )
    country: Series[str] = _f(
        "string", "ISO 3166-1 alpha-3 of the state served", nullable=True, str_matches=r"^[A-Z]{3}$"
    )
    group: Series[str] = _f("string", "international organisation (`EU`, `OSCE`, …)", nullable=True)
    role: Series[str] = _f("string", "office held, e.g. `Minister of Foreign Affairs`", nullable=True)
    valid_from: Series[pa.DateTime] = _f(
        "date32", "first day in the role; a mention before it does not resolve here", nullable=True
    )
    valid_to: Series[pa.DateTime] = _f("date32", "last day in the role; null while in office", nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["name", "role", "valid_from"]
