//! Dates: 2017年9月23日, 2017年9月, 二〇一七年九月, 2017-09-23, 2017.9 … as ISO dates.
//!
//! [`dates`] scans the text once, left to right, with no regular expressions.
//!
//! # Rules
//!
//! - **Forms**: `2017年9月23日` → `2017-09-23`, `2017年9月` → `2017-09`, `2017年` → `2017`;
//!   the same with Chinese digits (`二〇一七年九月二十三日`, `一九八五年九月`, `○` for 〇),
//!   full-width digits, `号` for `日`, and one space around 年/月 (`2018 年 6 月`).
//!   Numeric: `2017-09-23`, `2017/9/23`, `2017.09.23` (also with `－／．`) → `2017-09-23`;
//!   `2017-09`, `2017/9`, `2017.9` → `2017-09` only when followed by the end, whitespace or
//!   punctuation (so never `2019.5亿元`); a time after a date (`2018-09-07 16:02`) is not
//!   part of it.
//! - **Years**: a bare year (`2017年`, `二〇一七年`, `2017年底`, `2017年度`) is a mention with
//!   ISO `2017`: reports date their facts by year far more often than by day, so the year
//!   is the most useful date they carry. Years run 1000–2100 with exactly four digits
//!   (never `5000年`, `20年`, `1980年代`). A year range `2015—2020年`, `2016-2020` (with
//!   `-—–－~～至到`, or `/` as in `1994/1995年`) gives both years.
//! - **Month and day without a year** (`9月23日`, `十月一日`): ISO `--09-23` (ISO 8601's
//!   form for a date without year), unless a year was mentioned earlier in the same
//!   paragraph (`\n` to `\n`), when that year is used (`2020年7月31日，… 9月23日` → `2020-09-23`).
//!   After 今年/去年/明年/前年/上年/本年 (relative to a date the text does not give) the year
//!   stays unknown; after 同年/当年 the paragraph's year is used, after 次年/翌年 the one
//!   after. A month alone (`9月`, `1-9月`, `11月份`) is not a date.
//! - **Day ranges**: `9月23日-25日`, `23日至25日`, `9月23—25日` give a second mention
//!   `25日` with the first one's year and month; in the last form the first is `9月23`.
//! - **Validity**: month 1–12, day within the month (29 February only in leap years, or
//!   when the year is unknown); an invalid day leaves the year and month (`2017年2月30日`
//!   → `2017年2月`).
//! - **Boundaries**: a number glued to a longer number is not read (`12017年`, `32017.9`,
//!   `一二〇一七年`).

use serde::Serialize;

use crate::chars::among;
use crate::number::{chinese_digit, fold_char, parse_chinese};

/// One date mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// As written.
    pub text: String,
    /// ISO form, partial when the text is (`2017-09-23`, `2017-09`).
    pub iso: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset just past the date.
    pub end: usize,
}

/// A date read at some position.
#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    /// Year not written: resolve from context.
    needs_year: bool,
}

/// Every date in `text`, left to right, offsets in chars.
pub fn dates(text: &str) -> Vec<DateMention> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = orig
        .iter()
        .map(|&c| if c == '○' { '〇' } else { fold_char(c) })
        .collect();
    let mut out = Vec::new();
    // The latest year mentioned in the current paragraph.
    let mut para_year: Option<u32> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            para_year = None;
            i += 1;
            continue;
        }
        let found = if c.is_ascii_digit() && !glued_left(&chars, i, false) {
            arabic_at(&chars, i)
        } else if (is_cn_digit(c) || c == '十') && !glued_left(&chars, i, true) {
            chinese_at(&chars, i)
        } else {
            Vec::new()
        };
        if found.is_empty() {
            i += 1;
            continue;
        }
        for mut f in found {
            if f.needs_year {
                f.year = resolve_year(&chars, f.start, para_year);
            } else if f.year.is_some() {
                para_year = f.year;
            }
            i = f.end;
            out.push(mention(&orig, &f));
        }
    }
    out
}

fn mention(orig: &[char], f: &Found) -> DateMention {
    let iso = match (f.year, f.month, f.day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (None, None, _) => String::new(),
    };
    DateMention {
        text: orig[f.start..f.end].iter().collect(),
        iso,
        start: f.start,
        end: f.end,
    }
}

