#!/usr/bin/env python3
"""Convert JioNLP's gazetteer into the CSV files govmine-places embeds.

Usage:
    python3 dictionaries/tools/convert_jionlp.py PATH [OUT_DIR]

PATH is the JioNLP wheel (jionlp-1.5.31-py2.py3-none-any.whl), an extracted
wheel/source directory (containing jionlp/dictionary/), or the dictionary
directory itself. OUT_DIR defaults to the folder above this script
(dictionaries/). Python 3 standard library only.

Writes:
  regions.csv         code,level,name,short,parent_code,province_code,aliases
  region_changes.csv  date,old_name,new_name,new_code

Hierarchy choices (see dictionaries/README.md):
  * levels kept: province, prefecture, county (townships and villages dropped);
  * municipalities (北京 上海 天津 重庆): JioNLP repeats the municipality as its own
    prefecture (重庆市 500000 > 重庆市 500000 > 渝北区); that repeated level is
    dropped, so counties hang directly under the province row;
  * 省直辖行政区划 / 自治区直辖县级行政区划 placeholders (仙桃市, 济源市, 五指山市 …)
    are dropped and their counties hang directly under the province;
  * 市直辖行政区划 placeholders (东莞市, 中山市, 儋州市, 嘉峪关市 have no counties)
    are dropped;
  * 香港 / 澳门: province rows only (JioNLP gives their districts no codes);
    台湾省: province and its prefecture-level cities only (no county codes).
"""

import csv
import io
import os
import sys
import zipfile

SKIP_PREFECTURE = ("省直辖行政区划", "自治区直辖县级行政区划")
SKIP_COUNTY = ("市直辖行政区划", "市辖区")
NO_COUNTIES = ("香港特别行政区", "澳门特别行政区", "台湾省")
NO_PREFECTURES = ("香港特别行政区", "澳门特别行政区")


def open_sources(path):
    """Return (china_location.zip bytes, china_location_change.txt text)."""
    rel = "jionlp/dictionary/"
    if os.path.isfile(path) and path.endswith(".whl"):
        with zipfile.ZipFile(path) as whl:
            loc_zip = whl.read(rel + "china_location.zip")
            change = whl.read(rel + "china_location_change.txt").decode("utf-8")
        return loc_zip, change
    for cand in (os.path.join(path, rel), path):
        zp = os.path.join(cand, "china_location.zip")
        if os.path.isfile(zp):
            with open(zp, "rb") as f:
                loc_zip = f.read()
            with open(os.path.join(cand, "china_location_change.txt"), encoding="utf-8") as f:
                change = f.read()
            return loc_zip, change
    sys.exit(f"no jionlp/dictionary/china_location.zip under {path}")


