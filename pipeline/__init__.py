"""Extraction pipeline for archived Chinese government notices (政务公开)."""

__version__ = "0.1.0"