/// The year of a month-day at `start`: none after 今年/去年 …, the paragraph's after
/// 同年/当年, the next after 次年/翌年, else the paragraph's.
fn resolve_year(chars: &[char], start: usize, para_year: Option<u32>) -> Option<u32> {
    let before: String = chars[start.saturating_sub(2)..start].iter().collect();
    match before.as_str() {
        "今年" | "去年" | "明年" | "前年" | "上年" | "本年" | "后年" => None,
        "次年" | "翌年" => para_year.map(|y| y + 1),
        _ => para_year,
    }
}

fn is_cn_digit(c: char) -> bool {
    chinese_digit(c).is_some() && c != '两'
}

/// True when the char before `i` continues a number, so no date starts at `i`.
fn glued_left(chars: &[char], i: usize, chinese: bool) -> bool {
    let Some(&p) = i.checked_sub(1).and_then(|k| chars.get(k)) else {
        return false;
    };
    if chinese {
        is_cn_digit(p) || matches!(p, '十' | '百' | '千' | '万' | '亿' | '第')
    } else {
        p.is_ascii_alphanumeric() || p == '.' || p == '_' || p == '/'
    }
}

/// The run of ASCII digits at `i` (`i` itself when none).
fn digits_end(chars: &[char], i: usize) -> usize {
    let mut e = i;
    while e < chars.len() && chars[e].is_ascii_digit() {
        e += 1;
    }
    e
}

fn digits_value(chars: &[char]) -> u32 {
    chars.iter().fold(0, |v, c| {
        v.saturating_mul(10)
            .saturating_add(c.to_digit(10).unwrap_or(0))
    })
}

/// Skip one space at `i` (between a number and 年/月/日).
fn skip_space(chars: &[char], i: usize) -> usize {
    if chars.get(i) == Some(&' ') {
        i + 1
    } else {
        i
    }
}

fn valid_year(y: u32) -> bool {
    (1000..=2100).contains(&y)
}

fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid_day(year: Option<u32>, month: u32, day: u32) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

const RANGE_SEPS: &str = "-—–~～至到";

/// Dates starting with an Arabic digit at `i`.
fn arabic_at(chars: &[char], i: usize) -> Vec<Found> {
    let e = digits_end(chars, i);
    let n = e - i;
    if n == 4 {
        let year = digits_value(&chars[i..e]);
        if !valid_year(year) {
            return Vec::new();
        }
        let after = skip_space(chars, e);
        if chars.get(after) == Some(&'年') {
            if chars.get(after + 1) == Some(&'代') {
                return Vec::new();
            }
            return with_day_range(
                chars,
                month_day_after(chars, i, after + 1, Some(year), false),
            );
        }
        if let Some(&sep) = chars.get(e).filter(|c| among("-/.", **c)) {
            if let Some(f) = numeric_date(chars, i, e, year, sep) {
                return vec![f];
            }
        }
        return year_range(chars, i, e, year);
    }
    if n == 1 || n == 2 {
        let month = digits_value(&chars[i..e]);
        let after = skip_space(chars, e);
        if chars.get(after) == Some(&'月') && (1..=12).contains(&month) {
            let f = month_day_after(chars, i, i, None, true);
            if f.day.is_some() {
                return with_day_range(chars, f);
            }
        }
    }
    Vec::new()
}

/// `2017-09-23`, `2017/9/23`, `2017.09.23`, or a partial `2017-09` before punctuation.
fn numeric_date(chars: &[char], i: usize, e: usize, year: u32, sep: char) -> Option<Found> {
    let me = digits_end(chars, e + 1);
    if !(1..=2).contains(&(me - e - 1)) {
        return None;
    }
    let month = digits_value(&chars[e + 1..me]);
    if !(1..=12).contains(&month) {
        return None;
    }
    if chars.get(me) == Some(&sep) {
        let de = digits_end(chars, me + 1);
        if (1..=2).contains(&(de - me - 1)) {
            let day = digits_value(&chars[me + 1..de]);
            let glued = chars
                .get(de)
                .is_some_and(|&c| c.is_ascii_digit() || (c == sep && sep == '.'));
            if valid_day(Some(year), month, day) && !glued {
                return Some(Found {
                    start: i,
                    end: de,
                    year: Some(year),
                    month: Some(month),
                    day: Some(day),
                    needs_year: false,
                });
            }
        }
        return None;
    }
    // Partial: only before the end, whitespace or punctuation other than a separator.
    let ok = match chars.get(me) {
        None => true,
        Some(&c) => {
            c.is_whitespace()
                || (!c.is_alphanumeric() && !among("-/.%‰", c) && !among(RANGE_SEPS, c))
        }
    };
    ok.then_some(Found {
        start: i,
        end: me,
        year: Some(year),
        month: Some(month),
        day: None,
        needs_year: false,
    })
}

