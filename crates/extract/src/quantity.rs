//! Quantities in a sentence or paragraph: number + unit, with char offsets.
//!
//! [`quantities`] scans the text once, left to right, with no regular expressions. At each
//! place a number can start it reads the number, then a unit ([`crate::units`]); a number
//! without a unit is never a quantity. Around the number it reads qualifiers (约, 近,
//! 超过 … before; 余, 多, 左右, 以上 … after) and a second number for ranges.
//!
//! # Rules
//!
//! - **Span**: `start..end` (char offsets) covers the whole mention, qualifiers included:
//!   `1200万人以上`, `约100人`, `5%—6%`. `text` is that span as written (full-width kept).
//! - **Value**: in base units, exact: `93.33万件` → 933300 件, `6.66万亿元` → 6660000000000 元.
//!   [`Decimal`] serializes as a JSON number when that is exact, else as a string.
//! - **Not quantities**: years (`2017年`, `二〇二四年`, `2017年度`, `2019—2020年`); dates
//!   (`9月23日`, `2020-12-14`, `1-9月`: 月 is not a unit, 日 after 月 is a date); ordinals
//!   (`第155次`); numerals in names (`dictionaries/numeral_names.txt`, and a Chinese numeral quantity
//!   inside short quotes: `“四个聚焦”`); units that are the start of a word (`四人民币`,
//!   `一部分`, `一次性`, column `bad_next` in `dictionaries/units.tsv`); 分/起/间 after Chinese
//!   numerals (`十分`, `一起`); numbers with no unit (`12345热线`, `付息金额4120亿`,
//!   `小于40万` are skipped, not recorded with an empty unit).
//! - **Ranges**: `5%—6%`, `5%-6%`, `5%至6%`, `5-6%`, `3至5年`, `3-5万元` (the multiplier of
//!   the second number applies to a bare first one), and Chinese `三四十` (30..40),
//!   `两三个` (2..3): `value` is the low end, `value_to` the high end, qualifier `range`.
//! - **Fractions**: `1/3`, `三分之一` → unit `fraction`, kind `rate`, value n/d, exact when
//!   it terminates, else rounded to 10 places and `approx = true`. `百分之四十一` → 41 `%`,
//!   `千分之五` → 5 `‰`.
//! - **Status**: `target` when the sentence (up to 。！？ or a line break; ；does not end it,
//!   so a whole 预期目标 list is one sentence) holds 力争 预期 目标 计划 确保 争取 拟 将 要
//!   (not in 主要 重要 需要 要求 …, 模拟 虚拟, 计划生育, 将近); else `result`.
//! - **Subject**: the CJK run right before the mention (stopping at punctuation, digits,
//!   the previous quantity, 20 chars at most), with trailing verbs and function words
//!   stripped (的 由 为 达到 减少到 增长 比上年 …) and everything up to the last action verb
//!   cut off (办理 受理 完成 落实 聘请 下放 共 累计 …). When nothing is left and the
//!   previous quantity is right before (`351项减少到210项`, `134.9万亿元、增长5%`), the
//!   previous quantity's subject is used.

use serde::Serialize;

use crate::number::{
    arabic_end, chinese_digit, fold_char, is_chinese_numeral_char, multiplier_exp, multipliers,
    parse_arabic, parse_chinese, Decimal,
};
use crate::units::{inside_name, match_unit, Kind, Unit};

/// How a quantity is bounded or approximated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 约 近 余 多 左右 上下.
    About,
    /// 以上 不少于 至少 不低于.
    AtLeast,
    /// 以下 以内 不超过 不到 不足 低于.
    AtMost,
    /// 超过 逾 超 高于.
    Over,
    /// Two numbers: `value`..`value_to`.
    Range,
    /// A plain figure.
    None,
}

/// Whether a figure is achieved or planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated as done.
    Result,
    /// Stated as a plan or goal.
    Target,
}

/// One quantity found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// The mention as written, qualifiers included (`93.33万件`, `1200万人以上`).
    pub text: String,
    /// Char offset of the mention's first char.
    pub start: usize,
    /// Char offset just past the mention.
    pub end: usize,
    /// The value in base units (the low end of a range).
    pub value: Decimal,
    /// The base unit (`件`, `元`, `%`, `个百分点`, `fraction`).
    pub unit: String,
    /// Stated as approximate or as a bound (约, 余, 左右, 以上, 超过 …).
    pub approx: bool,
    /// How the figure is bounded.
    pub qualifier: Qualifier,
    /// The high end of a range.
    pub value_to: Option<Decimal>,
    /// Achieved or planned.
    pub status: Status,
    /// What the unit measures.
    pub kind: Kind,
    /// What is counted (`市级行政审批事项`), possibly empty.
    pub subject: String,
}

