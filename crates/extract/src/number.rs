//! Numbers as written in Chinese reports, parsed exactly into a [`Decimal`].
//!
//! [`parse_number`] accepts a whole string that is one number:
//!
//! - Arabic digits, full-width or not, with a decimal point and thousands separators:
//!   `93.33`, `９３．３３`, `1,234`;
//! - Arabic digits followed by multipliers: `93.33万` = 933300, `1.2亿`, `6.66万亿`,
//!   `3千`, `100百万`;
//! - Chinese numerals: `两千`, `三千五百`, `一百二十`, `一百零二`, `一百九十万零三千`,
//!   the spoken abbreviations `三万五` = 35000, `两千六` = 2600, `一百二` = 120,
//!   digit strings `二〇二四` = 2024, decimals `一点二`, `一点二万` = 12000,
//!   and the financial forms 壹贰叁肆伍陆柒捌玖拾佰仟;
//! - Arabic groups with falling multipliers: `3万5千` = 35000, `1亿3千万` = 130000000;
//! - traditional characters, folded by [`fold_char`]: `二十一萬六千`, `四點二`.
//!
//! Anything else (ranges, percents, fractions, text around the number) is `None`: the
//! [`quantity`](crate::quantity) scanner handles those.

use std::sync::LazyLock;

use crate::lexicon::T2S_TSV;

pub use crate::decimal::Decimal;

/// Fold one char for reading numbers and units: full-width digits U+FF10–FF19 and `．` `％`
/// `，` `－` `～` `／` to ASCII, and traditional characters to simplified (`萬` → `万`,
/// `億` → `亿`, `點` → `点`, `兩` → `两`, `噸` → `吨`) with the one-to-one table
/// `dictionaries/t2s.tsv`. One char in, one char out, so char offsets stay put.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '．' => '.',
        '％' => '%',
        '，' => ',',
        '－' => '-',
        '～' => '~',
        '／' => '/',
        '\u{3400}'..='\u{9FFF}' => T2S[c as usize - 0x3400],
        _ => c,
    }
}

/// Traditional → simplified, one char to one char (`dictionaries/t2s.tsv`), as a dense
/// table over U+3400–U+9FFF, the block `fold_char` looks up (a char the file does not
/// fold maps to itself): one index per char instead of a hash.
static T2S: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut map: Vec<char> = ('\u{3400}'..='\u{9FFF}').collect();
    for line in T2S_TSV.lines() {
        let mut cols = line.split('\t');
        let (Some(t), Some(s)) = (cols.next(), cols.next()) else {
            continue;
        };
        let (mut tc, mut sc) = (t.chars(), s.chars());
        if let (Some(t), None, Some(s), None) = (tc.next(), tc.next(), sc.next(), sc.next()) {
            if let Some(slot) = (t as usize)
                .checked_sub(0x3400)
                .and_then(|k| map.get_mut(k))
            {
                *slot = s;
            }
        }
    }
    map
});

/// The value of a Chinese digit: 零〇一二两三…九, 壹贰叁肆伍陆柒捌玖, and ○ (U+25CB) for 〇 as
/// transcripts often write it (一九七○年).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of a Chinese unit char: 十 1, 百 2, 千 3, 万 4, 亿 8 (拾佰仟 too).
pub fn multiplier_exp(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

/// Parse a whole string as one number (see the module docs). Full-width forms fold.
pub fn parse_number(s: &str) -> Option<Decimal> {
    let chars: Vec<char> = s.trim().chars().map(fold_char).collect();
    parse_chars(&chars)
}

/// [`parse_number`] on folded chars.
pub(crate) fn parse_chars(chars: &[char]) -> Option<Decimal> {
    let first = *chars.first()?;
    if first.is_ascii_digit() {
        if let Some((value, end)) = arabic_groups(chars, 0) {
            return (end == chars.len()).then_some(value);
        }
        let end = arabic_end(chars, 0);
        let base = parse_arabic(&chars[..end])?;
        let exp = multipliers(&chars[end..])?;
        base.checked_mul_pow10(exp)
    } else {
        parse_chinese(chars)
    }
}

/// Where an Arabic number starting at `i` ends: digits, `,` before exactly three digits
/// (thousands), one `.` before a digit.
pub(crate) fn arabic_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    let mut seen_point = false;
    while j < chars.len() {
        let c = chars[j];
        if c.is_ascii_digit() || (c == ',' && !seen_point && is_thousands_group(chars, j + 1)) {
            j += 1;
        } else if c == '.' && !seen_point && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
            seen_point = true;
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Exactly three digits at `i`, then no further digit.
fn is_thousands_group(chars: &[char], i: usize) -> bool {
    (i..i + 3).all(|k| chars.get(k).is_some_and(char::is_ascii_digit))
        && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
}

/// Digits with optional thousands commas and one decimal point, nothing else.
pub(crate) fn parse_arabic(chars: &[char]) -> Option<Decimal> {
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    let mut seen_point = false;
    let mut any = false;
    for &c in chars {
        match c {
            '0'..='9' => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(c as u8 - b'0'))?;
                if seen_point {
                    scale += 1;
                }
                any = true;
            }
            '.' if !seen_point => seen_point = true,
            ',' if !seen_point => {}
            _ => return None,
        }
    }
    if !any {
        return None;
    }
    Decimal::from_parts(mantissa, scale)
}

