//! Enumerated measures: items introduced by 一是/二是…, 第一/第二…, 其一/其二….
//!
//! [`measures`] scans a whole document once for markers, groups them into series
//! (一是 → 二是 → 三是) within each paragraph and cuts each item's text.
//!
//! # Rules
//!
//! - **Paragraphs**: split at `\n` and at any run of two or more whitespace chars (scraped
//!   pages often glue paragraphs with runs of spaces or `\u{a0}`), trimmed.
//! - **Markers**, each only at the start of a paragraph or right after whitespace or one of
//!   `。；;：:，,、！？!?）)` (so never inside a word: 统一是, 之一是, 百分之二十是, 第一要务,
//!   质量第一、, 名列第一，), and never inside a short quotation (a `“` less than 30 chars
//!   back and not closed: `“一要吃饭，二要建设”` is a slogan):
//!   - `一是`, `二是` … `十二是` (family 是; `一是要` is the marker 一是 and the item 要…);
//!   - `一要`, `二要` … (family 要; not 二要素, 一要求: `[not_yao]` in
//!     `dictionaries/measure_markers.txt`);
//!   - `第一`, `第二` … followed by `，,、：:` (the punctuation is not part of the marker or
//!     the item) or by `是` (`第一是`, marker `第一是`); not when `、` leads to another
//!     ordinal (`第一、第二、第三产业`, `第一、二、三庭`, `第二、三季度`; `第二、一定要…` is a
//!     marker). A `第N` with no punctuation after it is a marker only when it opens a
//!     paragraph or sentence, the next word is not an ordinal's noun (`[ordinal_next]`:
//!     第一批, 第一责任人, 第三产业, 第一要务 …), and another such `第N±1` opens a sentence
//!     within three paragraphs;
//!   - `其一`, `其二` … followed by `，,、：:是`;
//!   - after 是/即 (`最重要的就是一要…，二要…`), a `一是`/`一要` whose `二是`/`二要` follows
//!     in the same paragraph.
//!
//!   A marker with no list around it still counts: a lone `一是` that opens a clause (its
//!   二是 may be in a heading the caller drops, or lost in scraping), an orphan `二是`.
//!   Numerals are one digit 一…九 or a numeral with 十 (十一, 二十), 1 to 99. 首先/其次/最后
//!   are not markers (too often ordinary adverbs: 最后一公里), nor are heading numbers
//!   （一）/一、, nor `1.`.
//! - **Index**: the numeral (`三是` → 3, `第四` → 4). An old style repeats 一是 for every
//!   item of an inline list (`基本点是两条，一是…，一是…`): a 一是 that follows another in the
//!   same sentence counts on (index 2, 3 …).
//! - **Series**: within a paragraph, an index-1 marker opens a series and `N+1` of the same
//!   family continues the innermost open series at `N` (so an inline 一是…二是… inside the
//!   item of an outer 一是 does not steal its 二是). Items in later paragraphs need no link:
//!   each paragraph-opening item simply ends with its paragraph.
//! - **Item text**: from after the marker (leading `，,、：:；;` and whitespace skipped) to
//!   the next marker of its series in the same paragraph. The last item of a series in a
//!   paragraph ends at the first marker that continues an enclosing series (第一，…一是…二是…
//!   第二，) or starts a new series of its family (`…二是B。…一是C`; not after ：, as in
//!   `二是B：一是…`, a nested list), else:
//!   - when the series is inline (two or more items in the paragraph) and the items are
//!     separated by `；;，,` (one sentence, `一是A；二是B；三是C。总结…`), at the end of that
//!     sentence (`。！？!?`, kept);
//!   - when the marker stands alone (`一是` on its own line, the item in the next paragraph),
//!     at the end of the next paragraph;
//!   - otherwise at the end of the paragraph (items of several sentences, paragraph-opening
//!     items, a lone 一是).
//!
//!   An item is at most 2000 chars (cut after its last sentence stop within them). A
//!   connective between an item and the next marker (`；最后，第四，`) is cut, then trailing
//!   whitespace and `；;，,、：:`; `。` is kept. An empty item is no record.
//! - **Span**: `start` is the marker's first char, `end` is just past the item, so
//!   `start..end` is the marker, any skipped punctuation, then `text`.

use std::sync::LazyLock;

use serde::Serialize;

use crate::chars::among;
use crate::lexicon::{entries, MEASURE_MARKERS};
use crate::number::parse_chinese;

