"""From event mentions to events and relations: merging, dyads, storylines, exports.

``merge(store)`` turns the raw per-sentence events of ``lagebild run`` into merged real-world
events (``merged_events`` + ``event_mentions``); everything else reads those tables.
"""

from __future__ import annotations

from ..store.relations import QueryError
from .dyads import DyadBucket, Relation, network, period_of, sparkline, timeline, too_coarse
from .export import FORMATS, ExportError, columns_markdown, export, export_rows, read_export, read_graphml
from .merge import MergeReport, MergeSettings, cluster_rows, merge, pending
from .story import StoryItem, story

__all__ = [
    "FORMATS",
    "DyadBucket",
    "ExportError",
    "MergeReport",
    "MergeSettings",
    "QueryError",
    "Relation",
    "StoryItem",
    "cluster_rows",
    "columns_markdown",
    "export",
    "export_rows",
    "merge",
    "network",
    "pending",
    "period_of",
    "read_export",
    "read_graphml",
    "sparkline",
    "story",
    "timeline",
    "too_coarse",
]
