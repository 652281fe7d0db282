#!/usr/bin/env python3
"""Draws the TBA Doctor icons (a key on a shield-blue rounded square) as PNGs, with no image library.

Run once by hand when the design changes; the PNGs are committed. Usage: scripts/make-icons.py extension/icons
"""
import math
import struct
import sys
import zlib


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def inside_key(x, y, size):
    # Ring of the key's bow, then the shaft and two teeth, all in unit coordinates.
    u, v = x / size, y / size
    ring = math.hypot(u - 0.36, v - 0.40)
    if 0.11 <= ring <= 0.20:
        return True
    if 0.47 <= u <= 0.82 and 0.36 <= v <= 0.44:
        return True
    if 0.64 <= u <= 0.71 and 0.44 <= v <= 0.58:
        return True
    if 0.75 <= u <= 0.82 and 0.44 <= v <= 0.54:
        return True
    return False


def inside_check(x, y, size):
    # A small check mark at the bottom left: the "doctor's" verdict.
    u, v = x / size, y / size
    def near(ax, ay, bx, by, width):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(u - (ax + t * dx), v - (ay + t * dy)) <= width
    return near(0.22, 0.72, 0.33, 0.83, 0.045) or near(0.33, 0.83, 0.55, 0.62, 0.045)


def pixel(x, y, size):
    samples = 4
    hits_bg = hits_fg = 0
    for sx in range(samples):
        for sy in range(samples):
            px = x + (sx + 0.5) / samples
            py = y + (sy + 0.5) / samples
            if inside_rounded_square(px, py, size, size * 0.2):
                hits_bg += 1
                if inside_key(px, py, size) or inside_check(px, py, size):
                    hits_fg += 1
    total = samples * samples
    alpha = hits_bg / total
    fg = hits_fg / max(hits_bg, 1)
    background = (0x12, 0x5b, 0x9c)
    foreground = (0xff, 0xff, 0xff)
    rgb = tuple(round(b * (1 - fg) + f * fg) for b, f in zip(background, foreground))
    return rgb + (round(alpha * 255),)


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "extension/icons"
    for size in (16, 32, 48, 128):
        with open(f"{out}/icon-{size}.png", "wb") as handle:
            handle.write(png(size))
