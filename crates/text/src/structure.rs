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
            c if is_num(c) => (
                HeadingKind::ParenNumeral,
                take_while(inner_start, &is_num, 4),
            ),
            c if is_digit(c) => (
                HeadingKind::ParenArabic,
                take_while(inner_start, &is_digit, 2),
            ),
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
    if heads
        .iter()
        .flatten()
        .any(|(k, _)| *k == HeadingKind::Chapter)
    {
        order.push(HeadingKind::Chapter);
    }
    for (k, _) in heads.iter().flatten() {
        if !order.contains(k) {
            order.push(*k);
        }
    }
    let level_of = |k: HeadingKind| {
        order
            .iter()
            .position(|o| *o == k)
            .map_or(1, |p| p as u8 + 1)
    };

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
    } else if let Some(y) = publish_date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
    {
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
        let e = e - cs[s..e]
            .iter()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
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
            // End marks leave the quote depths as they are: every mark of this run
            // gets the same answer, so a run is judged once.
            let run_end = j;
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
            i = run_end;
            continue;
        }
        i += 1;
    }
    if start < cs.len() {
        emit(start, cs.len(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{process, seeds};

    fn doc(text: &str) -> Document {
        process(text, &Hints::default())
    }

    fn top_headings(d: &Document) -> Vec<&str> {
        d.sections
            .iter()
            .filter(|s| s.level == 1)
            .map(|s| s.heading.as_str())
            .collect()
    }

    #[test]
    fn seed_000_zhumadian_report() {
        let d = doc(seeds::S000);
        assert_eq!(
            d.title.as_deref(),
            Some("学习先进地区经验  推进法治政府建设——濮阳市司法局赴驻马店市学习考察报告")
        );
        assert_eq!(d.publish_date.as_deref(), Some("2020-12-14"));
        assert_eq!(d.author.as_deref(), Some("濮阳市司法局"));
        assert_eq!(
            (d.year, d.year_source),
            (Some(2020), YearSource::PublishDate)
        );
        assert!(!d.text.contains("当前位置") && !d.text.starts_with("11"));
        assert_eq!(
            top_headings(&d),
            [
                "一、驻马店市法治政府建设工作主要做法",
                "二、我市法治政府建设存在的问题",
                "三、下一步工作打算",
                "四、工作建议"
            ]
        );
        let s1 = &d.sections[1];
        assert_eq!(
            (s1.heading.as_str(), s1.kind, s1.level, s1.parent),
            (
                "(一)领导重视程度高、决心大",
                HeadingKind::ParenNumeral,
                2,
                Some(0)
            )
        );
        // The (一) line is one heading paragraph, body included.
        let p = d.paragraphs.iter().find(|p| p.start == s1.start).unwrap();
        assert!(p.is_heading && d.slice(p.start, p.end).ends_with("。") && p.end - p.start > 100);
        assert_eq!(
            d.heading_path(p.section),
            [
                "一、驻马店市法治政府建设工作主要做法",
                "(一)领导重视程度高、决心大"
            ]
        );
        // 一是… lines are body, not headings.
        let yishi = d
            .paragraphs
            .iter()
            .find(|p| d.slice(p.start, p.end).starts_with("一是增加"))
            .unwrap();
        assert!(!yishi.is_heading);
        assert_eq!(d.sections[yishi.section.unwrap()].heading, "四、工作建议");
        // Section ends: 一、 ends where 二、 starts; the last one at the text end.
        assert_eq!(d.sections[0].end, d.sections[6].start);
        assert_eq!(d.sections.last().unwrap().end, d.text.chars().count());
    }

    #[test]
    fn seed_001_jiuquan_report() {
        let d = doc(seeds::S001);
        assert_eq!(
            d.title.as_deref(),
            Some("酒泉市2017年度法治政府建设工作报告")
        );
        assert_eq!((d.year, d.year_source), (Some(2017), YearSource::Title));
        assert_eq!(d.publish_date.as_deref(), Some("2018-04-10"));
        let tops = top_headings(&d);
        assert_eq!(tops.len(), 7);
        assert_eq!(tops[0], "一、加强组织领导,统筹谋划推动落实");
        assert_eq!(tops[6], "七、抓住“关键少数”,加强法治教育培训");
        assert!(d
            .sections
            .iter()
            .all(|s| s.kind == HeadingKind::Numeral && s.parent.is_none()));
        // The repeated title line is a paragraph, not a section.
        assert_eq!(
            d.slice(d.paragraphs[1].start, d.paragraphs[1].end),
            "酒泉市2017年度法治政府建设工作报告"
        );
        assert!(!d.paragraphs[1].is_heading && d.paragraphs[1].section.is_none());
        // 一是精心组织 sits inside a body paragraph.
        let hit = d.text.find("一是精心组织").unwrap();
        let at = d.text[..hit].chars().count();
        let p = d
            .paragraphs
            .iter()
            .find(|p| p.start <= at && at < p.end)
            .unwrap();
        assert!(!p.is_heading && p.start < at);
    }

    #[test]
    fn seed_002_six_cities_are_plain_sections() {
        let d = doc(seeds::S002);
        assert_eq!(
            d.title.as_deref(),
            Some("新时代下地方如何推进基层治理法治化")
        );
        assert_eq!(d.publish_date.as_deref(), Some("2017-01-18"));
        assert_eq!((d.author.as_deref(), d.source.as_deref()), (None, None));
        let tops = top_headings(&d);
        let cities = [
            "吉林四平",
            "宁夏银川",
            "湖北咸宁",
            "重庆渝北",
            "江苏张家港",
            "福建厦门",
        ];
        assert_eq!(tops.len(), 6);
        for (h, city) in tops.iter().zip(cities) {
            assert!(h.starts_with(city), "{h}");
        }
        assert_eq!(tops[0], "吉林四平:“行政执法监督+”破解基层执法难题");
        assert!(d
            .sections
            .iter()
            .all(|s| s.kind == HeadingKind::Plain && s.level == 1));
        // Each block is its own section: 背景/举措/成效 paragraphs sit in their city's section.
        for (i, s) in d.sections.iter().enumerate() {
            let body: Vec<_> = d
                .paragraphs
                .iter()
                .filter(|p| p.section == Some(i) && !p.is_heading)
                .collect();
            assert!(
                d.slice(body[0].start, body[0].end).starts_with("背景:"),
                "{}",
                s.heading
            );
            assert!(d
                .slice(body.last().unwrap().start, body.last().unwrap().end)
                .starts_with("成效:"));
        }
        assert!(!d.text.contains("栏目更新") && !d.text.contains("关于我们"));
        assert_eq!(
            d.paragraphs.iter().filter(|p| p.section.is_none()).count(),
            4
        );
    }

    #[test]
    fn seed_003_bazhong_measures_are_not_headings() {
        let d = doc(seeds::S003);
        assert_eq!(
            d.title.as_deref(),
            Some("突出政治引领 紧盯重点领域 逗硬落实责任")
        );
        let tops = top_headings(&d);
        assert_eq!(tops.len(), 3);
        assert_eq!(
            tops[0],
            "一、立足“关键少数”,发挥“二个作用”,切实履行法治建设第一责任人职责"
        );
        assert!(tops[2].starts_with("三、突出“战略目标”"));
        assert_eq!(
            d.sections.len(),
            3,
            "no Plain headings in a document with an outline"
        );
        let p = d
            .paragraphs
            .iter()
            .find(|p| d.slice(p.start, p.end) == "一是切实加强党委的领导核心作用。")
            .unwrap();
        assert!(!p.is_heading);
        assert_eq!(p.section, Some(0));
        assert_eq!((d.year, d.year_source), (None, YearSource::None));
    }

    #[test]
    fn seed_004_yuncheng_split_line_sections() {
        let d = doc(seeds::S004);
        assert_eq!(
            d.title.as_deref(),
            Some("郓城发力法治政府建设创新多措施实效果好")
        );
        assert_eq!(d.publish_date.as_deref(), Some("2018-09-07"));
        assert_eq!(
            (d.year, d.year_source),
            (Some(2018), YearSource::PublishDate)
        );
        let tops = top_headings(&d);
        assert_eq!(tops.len(), 6);
        assert_eq!(tops[0], "一、扣好第一粒“扣子”,描绘法治政府建设“郓城蓝图”");
        assert_eq!(tops[5], "六、从幕后走向前台,创出多彩法治建设的“郓城实践”");
        assert!(!d.text.contains("今天是") && !d.text.contains("网站地图"));
        // The quoted maxim is its own sentence.
        let s = d
            .sentences
            .iter()
            .find(|s| d.slice(s.start, s.end).starts_with("“奉法者强"))
            .unwrap();
        assert_eq!(d.slice(s.start, s.end), "“奉法者强,则国强。”");
    }

    #[test]
    fn offsets_agree_for_every_seed() {
        for seed in seeds::ALL {
            let d = doc(seed);
            let cleaned = crate::clean::clean(seed);
            let n = d.text.chars().count();
            assert_eq!(d.paragraphs.len(), cleaned.lines.len());
            for (p, line) in d.paragraphs.iter().zip(&cleaned.lines) {
                assert_eq!(d.slice(p.start, p.end), line);
            }
            let mut last_end = 0;
            for s in &d.sentences {
                let p = &d.paragraphs[s.paragraph];
                assert!(p.start <= s.start && s.start < s.end && s.end <= p.end);
                assert!(s.start >= last_end);
                assert!(!d.slice(s.start, s.end).trim().is_empty());
                last_end = s.end;
            }
            // Sentences cover every non-space char of every paragraph.
            for (i, p) in d.paragraphs.iter().enumerate() {
                let covered: usize = d
                    .sentences
                    .iter()
                    .filter(|s| s.paragraph == i)
                    .map(|s| s.end - s.start)
                    .sum();
                let text = d.slice(p.start, p.end);
                assert!(
                    covered + text.chars().filter(|c| c.is_whitespace()).count()
                        >= text.chars().count()
                );
            }
            for (i, s) in d.sections.iter().enumerate() {
                assert!(s.start < s.end && s.end <= n);
                assert!(d.slice(s.start, s.end).starts_with(s.heading.as_str()));
                if let Some(parent) = s.parent {
                    let ps = &d.sections[parent];
                    assert!(
                        parent < i && ps.level < s.level && ps.start <= s.start && s.end <= ps.end
                    );
                }
                let hp = d.paragraphs.iter().find(|p| p.start == s.start).unwrap();
                assert!(hp.is_heading && hp.section == Some(i));
            }
            for p in &d.paragraphs {
                if let Some(si) = p.section {
                    let s = &d.sections[si];
                    assert!(s.start <= p.start && p.end <= s.end);
                }
            }
        }
    }

    #[test]
    fn sentences_split_at_end_marks_and_keep_quotes() {
        let d = doc("他说:“依法治国。”我们照办!是吗?是;《条例。草案》已出台……下一步\n");
        let got: Vec<&str> = d
            .sentences
            .iter()
            .map(|s| d.slice(s.start, s.end))
            .collect();
        assert_eq!(
            got,
            [
                "他说:“依法治国。”",
                "我们照办!",
                "是吗?",
                "是;",
                "《条例。草案》已出台……",
                "下一步"
            ]
        );
        // Unbalanced quotes fall back to plain splitting.
        let d = doc("他说:“甲。乙。\n");
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn heading_markers() {
        use HeadingKind::*;
        for (line, want) in [
            ("第一章 总则", Some(Chapter)),
            ("第二部分 主要任务", Some(Chapter)),
            ("第三节 监督", Some(Chapter)),
            ("一、总体要求", Some(Numeral)),
            ("十二、其他", Some(Numeral)),
            ("（一）加强领导", Some(ParenNumeral)),
            ("(二)完善机制", Some(ParenNumeral)),
            ("1.建立健全制度", Some(Arabic)),
            ("2、强化监督", Some(Arabic)),
            ("3．严格执法", Some(Arabic)),
            ("（1）明确职责", Some(ParenArabic)),
            ("(12)其他事项", Some(ParenArabic)),
            ("93.33万元用于", None),
            ("1名区委书记", None),
            ("2017.10.1起施行", None),
            ("一是精心组织", None),
            ("第一,要提高认识", None),
            ("(2015)年", None),
            ("一", None),
            ("", None),
        ] {
            assert_eq!(heading_marker(line).map(|(k, _)| k), want, "{line}");
        }
    }

    #[test]
    fn long_numbered_lines_and_levels() {
        let text = "关于某事的报告\n\
            第一章 总则\n\
            一、总体要求\n\
            1.建立健全制度。随后正文说明制度如何建立,并且展开很多细节,直到这一行变得很长很长很长很长很长很长很长很长。\n\
            2.这是一个非常非常长的列表项,它的第一句话就已经超过了四十个字符的限制,所以它不是标题而是正文段落。\n\
            （一）不带标点的短标题\n\
            第二章 附则\n\
            二、其他\n";
        let d = doc(text);
        let got: Vec<(&str, HeadingKind, u8, Option<usize>)> = d
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.kind, s.level, s.parent))
            .collect();
        use HeadingKind::*;
        assert_eq!(
            got,
            [
                ("第一章 总则", Chapter, 1, None),
                ("一、总体要求", Numeral, 2, Some(0)),
                ("1.建立健全制度", Arabic, 3, Some(1)),
                ("（一）不带标点的短标题", ParenNumeral, 4, Some(2)),
                ("第二章 附则", Chapter, 1, None),
                ("二、其他", Numeral, 2, Some(4)),
            ]
        );
        assert!(!d.paragraphs[4].is_heading);
        assert_eq!(d.paragraphs[4].section, Some(2));
    }

    #[test]
    fn years() {
        assert_eq!(year_in("酒泉市2017年度法治政府建设工作报告"), Some(2017));
        assert_eq!(
            year_in("2025年中华人民共和国国务院政府工作报告"),
            Some(2025)
        );
        assert_eq!(year_in("法治政府建设实施纲要(2015-2020年)"), None);
        assert_eq!(year_in("规划(2015年—2020年)与2019年工作"), Some(2019));
        assert_eq!(year_in("20170年"), None);
        let hints = Hints {
            year: Some(2019),
            title: Some("某市2020年报告".into()),
            ..Default::default()
        };
        let d = process(seeds::S001, &hints);
        assert_eq!(
            (d.year, d.year_source, d.title.as_deref()),
            (Some(2019), YearSource::Hint, Some("某市2020年报告"))
        );
        let hints = Hints {
            date: Some("2021年3月5日".into()),
            ..Default::default()
        };
        let d = process("无年份的标题行\n正文没有任何年份。", &hints);
        assert_eq!(
            (d.publish_date.as_deref(), d.year, d.year_source),
            (Some("2021-03-05"), Some(2021), YearSource::PublishDate)
        );
        let d = doc("某县法治政府建设情况\n2018年以来,我县坚持依法行政。");
        assert_eq!((d.year, d.year_source), (Some(2018), YearSource::Text));
    }

    #[test]
    fn empty_text_gives_empty_document() {
        let d = doc("");
        assert!(
            d.text.is_empty()
                && d.paragraphs.is_empty()
                && d.sections.is_empty()
                && d.title.is_none()
        );
        assert_eq!(d.year_source, YearSource::None);
    }
}
