//! Cleaned lines → [`Document`]: title, publish date, year, sections, paragraphs and
//! sentences, all with char offsets.
//!
//! Rules, kept simple on purpose:
//!
//! * **Title**: `Hints::title`, else the first title-like line among the lines before
//!   the first body line (a line over 60 chars or containing 。), at most 8 lines:
//!   2–60 chars, not ending in 。/：, no heading marker, not a date, not an issue label
//!   (`2020年调研第6期`). Lines of 8+ chars are preferred (that skips column names like
//!   `县区动态` and place labels like `四川省巴中市`). A following line starting with
//!   `——` is a subtitle and is appended: `学习先进地区经验  推进法治政府建设——濮阳市…报告`.
//!   Title lines stay in the text as paragraphs but never open sections.
//! * **Numbered headings**: a line starting with `第一章/第一部分/第一节/第一篇` (Chapter),
//!   `一、` (Numeral), `（一）`/`(一)` (ParenNumeral), `1.`/`1、`/`1．` not followed by
//!   a digit (Arabic), `（1）`/`(1)` (ParenArabic). With no sentence end (。！？；;!?) the
//!   line is a heading if it has ≤ 60 chars; otherwise only if its first sentence ends
//!   within 40 chars — then the whole line is the heading paragraph and the section
//!   heading is that first sentence without its end mark.
//! * **Plain headings** (bold block titles such as `吉林四平:“行政执法监督+”破解…`) are
//!   only looked for when the document has fewer than two Chapter/Numeral headings:
//!   a line after the title of 6–40 chars, without 。 and not ending in punctuation
//!   (。！？；;!?…：:，,、), followed by a body line (over 40 chars or ending a sentence,
//!   no heading marker). At least two are needed, else none are used.
//! * **Levels**: each kind gets a level by order of first appearance (first kind seen =
//!   1); Chapter is always outermost when present. Plain counts as a kind like the
//!   others, so block titles of an article without an outline are level 1.
//!   `parent` = nearest preceding section of lower level; `end` = start of the next
//!   section of the same or a higher level, else the text end.
//! * **Sentences** end at 。！？；;!? or a run of …, with following end marks and closing
//!   quotes/brackets (”’」』）)》) included. Inside balanced “…” or 《…》 a sentence
//!   only ends when the closing quote follows the end mark (`“…则国强。”` ends one).
//! * **Year**: hint → the first `19xx/20xx年` in the title that is not part of a range
//!   (`2015-2020年`) → publish date → the same rule on the first 300 chars of the text.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{normalize_date, Cleaned};
use crate::model::{Document, HeadingKind, Hints, Paragraph, Section, Sentence, YearSource};

const NUMERALS: &str = "一二三四五六七八九十百零〇两";

static ISSUE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第\s*[0-9一二三四五六七八九十百零〇]+\s*期").unwrap());

/// The heading marker a line starts with, and its byte length.
pub(crate) fn heading_marker(s: &str) -> Option<(HeadingKind, usize)> {
    let mut it = s.char_indices().peekable();
    let (_, first) = *it.peek()?;
    let take_while = |from: usize, pred: &dyn Fn(char) -> bool, max: usize| -> usize {
        s[from..]
            .chars()
            .take(max)
            .take_while(|&c| pred(c))
            .map(char::len_utf8)
            .sum()
    };
    let is_num = |c: char| NUMERALS.contains(c);
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if first == '第' {
        let n = take_while(3, &|c| is_num(c) || is_digit(c), 4);
        if n > 0 {
            let rest = &s[3 + n..];
            for unit in ["章", "部分", "节", "篇"] {
                if rest.starts_with(unit) {
                    return Some((HeadingKind::Chapter, 3 + n + unit.len()));
                }
            }
        }
        return None;
    }
    if is_num(first) {
        let n = take_while(0, &is_num, 4);
        return match s[n..].chars().next() {
            Some(c @ ('、' | '．')) => Some((HeadingKind::Numeral, n + c.len_utf8())),
            _ => None,
        };
    }
    if first == '(' || first == '（' {
        let open = first.len_utf8();
        let inner_start = open + take_while(open, &|c| c == ' ', 2);
        let (kind, n) = match s[inner_start..].chars().next()? {
            c if is_num(c) => (HeadingKind::ParenNumeral, take_while(inner_start, &is_num, 4)),
            c if is_digit(c) => (HeadingKind::ParenArabic, take_while(inner_start, &is_digit, 2)),
            _ => return None,
        };
        if n == 0 {
            return None;
        }
        let after = inner_start + n;
        let after = after + take_while(after, &|c| c == ' ', 2);
        let close = s[after..].chars().next()?;
        if close == ')' || close == '）' {
            return Some((kind, after + close.len_utf8()));
        }
        return None;
    }
    if is_digit(first) {
        let n = take_while(0, &is_digit, 2);
        let mut rest = s[n..].chars();
        let sep = rest.next()?;
        if matches!(sep, '.' | '、' | '．') {
            // `93.33万` is a number, not a heading; `1.` at the very end is not one either.
            let next = rest.next()?;
            if !is_digit(next) && next != '%' {
                return Some((HeadingKind::Arabic, n + sep.len_utf8()));
            }
        }
    }
    None
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》')
}

