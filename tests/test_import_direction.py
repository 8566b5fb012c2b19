"""Dependencies point one way: the kiosk decorates the other apps, which never know about it.

The explanation pages and the checker learn what they need about a kiosk only
through config.personalisation; kiosk/ may import triage/ and education/.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNAWARE_APPS = ("triage", "education")
TEMPLATE_MENTION = re.compile(r"""\{%[^%]*['"]kiosk[:/]""")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.append(node.module or "")
    return modules


def python_files(app: str) -> list[Path]:
    files = sorted((ROOT / app).rglob("*.py"))
    assert files, app
    return files


@pytest.mark.parametrize("app", UNAWARE_APPS)
def test_the_app_never_imports_the_kiosk(app):
    offending = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in python_files(app)
        for module in imported_modules(path)
        if module.split(".")[0] == "kiosk"
    ]
    assert offending == []


@pytest.mark.parametrize("app", UNAWARE_APPS)
def test_the_app_s_templates_never_include_or_link_kiosk_templates_or_routes(app):
    templates = sorted((ROOT / "templates" / app).rglob("*.html"))
    assert templates, app
    offending = [
        str(path.relative_to(ROOT))
        for path in templates
        if TEMPLATE_MENTION.search(path.read_text(encoding="utf-8"))
    ]
    assert offending == []


def test_the_check_sees_an_import_of_the_kiosk_in_every_form(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "import kiosk\nimport kiosk.device as device\nfrom kiosk import pin\n"
        "from kiosk.handoff import qr_svg\nfrom . import kiosk_like\n"
    )
    assert [m for m in imported_modules(source) if m.split(".")[0] == "kiosk"] == [
        "kiosk",
        "kiosk.device",
        "kiosk",
        "kiosk.handoff",
    ]
