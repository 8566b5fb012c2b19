"""The cache backends: the shared cache, made safe to lose, and each process's own memory.

The shared cache: a cache that cannot be reached never fails a page.

What the cache holds is counted (wrong kiosk PINs, failed admin sign-ins, the
sign-in gate's slots; see settings.CACHES). When its store is down (Redis gone,
the database cache's table locked or unreadable) each operation answers as if
the store were empty and refused to take anything new:

- reads are misses;
- ``add`` is refused (returns False). Every limit here claims a slot with
  ``add`` before it lets a try through, so a refused claim fails closed: no PIN
  is compared and no password is checked until the counts can be kept again;
- writes and deletes are dropped.

``incr`` and ``decr`` are left alone: a count that cannot be counted must not
be guessed. Only django-axes uses them, after the sign-in gate's ``add``, which
has already refused.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import Error as DatabaseError
from redis.exceptions import RedisError

from config.outage import database_unavailable

logger = logging.getLogger(__name__)


class FailSafeCacheMixin:
    store_errors: tuple[type[Exception], ...] = ()

    def _unavailable(self, error: Exception) -> None:
        logger.warning("Cache unavailable, treated as empty: %s", error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except self.store_errors as error:
            self._unavailable(error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except self.store_errors as error:
            self._unavailable(error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except self.store_errors as error:
            self._unavailable(error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except self.store_errors as error:
            self._unavailable(error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except self.store_errors as error:
            self._unavailable(error)
            return None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except self.store_errors as error:
            self._unavailable(error)
            return list(data)  # the keys that were not set

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except self.store_errors as error:
            self._unavailable(error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except self.store_errors as error:
            self._unavailable(error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except self.store_errors as error:
            self._unavailable(error)
            return None


class FailSafeDatabaseCache(FailSafeCacheMixin, DatabaseCache):
    store_errors = (DatabaseError,)

    def _unavailable(self, error: Exception) -> None:
        # The same database as the pages: drop the broken connection so the
        # next query connects afresh (config/outage.py).
        database_unavailable(error)


class FailSafeRedisCache(FailSafeCacheMixin, RedisCache):
    store_errors = (RedisError,)


class ProcessMemoryCache(LocMemCache):
    """Django's local-memory cache, keeping values as they are instead of pickled.

    ``LocMemCache`` pickles every value on the way in and unpickles it on the way
    out, so a caller can never change what another one reads. Unpickling was most
    of the cost of a kept page's HTML (docs/benchmarks.md). What ``CACHES["local"]``
    holds is immutable (strings, bytes, tuples, frozen dataclasses), so the copy
    buys nothing there.

    Only for values nobody mutates after storing them. Expiry, culling and
    thread-safety are LocMemCache's own.
    """

    def validate_key(self, key):
        """Nothing to check. Django's check warns about keys memcached would refuse,
        so that code can move to it; this cache is this process's memory by
        definition, its keys are the code's own, and the check took most of a read."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, value, timeout)
                return True
            return False

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            value = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._set(key, value, timeout)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = self._cache[key] + delta
            self._cache[key] = value
            self._cache.move_to_end(key, last=False)
        return value