/// One line's facts, computed once.
struct Line<'a> {
    text: &'a str,
    chars: usize,
    start: usize,
    marker: Option<HeadingKind>,
}

/// Build the [`Document`] from cleaned lines.
pub fn structure(cleaned: Cleaned, hints: &Hints) -> Document {
    let total_bytes: usize = cleaned.lines.iter().map(|l| l.len() + 1).sum();
    let mut text = String::with_capacity(total_bytes);
    for (i, l) in cleaned.lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(l);
    }
    let mut lines = Vec::with_capacity(cleaned.lines.len());
    let mut acc = 0usize;
    for l in &cleaned.lines {
        let chars = l.chars().count();
        lines.push(Line {
            text: l,
            chars,
            start: acc,
            marker: heading_marker(l).map(|(k, _)| k),
        });
        acc += chars + 1;
    }
    let total_chars = acc.saturating_sub(1);

    // Title.
    let found = find_title(&lines);
    let title = hints
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .or_else(|| found.as_ref().map(|f| f.text.clone()));
    let title_lines = found.as_ref().map_or(0..0, |f| f.lines.clone());
    let is_title_line = |i: usize, l: &Line| {
        title_lines.contains(&i)
            || title.as_deref().is_some_and(|t| t == l.text)
            || hints.title.as_deref().is_some_and(|t| t.trim() == l.text)
    };

    // Numbered headings.
    let mut heads: Vec<Option<(HeadingKind, String)>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let kind = l.marker?;
            if is_title_line(i, l) {
                return None;
            }
            numbered_heading(l).map(|h| (kind, h))
        })
        .collect();

    // Plain headings, only without an outline.
    let outline = heads
        .iter()
        .flatten()
        .filter(|(k, _)| matches!(k, HeadingKind::Chapter | HeadingKind::Numeral))
        .count();
    if outline < 2 {
        let after_title = title_lines.end;
        let plain: Vec<usize> = (after_title..lines.len())
            .filter(|&i| {
                let l = &lines[i];
                heads[i].is_none()
                    && !is_title_line(i, l)
                    && is_plain_heading(l)
                    && lines.get(i + 1).is_some_and(is_body)
            })
            .collect();
        if plain.len() >= 2 {
            for i in plain {
                heads[i] = Some((HeadingKind::Plain, lines[i].text.to_owned()));
            }
        }
    }

    // Levels by first appearance, Chapter outermost.
    let mut order: Vec<HeadingKind> = Vec::new();
    if heads.iter().flatten().any(|(k, _)| *k == HeadingKind::Chapter) {
        order.push(HeadingKind::Chapter);
    }
    for (k, _) in heads.iter().flatten() {
        if !order.contains(k) {
            order.push(*k);
        }
    }
    let level_of = |k: HeadingKind| order.iter().position(|o| *o == k).map_or(1, |p| p as u8 + 1);

    // Sections and paragraphs.
    let mut sections: Vec<Section> = Vec::new();
    let mut paragraphs = Vec::with_capacity(lines.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let is_heading = if let Some((kind, heading)) = heads[i].take() {
            let level = level_of(kind);
            while let Some(&top) = stack.last() {
                if sections[top].level >= level {
                    sections[top].end = l.start;
                    stack.pop();
                } else {
                    break;
                }
            }
            sections.push(Section {
                heading,
                kind,
                level,
                parent: stack.last().copied(),
                start: l.start,
                end: total_chars,
            });
            stack.push(sections.len() - 1);
            true
        } else {
            false
        };
        paragraphs.push(Paragraph {
            start: l.start,
            end: l.start + l.chars,
            section: stack.last().copied(),
            is_heading,
        });
    }

    // Sentences.
    let mut sentences = Vec::new();
    let mut buf: Vec<char> = Vec::new();
    for (pi, l) in lines.iter().enumerate() {
        buf.clear();
        buf.extend(l.text.chars());
        split_sentences(&buf, l.start, pi, &mut sentences);
    }

    // Date and year.
    let publish_date = hints
        .date
        .as_deref()
        .and_then(normalize_date)
        .or(cleaned.publish_date);
    let (year, year_source) = if let Some(y) = hints.year {
        (Some(y), YearSource::Hint)
    } else if let Some(y) = title.as_deref().and_then(year_in) {
        (Some(y), YearSource::Title)
    } else if let Some(y) = publish_date.as_deref().and_then(|d| d.get(..4)?.parse().ok()) {
        (Some(y), YearSource::PublishDate)
    } else {
        let head_end = text.char_indices().nth(300).map_or(text.len(), |(b, _)| b);
        match year_in(&text[..head_end]) {
            Some(y) => (Some(y), YearSource::Text),
            None => (None, YearSource::None),
        }
    };

    Document {
        text,
        title,
        publish_date,
        year,
        year_source,
        author: cleaned.author,
        source: cleaned.source,
        sections,
        paragraphs,
        sentences,
    }
}

