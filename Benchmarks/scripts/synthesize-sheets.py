#!/usr/bin/env python3
"""Writes N synthetic participating sheets (default 500) of today's size for the history and
batch benchmarks, from the real archive: sheet k takes one of the archive's 8 newest participating
sheets (today's size: about 1,800 agreements each), in turn over time, drops ~2% of its agreement rows (a fixed hash of k and the
row, so every sheet differs and reruns give the same bytes) and is dated 2026-06-01 + k days (after every real signing date) in
its name and docProps. Standard library only.

    Benchmarks/scripts/synthesize-sheets.py SOURCE_ICE_DIR OUT_DIR [N]
"""
import datetime, hashlib, os, re, sys, zipfile

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    sources = sorted(f for f in os.listdir(src) if f.startswith("participating-") and f.endswith(".xlsx"))[-8:]
    if not sources:
        sys.exit(f"{src}: no participating-*.xlsx sheets")
    os.makedirs(out, exist_ok=True)
    row_re = re.compile(rb'<row r="(\d+)".*?</row>', re.S)
    link_re = re.compile(rb'<hyperlink ref="[A-Z]+(\d+)"[^>]*/>')
    for k in range(n):
        name = sources[k * len(sources) // n]
        date = datetime.date(2026, 6, 1) + datetime.timedelta(days=k)
        dropped = set()

        def keep_row(m):
            r = int(m.group(1))
            if r > 5 and hashlib.sha256(f"{k}:{r}".encode()).digest()[0] < 5:   # ~2% of rows
                dropped.add(r)
                return b""
            return m.group(0)

        def keep_link(m):
            return b"" if int(m.group(1)) in dropped else m.group(0)

        target = os.path.join(out, f"participating-{date.isoformat()}.xlsx")
        with zipfile.ZipFile(os.path.join(src, name)) as zin, zipfile.ZipFile(target + ".tmp", "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = link_re.sub(keep_link, row_re.sub(keep_row, data))
                elif info.filename == "docProps/core.xml":
                    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + f"{date.isoformat()}T12:00:00Z".encode(), data)
                zout.writestr(info, data)
        os.replace(target + ".tmp", target)
    print(f"{n} sheets from {len(sources)} sources in {out}")

main()
