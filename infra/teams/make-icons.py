#!/usr/bin/env python3
"""Writes color.png (192x192) and outline.png (32x32, transparent) for the Teams app package.

Standard library only, so anyone can regenerate the icons: python3 infra/teams/make-icons.py
"""
import os
import struct
import zlib


def png(path, size, pixel):
    """pixel(x, y) -> (r, g, b, a); written as 8-bit RGBA."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def speech_bubble(x, y, size):
    """A rounded chat bubble with a tail, in unit coordinates: the Botshop mark."""
    u, v = (x + 0.5) / size, (y + 0.5) / size
    body = 0.15 <= u <= 0.85 and 0.2 <= v <= 0.65
    corner = 0.08
    for cx, cy in ((0.15 + corner, 0.2 + corner), (0.85 - corner, 0.2 + corner), (0.15 + corner, 0.65 - corner), (0.85 - corner, 0.65 - corner)):
        if abs(u - cx) > 0 and (u < 0.15 + corner or u > 0.85 - corner) and (v < 0.2 + corner or v > 0.65 - corner):
            if (u - cx) ** 2 + (v - cy) ** 2 > corner ** 2 and abs(u - cx) <= corner and abs(v - cy) <= corner:
                body = False
    tail = 0.3 <= u <= 0.45 and 0.65 <= v <= 0.8 and (u - 0.3) <= (0.8 - v)
    return body or tail


here = os.path.dirname(os.path.abspath(__file__))
png(os.path.join(here, "color.png"), 192,
    lambda x, y: (255, 255, 255, 255) if speech_bubble(x, y, 192) else (70, 71, 117, 255))
png(os.path.join(here, "outline.png"), 32,
    lambda x, y: (255, 255, 255, 255) if speech_bubble(x, y, 32) else (0, 0, 0, 0))