struct FoundTitle {
    text: String,
    /// Line indices the title spans (title line, optional subtitle).
    lines: std::ops::Range<usize>,
}

fn find_title(lines: &[Line]) -> Option<FoundTitle> {
    let window = lines
        .iter()
        .position(|l| l.chars > 60 || l.text.contains('。'))
        .unwrap_or(lines.len())
        .min(8);
    let candidate = |l: &Line| {
        (2..=60).contains(&l.chars)
            && l.marker.is_none()
            && !l.text.ends_with(['。', '：', ':'])
            && !l.text.starts_with('—')
            && !ISSUE_LABEL.is_match(l.text)
            && normalize_date(l.text).is_none_or(|_| l.chars > 20)
    };
    let idx = (0..window)
        .find(|&i| candidate(&lines[i]) && lines[i].chars >= 8)
        .or_else(|| (0..window).find(|&i| candidate(&lines[i])))?;
    let mut text = lines[idx].text.to_owned();
    let mut end = idx + 1;
    if let Some(sub) = lines.get(idx + 1) {
        if sub.text.starts_with('—') && sub.chars <= 60 && !sub.text.contains('。') {
            text.push_str(sub.text);
            end += 1;
        }
    }
    Some(FoundTitle {
        text,
        lines: idx..end,
    })
}

/// The section heading of a line with a heading marker, if the line is a heading.
fn numbered_heading(l: &Line) -> Option<String> {
    let end = l
        .text
        .char_indices()
        .take(61)
        .enumerate()
        .find(|(_, (_, c))| is_sentence_end(*c));
    match end {
        None if l.chars <= 60 => Some(l.text.to_owned()),
        None => None,
        Some((k, (b, _))) if k <= 40 => Some(l.text[..b].to_owned()),
        Some(_) => None,
    }
}

fn is_plain_heading(l: &Line) -> bool {
    (6..=40).contains(&l.chars)
        && l.marker.is_none()
        && !l.text.contains('。')
        && !l.text.ends_with([
            '。', '！', '？', '；', ';', '!', '?', '…', '：', ':', '，', ',', '、',
        ])
        && normalize_date(l.text).is_none()
}

fn is_body(l: &Line) -> bool {
    l.marker.is_none() && (l.chars > 40 || l.text.ends_with(is_sentence_end))
}

/// The first `19xx年`/`20xx年` not part of a range (`2015-2020年`, `2015年至2020年`).
pub(crate) fn year_in(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let is_range = |c: char| matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到' | '－');
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let starts = (w[0] == b'1' && w[1] == b'9') || (w[0] == b'2' && w[1] == b'0');
        if starts
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            let after = &s[i + 4..];
            if let Some(rest) = after.strip_prefix('年') {
                let rest = rest.strip_prefix('度').unwrap_or(rest);
                let before = s[..i].trim_end().chars().next_back();
                let next = rest.trim_start().chars().next();
                if !before.is_some_and(is_range) && !next.is_some_and(is_range) {
                    return s[i..i + 4].parse().ok();
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

/// Split one paragraph (as chars, starting at char offset `base`) into sentences.
fn split_sentences(cs: &[char], base: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let count = |c: char| cs.iter().filter(|&&x| x == c).count();
    let quotes = count('“') > 0 && count('“') == count('”');
    let books = count('《') > 0 && count('《') == count('》');
    let (mut dq, mut db) = (0usize, 0usize);
    let mut start = 0;
    let mut i = 0;
    let emit = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let s = s + cs[s..e].iter().take_while(|c| c.is_whitespace()).count();
        let e = e - cs[s..e].iter().rev().take_while(|c| c.is_whitespace()).count();
        if s < e {
            out.push(Sentence {
                start: base + s,
                end: base + e,
                paragraph,
            });
        }
    };
    while i < cs.len() {
        let c = cs[i];
        match c {
            '“' if quotes => dq += 1,
            '”' if quotes => dq = dq.saturating_sub(1),
            '《' if books => db += 1,
            '》' if books => db = db.saturating_sub(1),
            _ => {}
        }
        if is_sentence_end(c) {
            let mut j = i + 1;
            while j < cs.len() && is_sentence_end(cs[j]) {
                j += 1;
            }
            let (mut dq2, mut db2) = (dq, db);
            while j < cs.len() && is_closer(cs[j]) {
                match cs[j] {
                    '”' if quotes => dq2 = dq2.saturating_sub(1),
                    '》' if books => db2 = db2.saturating_sub(1),
                    _ => {}
                }
                j += 1;
            }
            if dq2 == 0 && db2 == 0 {
                emit(start, j, out);
                start = j;
                (dq, db) = (dq2, db2);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < cs.len() {
        emit(start, cs.len(), out);
    }
}
