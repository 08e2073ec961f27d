#!/usr/bin/env python3
"""Deterministically select the hand-labelled evaluation paragraphs.

Source: /work/shared/corpus/national-work-reports.jsonl (read-only; never modified).

Rule (exact):
  * Use the reports on these 1-based lines of the JSONL file:
      3 (2024), 12 (2019), 18 (2016), 24 (2013), 32 (2009),
      41 (2003), 48 (1995), 54 (1986), 61 (1979), 67 (1959).
  * Split the record's `content` on "\n" (str.split("\n")).
  * Drop every piece whose str.strip() is empty (empty / whitespace-only),
    and every piece whose str.strip() is shorter than 30 characters
    (these are headings such as "一、2023年工作回顾", salutations such as
    "各位代表：", and fragments cut by wiki markup).  Python str.strip()
    also strips the ideographic space U+3000.
  * Number the remaining pieces 0, 1, 2, ... in document order ("para").
  * Select every piece whose index % 9 == 4 (4, 13, 22, ...), keeping at
    most the first 6 such pieces per report.
  * "text" is the piece exactly as it appears in `content` (NOT stripped:
    leading U+3000 indentation, if any, is kept).
  * Cut rule: if len(text) > 600 (Python code points), take text[:600]
    and, if it contains "。", cut it just after the LAST "。" in it
    (the "。" is kept); if text[:600] contains no "。", keep text[:600].
  * Output one JSON object per line (ensure_ascii=False), in report order
    then paragraph order:
      {"doc": "national-work-reports.jsonl#<line>", "year": <int>,
       "para": <index>, "text": <text>}
"""
import json
import sys

CORPUS = "/work/shared/corpus/national-work-reports.jsonl"
LINES = [(3, 2024), (12, 2019), (18, 2016), (24, 2013), (32, 2009),
         (41, 2003), (48, 1995), (54, 1986), (61, 1979), (67, 1959)]
MIN_LEN = 30
MODULUS, REMAINDER = 9, 4
PER_REPORT = 6
MAX_CHARS = 600


def cut(text):
    if len(text) <= MAX_CHARS:
        return text
    head = text[:MAX_CHARS]
    pos = head.rfind("。")
    return head[:pos + 1] if pos >= 0 else head


def select(path=CORPUS, lines=LINES, remainder=REMAINDER):
    """The sample: `lines` are (1-based line, year) pairs; pieces with index % MODULUS ==
    `remainder`. tests/labels2/select.py calls this with its own lines and remainder."""
    with open(path, encoding="utf-8") as f:
        records = f.read().split("\n")
    out = []
    for line, year in lines:
        rec = json.loads(records[line - 1])
        assert str(rec.get("year")) == str(year), (line, rec.get("year"))
        kept = [p for p in rec["content"].split("\n")
                if p.strip() and len(p.strip()) >= MIN_LEN]
        n = 0
        for idx, p in enumerate(kept):
            if idx % MODULUS != remainder:
                continue
            if n >= PER_REPORT:
                break
            out.append({"doc": "national-work-reports.jsonl#%d" % line,
                        "year": year, "para": idx, "text": cut(p)})
            n += 1
    return out


if __name__ == "__main__":
    for row in select(sys.argv[1] if len(sys.argv) > 1 else CORPUS):
        print(json.dumps(row, ensure_ascii=False))