/// A number read at some position.
#[derive(Clone, Copy)]
struct Num {
    value: Decimal,
    end: usize,
    chinese: bool,
    year_like: bool,
}

/// A number with its unit.
struct Measured {
    value: Decimal,
    /// Multiplier chars between number and unit (万 in 5万元 is in the unit; 万 in 5万人 is here).
    mult_exp: u32,
    unit: &'static Unit,
    end: usize,
    duo: bool,
    num: Num,
}

/// Everything found at one start.
struct Found {
    start: usize,
    end: usize,
    value: Decimal,
    value_to: Option<Decimal>,
    unit: &'static str,
    kind: Kind,
    qualifier: Qualifier,
    approx: bool,
}

enum Scan {
    Found(Found),
    Skip(usize),
}

const MAX_CHINESE_RUN: usize = 24;
const MAX_ARABIC_RUN: usize = 40;

/// All quantities in `text`, left to right. Offsets are char offsets into `text`.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = orig.iter().map(|&c| fold_char(c)).collect();
    let sentences = sentences(&chars);
    let mut sent = 0;
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !could_start(&chars, i) {
            i += 1;
            continue;
        }
        match scan_at(&chars, i) {
            Scan::Skip(e) => i = e.max(i + 1),
            Scan::Found(f) => {
                while sentences[sent].1 <= f.start {
                    sent += 1;
                }
                let (sent_start, _, target) = sentences[sent];
                let prev = out.last().filter(|q| q.end > sent_start);
                let subject = subject(&chars, f.start, sent_start, prev);
                out.push(Quantity {
                    text: orig[f.start..f.end].iter().collect(),
                    start: f.start,
                    end: f.end,
                    value: f.value,
                    unit: f.unit.to_string(),
                    approx: f.approx,
                    qualifier: f.qualifier,
                    value_to: f.value_to,
                    status: if target {
                        Status::Target
                    } else {
                        Status::Result
                    },
                    kind: f.kind,
                    subject,
                });
                i = f.end.max(i + 1);
            }
        }
    }
    out
}

fn could_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = if i > 0 { Some(chars[i - 1]) } else { None };
    if c.is_ascii_digit() {
        return !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '_');
    }
    if prev.is_some_and(|p| chinese_digit(p).is_some() || multiplier_exp(p).is_some()) {
        return false;
    }
    (chinese_digit(c).is_some_and(|d| d > 0) || c == '十') || is_per_prefix(chars, i).is_some()
}

/// `百分之` → `%`, `千分之` → `‰`.
fn is_per_prefix(chars: &[char], i: usize) -> Option<&'static str> {
    match chars.get(i..i + 3)? {
        ['百', '分', '之'] => Some("%"),
        ['千', '分', '之'] => Some("‰"),
        _ => None,
    }
}

/// The number starting at `i`: every way to read it, longest first, and where its run ends.
fn numbers_at(chars: &[char], i: usize) -> (Vec<Num>, usize) {
    if i >= chars.len() || !(chars[i].is_ascii_digit() || is_chinese_numeral_char(chars, i)) {
        return (Vec::new(), i.min(chars.len()));
    }
    if chars[i].is_ascii_digit() {
        let e = arabic_end(chars, i);
        if e - i > MAX_ARABIC_RUN {
            return (Vec::new(), e);
        }
        let nums = parse_arabic(&chars[i..e])
            .map(|value| {
                let int_digits = chars[i..e]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let year_like = e - i == 4
                    && int_digits == 4
                    && value.checked_cmp(Decimal::from_int(1000)) != Some(std::cmp::Ordering::Less)
                    && value.checked_cmp(Decimal::from_int(2199))
                        != Some(std::cmp::Ordering::Greater);
                Num {
                    value,
                    end: e,
                    chinese: false,
                    year_like,
                }
            })
            .into_iter()
            .collect();
        return (nums, e);
    }
    let mut e = i;
    while e < chars.len() && is_chinese_numeral_char(chars, e) {
        e += 1;
    }
    if e - i > MAX_CHINESE_RUN {
        return (Vec::new(), e);
    }
    let mut nums = Vec::new();
    for k in (i + 1..=e).rev() {
        if let Some(value) = parse_chinese(&chars[i..k]) {
            let digit_string = k - i > 1 && chars[i..k].iter().all(|&c| chinese_digit(c).is_some());
            // 二〇二四 is a year; 一一 (唯一一家) and other digit strings are not numbers here.
            if digit_string && k - i != 4 {
                continue;
            }
            let year_like = digit_string;
            nums.push(Num {
                value,
                end: k,
                chinese: true,
                year_like,
            });
        }
    }
    (nums, e)
}

