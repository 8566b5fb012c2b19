"""Each process's own cache keeps values as they are, with LocMemCache's expiry and bounds."""

import uuid

import pytest
from django.core.cache import caches

from config.cache_backends import ProcessMemoryCache


def fresh_cache(max_entries: int = 300) -> ProcessMemoryCache:
    # Each LocMemCache name is its own store, so a new name starts empty.
    return ProcessMemoryCache(f"test-{uuid.uuid4()}", {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_the_settings_local_alias_is_the_unpickled_cache():
    assert isinstance(caches["local"], ProcessMemoryCache)


def test_a_read_returns_the_stored_object_itself_not_a_copy():
    cache = fresh_cache()
    links = {"sepsis": ("Sepsis", "/conditions/sepsis/")}
    cache.set("links", links)

    assert cache.get("links") is links


def test_values_pickle_cannot_copy_are_kept_too():
    cache = fresh_cache()
    cache.set("function", lambda: "kept")

    assert cache.get("function")() == "kept"


def test_an_expired_value_is_a_miss():
    cache = fresh_cache()
    cache.set("page", "<h1>Sepsis</h1>", timeout=0)

    assert cache.get("page") is None
    assert cache.get("page", "default") == "default"


def test_add_keeps_the_first_value_until_it_expires():
    cache = fresh_cache()

    assert cache.add("screen", "first") is True
    assert cache.add("screen", "second") is False
    assert cache.get("screen") == "first"
    cache.set("screen", "first", timeout=0)
    assert cache.add("screen", "third") is True
    assert cache.get("screen") == "third"


def test_incr_counts_and_refuses_a_missing_key():
    cache = fresh_cache()
    cache.set("count", 1)

    assert cache.incr("count", 2) == 3
    assert cache.get("count") == 3
    with pytest.raises(ValueError):
        cache.incr("missing")


def test_the_number_of_entries_stays_bounded():
    cache = fresh_cache(max_entries=3)
    for n in range(10):
        cache.set(f"key-{n}", n)

    kept = [n for n in range(10) if cache.get(f"key-{n}") is not None]
    assert len(kept) <= 3
    assert 9 in kept  # the newest is never the one culled


def test_delete_and_clear_forget_values():
    cache = fresh_cache()
    cache.set_many({"a": 1, "b": 2})
    cache.delete("a")

    assert cache.get_many(["a", "b"]) == {"b": 2}
    cache.clear()
    assert cache.get("b") is None


def test_keys_memcached_would_refuse_are_kept_without_a_warning(recwarn):
    # Only process memory ever holds these, so memcached's key rules do not apply.
    cache = fresh_cache()
    cache.set("a key with spaces " + "x" * 300, 1)

    assert cache.get("a key with spaces " + "x" * 300) == 1
    assert not recwarn.list
