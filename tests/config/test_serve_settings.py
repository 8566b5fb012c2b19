"""The app server's settings from the environment (config/serve.py)."""

import pytest

from config.serve import server


@pytest.fixture
def server_env(monkeypatch):
    for name in (
        "SERVER_HOST",
        "SERVER_PORT",
        "SERVER_WORKERS",
        "SERVER_THREADS",
        "SERVER_ACCESS_LOG",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_defaults_are_loopback_eight_threads_and_an_access_log(server_env):
    settings = server()

    assert (settings.bind_addr, settings.bind_port) == ("127.0.0.1", 8000)
    assert settings.blocking_threads == 8
    assert settings.log_access is True


@pytest.mark.parametrize("value", ["off", "OFF", "false", "0", "no", " off "])
def test_the_access_log_can_be_left_to_the_proxy(server_env, value):
    server_env.setenv("SERVER_ACCESS_LOG", value)

    assert server().log_access is False


@pytest.mark.parametrize("value", ["on", "true", "1", "", "yes"])
def test_any_other_value_keeps_the_access_log(server_env, value):
    server_env.setenv("SERVER_ACCESS_LOG", value)

    assert server().log_access is True


def test_workers_and_threads_come_from_the_environment(server_env):
    server_env.setenv("SERVER_WORKERS", "3")
    server_env.setenv("SERVER_THREADS", "4")
    server_env.setenv("SERVER_PORT", "8123")

    settings = server()

    assert (settings.workers, settings.blocking_threads, settings.bind_port) == (3, 4, 8123)