/// The end of the run of multiplier chars at `p` (at most 4).
fn mult_run_end(chars: &[char], p: usize) -> usize {
    let mut r = p;
    while r < chars.len() && r - p < 4 && multiplier_exp(chars[r]).is_some() {
        r += 1;
    }
    r
}

/// A unit at `q` that may follow this number.
fn valid_unit(chars: &[char], q: usize, chinese: bool) -> Option<&'static Unit> {
    let u = match_unit(chars, q)?;
    if chinese && u.arabic_only {
        return None;
    }
    if let Some(&next) = chars.get(q + u.text.len()) {
        if u.bad_next.contains(next) {
            return None;
        }
    }
    Some(u)
}

/// Multipliers, 余/多 and a unit after a number ending at `p`.
fn unit_after(
    chars: &[char],
    p: usize,
    chinese: bool,
) -> Option<(u32, &'static Unit, usize, bool)> {
    for q in (p..=mult_run_end(chars, p)).rev() {
        let Some(e1) = multipliers(&chars[p..q]) else {
            continue;
        };
        if let Some(u) = valid_unit(chars, q, chinese) {
            return Some((e1, u, q + u.text.len(), false));
        }
        if matches!(chars.get(q), Some('余' | '多')) {
            for r in (q + 1..=mult_run_end(chars, q + 1)).rev() {
                let Some(e2) = multipliers(&chars[q + 1..r]) else {
                    continue;
                };
                if let Some(u) = valid_unit(chars, r, chinese) {
                    return Some((e1 + e2, u, r + u.text.len(), true));
                }
            }
        }
    }
    None
}

/// The number at `i` with its unit, trying shorter readings of a Chinese numeral
/// (`三千瓦` is 3 千瓦).
fn measured_at(chars: &[char], i: usize) -> (Option<Measured>, Vec<Num>, usize) {
    let (nums, run_end) = numbers_at(chars, i);
    for num in &nums {
        if let Some((mult_exp, unit, end, duo)) = unit_after(chars, num.end, num.chinese) {
            if let Some(value) = num.value.checked_mul_pow10(mult_exp + unit.exp) {
                return (
                    Some(Measured {
                        value,
                        mult_exp,
                        unit,
                        end,
                        duo,
                        num: *num,
                    }),
                    nums,
                    run_end,
                );
            }
        }
    }
    (None, nums, run_end)
}

/// A range separator at `k`: its length.
fn sep_len(chars: &[char], k: usize) -> Option<usize> {
    match chars.get(k)? {
        '—' if chars.get(k + 1) == Some(&'—') => Some(2),
        '-' | '—' | '–' | '~' | '至' | '到' => Some(1),
        _ => None,
    }
}

fn is_number_start(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(|&c| {
        c.is_ascii_digit() || chinese_digit(c).is_some_and(|d| d > 0) || c == '十'
    })
}

