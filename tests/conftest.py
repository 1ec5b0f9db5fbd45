"""Shared test settings: Hypothesis runs the same examples on every machine."""

import matplotlib
from hypothesis import settings

matplotlib.use("Agg")

settings.register_profile("course", derandomize=True, max_examples=200, deadline=None)
settings.load_profile("course")
