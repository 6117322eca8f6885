"""Neutral, sourced, structured summaries of news articles."""

__version__ = "0.1.0"
