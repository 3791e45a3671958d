"""volte: news in, political event data and diplomatic reversals out."""

from __future__ import annotations

import logging

from volte.errors import VolteError
from volte.records import Article, Event, Reject

__version__ = "0.1.0"
# Bumped whenever coding output can change (CHANGELOG says how); stores keep it with every event.
CODER_VERSION = "volte.coder.v12"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Article", "CODER_VERSION", "Event", "Reject", "VolteError", "__version__"]