/// One enumerated item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// The marker as written (`一是`, `第二`, `其一`).
    pub marker: String,
    /// Position of the item in its list, from 1.
    pub index: u32,
    /// The item, marker excluded, up to the next marker or the end of its sentence group.
    pub text: String,
    /// Char offset of the marker.
    pub start: usize,
    /// Char offset just past the item.
    pub end: usize,
}

/// The lexicons of `dictionaries/measure_markers.txt`, as chars.
struct Lexicon {
    ordinal_next: Vec<Vec<char>>,
    not_yao: Vec<Vec<char>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        ordinal_next: Vec::new(),
        not_yao: Vec::new(),
    };
    for (section, line) in entries(MEASURE_MARKERS) {
        let word = line.chars().collect();
        match section {
            "ordinal_next" => lex.ordinal_next.push(word),
            "not_yao" => lex.not_yao.push(word),
            _ => panic!("measure_markers.txt: entry outside a known section: {line}"),
        }
    }
    lex
});

/// True when one of `words` is written at `chars[i..]`.
fn starts_with_any(chars: &[char], i: usize, words: &[Vec<char>]) -> bool {
    let rest = chars.get(i..).unwrap_or(&[]);
    words.iter().any(|w| rest.starts_with(w))
}

/// Which kind of marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// 一是, 二是.
    Shi,
    /// 一要, 二要.
    Yao,
    /// 第一, 第二 (and 第一是).
    Di,
    /// 其一, 其二.
    Qi,
}

/// A marker found in the text.
#[derive(Clone, Debug)]
struct Cand {
    family: Family,
    index: u32,
    /// Char offset of the marker.
    start: usize,
    /// Just past the marker.
    marker_end: usize,
    /// What else must be found for it to count.
    support: Support,
    /// The paragraph holding it.
    para: usize,
}

/// What a marker needs besides itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Support {
    /// Nothing.
    Own,
    /// 第N with no punctuation after it: a 第N±1 opening a sentence nearby.
    Neighbour,
    /// 一要/一是 after 是 or 即 (`就是一要…，二要…`): its 二 in the same paragraph.
    Next,
}

/// Whitespace, zero-width space and BOM included.
fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// A paragraph: trimmed `[start, end)`.
type Span = (usize, usize);

const NUMERALS: &str = "一二三四五六七八九十";
/// Chars after which a marker may start (besides whitespace and a paragraph start).
const BOUNDARY: &str = "。；;：:，,、！？!?）)";
/// Chars that end a sentence.
const STOPS: &str = "。！？!?";
/// Chars cut between a marker and its item, and at an item's end.
const ITEM_PUNCT: &str = "，,、：:；;";

