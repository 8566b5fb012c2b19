"""Moved to tests/support/checker.py; kept only for tests/config, which another branch is changing.

Import from ``tests.support.checker`` in new tests.
"""

from tests.support.checker import Checker

__all__ = ["Checker"]