/// A run of multiplier chars after a number (`万`, `亿`, `百万`, `千万`, `万亿`) as one
/// power of ten; each must be larger than the one before. Empty → 0.
pub(crate) fn multipliers(chars: &[char]) -> Option<u32> {
    let mut total = 0;
    let mut last = 0;
    for &c in chars {
        let e = multiplier_exp(c)?;
        if e <= last {
            return None;
        }
        total += e;
        last = e;
    }
    Some(total)
}

/// Two or more Arabic groups, each with its multipliers, each multiplier smaller than the
/// one before: `3万5千` = 35000, `1万6千` = 16000, `1亿3千万` = 130000000. Returns the value
/// and where the last multiplier ends; `None` for a single group (`3万`).
pub(crate) fn arabic_groups(chars: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut total = Decimal::ZERO;
    let mut last_exp = u32::MAX;
    let mut groups = 0;
    let mut p = i;
    while p < chars.len() && chars[p].is_ascii_digit() {
        let e = arabic_end(chars, p);
        let mut r = e;
        while r < chars.len() && r - e < 4 && multiplier_exp(chars[r]).is_some() {
            r += 1;
        }
        // The longest run of rising multipliers: 千万 is one multiplier, 万千 is not.
        let (exp, end) = (e + 1..=r)
            .rev()
            .find_map(|k| multipliers(&chars[e..k]).map(|x| (x, k)))?;
        let value = parse_arabic(&chars[p..e])?;
        if exp >= last_exp || (groups > 0 && !value.is_integer()) {
            return None;
        }
        total = total.checked_add(value.checked_mul_pow10(exp)?)?;
        last_exp = exp;
        groups += 1;
        p = end;
    }
    (groups >= 2).then_some((total, p))
}

/// A Chinese numeral char: a digit, a unit (十百千万亿), or 点 followed by a digit.
pub(crate) fn is_chinese_numeral_char(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    chinese_digit(c).is_some()
        || multiplier_exp(c).is_some()
        || (c == '点' && chars.get(i + 1).and_then(|&n| chinese_digit(n)).is_some())
}

/// Parse a Chinese numeral (see the module docs).
pub(crate) fn parse_chinese(chars: &[char]) -> Option<Decimal> {
    if chars.is_empty() {
        return None;
    }
    if let Some(p) = chars.iter().position(|&c| c == '点') {
        let int = parse_chinese_int(&chars[..p])?;
        let rest = &chars[p + 1..];
        let nfrac = rest
            .iter()
            .take_while(|&&c| chinese_digit(c).is_some())
            .count();
        if nfrac == 0 {
            return None;
        }
        let mut m: i128 = 0;
        for &c in &rest[..nfrac] {
            m = m
                .checked_mul(10)?
                .checked_add(i128::from(chinese_digit(c)?))?;
        }
        let frac = Decimal::from_parts(m, u32::try_from(nfrac).ok()?)?;
        let exp = multipliers(&rest[nfrac..])?;
        return Decimal::from_int(int)
            .checked_add(frac)?
            .checked_mul_pow10(exp);
    }
    parse_chinese_int(chars).map(Decimal::from_int)
}