/// Every measure in `text` (a whole document, paragraphs separated by `\n`), left to
/// right, offsets in chars. The caller drops those that start in a heading.
pub fn measures(text: &str) -> Vec<Measure> {
    let chars: Vec<char> = text.chars().collect();
    let paras = paragraphs(&chars);
    let mut cands = Vec::new();
    for (p, &(s, e)) in paras.iter().enumerate() {
        let mut i = s;
        while i < e {
            match marker_at(&chars, i, s, p) {
                Some(c) => {
                    i = c.marker_end;
                    cands.push(c);
                }
                None => i += 1,
            }
        }
    }
    let cands = keep_supported(cands);
    let next_stop = Stops::new(&chars);
    let mut out = Vec::new();
    let mut k = 0;
    while k < cands.len() {
        let p = cands[k].para;
        let n = cands[k..].iter().take_while(|c| c.para == p).count();
        items_in_paragraph(&chars, &paras, p, &cands[k..k + n], &next_stop, &mut out);
        k += n;
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Paragraphs as trimmed spans: breaks at `\n` and at runs of two or more whitespace chars.
fn paragraphs(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < chars.len() {
        if !is_ws(chars[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut newline = false;
        while i < chars.len() && is_ws(chars[i]) {
            newline |= chars[i] == '\n';
            i += 1;
        }
        if newline || i - run_start >= 2 {
            push_trimmed(chars, start, run_start, &mut out);
            start = i;
        }
    }
    push_trimmed(chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    while s < e && is_ws(chars[s]) {
        s += 1;
    }
    while e > s && is_ws(chars[e - 1]) {
        e -= 1;
    }
    if s < e {
        out.push((s, e));
    }
}

/// The sentence stops of a text, in order: one number per stop, not per char.
struct Stops {
    at: Vec<usize>,
    len: usize,
}

impl Stops {
    fn new(chars: &[char]) -> Stops {
        let at = (0..chars.len())
            .filter(|&i| among(STOPS, chars[i]))
            .collect();
        Stops {
            at,
            len: chars.len(),
        }
    }

    /// The first sentence stop at or after `i` (the text's length if none).
    fn next(&self, i: usize) -> usize {
        let k = self.at.partition_point(|&s| s < i);
        self.at.get(k).copied().unwrap_or(self.len)
    }
}

/// A list numeral at `i` (一…九, or a numeral with 十 up to 99) and where it ends.
fn numeral_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut e = i;
    while e < chars.len() && e - i < 3 && among(NUMERALS, chars[e]) {
        e += 1;
    }
    if e == i || (e < chars.len() && among(NUMERALS, chars[e])) {
        return None;
    }
    let run = &chars[i..e];
    if run.len() > 1 && !run.contains(&'十') {
        return None; // 一二: a digit string, not a list number
    }
    let value = parse_chinese(run)?.to_string().parse::<u32>().ok()?;
    (1..=99).contains(&value).then_some((value, e))
}

/// A marker may start at `i`: paragraph start, or after whitespace or list punctuation.
fn left_ok(chars: &[char], i: usize, para_start: usize) -> bool {
    i == para_start || {
        let p = chars[i - 1];
        is_ws(p) || among(BOUNDARY, p)
    }
}

/// At a paragraph or sentence start (for a weak 第N).
fn opens_sentence(chars: &[char], i: usize, para_start: usize) -> bool {
    i == para_start || {
        let p = chars[i - 1];
        is_ws(p) || among("。；;！？!?：:", p)
    }
}

/// Inside a short quotation (`“一要吃饭，二要建设”`): a “ less than 30 chars back with
/// no ” after it.
fn in_quote(chars: &[char], i: usize, para_start: usize) -> bool {
    let from = i.saturating_sub(30).max(para_start);
    chars[from..i]
        .iter()
        .rev()
        .find(|&&c| matches!(c, '“' | '”' | '「' | '」'))
        .is_some_and(|&c| c == '“' || c == '「')
}

/// The marker starting at `i`, if any.
fn marker_at(chars: &[char], i: usize, para_start: usize, para: usize) -> Option<Cand> {
    let left = left_ok(chars, i, para_start);
    // 就是一要…，二要…: 一 after 是/即 counts when its 二 follows.
    let after_copula = !left && i > para_start && matches!(chars[i - 1], '是' | '即');
    if !(left || after_copula) || in_quote(chars, i, para_start) {
        return None;
    }
    let cand = |family, index, marker_end, support| Cand {
        family,
        index,
        start: i,
        marker_end,
        support,
        para,
    };
    let c = chars[i];
    if after_copula {
        let (1, e) = numeral_at(chars, i)? else {
            return None;
        };
        let family = match chars.get(e)? {
            '是' => Family::Shi,
            '要' if !starts_with_any(chars, e + 1, &LEXICON.not_yao) => Family::Yao,
            _ => return None,
        };
        return Some(cand(family, 1, e + 1, Support::Next));
    }
    if c == '第' || c == '其' {
        let (index, e) = numeral_at(chars, i + 1)?;
        let next = *chars.get(e)?;
        if c == '其' {
            return (e == i + 2 && among("，,、：:是", next)).then(|| {
                let end = if next == '是' { e + 1 } else { e };
                cand(Family::Qi, index, end, Support::Own)
            });
        }
        if next == '是' {
            return Some(cand(Family::Di, index, e + 1, Support::Own));
        }
        if among("，,、：:", next) {
            // 第一、第二、第三产业; 第一、二、三庭; 第二、三季度: a list of ordinals.
            if next == '、' && ordinal_list_after(chars, e + 1) {
                return None;
            }
            return Some(cand(Family::Di, index, e, Support::Own));
        }
        let ordinal = starts_with_any(chars, e, &LEXICON.ordinal_next);
        let word_next = !is_ws(next) && !next.is_ascii() && !among(BOUNDARY, next);
        return (opens_sentence(chars, i, para_start) && word_next && !ordinal)
            .then(|| cand(Family::Di, index, e, Support::Neighbour));
    }
    if !among(NUMERALS, c) {
        return None;
    }
    let (index, e) = numeral_at(chars, i)?;
    match chars.get(e)? {
        '是' => Some(cand(Family::Shi, index, e + 1, Support::Own)),
        '要' if !starts_with_any(chars, e + 1, &LEXICON.not_yao) => {
            Some(cand(Family::Yao, index, e + 1, Support::Own))
        }
        _ => None,
    }
}

/// After `第一、`: another ordinal (`第二`, `二、`, `三季度`), so `第一、` is one of a list of
/// ordinals, not a marker. `第二、一定要…` is a marker.
fn ordinal_list_after(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('第') => true,
        Some(&c) if among(NUMERALS, c) => {
            let mut e = i;
            while e < chars.len() && among(NUMERALS, chars[e]) {
                e += 1;
            }
            chars.get(e).is_none_or(|&n| among("、，,和及至到", n))
                || starts_with_any(chars, e, &LEXICON.ordinal_next)
        }
        _ => false,
    }
}

/// Drop each marker that lacks its [`Support`]: a weak 第N with no 第N±1 within three
/// paragraphs; a 一 after 是/即 with no 二 of its family in its paragraph. Only the 64
/// markers on either side are looked at.
fn keep_supported(cands: Vec<Cand>) -> Vec<Cand> {
    const NEAR: usize = 3;
    const WINDOW: usize = 64;
    let supported = |k: usize| {
        let c = &cands[k];
        let after = cands[k + 1..].iter().take(WINDOW);
        let before = cands[..k].iter().rev().take(WINDOW);
        match c.support {
            Support::Own => true,
            Support::Neighbour => {
                after
                    .take_while(|d| d.para <= c.para + NEAR)
                    .any(|d| d.family == Family::Di && d.index == c.index + 1)
                    || before
                        .take_while(|d| d.para + NEAR >= c.para)
                        .any(|d| d.family == Family::Di && d.index + 1 == c.index)
            }
            Support::Next => after
                .take_while(|d| d.para == c.para)
                .any(|d| d.family == c.family && d.index == 2),
        }
    };
    let keep: Vec<bool> = (0..cands.len()).map(supported).collect();
    cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// The last non-whitespace char before `i`, not before `floor`.
fn char_before(chars: &[char], i: usize, floor: usize) -> Option<char> {
    chars[floor..i].iter().rev().copied().find(|&c| !is_ws(c))
}

/// A list of markers in one paragraph.
struct Series {
    family: Family,
    /// Indices into the paragraph's markers.
    members: Vec<usize>,
    /// Every member is written 一是 (the old repeated style, so far).
    all_ones: bool,
    /// Start of the marker that continued an enclosing series and so closed this one.
    closed_at: Option<usize>,
}

/// How deep the open series are searched (keeps odd input linear).
const MAX_OPEN_SEARCH: usize = 16;

/// Group the markers of one paragraph into series and cut their items.
fn items_in_paragraph(
    chars: &[char],
    paras: &[Span],
    p: usize,
    cands: &[Cand],
    next_stop: &Stops,
    out: &mut Vec<Measure>,
) {
    let (ps, pe) = paras[p];
    let sep_before = |c: &Cand| char_before(chars, c.start, ps);
    let mut series: Vec<Series> = Vec::new();
    let mut series_of = vec![0usize; cands.len()];
    let mut pos_in_series = vec![0usize; cands.len()];
    // The effective index of each marker (repeated 一是 count on).
    let mut index: Vec<u32> = cands.iter().map(|c| c.index).collect();
    // Open series, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        let depth = open.len().saturating_sub(MAX_OPEN_SEARCH);
        let top = open[depth..]
            .iter()
            .rev()
            .find(|&&s| series[s].family == c.family)
            .copied();
        let repeat = top.filter(|&s| {
            let prev = &cands[*series[s].members.last().expect("never empty")];
            c.family == Family::Shi
                && c.index == 1
                && series[s].all_ones
                && sep_before(c).is_some_and(|b| among("；;，,", b))
                && next_stop.next(prev.start) >= c.start
        });
        let target = if let Some(s) = repeat {
            let last = *series[s].members.last().expect("never empty");
            index[k] = index[last] + 1;
            Some(s)
        } else if c.index > 1 {
            open[depth..]
                .iter()
                .rposition(|&s| {
                    series[s].family == c.family
                        && index[*series[s].members.last().expect("never empty")] + 1 == c.index
                })
                .map(|r| {
                    let pos = depth + r;
                    for &inner in &open[pos + 1..] {
                        series[inner].closed_at = Some(c.start);
                    }
                    open.truncate(pos + 1);
                    open[pos]
                })
        } else {
            None
        };
        let s = target.unwrap_or_else(|| {
            series.push(Series {
                family: c.family,
                members: Vec::new(),
                all_ones: true,
                closed_at: None,
            });
            open.push(series.len() - 1);
            series.len() - 1
        });
        series[s].all_ones &= c.index == 1;
        pos_in_series[k] = series[s].members.len();
        series[s].members.push(k);
        series_of[k] = s;
    }
    // For each marker, the start of the next marker of its family that opens a new series
    // (`…。一是…二是…。一是…`: a second list), unless it follows ：(`二是B：一是…`: nested).
    let mut next_new: Vec<Option<usize>> = vec![None; cands.len()];
    let mut seen: [Option<usize>; 4] = [None; 4];
    for k in (0..cands.len()).rev() {
        let f = cands[k].family as usize;
        next_new[k] = seen[f];
        let s = &series[series_of[k]];
        if s.members[0] == k && sep_before(&cands[k]).is_some_and(|b| !among("：:", b)) {
            seen[f] = Some(cands[k].start);
        }
    }
    for (k, c) in cands.iter().enumerate() {
        let s = &series[series_of[k]];
        let body = skip_item_punct(chars, c.marker_end, pe);
        let (body, end) = if let Some(&next) = s.members.get(pos_in_series[k] + 1) {
            (body, cands[next].start)
        } else if body >= pe {
            // The marker alone: its item is the next paragraph.
            match paras.get(p + 1) {
                Some(&(ns, ne)) if s.closed_at.is_none() => (ns, ne),
                _ => continue,
            }
        } else {
            let inline_sentence =
                s.members.len() >= 2 && sep_before(c).is_some_and(|b| among("；;，,", b));
            let end = if inline_sentence {
                (next_stop.next(body) + 1).min(pe)
            } else {
                pe
            };
            let cap = [s.closed_at, next_new[k]].into_iter().flatten().min();
            (body, cap.map_or(end, |o| o.min(end)))
        };
        let end = cap_length(next_stop, body, end);
        let end = trim_connective(chars, body, trim_item_end(chars, body, end));
        if end <= body {
            continue;
        }
        out.push(Measure {
            marker: chars[c.start..c.marker_end].iter().collect(),
            index: index[k],
            text: chars[body..end].iter().collect(),
            start: c.start,
            end,
        });
    }
}

/// Longest item, in chars.
const MAX_ITEM: usize = 2000;

/// An item longer than [`MAX_ITEM`] ends at its last sentence stop within that length,
/// else at that length.
fn cap_length(next_stop: &Stops, body: usize, end: usize) -> usize {
    let limit = body + MAX_ITEM;
    if end <= limit {
        return end;
    }
    let mut cut = None;
    let mut s = next_stop.next(body);
    while s < limit {
        cut = Some(s + 1);
        s = next_stop.next(s + 1);
    }
    cut.unwrap_or(limit)
}

/// Skip whitespace and list punctuation after a marker, not past `limit`.
fn skip_item_punct(chars: &[char], mut i: usize, limit: usize) -> usize {
    while i < limit && (is_ws(chars[i]) || among(ITEM_PUNCT, chars[i])) {
        i += 1;
    }
    i
}

/// Cut trailing whitespace and list punctuation from `[start, end)`.
fn trim_item_end(chars: &[char], start: usize, mut end: usize) -> usize {
    while end > start && (is_ws(chars[end - 1]) || among(ITEM_PUNCT, chars[end - 1])) {
        end -= 1;
    }
    end
}

/// Connectives that may stand between an item and the next marker (`…；最后，第四，`).
const CONNECTIVES: [&str; 6] = ["最后", "其次", "再次", "此外", "另外", "同时"];

/// Cut a trailing connective that follows punctuation, then trailing punctuation again.
fn trim_connective(chars: &[char], start: usize, end: usize) -> usize {
    for w in CONNECTIVES {
        let n = w.chars().count();
        if end > start + n
            && chars[end - n..end].iter().copied().eq(w.chars())
            && among("。；;，,", chars[end - n - 1])
        {
            return trim_item_end(chars, start, end - n);
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seed;

    /// The span claims: `start..end` is the marker, skipped punctuation, then the text.
    fn check(text: &str, ms: &[Measure]) {
        let chars: Vec<char> = text.chars().collect();
        let mut last = 0;
        for m in ms {
            assert!(m.start >= last, "left to right: {m:?}");
            last = m.start;
            let span: String = chars[m.start..m.end].iter().collect();
            let rest = span
                .strip_prefix(m.marker.as_str())
                .expect("starts with marker");
            let rest = rest.trim_start_matches(|c: char| is_ws(c) || among(ITEM_PUNCT, c));
            assert_eq!(rest, m.text, "{m:?}");
        }
    }

    /// `(marker, index, text)` of each measure.
    fn found(text: &str) -> Vec<(String, u32, String)> {
        let ms = measures(text);
        check(text, &ms);
        ms.into_iter()
            .map(|m| (m.marker, m.index, m.text))
            .collect()
    }

    fn triple(marker: &str, index: u32, text: &str) -> (String, u32, String) {
        (marker.to_string(), index, text.to_string())
    }

    #[test]
    fn inline_items_of_several_sentences_run_to_the_next_marker() {
        // 000 (驻马店): each item is a title sentence and its explanation.
        let text = "(二)推进机制方式新、效果好。一是建立“1211”推进机制。从2016年开始,建成并规范运行“1211”法治政府建设推进机制。二是建立法治政府建设季度通报制度。每季度通报法治政府建设情况,并纳入年底考核。三是创新市政府常务会议学法机制。落实谁执法谁普法责任制,两促进,两提高。\n（三）监督考核招数多、手腕硬。";
        assert_eq!(
            found(text),
            vec![
                triple(
                    "一是",
                    1,
                    "建立“1211”推进机制。从2016年开始,建成并规范运行“1211”法治政府建设推进机制。"
                ),
                triple(
                    "二是",
                    2,
                    "建立法治政府建设季度通报制度。每季度通报法治政府建设情况,并纳入年底考核。"
                ),
                triple(
                    "三是",
                    3,
                    "创新市政府常务会议学法机制。落实谁执法谁普法责任制,两促进,两提高。"
                ),
            ]
        );
        let ms = measures(text);
        assert_eq!(ms[0].start, 15);
        assert_eq!(text.chars().nth(ms[2].end - 1), Some('。'));
    }

    #[test]
    fn items_in_one_sentence_end_with_it() {
        // 001 (酒泉), shortened: items separated by ; and the last one ends at 。.
        let text = "加快建设法治政府。一是持续抓好中央纲要和省市实施方案的贯彻落实,推动各项措施落地见效;二是持续深化行政审批制度改革,不断提高政务服务水平;三是进一步健全完善重大行政决策程序,推动行政决策科学化、民主化、法制化。通过以上工作,取得新成效。";
        assert_eq!(
            found(text),
            vec![
                triple(
                    "一是",
                    1,
                    "持续抓好中央纲要和省市实施方案的贯彻落实,推动各项措施落地见效"
                ),
                triple("二是", 2, "持续深化行政审批制度改革,不断提高政务服务水平"),
                triple(
                    "三是",
                    3,
                    "进一步健全完善重大行政决策程序,推动行政决策科学化、民主化、法制化。"
                ),
            ]
        );
    }

    #[test]
    fn paragraph_opening_items_end_with_their_paragraph() {
        // 003 (巴中): the item is a one-line paragraph, its body follows.
        let text = "一是切实加强党委的领导核心作用。\n\n巴中市委把法治政府建设真正摆在全局工作的突出位置。\n二是聚焦做好行政立法工作,完善依法行政制度。加强党对立法工作的领导。\n不断完善党领导立法工作机制。";
        assert_eq!(
            found(text),
            vec![
                triple("一是", 1, "切实加强党委的领导核心作用。"),
                triple(
                    "二是",
                    2,
                    "聚焦做好行政立法工作,完善依法行政制度。加强党对立法工作的领导。"
                ),
            ]
        );
    }

    #[test]
    fn di_markers_with_a_comma() {
        // 002 (张家港), half-width commas as in the page.
        let text = "极大地推动了张家港法治政府、法治社会建设的进程和水平。第一,建立公众参与行政程序。在政府重大行政决策中征求群众意见。第二,完善公共服务方式。并由村(居)委具体落实。第三,健全监管执法手段。妥善解决问题。";
        assert_eq!(
            found(text),
            vec![
                triple(
                    "第一",
                    1,
                    "建立公众参与行政程序。在政府重大行政决策中征求群众意见。"
                ),
                triple("第二", 2, "完善公共服务方式。并由村(居)委具体落实。"),
                triple("第三", 3, "健全监管执法手段。妥善解决问题。"),
            ]
        );
        // cpc10: 第N， in one sentence, and 第三，一切… (a numeral after the comma) still counts.
        let text = "是由社会主义性质和初级阶段国情决定的：第一，我国是社会主义国家，必须坚持公有制作为社会主义经济制度的基础；第二，我国处在社会主义初级阶段；第三，一切符合“三个有利于”的所有制形式都可以而且应该用来为社会主义服务。\n十一届三中全会以来";
        let f = found(text);
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[0].2,
            "我国是社会主义国家，必须坚持公有制作为社会主义经济制度的基础"
        );
        assert_eq!(f[1].2, "我国处在社会主义初级阶段");
        assert_eq!(
            f[2],
            triple(
                "第三",
                3,
                "一切符合“三个有利于”的所有制形式都可以而且应该用来为社会主义服务。"
            )
        );
    }

    #[test]
    fn yao_markers() {
        // 000 (濮阳 recommendations).
        let text = "推进法治政府建设制度化、规范化。一要建立并落实日常工作机制。明确职责分工。二要建立并落实奖惩机制。建立考核制度。三要建立并落实问责机制。";
        assert_eq!(
            found(text),
            vec![
                triple("一要", 1, "建立并落实日常工作机制。明确职责分工。"),
                triple("二要", 2, "建立并落实奖惩机制。建立考核制度。"),
                triple("三要", 3, "建立并落实问责机制。"),
            ]
        );
        // nat57: 一要 right after 就是 counts because 二要 follows.
        let text = "所谓合理的使用，最重要的就是一要保能源、交通等重点建设，二要保现有企业的技术改造。这两项是实现我国经济振兴的主要依靠。";
        assert_eq!(
            found(text),
            vec![
                triple("一要", 1, "保能源、交通等重点建设"),
                triple("二要", 2, "保现有企业的技术改造。"),
            ]
        );
    }

    #[test]
    fn ordinals_and_words_are_not_markers() {
        for text in [
            // 000, 001, 002, 003: 第一批, 第一部, 第一责任人, 名列第一.
            "2020年7月31日,中央全面依法治国委员会办公室命名第一批全国法治政府建设示范地区和项目。",
            "制定公布了我市第一部政府规章。",
            "主要领导认真履行第一责任人职责,多次主持召开会议。",
            "考核在全省17个市州政府中名列第一。咸宁市政府出台规则。",
            "一、扣好第一粒“扣子”,描绘法治政府建设“郓城蓝图”",
            // national reports.
            "坚持发展是第一要务，必须全面落实新发展理念。",
            "坚持质量第一、效益优先，继续固本培元。",
            "调整结构势在必行。第一、第二、第三产业的结构以及各产业内部的结构都要调整。",
            "我们在1956年的第二、三季度就已经开始察觉。",
            "两岸统一是中华民族走向伟大复兴的历史必然。",
            "我国经济工作的重要问题之一是计划性不足。",
            "其中百分之二十是法律系的学生。",
            "必须坚持“一要吃饭，二要建设”的原则。",
            "二者必居其一。",
            "第一汽车制造厂的建设到一九五四年十一月底为止。",
            // heading numbering.
            "（一）推进机制方式新、效果好。\n二、紧盯“关键环节”",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_marker_alone_on_its_line_takes_the_next_paragraph() {
        // nat43 (2000 report): bold markers on their own lines.
        let text = "包括以下几个方面。\n\n\u{3000}\u{3000}\n一是\n发行1000亿元长期国债，重点投向水利、交通、通信等基础设施建设。\n\n\u{3000}\u{3000}\n二是\n继续贯彻落实去年出台的调整收入分配的各项政策措施。\n\n\u{3000}\u{3000}近年来财政赤字和债务有所增加。";
        assert_eq!(
            found(text),
            vec![
                triple(
                    "一是",
                    1,
                    "发行1000亿元长期国债，重点投向水利、交通、通信等基础设施建设。"
                ),
                triple(
                    "二是",
                    2,
                    "继续贯彻落实去年出台的调整收入分配的各项政策措施。"
                ),
            ]
        );
    }

    #[test]
    fn repeated_yi_shi_counts_on() {
        // nat52 (1988 report).
        let text = "基本点是两条，一是坚持四项基本原则，一是实行改革、开放、搞活的方针。不坚持四项基本原则，安定团结的政治局面就会遭到破坏。";
        assert_eq!(
            found(text),
            vec![
                triple("一是", 1, "坚持四项基本原则"),
                triple("一是", 2, "实行改革、开放、搞活的方针。"),
            ]
        );
    }

    #[test]
    fn nested_series_keep_their_own_items() {
        // An outer 第N series with an inline 一是/二是 in its first item.
        let text = "要把握好以下三点。第一，稳定和完善宏观经济政策。一是实施积极的财政政策。二是实施稳健的货币政策。第二，保持稳增长与调结构的平衡。";
        assert_eq!(
            found(text),
            vec![
                triple(
                    "第一",
                    1,
                    "稳定和完善宏观经济政策。一是实施积极的财政政策。二是实施稳健的货币政策。"
                ),
                triple("一是", 1, "实施积极的财政政策。"),
                triple("二是", 2, "实施稳健的货币政策。"),
                triple("第二", 2, "保持稳增长与调结构的平衡。"),
            ]
        );
    }

    #[test]
    fn qi_markers_and_trailing_connectives() {
        let text = "原因有二：其一，基础薄弱；其二，投入不足。";
        assert_eq!(
            found(text),
            vec![
                triple("其一", 1, "基础薄弱"),
                triple("其二", 2, "投入不足。")
            ]
        );
        // cpc0: 最后 before the last marker is not part of the item before it.
        let text = "第二，从工人当中选拔一些领袖；第三，提醒他们不要忘记我们组织的目的；最后，第四，我们必需利用每一个机会。";
        let f = found(text);
        assert_eq!(f[1], triple("第三", 3, "提醒他们不要忘记我们组织的目的"));
        assert_eq!(f[2], triple("第四", 4, "我们必需利用每一个机会。"));
    }

    #[test]
    fn weak_di_needs_a_neighbour() {
        let text = "第一坚持稳中求进。\n第二坚持改革开放。";
        let f = found(text);
        assert_eq!(
            f,
            vec![
                triple("第一", 1, "坚持稳中求进。"),
                triple("第二", 2, "坚持改革开放。")
            ]
        );
        assert_eq!(found("第一坚持稳中求进。"), vec![]);
    }

    #[test]
    fn seeds() {
        let counts: Vec<usize> = ["000", "001", "002", "003", "004"]
            .iter()
            .map(|n| {
                let text = seed(n);
                let ms = measures(&text);
                check(&text, &ms);
                ms.len()
            })
            .collect();
        // Read by hand: every 一是…/一要…/第一, list item of the five reports. 003 has one
        // fewer than it shows, as its 二是 lost the 二 (“是逗硬落实…”).
        assert_eq!(counts, vec![17, 30, 10, 7, 24]);
        let m = measures(&seed("000"));
        assert_eq!(m[0].marker, "一是");
        assert!(m[0].text.starts_with("建立“1211”推进机制。从2016年开始"));
        assert!(m[0].text.ends_with("纳入政绩考核指标体系。"));
        let yao: Vec<u32> = m
            .iter()
            .filter(|m| m.marker.ends_with('要'))
            .map(|m| m.index)
            .collect();
        assert_eq!(yao, vec![1, 2, 3]);
        let m = measures(&seed("001"));
        let last = m.last().expect("001 has measures");
        assert_eq!((last.marker.as_str(), last.index), ("六是", 6));
        assert!(last.text.starts_with("强化各级政府及其部门主体责任"));
        assert_eq!(m[m.len() - 2].text, "认真履行行政复议职责,完善行政复议制度,健全案件审理机制,加大公开听证审理力度,依法有效化解矛盾纠纷。");
        let m = measures(&seed("002"));
        let di: Vec<&str> = m
            .iter()
            .filter(|m| m.marker.starts_with('第'))
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(di.len(), 3);
        assert!(di[2].starts_with("健全监管执法手段。"));
        let m = measures(&seed("003"));
        assert_eq!(m[0].text, "切实加强党委的领导核心作用。");
        let m = measures(&seed("004"));
        let six = m.iter().find(|m| m.index == 6).expect("六是");
        assert!(six.text.starts_with("搭建 “展示风采平台”。"));
        // Six sections, each opening its own 一是 list.
        assert_eq!(m.iter().filter(|m| m.index == 1).count(), 6);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert!(measures("").is_empty());
        assert!(measures("一是").is_empty());
        assert!(measures("第").is_empty());
        assert!(measures("第一").is_empty());
        assert!(measures("其一").is_empty());
        for s in [
            "。一是",
            "一是，",
            "abc一是x",
            "Ünïcödé 一是x；二是y",
            "\u{200b}一是\u{feff}",
        ] {
            check(s, &measures(s));
        }
        // One 1 MB line: markers everywhere, then no break at all.
        let big = "一是加强领导；二是落实。".repeat(30_000) + &"字".repeat(300_000);
        let ms = measures(&big);
        check(&big, &ms);
        assert_eq!(ms.len(), 60_000);
        let odd = "二是一是，第一，其一是".repeat(5_000);
        check(&odd, &measures(&odd));
    }
}
