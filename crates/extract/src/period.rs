//! When a figure holds: the time words of a report (`2025年`, `去年`, `五年来`,
//! `“十四五”时期`, `到2030年`) read as [`Cue`]s, and the years they name once the
//! document's year is known ([`Cue::years`]).
//!
//! A government work report is built the same way every year: a review of last year (and,
//! in 2016, 2021, 2026 …, of the five-year plan that ended), then this year's targets and
//! tasks. So a figure's period is told, from the nearest to the farthest, by a time word
//! before it in its sentence (`2025年，全市地区生产总值…`), by the time word a paragraph
//! opens with (`过去一年，…`, `——这五年…`, carried to the paragraphs after it), or by its
//! section's heading (`一、2025年工作回顾`, `三、2026年重点工作`); [`crate::frame`]
//! applies them.
//!
//! ```
//! use govmine_extract::period::{cue_at, Cue};
//!
//! let c: Vec<char> = "“十四五”时期".chars().collect();
//! assert_eq!(cue_at(&c, 0).unwrap().0, Cue::Span(2021, 2025));
//! assert_eq!(Cue::Relative(-5, -1).years(2026), (2021, 2025));
//! ```

use serde::{Deserialize, Serialize};

use crate::chars::starts_with;

/// A time word, as a span of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// One year (`2025年`, `2025年底`, `“十四五”末`).
    Year(i32),
    /// Years from .. to (`2021—2025年`, `“十四五”时期`).
    Span(i32, i32),
    /// Years relative to the document's year (`今年` 0..0, `去年` −1..−1, `五年来`
    /// −5..−1, `今后五年` 0..4).
    Relative(i32, i32),
    /// From a year to the one before the document's (`2021年以来`).
    Since(i32),
}

impl Cue {
    /// The years it names, for a document of year `doc_year`.
    pub fn years(self, doc_year: i32) -> (i32, i32) {
        match self {
            Cue::Year(y) => (y, y),
            Cue::Span(a, b) => (a, b),
            Cue::Relative(a, b) => (doc_year + a, doc_year + b),
            Cue::Since(y) => (y, (doc_year - 1).max(y)),
        }
    }
}

/// Where a figure's period came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodSource {
    /// A time word before it in its sentence.
    Clause,
    /// The time word its paragraph (or an earlier one of its section) opens with.
    Paragraph,
    /// Its section's heading.
    Section,
    /// The document's title (`酒泉市2017年度…报告`).
    Title,
}

impl PeriodSource {
    /// `clause`, `paragraph`, `section` or `title`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodSource::Clause => "clause",
            PeriodSource::Paragraph => "paragraph",
            PeriodSource::Section => "section",
            PeriodSource::Title => "title",
        }
    }
}

/// The five-year plan numbered `n` (一五 = 1953–1957; the third began in 1966).
pub fn plan_years(n: i32) -> Option<(i32, i32)> {
    let from = match n {
        1 => 1953,
        2 => 1958,
        3..=20 => 1966 + 5 * (n - 3),
        _ => return None,
    };
    Some((from, from + 4))
}

/// The time word starting at `chars[i]`, with the index just past it. Years compared
/// against (`比2020年`, `较上年`, `同期`) are no time words.
pub fn cue_at(chars: &[char], i: usize) -> Option<(Cue, usize)> {
    let c = *chars.get(i)?;
    // Only these chars can start a time word (a fast skip: this runs at every char).
    let may_start = c.is_ascii_digit()
        || matches!(
            c,
            '今' | '去'
                | '上'
                | '明'
                | '过'
                | '刚'
                | '这'
                | '未'
                | '“'
                | '"'
                | '第'
                | '十'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '两'
                | '〇'
                | '零'
        );
    if !may_start {
        return None;
    }
    if i > 0 && matches!(chars[i - 1], '比' | '较' | '同' | '于' | '与') {
        return None;
    }
    if c.is_ascii_digit() {
        return year_cue(chars, i);
    }
    if let Some(y) = chinese_year(chars, i) {
        // A span: 一九五三年至一九八○年.
        let to = matches!(chars.get(i + 5), Some('至' | '到'))
            .then(|| chinese_year(chars, i + 6))
            .flatten()
            .filter(|&y2| y2 > y);
        return Some(match to {
            Some(y2) => (Cue::Span(y, y2), i + 11),
            None => (Cue::Year(y), i + 5),
        });
    }
    if matches!(
        c,
        '“' | '"' | '第' | '十' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    ) {
        if let Some(found) = plan_cue(chars, i) {
            return Some(found);
        }
    }
    word_cue(chars, i)
}

