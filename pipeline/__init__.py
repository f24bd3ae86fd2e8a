"""azru-events: raw news articles about Azerbaijan–Russia relations in, a versioned event dataset out."""

from pipeline.definitions import defs

__all__ = ["defs"]
