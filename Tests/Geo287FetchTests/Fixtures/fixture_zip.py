#!/usr/bin/env python3
"""Builds zip fixtures for Geo287FetchTests (stdlib only).

  fixture_zip.py make OUT FILE...        zip FILEs under their base names
  fixture_zip.py drop IN OUT MEMBER      copy IN without MEMBER
  fixture_zip.py retime IN OUT ISO       copy an xlsx with docProps/core.xml modified set to ISO
"""
import os
import re
import sys
import zipfile


def main(argv):
    mode = argv[1]
    if mode == "make":
        with zipfile.ZipFile(argv[2], "w", zipfile.ZIP_DEFLATED) as z:
            for path in argv[3:]:
                z.write(path, os.path.basename(path))
        return 0
    src, out = argv[2], argv[3]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if mode == "drop" and item.filename == argv[4]:
                continue
            if mode == "retime" and item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              lambda m: m.group(1) + argv[4].encode() + m.group(2), data)
            zout.writestr(item, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