/// `2025年`, `2025年底`, `2021—2025年`, `2021年以来`, `2017年度`: four digits between
/// 1949 and 2100 followed by 年, not part of a longer number.
fn year_cue(chars: &[char], i: usize) -> Option<(Cue, usize)> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.') {
        return None;
    }
    let y = four_digits(chars, i)?;
    let mut j = i + 4;
    // A span: 2021—2025年, 2021-2025年, 2021年至2025年.
    if matches!(
        chars.get(j),
        Some('—' | '-' | '－' | '–' | '~' | '至' | '到')
    ) {
        let k = j + usize::from(chars.get(j + 1) == Some(&'—'));
        if let Some(y2) = four_digits(chars, k + 1).filter(|&y2| y2 > y) {
            if chars.get(k + 5) == Some(&'年') {
                return Some((Cue::Span(y, y2), k + 6));
            }
        }
    }
    if chars.get(j) != Some(&'年') {
        return None;
    }
    j += 1;
    if starts_with(chars, j, "以来") {
        return Some((Cue::Since(y), j + 2));
    }
    if starts_with(chars, j, "至") || starts_with(chars, j, "到") {
        if let Some(y2) = four_digits(chars, j + 1).filter(|&y2| y2 > y) {
            if chars.get(j + 5) == Some(&'年') {
                return Some((Cue::Span(y, y2), j + 6));
            }
        }
    }
    Some((Cue::Year(y), j))
}

fn four_digits(chars: &[char], i: usize) -> Option<i32> {
    let ds = chars.get(i..i + 4)?;
    if !ds.iter().all(char::is_ascii_digit) || chars.get(i + 4).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let y: i32 = ds.iter().collect::<String>().parse().ok()?;
    (1949..=2100).contains(&y).then_some(y)
}

/// `一九五八年`, `二〇二五年`: four Chinese digits and 年, not inside a longer numeral.
fn chinese_year(chars: &[char], i: usize) -> Option<i32> {
    // 〇 also written ○ (U+25CB), as transcripts often have it (一九八○年).
    let digit = |c: &char| {
        (*c != '两')
            .then(|| crate::number::chinese_digit(*c))
            .flatten()
    };
    let ds = chars.get(i..i + 4)?;
    if chars.get(i + 4) != Some(&'年') || (i > 0 && digit(&chars[i - 1]).is_some()) {
        return None;
    }
    let mut y = 0i32;
    for c in ds {
        y = y * 10 + digit(c)? as i32;
    }
    // Written in Chinese digits, a year is a year before 1949 too (一九三六年).
    (1900..=2100).contains(&y).then_some(y)
}

/// `“十四五”时期`, `十四五期间`, `“十五五”`, `“十五”计划`, `“十四五”末`, `第十四个五年规划`.
fn plan_cue(chars: &[char], i: usize) -> Option<(Cue, usize)> {
    let quoted = matches!(chars[i], '“' | '"');
    let ordinal = chars.get(i + usize::from(quoted)) == Some(&'第');
    let j = i + usize::from(quoted) + usize::from(ordinal);
    numerals(chars, j)
        .into_iter()
        .find_map(|(n, len)| plan_named(chars, j + len, n, quoted, ordinal))
}

/// After the number `n` of a plan at `j`: 五 (or 个五年), a closing quote when opened,
/// and a word that makes it a plan's name.
fn plan_named(
    chars: &[char],
    mut j: usize,
    n: i32,
    quoted: bool,
    ordinal: bool,
) -> Option<(Cue, usize)> {
    if starts_with(chars, j, "个五年") {
        j += 3;
    } else if starts_with(chars, j, "五") && !ordinal {
        // (第十五届 is no plan: an ordinal names one as 第十四个五年.)
        j += 1;
    } else {
        return None;
    }
    if quoted {
        if !matches!(chars.get(j), Some('”' | '"')) {
            return None;
        }
        j += 1;
    }
    let (from, to) = plan_years(n)?;
    if starts_with(chars, j, "末") || starts_with(chars, j, "收官") {
        return Some((Cue::Year(to), j + 1));
    }
    let named = quoted
        || ordinal
        || ["时期", "期间", "规划", "计划", "以来", "前"]
            .iter()
            .any(|w| starts_with(chars, j, w));
    named.then_some((Cue::Span(from, to), j))
}

/// The readings of a numeral 一 … 十九 at `i`, longest first, with their lengths.
fn numerals(chars: &[char], i: usize) -> Vec<(i32, usize)> {
    let d = |c: Option<&char>| match c? {
        '两' => Some(2),
        &c => "一二三四五六七八九".find(c).map(|b| b as i32 / 3 + 1),
    };
    let mut out = Vec::new();
    if chars.get(i) == Some(&'十') {
        if let Some(u) = d(chars.get(i + 1)) {
            out.push((10 + u, 2));
        }
        out.push((10, 1));
    } else if let Some(u) = d(chars.get(i)) {
        out.push((u, 1));
    }
    out
}

/// A numeral 一 … 十九 (its longest reading), with its length in chars.
fn small_numeral(chars: &[char], i: usize) -> Option<(i32, usize)> {
    numerals(chars, i).first().copied()
}