/// `2015—2020年`, `2016-2020`, `1994/1995年`: both years (the second with any month and
/// day after it).
fn year_range(chars: &[char], i: usize, e: usize, year: u32) -> Vec<Found> {
    let mut s = e;
    while s < chars.len() && s - e < 2 && (among(RANGE_SEPS, chars[s]) || chars[s] == '/') {
        s += 1;
    }
    if s == e || s - e > 2 || (s - e == 2 && chars[e] != chars[e + 1]) {
        return Vec::new();
    }
    let se = digits_end(chars, s);
    if se - s != 4
        || chars
            .get(se)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
    {
        return Vec::new();
    }
    let second = digits_value(&chars[s..se]);
    if !valid_year(second) || second <= year {
        return Vec::new();
    }
    let bare = |start, end, y| Found {
        start,
        end,
        year: Some(y),
        month: None,
        day: None,
        needs_year: false,
    };
    let mut out = vec![bare(i, e, year)];
    let nian = skip_space(chars, se);
    if chars.get(nian) == Some(&'年') {
        if chars.get(nian + 1) == Some(&'代') {
            return Vec::new();
        }
        out.extend(with_day_range(
            chars,
            month_day_after(chars, s, nian + 1, Some(second), false),
        ));
    } else {
        out.push(bare(s, se, second));
    }
    out
}

/// After `year年` (or at a month for a month-day), read `M月` and `D日`. `i` is the
/// mention's start, `p` where the month may begin.
fn month_day_after(
    chars: &[char],
    i: usize,
    p: usize,
    year: Option<u32>,
    needs_year: bool,
) -> Found {
    let year_only = Found {
        start: i,
        end: p,
        year,
        month: None,
        day: None,
        needs_year,
    };
    let p = if year.is_some() {
        skip_space(chars, p)
    } else {
        p
    };
    let Some((month, me)) = number_at(chars, p) else {
        return year_only;
    };
    let m_end = skip_space(chars, me);
    if chars.get(m_end) != Some(&'月') || !(1..=12).contains(&month) {
        return year_only;
    }
    let with_month = Found {
        end: m_end + 1,
        month: Some(month),
        ..year_only
    };
    let dp = skip_space(chars, m_end + 1);
    let Some((day, de)) = number_at(chars, dp) else {
        return with_month;
    };
    let d_end = skip_space(chars, de);
    if !matches!(chars.get(d_end), Some('日' | '号')) || !valid_day(year, month, day) {
        // 9月23—25日: the first day without 日, if a day range follows.
        if let Some(&sep) = chars.get(de) {
            if among(RANGE_SEPS, sep) && valid_day(year, month, day) {
                if let Some((d2, d2e)) = number_at(chars, de + 1) {
                    if matches!(chars.get(d2e), Some('日' | '号')) && valid_day(year, month, d2) {
                        return Found {
                            end: de,
                            day: Some(day),
                            ..with_month
                        };
                    }
                }
            }
        }
        return with_month;
    }
    Found {
        end: d_end + 1,
        day: Some(day),
        ..with_month
    }
}

/// A month or day number at `p`: one or two Arabic digits, or a Chinese numeral up to 三十一.
fn number_at(chars: &[char], p: usize) -> Option<(u32, usize)> {
    let c = *chars.get(p)?;
    if c.is_ascii_digit() {
        let e = digits_end(chars, p);
        return (e - p <= 2).then(|| (digits_value(&chars[p..e]), e));
    }
    let mut e = p;
    while e < chars.len() && e - p < 3 && (is_cn_digit(chars[e]) || chars[e] == '十') {
        e += 1;
    }
    if e == p || chars.get(e).is_some_and(|&c| is_cn_digit(c) || c == '十') {
        return None;
    }
    let v = parse_chinese(&chars[p..e])?
        .to_string()
        .parse::<u32>()
        .ok()?;
    Some((v, e))
}