def read_location_tree(loc_zip):
    with zipfile.ZipFile(io.BytesIO(loc_zip)) as z:
        name = [n for n in z.namelist() if n.endswith(".txt")][0]
        text = z.read(name).decode("utf-8")
    rows = []  # (depth, name, code, short)
    for line in text.splitlines():
        line = line.rstrip("\r")
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        parts = line.lstrip("\t").split("\t") + ["", ""]
        rows.append((depth, parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def build_regions(rows):
    """Return list of dict rows and a path index {(prov, pref, county): code}."""
    regions = []
    paths = {}
    codes = {}
    prov = pref = None  # (name, code)
    for depth, name, code, short in rows:
        if depth == 0:
            prov = (name, code)
            pref = None
            regions.append(dict(code=code, level="province", name=name, short=short or name,
                                parent_code="", province_code=code))
            paths[(name,)] = code
        elif depth == 1:
            pname, pcode = prov
            if pname in NO_PREFECTURES or name in SKIP_PREFECTURE or name == pname:
                # municipality repeated as its own prefecture, or a placeholder:
                # counties attach to the province.
                pref = (name, pcode, True)
                paths[(pname, name)] = pcode
                continue
            if not code:
                pref = None
                continue
            pref = (name, code, False)
            regions.append(dict(code=code, level="prefecture", name=name, short=short or name,
                                parent_code=pcode, province_code=pcode))
            paths[(pname, name)] = code
        else:
            pname, pcode = prov
            if pref is None or pname in NO_COUNTIES or name in SKIP_COUNTY or not code:
                continue
            fname, fcode, transparent = pref
            if is_functional_zone(code):
                # 经济技术开发区 / 高新区 …: JioNLP's short forms (经开区, 高新区) are
                # generic words, so these keep only their full name.
                short = name
            if code in codes:
                print(f"warning: duplicate code {code} ({codes[code]} / {name}); kept the first",
                      file=sys.stderr)
                continue
            codes[code] = name
            regions.append(dict(code=code, level="county", name=name, short=short or name,
                                parent_code=pcode if transparent else fcode, province_code=pcode))
            paths[(pname, fname, name)] = code
    seen = {}
    for r in regions:
        if r["code"] in seen:
            sys.exit(f"duplicate code {r['code']}: {seen[r['code']]} / {r['name']}")
        seen[r["code"]] = r["name"]
    return regions, paths


def is_functional_zone(code):
    """Statistical codes xxxx7x are development zones and other functional areas."""
    return len(code) == 6 and code[4] == "7"


ETHNIC_SUFFIXES = {
    "自治州": "州",
    "自治县": "县",
    "自治旗": "旗",
}


def derive_aliases(regions):
    taken = {}
    for r in regions:
        for n in (r["name"], r["short"]):
            taken.setdefault(n, set()).add(r["code"])
    for r in regions:
        aliases = []
        name, short = r["name"], r["short"]
        if r["level"] == "province" and name.endswith("自治区") and short != name:
            # 宁夏回族自治区 → 宁夏自治区, 广西壮族自治区 → 广西自治区
            aliases.append(short + "自治区")
        for suffix, unit in ETHNIC_SUFFIXES.items():
            if name.endswith(suffix) and short != name and not short.endswith(unit):
                # 大理白族自治州 → 大理州, 彭水苗族土家族自治县 → 彭水县,
                # 鄂伦春自治旗 → 鄂伦春旗: the everyday short forms in official prose.
                aliases.append(short + unit)
        if r["level"] == "prefecture" and name.endswith("盟") and short == name and len(name) > 3:
            aliases.append(name[:-1])  # 兴安盟 keeps its 盟; 锡林郭勒盟 short is already 锡林郭勒
        out = []
        for a in aliases:
            owners = taken.get(a, set())
            if a in (name, short) or (owners and owners != {r["code"]}):
                continue  # unambiguous only
            if a not in out:
                out.append(a)
                taken.setdefault(a, set()).add(r["code"])
        r["aliases"] = "|".join(out)


# Spelling slips in china_location_change.txt.
TYPOS = {"云岗区": "云冈区", "大菁山县": "大箐山县"}


def build_changes(change_text, paths, regions):
    by_name = {}
    for r in regions:
        by_name.setdefault((r["province_code"], r["name"]), []).append(r["code"])
    names = {r["code"]: r["name"] for r in regions}
    prov_code = {r["name"]: r["code"] for r in regions if r["level"] == "province"}
    current = set()
    for r in regions:
        current.add(r["name"])
        current.add(r["short"])
    out = []
    seen = set()
    for line in change_text.splitlines():
        line = line.strip("\r\n")
        if not line.strip() or "=>" not in line:
            continue
        left, right = line.split("=>", 1)
        lf = left.split("\t")
        rf = [x for x in right.split("\t") if x]
        date = lf[0]
        old_name, old_short = lf[-2], lf[-1]
        new_name = rf[-1]
        new_name = TYPOS.get(new_name, new_name)
        rf[-1] = new_name
        code = paths.get(tuple(rf))
        if code is None and rf[0] in prov_code:
            pc = prov_code[rf[0]]
            cands = by_name.get((pc, new_name), [])
            if len(cands) != 1:
                # the tree may be older or newer than the change list (无为县 vs 无为市,
                # 金秀县 vs 金秀瑶族自治县): match the short form within the province.
                stem = new_name[:-1] if new_name[-1] in "县区市" else new_name
                cands = [r["code"] for r in regions if r["province_code"] == pc and r["short"] == stem]
            if len(cands) == 1:
                code = cands[0]
                new_name = names[code]
        if code is None:
            print(f"warning: no current region for {right!r}; skipped", file=sys.stderr)
            continue
        for old in (old_name, old_short):
            if old == new_name or len(old) < 2:
                continue
            if old == old_short and old in current:
                continue  # an old short form that is some current region's name: ambiguous
            key = (old, code)
            if key in seen:
                continue
            seen.add(key)
            out.append(dict(date=date, old_name=old, new_name=new_name, new_code=code))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    loc_zip, change = open_sources(src)
    regions, paths = build_regions(read_location_tree(loc_zip))
    derive_aliases(regions)
    order = {"province": 0, "prefecture": 1, "county": 2}
    regions.sort(key=lambda r: (r["code"], order[r["level"]]))
    with open(os.path.join(out_dir, "regions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["code", "level", "name", "short", "parent_code", "province_code", "aliases"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(regions)
    changes = build_changes(change, paths, regions)
    changes.sort(key=lambda r: (r["date"], r["new_code"], r["old_name"]))
    with open(os.path.join(out_dir, "region_changes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["date", "old_name", "new_name", "new_code"], lineterminator="\n")
        w.writeheader()
        w.writerows(changes)
    counts = {}
    for r in regions:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    print(f"regions.csv: {counts}; region_changes.csv: {len(changes)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
