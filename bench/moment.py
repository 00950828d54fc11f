"""The benchmark's clinic time zone and its "now" (shared by the generator and the probes).

A module of its own so the start-up probe can set the app's clock without importing the
generator (argparse, random, heapq, ... are not part of the app's start).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

ZONE_NAME = "Europe/London"
ZONE = ZoneInfo(ZONE_NAME)
# "Now" of every benchmark: Monday 2 March 2026, 07:00 in London (the clinic opens at 08:00).
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=ZONE)
