"""Extraction of agencies, tasks, legal references, targets and progress from policy texts."""

__version__ = "0.1.0"
