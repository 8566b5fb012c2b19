"""The shipped page files of each language, read straight from disk.

English pages live in education/content/pages/<slug>.toml and each other
language in a folder named after its code (pages/es/<slug>.toml). Tests that
compare translations read the TOML themselves, so they check the files as
written, whatever the loader does with them.
"""

import re
import tomllib
from pathlib import Path

from education.content_files import CONTENT_DIR
from education.markdown import fill_tokens, render_markdown

SPANISH_DIR = CONTENT_DIR / "es"
# The number filled in while measuring; any short number reads the same.
MEASURED_EMERGENCY_NUMBER = "911"
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
# A number as a reader sees it: 38, 6, 100.4 (a decimal comma counts as a point).
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def translation_dirs() -> dict[str, Path]:
    """Each translated language's folder of page files, by language code."""
    return {path.name: path for path in sorted(CONTENT_DIR.iterdir()) if path.is_dir()}


def read_page_files(directory: Path) -> dict[str, dict]:
    """Every page file in one folder, parsed but not validated, by file name."""
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.toml"))
    }


def page_body_html(data: dict) -> str:
    """The page's own words as the page shows them: title, summary, headings and bodies.

    Navigation, sources and page details are left out, as the reading-level
    test leaves them out of the English pages.
    """
    parts = [f"<h1>{data['title']}</h1>", f"<p>{data['summary']}</p>"]
    for section in data["sections"]:
        heading = fill_tokens(section["heading"], MEASURED_EMERGENCY_NUMBER)
        parts.append(f"<h2>{heading}</h2>")
        parts.append(render_markdown(section["body"], MEASURED_EMERGENCY_NUMBER))
    return "\n".join(parts)


def link_targets(data: dict) -> set[str]:
    return {target for s in data["sections"] for target in LINK_TARGET.findall(s["body"])}


def numbers_in(text: str) -> set[str]:
    return {number.replace(",", ".") for number in NUMBER.findall(text)}


def list_item_count(markdown_text: str) -> int:
    return render_markdown(markdown_text).count("<li>")
