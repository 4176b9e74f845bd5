"""Line charts written as PNG with the standard library only (zlib + struct): the demo's learning curve.

Debian's python3-torch comes without matplotlib, and a learning curve needs little: panels, axes, a
polyline and a few labels in a 3×5 pixel font.
"""
from __future__ import annotations

import struct
import zlib
from typing import List, Optional, Sequence, Tuple

__all__ = ["Canvas", "write_png", "line_chart"]

Color = Tuple[int, int, int]

_FONT = {  # 3 columns × 5 rows, row-major
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001001001001",
    "8": "111101111101111", "9": "111101111001111", "A": "010101111101101", "B": "110101110101110",
    "C": "011100100100011", "D": "110101101101110", "E": "111100110100111", "F": "111100110100100",
    "G": "011100101101011", "H": "101101111101101", "I": "111010010010111", "J": "001001001101010",
    "K": "101101110101101", "L": "100100100100111", "M": "101111111101101", "N": "110101101101101",
    "O": "010101101101010", "P": "110101110100100", "Q": "010101101110011", "R": "110101110101101",
    "S": "011100010001110", "T": "111010010010010", "U": "101101101101111", "V": "101101101101010",
    "W": "101101111111101", "X": "101101010101101", "Y": "101101010010010", "Z": "111001010100111",
    ".": "000000000000010", "-": "000000111000000", ":": "000010000010000", "(": "010100100100010",
    ")": "010001001001010", "/": "001001010100100", "%": "101001010100101", " ": "000000000000000",
    "=": "000111000111000", ",": "000000000010100", "+": "000010111010000",
}


def write_png(path: str, width: int, height: int, rgb: bytes) -> None:
    """Writes 8-bit RGB pixels (row-major, ``width × height × 3`` bytes) as a PNG file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    stride = width * 3
    raw = b"".join(b"\x00" + rgb[y * stride:(y + 1) * stride] for y in range(height))  # filter 0 per row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                 + chunk(b"IEND", b""))


class Canvas:
    """An RGB raster with pixels, lines, rectangles and upper-case text."""

    def __init__(self, width: int, height: int, background: Color = (255, 255, 255)) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def dot(self, x: int, y: int, color: Color) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            i = (y * self.width + x) * 3
            self.pixels[i:i + 3] = bytes(color)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color, fill: bool = False) -> None:
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                if fill or y in (y0, y1) or x in (x0, x1):
                    self.dot(x, y, color)

    def line(self, x0: int, y0: int, x1: int, y1: int, color: Color, width: int = 1) -> None:
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            for ox in range(width):
                for oy in range(width):
                    self.dot(x0 + ox - width // 2, y0 + oy - width // 2, color)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, x: int, y: int, text: str, color: Color = (0, 0, 0), scale: int = 2) -> int:
        """Draws ``text`` with its top-left at (x, y); returns the x after it."""
        for ch in text.upper():
            glyph = _FONT.get(ch, _FONT[" "])
            for i, bit in enumerate(glyph):
                if bit == "1":
                    self.rect(x + (i % 3) * scale, y + (i // 3) * scale,
                              x + (i % 3) * scale + scale - 1, y + (i // 3) * scale + scale - 1, color, fill=True)
            x += 4 * scale
        return x

    def save(self, path: str) -> None:
        write_png(path, self.width, self.height, bytes(self.pixels))


def _label(value: float) -> str:
    return "%d" % round(value) if abs(value) >= 100 else "%.1f" % value if abs(value) >= 10 else "%.2f" % value


def line_chart(path: str, x: Sequence[float], panels: Sequence[Tuple[str, Sequence[Optional[float]], Color]],
               columns: int = 2, panel_size: Tuple[int, int] = (420, 250), title: str = "") -> None:
    """One panel per ``(title, values, color)`` over the shared ``x``, ``columns`` per row; None values are
    skipped. Each y axis runs from its minimum to its maximum (labelled), the x axis from first to last."""
    pw, ph = panel_size
    rows = (len(panels) + columns - 1) // columns
    top = 30 if title else 0
    canvas = Canvas(columns * pw, rows * ph + top)
    if title:
        canvas.text(10, 8, title, (40, 40, 40))
    for k, (name, values, color) in enumerate(panels):
        ox, oy = (k % columns) * pw, top + (k // columns) * ph
        left, right, upper, lower = ox + 62, ox + pw - 16, oy + 30, oy + ph - 30
        canvas.text(ox + 62, oy + 8, name, (40, 40, 40))
        pts = [(xi, v) for xi, v in zip(x, values) if v is not None]
        if not pts:
            continue
        lo, hi = min(v for _, v in pts), max(v for _, v in pts)
        if hi - lo < 1e-9:
            lo, hi = lo - 0.5, hi + 0.5
        x0, x1 = min(x), max(x)
        x1 = x1 if x1 > x0 else x0 + 1
        for frac in (0.25, 0.5, 0.75):
            gy = int(lower - frac * (lower - upper))
            canvas.line(left, gy, right, gy, (225, 225, 225))
        canvas.rect(left, upper, right, lower, (120, 120, 120))
        canvas.text(ox + 6, upper - 4, _label(hi), (80, 80, 80))
        canvas.text(ox + 6, lower - 6, _label(lo), (80, 80, 80))
        canvas.text(left, lower + 8, "%d" % x0, (80, 80, 80))
        end = "STEP %d" % x1
        canvas.text(right - 8 * len(end), lower + 8, end, (80, 80, 80))

        def to_px(xi: float, v: float) -> Tuple[int, int]:
            return (int(left + (xi - x0) / (x1 - x0) * (right - left)),
                    int(lower - (v - lo) / (hi - lo) * (lower - upper)))

        coords: List[Tuple[int, int]] = [to_px(xi, v) for xi, v in pts]
        for (ax, ay), (bx, by) in zip(coords, coords[1:]):
            canvas.line(ax, ay, bx, by, color, width=2)
        for cx, cy in coords:
            canvas.rect(cx - 2, cy - 2, cx + 2, cy + 2, color, fill=True)
    canvas.save(path)
