"""A wall-clock cap for tests: code that runs over it fails the test with ``Hang``."""

from __future__ import annotations

from contextlib import AbstractContextManager

from lagebild.runner import alarm


class Hang(Exception):
    """Not a LagebildError on purpose: a hang must fail the test, not pass as a Problem."""


def cap(seconds: float) -> AbstractContextManager[None]:
    return alarm(seconds, lambda: Hang(f"took longer than {seconds} s"))