/// A date, and when it has a day and a day range follows (`9月23日-25日`, `9月23—25日`),
/// the second day.
fn with_day_range(chars: &[char], f: Found) -> Vec<Found> {
    let mut out = vec![f];
    let (Some(month), Some(_)) = (f.month, f.day) else {
        return out;
    };
    let mut s = f.end;
    if chars.get(s).is_some_and(|&c| among(RANGE_SEPS, c)) {
        s += 1;
    } else {
        return out;
    }
    // 23日至10月5日 is read by the scan itself.
    if let Some((d2, e2)) = number_at(chars, s) {
        if matches!(chars.get(e2), Some('日' | '号')) && valid_day(f.year, month, d2) {
            out.push(Found {
                start: s,
                end: e2 + 1,
                day: Some(d2),
                ..f
            });
        }
    }
    out
}

/// Dates starting with a Chinese digit at `i`: a four-digit year, or a month-day.
fn chinese_at(chars: &[char], i: usize) -> Vec<Found> {
    let mut e = i;
    while e < chars.len() && e - i < 5 && is_cn_digit(chars[e]) {
        e += 1;
    }
    if e - i == 4 && chars.get(skip_space(chars, e)) == Some(&'年') {
        let year = chars[i..e]
            .iter()
            .fold(0, |v, &c| v * 10 + chinese_digit(c).unwrap_or(0));
        let after = skip_space(chars, e) + 1;
        if !valid_year(year) || chars.get(after) == Some(&'代') {
            return Vec::new();
        }
        return with_day_range(chars, month_day_after(chars, i, after, Some(year), false));
    }
    if let Some((month, me)) = number_at(chars, i) {
        if chars.get(me) == Some(&'月') && (1..=12).contains(&month) {
            let f = month_day_after(chars, i, i, None, true);
            if f.day.is_some() {
                return with_day_range(chars, f);
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{pairs, seed};

    /// `(text, iso)` of each date, after checking that the offsets point at the text.
    fn found(text: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let ds = dates(text);
        let mut last = 0;
        for d in &ds {
            assert!(d.start >= last && d.end > d.start, "{d:?}");
            last = d.end;
            assert_eq!(chars[d.start..d.end].iter().collect::<String>(), d.text);
        }
        ds.into_iter().map(|d| (d.text, d.iso)).collect()
    }

    #[test]
    fn full_dates_and_month_days_in_the_same_paragraph() {
        // 000 (濮阳): the month-day takes the year mentioned before it in the paragraph.
        let text = "2020年7月31日,中央全面依法治国委员会办公室命名第一批全国法治政府建设示范地区和项目。按照市委常委王天阳同志的要求,9月23日-25日,我带领各县(区)司法局局长赴驻马店市参观考察。\n今年7月28日,第四届全国12345政务服务热线年会在驻马店市召开。";
        assert_eq!(
            found(text),
            pairs(&[
                ("2020年7月31日", "2020-07-31"),
                ("9月23日", "2020-09-23"),
                ("25日", "2020-09-25"),
                ("7月28日", "--07-28"),
            ])
        );
        let ds = dates(text);
        assert_eq!((ds[0].start, ds[0].end), (0, 10));
    }

    #[test]
    fn numeric_dates_in_page_chrome() {
        assert_eq!(
            found("发布日期:2020-12-14 作者:濮阳市司法局"),
            pairs(&[("2020-12-14", "2020-12-14")])
        );
        // 004: the time is not part of the date.
        assert_eq!(
            found("发布时间: 2018-09-07 16:02:19         访问次数:3"),
            pairs(&[("2018-09-07", "2018-09-07")])
        );
        assert_eq!(
            found("印发于2017.09.23，2017/9/23施行，2017.9。"),
            pairs(&[
                ("2017.09.23", "2017-09-23"),
                ("2017/9/23", "2017-09-23"),
                ("2017.9", "2017-09"),
            ])
        );
    }

    #[test]
    fn chinese_numeral_dates() {
        // nat53, nat63, nat34: 一九八五年九月, 一九六四年十月十六日, 今年十月一日.
        assert_eq!(
            found("一九八五年九月，中国共产党全国代表会议通过了建议。"),
            pairs(&[("一九八五年九月", "1985-09")])
        );
        assert_eq!(
            found("他说，一九六四年十月十六日爆炸成功的我国第一颗原子弹"),
            pairs(&[("一九六四年十月十六日", "1964-10-16")])
        );
        assert_eq!(
            found("各位代表！今年十月一日是中华人民共和国成立五十周年。"),
            pairs(&[("十月一日", "--10-01")])
        );
        assert_eq!(
            found("二〇一七年九月二十三日，二○二四年"),
            pairs(&[
                ("二〇一七年九月二十三日", "2017-09-23"),
                ("二○二四年", "2024")
            ])
        );
        // cpc6: 同年 takes the paragraph's year.
        assert_eq!(
            found("一九六九年，党的九大召开。在同年四月二十八日九届一中全会上"),
            pairs(&[("一九六九年", "1969"), ("四月二十八日", "1969-04-28")])
        );
    }

    #[test]
    fn years_and_year_ranges() {
        // 001 (酒泉).
        assert_eq!(
            found("聚焦《法治政府建设实施纲要(2015-2020年)》和省市《法治政府建设实施方案(2016-2020)》"),
            pairs(&[
                ("2015", "2015"),
                ("2020年", "2020"),
                ("2016", "2016"),
                ("2020", "2020"),
            ])
        );
        // 004 (郓城), nat20 (full-width), nat38 (space before 年), a school-year range.
        assert_eq!(
            found("2018年以来,郓城县突出重点"),
            pairs(&[("2018年", "2018")])
        );
        assert_eq!(
            found("现在，离１９９９年１２月２０日我国对澳门恢复行使主权"),
            pairs(&[("１９９９年１２月２０日", "1999-12-20")])
        );
        assert_eq!(found("比2006 年提高"), pairs(&[("2006 年", "2006")]));
        assert_eq!(
            found("香港１９９４／１９９５年选举安排"),
            pairs(&[("１９９４", "1994"), ("１９９５年", "1995")])
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "中央财政用于“三农”的投入拟安排9884.5亿元，比上年增加",
            "税收收入2019.5亿元",
            "实行了长达2600年的这个古老的封建制度",
            "1980年代以来",
            "1-9月全国规模以上工业增加值增长",
            "每年11月份,抽调各县(区)20余人",
            "奋斗了二十年，三个月",
            "驻马店市“12345”热线平台",
            "12017年",
            "先后于6月中旬和9月上旬",
            "第一九八五年",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
        // An impossible day leaves year and month; no 29 February in 2017.
        assert_eq!(found("2017年2月30日"), pairs(&[("2017年2月", "2017-02")]));
        assert_eq!(found("2017年2月29日"), pairs(&[("2017年2月", "2017-02")]));
        assert_eq!(
            found("2016年2月29日"),
            pairs(&[("2016年2月29日", "2016-02-29")])
        );
    }

    #[test]
    fn seeds() {
        let has = |n: &str, text: &str, iso: &str| {
            assert!(
                dates(&seed(n))
                    .iter()
                    .any(|d| d.text == text && d.iso == iso),
                "{n}: {text} {iso}"
            );
        };
        has("000", "2020-12-14", "2020-12-14");
        has("000", "2020年7月31日", "2020-07-31");
        has("000", "9月23日", "2020-09-23");
        has("000", "25日", "2020-09-25");
        has("000", "7月28日", "--07-28"); // 今年7月28日
        has("001", "2014年", "2014");
        has("002", "2017-01-18", "2017-01-18");
        has("002", "2016年2月", "2016-02");
        has("004", "2018-09-07", "2018-09-07");
        let d = dates(&seed("003"));
        let first: Vec<&str> = d.iter().take(2).map(|d| d.iso.as_str()).collect();
        assert_eq!(first, vec!["2015", "2020"]); // 《…纲要(2015—2020年)》
        for n in ["000", "001", "002", "003", "004"] {
            let text = seed(n);
            let chars: Vec<char> = text.chars().collect();
            for d in dates(&text) {
                assert_eq!(chars[d.start..d.end].iter().collect::<String>(), d.text);
                assert!(d.iso.starts_with("20") || d.iso.starts_with("--"), "{d:?}");
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "年",
            "月日",
            "2017",
            "2017-",
            "2017.",
            "2017-13-01",
            "9月",
            "十月",
            "〇〇〇〇年",
            "9999年",
            "2017年9",
            "2017年九月三十二日",
            "Ünïcödé 2017年",
            "\u{200b}2017年",
        ] {
            found(s);
        }
        let big = "2017年9月23日-25日，".repeat(50_000) + &"字".repeat(300_000);
        assert_eq!(found(&big).len(), 100_000);
    }
}