/// Words: 今年 去年 明年 上年, 过去一年 一年来 过去五年 五年来 这五年 今后五年 未来五年.
fn word_cue(chars: &[char], i: usize) -> Option<(Cue, usize)> {
    const FIXED: [(&str, Cue); 10] = [
        ("今年以来", Cue::Relative(0, 0)),
        ("今年", Cue::Relative(0, 0)),
        ("去年", Cue::Relative(-1, -1)),
        ("上一年", Cue::Relative(-1, -1)),
        ("明年", Cue::Relative(1, 1)),
        ("过去一年", Cue::Relative(-1, -1)),
        ("过去的一年", Cue::Relative(-1, -1)),
        ("刚刚过去的一年", Cue::Relative(-1, -1)),
        ("一年来", Cue::Relative(-1, -1)),
        ("过去一年来", Cue::Relative(-1, -1)),
    ];
    if let Some((w, cue)) = FIXED.iter().find(|(w, _)| starts_with(chars, i, w)) {
        return Some((*cue, i + w.chars().count()));
    }
    // N years back or ahead: 过去五年, 过去的五年, 这五年, 五年来, 今后五年, 未来五年.
    for (lead, back) in [
        ("过去的", true),
        ("过去", true),
        ("这", true),
        ("今后", false),
        ("未来", false),
        ("", true),
    ] {
        if !starts_with(chars, i, lead) {
            continue;
        }
        let j = i + lead.chars().count();
        let Some((n, len)) = small_numeral(chars, j) else {
            continue;
        };
        if n < 2 || !starts_with(chars, j + len, "年") {
            continue;
        }
        let k = j + len + 1;
        let tail = if lead.is_empty() {
            ["来", "多来", "以来"]
                .iter()
                .find(|w| starts_with(chars, k, w))
                .map(|w| w.chars().count())
        } else {
            Some(usize::from(starts_with(chars, k, "来")))
        };
        let Some(tail) = tail else { continue };
        let cue = if back {
            Cue::Relative(-n, -1)
        } else {
            Cue::Relative(0, n - 1)
        };
        return Some((cue, k + tail));
    }
    None
}

/// Every time word in `chars`, as (start, cue, end), left to right.
pub fn cues(chars: &[char]) -> Vec<(usize, Cue, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match cue_at(chars, i) {
            Some((cue, end)) => {
                out.push((i, cue, end));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &str) -> Vec<Cue> {
        let c: Vec<char> = s.chars().collect();
        cues(&c).into_iter().map(|(_, cue, _)| cue).collect()
    }

    #[test]
    fn years_spans_and_plans() {
        assert_eq!(all("2025年，全市"), [Cue::Year(2025)]);
        assert_eq!(all("2025年底"), [Cue::Year(2025)]);
        assert_eq!(all("2017年度"), [Cue::Year(2017)]);
        assert_eq!(all("一九五八年的"), [Cue::Year(1958)]);
        assert_eq!(all("二〇二五年"), [Cue::Year(2025)]);
        assert_eq!(all("二零二五年"), [Cue::Year(2025)]);
        assert_eq!(all("一九八○年的"), [Cue::Year(1980)]);
        assert_eq!(all("产量最高的一九三六年，"), [Cue::Year(1936)]);
        assert_eq!(all("从一九五三年至一九八○年的"), [Cue::Span(1953, 1980)]);
        assert_eq!(all("2021—2025年"), [Cue::Span(2021, 2025)]);
        assert_eq!(all("2021年以来"), [Cue::Since(2021)]);
        assert_eq!(all("到2030年"), [Cue::Year(2030)]);
        assert_eq!(all("“十四五”时期"), [Cue::Span(2021, 2025)]);
        assert_eq!(all("“十五五”规划"), [Cue::Span(2026, 2030)]);
        assert_eq!(all("十一五期间"), [Cue::Span(2006, 2010)]);
        assert_eq!(all("“十四五”末"), [Cue::Year(2025)]);
        assert_eq!(all("第十四个五年规划"), [Cue::Span(2021, 2025)]);
        assert_eq!(all("“十五”计划"), [Cue::Span(2001, 2005)]);
        assert_eq!(plan_years(1), Some((1953, 1957)));
        assert_eq!(plan_years(9), Some((1996, 2000)));
    }

    #[test]
    fn relative_words() {
        assert_eq!(all("过去一年，"), [Cue::Relative(-1, -1)]);
        assert_eq!(all("——这五年综合"), [Cue::Relative(-5, -1)]);
        assert_eq!(all("五年来，"), [Cue::Relative(-5, -1)]);
        assert_eq!(all("过去五年"), [Cue::Relative(-5, -1)]);
        assert_eq!(all("今后五年"), [Cue::Relative(0, 4)]);
        assert_eq!(all("今年经济"), [Cue::Relative(0, 0)]);
        assert_eq!(Cue::Since(2021).years(2026), (2021, 2025));
    }

    #[test]
    fn not_time_words() {
        // Compared against, part of a number, a count of years, a name.
        assert!(all("比2020年增长").is_empty());
        assert!(all("较上年").is_empty());
        assert!(all("与1997年相比").is_empty());
        assert!(all("12025年").is_empty());
        assert!(all("五年计划").is_empty());
        assert!(all("第十五届全运会").is_empty());
        assert!(all("用五年时间").is_empty());
        assert!(all("3000年").is_empty());
    }
}
