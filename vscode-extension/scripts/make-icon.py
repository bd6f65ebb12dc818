"""Draws icon.png (128x128): the WebAssembly purple square with its top notch and a white
`{ }` pair for the JS side. Plain zlib + struct, so it needs nothing installed; run it again
only to change the design."""
import struct
import zlib

N = 128
PURPLE = (0x65, 0x4F, 0xF0, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, r=18):
    cx = min(max(x, r), N - 1 - r)
    cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_notch(x, y):
    # The semicircle cut into the top edge, as in the WebAssembly logo.
    return (x - 64) ** 2 + (y + 4) ** 2 <= 26 ** 2


def brace(x, y, left):
    # A thick brace of circles and bars, mirrored for the right one.
    if not left:
        x = N - 1 - x
    t = 7
    if 34 <= x <= 34 + t and (44 <= y <= 68 or 80 <= y <= 104):
        return True
    if (x - 46) ** 2 + (y - 44) ** 2 <= 12 ** 2 and (x - 46) ** 2 + (y - 44) ** 2 >= 5 ** 2 and x < 46 and y < 44:
        return True
    if (x - 46) ** 2 + (y - 104) ** 2 <= 12 ** 2 and (x - 46) ** 2 + (y - 104) ** 2 >= 5 ** 2 and x < 46 and y > 104:
        return True
    if 44 <= x <= 52 and (32 <= y <= 38 or 110 <= y <= 116):
        return True
    if 24 <= x <= 34 and 70 <= y <= 78:
        return True
    return False


rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        if not inside_rounded(x, y) or in_notch(x, y):
            px = CLEAR
        elif brace(x, y, True) or brace(x, y, False):
            px = WHITE
        else:
            px = PURPLE
        row += bytes(px)
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open("icon.png", "wb").write(png)
