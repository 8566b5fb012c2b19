"""The production settings plus one trivial view, for the benchmark only (scripts/bench/urls.py)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "scripts.bench.urls"