fn scan_at(chars: &[char], i: usize) -> Scan {
    if let Some(unit) = is_per_prefix(chars, i) {
        return per_mille(chars, i, unit);
    }
    if i > 0 && chars[i - 1] == '第' {
        let (_, run_end) = numbers_at(chars, i);
        return Scan::Skip(run_end);
    }
    if chinese_digit(chars[i]).is_some() && inside_name(chars, i) {
        return Scan::Skip(i + 1);
    }
    if let Some(f) = chinese_pair_range(chars, i) {
        return f;
    }
    let (measured, nums, run_end) = measured_at(chars, i);
    if let Some(f) = fraction(chars, i, &nums) {
        return f;
    }
    let Some(m) = measured else {
        return bare_then_range(chars, i, &nums, run_end);
    };
    // Years and dates.
    if m.unit.base == "年" && m.unit.exp == 0 && m.mult_exp == 0 && !m.duo && m.num.year_like {
        return Scan::Skip(m.end);
    }
    if m.unit.base == "日" && i > 0 && chars[i - 1] == '月' {
        return Scan::Skip(m.end);
    }
    if m.num.chinese && m.unit.kind == Kind::Count && in_short_quotes(chars, i, m.end) {
        return Scan::Skip(m.end);
    }
    let mut f = Found {
        start: i,
        end: m.end,
        value: m.value,
        value_to: None,
        unit: m.unit.base,
        kind: m.unit.kind,
        qualifier: if m.duo {
            Qualifier::About
        } else {
            Qualifier::None
        },
        approx: m.duo,
    };
    // A range written with the unit twice: 5%—6%.
    if let Some(s) = sep_len(chars, m.end) {
        if is_number_start(chars, m.end + s) {
            let (m2, _, _) = measured_at(chars, m.end + s);
            if let Some(m2) = m2.filter(|m2| m2.unit.base == m.unit.base) {
                if m.unit.base == "年" && m2.num.year_like {
                    return Scan::Skip(m2.end);
                }
                f.value_to = Some(m2.value);
                f.end = m2.end;
                f.qualifier = Qualifier::Range;
            }
        }
    }
    finish(chars, f)
}

/// Qualifiers around a found quantity.
fn finish(chars: &[char], mut f: Found) -> Scan {
    const SUFFIXES: &[(&str, Qualifier)] = &[
        ("左右", Qualifier::About),
        ("上下", Qualifier::About),
        ("以上", Qualifier::AtLeast),
        ("以下", Qualifier::AtMost),
        ("以内", Qualifier::AtMost),
        ("多", Qualifier::About),
        ("余", Qualifier::About),
    ];
    const PREFIXES: &[(&str, Qualifier)] = &[
        ("不少于", Qualifier::AtLeast),
        ("不低于", Qualifier::AtLeast),
        ("不超过", Qualifier::AtMost),
        ("不高于", Qualifier::AtMost),
        ("大约", Qualifier::About),
        ("将近", Qualifier::About),
        ("接近", Qualifier::About),
        ("至少", Qualifier::AtLeast),
        ("最多", Qualifier::AtMost),
        ("不到", Qualifier::AtMost),
        ("不足", Qualifier::AtMost),
        ("低于", Qualifier::AtMost),
        ("少于", Qualifier::AtMost),
        ("小于", Qualifier::AtMost),
        ("超过", Qualifier::Over),
        ("高于", Qualifier::Over),
        ("多于", Qualifier::Over),
        ("大于", Qualifier::Over),
        ("约", Qualifier::About),
        ("近", Qualifier::About),
        ("逾", Qualifier::Over),
        ("超", Qualifier::Over),
    ];
    let mut q = Qualifier::None;
    for (s, qual) in SUFFIXES {
        let n = s.chars().count();
        if chars
            .get(f.end..f.end + n)
            .is_some_and(|w| w.iter().copied().eq(s.chars()))
        {
            f.end += n;
            q = *qual;
            f.approx = true;
            break;
        }
    }
    for (s, qual) in PREFIXES {
        let n = s.chars().count();
        if f.start >= n
            && chars[f.start - n..f.start].iter().copied().eq(s.chars())
            && !(n == 1 && f.start > n && glued_prefix(chars[f.start - 2], chars[f.start - 1]))
        {
            f.start -= n;
            q = *qual;
            f.approx = true;
            break;
        }
    }
    if f.qualifier != Qualifier::Range && q != Qualifier::None {
        f.qualifier = q;
    }
    Scan::Found(f)
}

/// A one-char prefix that is the end of a word: 节约, 签约, 附近, 赶超.
fn glued_prefix(before: char, c: char) -> bool {
    match c {
        '约' => matches!(
            before,
            '节' | '制' | '签' | '预' | '合' | '条' | '公' | '契' | '履' | '违' | '邀' | '相'
        ),
        '近' => matches!(before, '附' | '邻' | '靠' | '亲' | '就' | '贴'),
        '超' => matches!(before, '赶' | '高'),
        _ => false,
    }
}

