"""dyad.places: the offline gazetteer and where an event happened.

* :func:`load_gazetteer` builds the one :class:`Gazetteer` of a process (cached).
* :meth:`Gazetteer.lookup` resolves a name to a :class:`dyad.records.Location`;
  :meth:`Gazetteer.country` gives a country's ISO codes, capital and centroid.
* :func:`locate_event` picks, in a parsed sentence, the place where an event
  happened, falling back to the article's dateline.
"""

from __future__ import annotations

from dyad.places.cues import Cues, build_cues
from dyad.places.gazetteer import Country, Gazetteer, Place, load_gazetteer, normalise
from dyad.places.locate import locate_event

__all__ = ["Country", "Cues", "Gazetteer", "Place", "build_cues", "load_gazetteer", "locate_event", "normalise"]
