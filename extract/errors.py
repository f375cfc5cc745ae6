"""The one error type users see; its message names the file and the next step."""

from __future__ import annotations


class PolicyKGError(Exception):
    """An error the user can act on (bad path, unreadable file, bad option).

    `reason` names the kind of error ("empty", "too_large", "duplicate" …) and `values` its particulars, so
    an interface can word the error in its reader's language; the message is the CLI's (English) wording.
    """

    exit_code = 1

    def __init__(self, message: str = "", reason: str = "", **values: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values

    def __reduce__(self) -> tuple[object, ...]:  # a worker process's error keeps its reason
        return (_rebuilt, (type(self), str(self), self.reason, self.values))


def _rebuilt(kind: type[PolicyKGError], message: str, reason: str, values: dict[str, object]) -> PolicyKGError:
    return kind(message, reason, **values)


class InputError(PolicyKGError):
    """Input that cannot be read: missing, empty, binary or in an unknown encoding."""

    exit_code = 2
