"""The one error type users see; its message names the file and the next step."""


class PolicyKGError(Exception):
    """An error the user can act on (bad path, unreadable file, bad option)."""

    exit_code = 1


class InputError(PolicyKGError):
    """Input that cannot be read: missing, empty, binary or in an unknown encoding."""

    exit_code = 2
