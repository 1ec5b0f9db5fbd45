"""Math core: plain Python and NumPy only (no matplotlib, no ipywidgets)."""
