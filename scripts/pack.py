#!/usr/bin/env python3
"""Packs a folder into a store zip that is byte-identical from one build to the next.

Entries are sorted, carry a fixed timestamp and fixed permissions, and nothing of the build machine
(user, mtime, extra fields) enters the archive. Usage: scripts/pack.py SOURCE_DIR OUTPUT_ZIP
"""
import os
import sys
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def pack(source, output):
    paths = []
    for folder, _dirs, files in os.walk(source):
        for name in files:
            full = os.path.join(folder, name)
            paths.append(os.path.relpath(full, source).replace(os.sep, "/"))
    with zipfile.ZipFile(output, "w") as archive:
        for relative in sorted(paths):
            info = zipfile.ZipInfo(relative, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            with open(os.path.join(source, relative), "rb") as handle:
                archive.writestr(info, handle.read(), compresslevel=9)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pack.py SOURCE_DIR OUTPUT_ZIP")
    pack(sys.argv[1], sys.argv[2])
