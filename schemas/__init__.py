"""The published contract: one pandera model per table of the release.

Each model is the single source of its table's contract: the release's explicit Arrow schema, the
Frictionless table schema in datapackage.json and the codebook are all generated from it
(`schemas.contract`).
"""

from schemas.actors import ActorsModel
from schemas.articles import ArticlesModel
from schemas.event_mentions import EventMentionsModel
from schemas.events import EventsModel

# Release order: the order tables appear in datapackage.json and the codebook.
TABLES = {
    "articles": ArticlesModel,
    "events": EventsModel,
    "event_mentions": EventMentionsModel,
    "actors": ActorsModel,
}

__all__ = ["TABLES", "ActorsModel", "ArticlesModel", "EventMentionsModel", "EventsModel"]
