"""The audit: every printed figure of a case held against what it should be.

One module per family of checks (plausibility, periods, tieout, recalculation, labels,
completeness, footing), run in a fixed order by review.audit.
"""

from kinerja_engine.audit.review import audit

__all__ = ["audit"]
