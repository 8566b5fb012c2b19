"""Every setting read from the environment is in the README's settings."""

import re

from django.conf import settings

CONFIG_FILES = ["config/settings.py", "config/serve.py"]
# os.environ.get("NAME", ...), os.environ["NAME"], env_bool("NAME", ...), env_list("NAME", ...)
ENV_READ = re.compile(
    r"""(?:os\.environ\.get\(|os\.environ\[|env_bool\(|env_list\()\s*["']([A-Z][A-Z0-9_]*)["']"""
)
# Read for us by a package: dj_database_url.config() reads DATABASE_URL.
READ_BY_PACKAGES = {"DATABASE_URL"}


def environment_variables_read() -> set[str]:
    names = set(READ_BY_PACKAGES)
    for name in CONFIG_FILES:
        names |= set(ENV_READ.findall((settings.BASE_DIR / name).read_text()))
    return names


def test_the_settings_files_read_settings_from_the_environment():
    # If the pattern stopped matching, the test below would pass on nothing.
    assert {"DJANGO_SECRET_KEY", "SQLITE_PATH", "SERVER_THREADS"} <= environment_variables_read()


def test_every_environment_setting_is_in_the_readme():
    readme = (settings.BASE_DIR / "README.md").read_text()

    missing = sorted(name for name in environment_variables_read() if f"`{name}`" not in readme)

    assert not missing, f"Document these in the README: {missing}"
