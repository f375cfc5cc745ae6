"""Errors the application reports to users, with the CLI's exit codes (1 error, 2 bad input, 3 query)."""

from extract.errors import InputError, PolicyKGError
from graph.guard import QueryError

__all__ = ["InputError", "PolicyKGError", "QueryError"]