/// A number with no unit of its own: the first half of `5-6%`, `3至5年`, `3-5万元`.
fn bare_then_range(chars: &[char], i: usize, nums: &[Num], run_end: usize) -> Scan {
    let Some(first) = nums.first() else {
        return Scan::Skip(run_end);
    };
    let r = mult_run_end(chars, first.end);
    let Some(e1) = multipliers(&chars[first.end..r]) else {
        return Scan::Skip(run_end);
    };
    let Some(s) = sep_len(chars, r) else {
        return Scan::Skip(run_end);
    };
    if !is_number_start(chars, r + s) {
        return Scan::Skip(run_end);
    }
    let (m2, _, _) = measured_at(chars, r + s);
    let Some(m2) = m2 else {
        return Scan::Skip(run_end);
    };
    if m2.unit.base == "年" && (first.year_like || m2.num.year_like) {
        return Scan::Skip(m2.end);
    }
    if m2.unit.base == "日" && i > 0 && chars[i - 1] == '月' {
        return Scan::Skip(m2.end);
    }
    let exp = if e1 > 0 { e1 } else { m2.mult_exp } + m2.unit.exp;
    let Some(value) = first.value.checked_mul_pow10(exp) else {
        return Scan::Skip(m2.end);
    };
    finish(
        chars,
        Found {
            start: i,
            end: m2.end,
            value,
            value_to: Some(m2.value),
            unit: m2.unit.base,
            kind: m2.unit.kind,
            qualifier: Qualifier::Range,
            approx: false,
        },
    )
}

/// `三四十` (30..40), `两三个` (2..3), `七八十万人`.
fn chinese_pair_range(chars: &[char], i: usize) -> Option<Scan> {
    let d1 = chinese_digit(*chars.get(i)?)?;
    let d2 = chinese_digit(*chars.get(i + 1)?)?;
    if d1 == 0 || d2 != d1 + 1 || chars.get(i + 2).and_then(|&c| chinese_digit(c)).is_some() {
        return None;
    }
    let (exp, unit, end, _) = unit_after(chars, i + 2, true)?;
    let total = exp + unit.exp;
    let lo = Decimal::from_int(i128::from(d1)).checked_mul_pow10(total)?;
    let hi = Decimal::from_int(i128::from(d2)).checked_mul_pow10(total)?;
    Some(finish(
        chars,
        Found {
            start: i,
            end,
            value: lo,
            value_to: Some(hi),
            unit: unit.base,
            kind: unit.kind,
            qualifier: Qualifier::Range,
            approx: true,
        },
    ))
}

/// `1/3`, `三分之一`.
fn fraction(chars: &[char], i: usize, nums: &[Num]) -> Option<Scan> {
    let first = nums.first()?;
    let k = first.end;
    let (num, den, end) = if !first.chinese && chars.get(k) == Some(&'/') {
        let e = arabic_end(chars, k + 1);
        if e == k + 1 || matches!(chars.get(e), Some('/' | '.')) {
            return None;
        }
        (first.value, parse_arabic(&chars[k + 1..e])?, e)
    } else if chars.get(k..k + 2) == Some(&['分', '之']) {
        let n2 = *numbers_at(chars, k + 2).0.first()?;
        (n2.value, first.value, n2.end)
    } else {
        return None;
    };
    let (value, exact) = num.checked_div(den, 10)?;
    Some(finish(
        chars,
        Found {
            start: i,
            end,
            value,
            value_to: None,
            unit: "fraction",
            kind: Kind::Rate,
            qualifier: Qualifier::None,
            approx: !exact,
        },
    ))
}

/// `百分之四十一` → 41 %, `千分之五` → 5 ‰, `百分之百` → 100 %.
fn per_mille(chars: &[char], i: usize, unit: &'static str) -> Scan {
    let p = i + 3;
    let (value, end) = if chars.get(p) == Some(&'百')
        && chars.get(p + 1).and_then(|&c| chinese_digit(c)).is_none()
    {
        (Decimal::from_int(100), p + 1)
    } else {
        if !chars
            .get(p)
            .is_some_and(|&c| c.is_ascii_digit() || chinese_digit(c).is_some() || c == '十')
        {
            return Scan::Skip(p);
        }
        let (nums, run_end) = numbers_at(chars, p);
        match nums.first() {
            Some(n) => (n.value, n.end),
            None => return Scan::Skip(run_end),
        }
    };
    let kind = if unit == "%" {
        Kind::Percent
    } else {
        Kind::Rate
    };
    finish(
        chars,
        Found {
            start: i,
            end,
            value,
            value_to: None,
            unit,
            kind,
            qualifier: Qualifier::None,
            approx: false,
        },
    )
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '「' | '《' | '‘' | '\'')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '"' | '」' | '》' | '’' | '\'')
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A Chinese-numeral quantity inside a short quoted name: `“四个聚焦”`.
fn in_short_quotes(chars: &[char], start: usize, end: usize) -> bool {
    let open = (1..=3).find_map(|d| {
        let j = start.checked_sub(d)?;
        if is_open_quote(chars[j]) {
            Some(true)
        } else if is_cjk(chars[j]) {
            None
        } else {
            Some(false)
        }
    });
    if open != Some(true) {
        return false;
    }
    for &c in chars.iter().skip(end).take(6) {
        if is_close_quote(c) {
            return true;
        }
        if !is_cjk(c) {
            return false;
        }
    }
    false
}

