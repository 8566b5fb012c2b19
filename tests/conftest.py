"""Shared fixtures: the shipped content in the database, and Chromium for browser tests."""

import json
from pathlib import Path

import pytest

from education.loading import load_pages

# One list of flags for every headless Chromium the project starts.
_CHROMIUM = json.loads((Path(__file__).parent.parent / "scripts" / "chromium.json").read_text())
CHROMIUM = _CHROMIUM["executable"]
CHROMIUM_ARGS = _CHROMIUM["flags"]


@pytest.fixture
def pages(db):
    """The shipped pages, loaded as `make run` loads them."""
    load_pages()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright cannot download its own browser here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
