"""The one error the reader raises."""


class InputError(Exception):
    """An input that cannot be read or parsed; the message says why."""
