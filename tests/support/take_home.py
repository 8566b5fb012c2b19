"""Take-home test helpers: find the QR codes a page draws and read them as a phone would."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import zxingcpp
from PIL import Image

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
PATH_TOKENS = re.compile(r"[A-Za-z]|-?\d+(?:\.\d+)?")
PIXELS_PER_MODULE = 4
# The public site the take-home tests set (the conftest's ``public_site`` fixture).
PUBLIC = "https://guide.example.org"


def query_of(url: str) -> dict[str, list[str]]:
    """An address's query, every value kept (blank ones too)."""
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def qr_svgs(html: str) -> list[str]:
    """The inline SVG QR codes in a page, as the browser receives them."""
    return SVG.findall(html)


class _SvgPaths(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.view_box = ""
        self.paths: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.view_box = dict(attrs).get("viewbox", "")
        elif tag == "path":
            self.paths.append(dict(attrs))

    handle_startendtag = handle_starttag


def svg_modules(svg: str) -> list[list[bool]]:
    """The dark modules drawn by segno's SVG, read from the markup itself.

    segno draws the light background as one filled rectangle and the dark modules
    as one stroked path of horizontal runs: "M4 4.5h7m2 0h1..." (stroke width 1,
    so a run at y=4.5 fills row 4). Anything else in the path is refused rather
    than guessed at.
    """
    parser = _SvgPaths()
    parser.feed(svg)
    _, _, width, height = (int(float(n)) for n in parser.view_box.split())
    dark = [path for path in parser.paths if path.get("stroke")]
    assert len(dark) == 1, "expected one stroked path of dark modules"
    assert dark[0].get("stroke-width", "1") == "1"
    grid = [[False] * width for _ in range(height)]
    x = y = 0.0
    tokens = PATH_TOKENS.findall(dark[0]["d"])
    i = 0
    while i < len(tokens):
        command = tokens[i]
        if command in "Mm":
            dx, dy = float(tokens[i + 1]), float(tokens[i + 2])
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
            i += 3
        elif command in "Hh":
            end = float(tokens[i + 1]) + (x if command == "h" else 0)
            row = int(y)
            assert y - row == 0.5, "runs are drawn through the middle of a row"
            for column in range(int(x), int(end)):
                grid[row][column] = True
            x = end
            i += 2
        else:
            raise AssertionError(f"unexpected path command {command!r}")
    return grid


def decode_qr(svg: str) -> str:
    """Draw the SVG's modules as pixels and read them back with a real QR decoder."""
    grid = svg_modules(svg)
    size = len(grid)
    image = Image.new("L", (size, size), 255)
    image.putdata([0 if cell else 255 for row in grid for cell in row])
    image = image.resize(
        (size * PIXELS_PER_MODULE, size * PIXELS_PER_MODULE), Image.Resampling.NEAREST
    )
    barcode = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert barcode is not None, "no QR code could be read from the SVG"
    return barcode.text


def page_qr_urls(html: str) -> list[str]:
    """What each QR code on a page opens, decoded from its pixels."""
    return [decode_qr(svg) for svg in qr_svgs(html)]