/// The integer part of a Chinese numeral.
fn parse_chinese_int(chars: &[char]) -> Option<i128> {
    if chars.is_empty() {
        return None;
    }
    // A digit string: 二〇二四, 一二.
    if chars.iter().all(|&c| chinese_digit(c).is_some()) {
        if chars.len() > 1 && chars[0] == '零' {
            return None;
        }
        let mut n: i128 = 0;
        for &c in chars {
            n = n
                .checked_mul(10)?
                .checked_add(i128::from(chinese_digit(c)?))?;
        }
        return Some(n);
    }
    let mut result: i128 = 0; // everything up to the last 万/亿
    let mut section: i128 = 0; // below 万
    let mut cur: Option<i128> = None; // a digit waiting for its unit
    let mut last_exp: u32 = 0; // the unit just passed, for 三万五
    let mut zero_seen = false; // 零 since that unit: 一百零二 is not 一百二
    let mut small_last: u32 = 99; // small units must fall within a section: 千 > 百 > 十
    for &c in chars {
        if let Some(d) = chinese_digit(c) {
            if cur.is_some() {
                return None; // 十四五: two digits in a row
            }
            if d == 0 {
                zero_seen = true;
            } else {
                cur = Some(i128::from(d));
            }
            continue;
        }
        match multiplier_exp(c)? {
            e @ 1..=3 => {
                if e >= small_last {
                    return None;
                }
                let n = match cur.take() {
                    Some(n) => n,
                    None if e == 1 && section == 0 && result == 0 && !zero_seen => 1, // 十二
                    None if e == 1 && zero_seen => 1, // 一百零十? tolerate
                    None => return None,
                };
                section = section.checked_add(n.checked_mul(10i128.pow(e))?)?;
                small_last = e;
                last_exp = e;
            }
            4 => {
                let s = section.checked_add(cur.take().unwrap_or(0))?;
                if s == 0 {
                    return None; // 万 without a count, or 亿万
                }
                result = result.checked_add(s.checked_mul(10_000)?)?;
                section = 0;
                small_last = 99;
                last_exp = 4;
            }
            _ => {
                let s = result
                    .checked_add(section)?
                    .checked_add(cur.take().unwrap_or(0))?;
                if s == 0 {
                    return None;
                }
                result = s.checked_mul(100_000_000)?;
                section = 0;
                small_last = 99;
                last_exp = 8;
            }
        }
        zero_seen = false;
    }
    let tail = match cur {
        Some(d) if !zero_seen && last_exp >= 1 => d.checked_mul(10i128.pow(last_exp - 1))?,
        Some(d) => d,
        None => 0,
    };
    result.checked_add(section)?.checked_add(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        parse_number(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "None".into())
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(n("两千"), "2000");
        assert_eq!(n("三千五百"), "3500");
        assert_eq!(n("一百二十"), "120");
        assert_eq!(n("三万五"), "35000");
        assert_eq!(n("两千六"), "2600");
        assert_eq!(n("一百二"), "120");
        assert_eq!(n("一百零二"), "102");
        assert_eq!(n("一百九十万零三千"), "1903000");
        assert_eq!(n("十二"), "12");
        assert_eq!(n("十"), "10");
        assert_eq!(n("四十一"), "41");
        assert_eq!(n("二十万零五"), "200005");
        assert_eq!(n("一亿三千万"), "130000000");
        assert_eq!(n("三万亿"), "3000000000000");
        assert_eq!(n("一亿五"), "150000000");
        assert_eq!(n("二〇二四"), "2024");
        assert_eq!(n("一点二"), "1.2");
        assert_eq!(n("一点二万"), "12000");
        assert_eq!(n("壹佰贰拾"), "120");
    }

    #[test]
    fn arabic_numbers_and_multipliers() {
        assert_eq!(n("93.33"), "93.33");
        assert_eq!(n("９３．３３"), "93.33");
        assert_eq!(n("1,234"), "1234");
        assert_eq!(n("1，234，567"), "1234567");
        assert_eq!(n("93.33万"), "933300");
        assert_eq!(n("1.2亿"), "120000000");
        assert_eq!(n("6.66万亿"), "6660000000000");
        assert_eq!(n("16.4亿"), "1640000000");
        assert_eq!(n("3541.07万"), "35410700");
        assert_eq!(n("47.264287亿"), "4726428700");
        assert_eq!(n("100000万"), "1000000000");
        assert_eq!(n("3千"), "3000");
        assert_eq!(n("2百万"), "2000000");
        assert_eq!(n("3万5千"), "35000");
        assert_eq!(n("1亿3千万"), "130000000");
        assert_eq!(n("二十一萬六千"), "216000");
        assert_eq!(n("四點二"), "4.2");
    }

    #[test]
    fn not_numbers() {
        for s in [
            "",
            "十四五",
            "万",
            "百",
            "亿万",
            "万万",
            "1.2.3",
            "abc",
            "5%",
            "1/3",
            "三分之一",
        ] {
            assert_eq!(n(s), "None", "{s}");
        }
        // Overflow is None, never a panic.
        assert_eq!(n(&"9".repeat(60)), "None");
        assert_eq!(n("九千九百九十九亿亿亿亿亿"), "None");
    }
}