/// Sentences as (start, end, target): ended by 。！？!? or a line break.
fn sentences(chars: &[char]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut target = false;
    for (j, &c) in chars.iter().enumerate() {
        if !target && is_target_marker(chars, j) {
            target = true;
        }
        if matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r') {
            out.push((start, j + 1, target));
            start = j + 1;
            target = false;
        }
    }
    out.push((start, usize::MAX, target));
    out
}

fn is_target_marker(chars: &[char], j: usize) -> bool {
    let c = chars[j];
    let prev = if j > 0 { chars[j - 1] } else { ' ' };
    let next = chars.get(j + 1).copied().unwrap_or(' ');
    match c {
        '力' => next == '争',
        '预' => next == '期',
        '目' => next == '标',
        '计' => next == '划' && chars.get(j + 2) != Some(&'生'),
        '确' => next == '保',
        '争' => next == '取',
        '拟' => !matches!(prev, '模' | '虚' | '草'),
        '将' => !matches!(next, '近' | '士' | '军' | '领' | '来'),
        '要' => {
            !matches!(
                prev,
                '主' | '重' | '需' | '只' | '纲' | '摘' | '必' | '首' | '紧' | '概' | '简' | '想'
            ) && !matches!(next, '求' | '素' | '点' | '件' | '闻' | '害' | '职' | '案')
        }
        _ => false,
    }
}

/// Words stripped from the end of the subject run, longest first.
const STRIP: &[&str] = &[
    "由原来的",
    "原来的",
    "减少到",
    "增加到",
    "增长到",
    "下降到",
    "提高到",
    "降低到",
    "扩大到",
    "保持在",
    "稳定在",
    "控制在",
    "巩固在",
    "维持在",
    "节约",
    "节省",
    "比上年",
    "达到了",
    "共计",
    "累计",
    "达到",
    "增长",
    "增加",
    "减少",
    "下降",
    "提高",
    "降低",
    "上涨",
    "上升",
    "实现",
    "完成",
    "超过",
    "突破",
    "同比",
    "分别",
    "总计",
    "合计",
    "平均",
    "年均",
    "共有",
    "的",
    "由",
    "从",
    "达",
    "为",
    "是",
    "有",
    "共",
    "约",
    "近",
    "逾",
    "了",
    "到",
    "至",
    "在",
    "按",
    "拟",
    "已",
    "均",
    "再",
    "又",
];

/// Verbs before which everything is cut (the subject follows them).
const CUT: &[&str] = &[
    "共计", "累计", "达到", "办理", "受理", "完成", "落实", "聘请", "取消", "下放", "其中", "实现",
    "开展", "举办", "组织", "培训", "发放", "建成", "新建", "投入", "引进", "共",
];

fn subject(chars: &[char], start: usize, sent_start: usize, prev: Option<&Quantity>) -> String {
    let floor = prev.map_or(sent_start, |q| q.end.max(sent_start));
    let mut j = start;
    while j > floor && start - j < 20 && is_cjk(chars[j - 1]) {
        j -= 1;
    }
    let mut run: String = chars[j..start].iter().collect();
    loop {
        let before = run.len();
        for w in STRIP {
            if let Some(r) = run.strip_suffix(w) {
                run = r.to_string();
                break;
            }
        }
        if run.len() == before {
            break;
        }
    }
    let cut = CUT
        .iter()
        .filter_map(|w| run.rfind(w).map(|p| p + w.len()))
        .max();
    if let Some(p) = cut {
        run = run[p..].to_string();
    }
    if run.is_empty() {
        if let Some(q) = prev {
            // Only punctuation like 、 or ， (at most one char) between the two quantities.
            let gap = j.saturating_sub(q.end);
            if gap <= 1 {
                return q.subject.clone();
            }
        }
    }
    run
}

#[cfg(test)]
#[path = "quantity_tests.rs"]
mod tests;
