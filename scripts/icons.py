#!/usr/bin/env python3
"""Draws wenxi's app icons (www/icons/icon-192.png, icon-512.png) with the
standard library only: a tiny PNG writer (zlib + struct), no Pillow, no fonts.

The picture: a sheet of text on wenxi red (the page's theme-color), with
lines of "words", three of them marked in colour (a person, a place, a figure).
Everything sits inside the maskable safe zone (a centred circle of radius 40%),
so the same 512 px file serves as the maskable icon. Output is byte-for-byte
reproducible: run `python3 scripts/icons.py` and commit the PNGs.
"""
import os
import struct
import zlib

RED = (0x8C, 0x1C, 0x13)  # the page's theme-color, #8c1c13
PAPER = (0xFF, 0xFB, 0xF2)
INK = (0x5A, 0x55, 0x50)
MARKS = [(0x2F, 0x6F, 0xB5), (0x3A, 0x8A, 0x4E), (0xE0, 0x8A, 0x1E)]

# The sheet and its lines, in units of the icon's side (0..1).
SHEET = (0.26, 0.20, 0.74, 0.80, 0.05)  # x0, y0, x1, y1, corner radius
# Each line: y centre, then segments (x0, x1, colour index or None for ink).
LINES = [
    (0.300, [(0.32, 0.58, None)]),  # headline, thicker
    (0.405, [(0.32, 0.44, 0), (0.46, 0.68, None)]),
    (0.485, [(0.32, 0.50, None), (0.52, 0.68, 1)]),
    (0.565, [(0.32, 0.68, None)]),
    (0.645, [(0.32, 0.40, None), (0.42, 0.54, 2), (0.56, 0.68, None)]),
    (0.725, [(0.32, 0.56, None)]),
]


def coverage_round_rect(px, py, x0, y0, x1, y1, r, aa):
    """Approximate area of the pixel centred at (px, py) inside a rounded rect."""
    cx = min(max(px, x0 + r), x1 - r)
    cy = min(max(py, y0 + r), y1 - r)
    dx, dy = px - cx, py - cy
    if dx == 0 and dy == 0:
        # Inside the inner rectangle: distance to the nearest straight edge.
        d = -min(px - x0, x1 - px, py - y0, y1 - py)
    else:
        d = (dx * dx + dy * dy) ** 0.5 - r
    return min(max(0.5 - d / aa, 0.0), 1.0)


def blend(under, over, a):
    return tuple(round(u + (o - u) * a) for u, o in zip(under, over))


def draw(size):
    aa = 1.0 / size  # one pixel, in icon units
    shapes = [(SHEET, PAPER)]
    for i, (y, segs) in enumerate(LINES):
        h = 0.055 if i == 0 else 0.035
        for x0, x1, mark in segs:
            colour = INK if mark is None else MARKS[mark]
            shapes.append(((x0, y - h / 2, x1, y + h / 2, h / 2), colour))
    rows = []
    for j in range(size):
        py = (j + 0.5) / size
        row = bytearray([0])  # filter: none
        for i in range(size):
            px = (i + 0.5) / size
            colour = RED
            for (x0, y0, x1, y1, r), fill in shapes:
                if px < x0 - aa or px > x1 + aa or py < y0 - aa or py > y1 + aa:
                    continue
                a = coverage_round_rect(px, py, x0, y0, x1, y1, r, aa)
                if a > 0:
                    colour = blend(colour, fill, a)
            row += bytes(colour)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "www", "icons")
    os.makedirs(out, exist_ok=True)
    for size in (192, 512):
        path = os.path.join(out, f"icon-{size}.png")
        with open(path, "wb") as f:
            f.write(png(size, draw(size)))
        print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
