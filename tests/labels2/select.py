#!/usr/bin/env python3
"""Deterministically select the SECOND hand-labelled evaluation sample.

Same rule as tests/labels/select.py, but different reports and a different
remainder (para % 9 == 7), so the paragraphs do not overlap the first sample.

Source: /work/shared/corpus/national-work-reports.jsonl (read-only; never modified).

Rule (exact):
  * Use the reports on these 1-based lines of the JSONL file:
      5 (2023), 14 (2018), 22 (2014), 30 (2010), 38 (2006),
      44 (2000), 50 (1993), 56 (1984), 59 (1981), 70 (1956).
  * Split the record's `content` on "\n" (str.split("\n")).
  * Drop every piece whose str.strip() is empty (empty / whitespace-only),
    and every piece whose str.strip() is shorter than 30 characters
    (these are headings such as "一、2023年工作回顾", salutations such as
    "各位代表：", and fragments cut by wiki markup).  Python str.strip()
    also strips the ideographic space U+3000.
  * Number the remaining pieces 0, 1, 2, ... in document order ("para").
  * Select every piece whose index % 9 == 7 (7, 16, 25, ...), keeping at
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
import importlib.util
import json
import pathlib
import sys

# The rule itself lives in tests/labels/select.py; only the reports and remainder differ.
_spec = importlib.util.spec_from_file_location(
    "first_sample", pathlib.Path(__file__).resolve().parent.parent / "labels" / "select.py")
first_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first_sample)

LINES = [(5, 2023), (14, 2018), (22, 2014), (30, 2010), (38, 2006),
         (44, 2000), (50, 1993), (56, 1984), (59, 1981), (70, 1956)]
REMAINDER = 7


def select(path=first_sample.CORPUS):
    return first_sample.select(path, LINES, REMAINDER)


if __name__ == "__main__":
    for row in select(sys.argv[1] if len(sys.argv) > 1 else first_sample.CORPUS):
        print(json.dumps(row, ensure_ascii=False))
