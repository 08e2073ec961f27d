//! Units and measure words, loaded from `dictionaries/units.tsv` (plain data, one unit a line),
//! and numeral names from `dictionaries/numeral_names.txt`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::decimal::Decimal;

use serde::Serialize;

use crate::lexicon::{NUMERAL_NAMES as NAMES_TXT, UNITS_TSV, UNIT_CLASSES};

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Things counted: 个 件 项 人 名 户 …
    Count,
    /// 元 美元 (with 万元/亿元 folded into 元).
    Money,
    /// `%`.
    Percent,
    /// 个百分点.
    PercentagePoint,
    /// 亩 公顷 平方公里 平方米.
    Area,
    /// 年 天 日 小时 个月 周年 …
    Duration,
    /// 吨 公斤 斤.
    Weight,
    /// 分 (a score, after Arabic digits only).
    Score,
    /// 倍, ‰, fractions.
    Rate,
    /// 公里 米 公尺 海里.
    Length,
    /// 立方米.
    Volume,
    /// 千瓦 千瓦时 吨标准煤 度 (kWh after 万 or 亿) 马力.
    Energy,
    /// Anything else (岁).
    Other,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "count" => Kind::Count,
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "percentage_point" => Kind::PercentagePoint,
            "area" => Kind::Area,
            "duration" => Kind::Duration,
            "weight" => Kind::Weight,
            "score" => Kind::Score,
            "rate" => Kind::Rate,
            "length" => Kind::Length,
            "volume" => Kind::Volume,
            "energy" => Kind::Energy,
            "other" => Kind::Other,
            _ => return None,
        })
    }
}

/// One row of `dictionaries/units.tsv`.
#[derive(Debug)]
pub struct Unit {
    /// The unit as written after the number, as chars.
    pub text: Vec<char>,
    /// The unit recorded (`万元` → `元`).
    pub base: &'static str,
    /// The power of ten the value is multiplied by (`万元` → 4).
    pub exp: u32,
    /// What it measures.
    pub kind: Kind,
    /// Only after Arabic digits (`95分`, but `十分` is an adverb).
    pub arabic_only: bool,
    /// Only after a 万 or 亿 (`120亿度`, but `一度` is an adverb).
    pub needs_wan: bool,
    /// Chars that, right after the unit, show it belongs to a word (`人` + `民`).
    pub bad_next: &'static str,
}

fn field(s: &'static str) -> &'static str {
    if s == "-" {
        ""
    } else {
        s
    }
}

/// Units keyed by their first char, longest first.
fn table() -> &'static FxHashMap<char, Vec<Unit>> {
    static TABLE: OnceLock<FxHashMap<char, Vec<Unit>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<char, Vec<Unit>> = FxHashMap::default();
        for line in UNITS_TSV.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            assert!(f.len() == 6, "units.tsv: 6 columns expected: {line}");
            let unit = Unit {
                text: f[0].chars().collect(),
                base: f[1],
                exp: f[2].parse().expect("units.tsv: exp"),
                kind: Kind::parse(f[3]).expect("units.tsv: kind"),
                arabic_only: field(f[4]).contains('a'),
                needs_wan: field(f[4]).contains('m'),
                bad_next: field(f[5]),
            };
            map.entry(unit.text[0]).or_default().push(unit);
        }
        for v in map.values_mut() {
            v.sort_by_key(|u| std::cmp::Reverse(u.text.len()));
        }
        map
    })
}

/// The longest unit written at `chars[i..]`, if any.
pub fn match_unit(chars: &[char], i: usize) -> Option<&'static Unit> {
    let c = *chars.get(i)?;
    table()
        .get(&c)?
        .iter()
        .find(|u| chars[i..].starts_with(&u.text))
}

/// Names made of numerals (`三项制度`, `一带一路`), as chars.
pub fn names() -> &'static [Vec<char>] {
    static NAMES: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        NAMES_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.chars().collect())
            .collect()
    })
}

/// True when the char at `i` lies inside one of the [`names`].
pub fn inside_name(chars: &[char], i: usize) -> bool {
    names().iter().any(|name| {
        name.iter()
            .enumerate()
            .any(|(p, &c)| c == chars[i] && i >= p && chars[i - p..].starts_with(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(&'static str, u32, Kind)> {
        let chars: Vec<char> = s.chars().collect();
        match_unit(&chars, 0).map(|u| (u.base, u.exp, u.kind))
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(
            m("个百分点，"),
            Some(("个百分点", 0, Kind::PercentagePoint))
        );
        assert_eq!(m("个人"), Some(("个", 0, Kind::Count)));
        assert_eq!(m("个月"), Some(("个月", 0, Kind::Duration)));
        assert_eq!(m("万元"), Some(("元", 4, Kind::Money)));
        assert_eq!(m("亿美元"), Some(("美元", 8, Kind::Money)));
        assert_eq!(m("千瓦时"), Some(("千瓦时", 0, Kind::Energy)));
        assert_eq!(m("人次"), Some(("人次", 0, Kind::Count)));
        assert_eq!(m("制度"), None);
    }

    #[test]
    fn names_are_found_at_any_numeral() {
        let chars: Vec<char> = "推行双随机一公开监管".chars().collect();
        assert!(inside_name(&chars, 5));
        assert!(!inside_name(&chars, 0));
    }
}

/// The base unit and power of ten of a unit as written (`万元` → (`元`, 4), `人` → (`人`,
/// 0)); `None` when the whole string is not a unit of `dictionaries/units.tsv`.
pub fn base_of(unit: &str) -> Option<(&'static str, u32)> {
    let chars: Vec<char> = unit.trim().chars().collect();
    let u = match_unit(&chars, 0)?;
    (u.text.len() == chars.len()).then_some((u.base, u.exp))
}

/// The base units counted alike with `base` (`人` → [人, 名, 位]), from
/// `dictionaries/unit_classes.txt`; a unit in no class is alone in its own.
pub fn unit_class(base: &str) -> Vec<&'static str> {
    static CLASSES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        crate::lexicon::entries(UNIT_CLASSES)
            .map(|(_, line)| line.split_whitespace().collect())
            .collect()
    });
    match classes.iter().find(|c| c.contains(&base)) {
        Some(c) => c.clone(),
        None => match table().values().flatten().find(|u| u.base == base) {
            Some(u) => vec![u.base],
            None => Vec::new(),
        },
    }
}

#[cfg(test)]
mod class_tests {
    use super::*;

    #[test]
    fn units_as_written_map_to_their_class() {
        assert_eq!(base_of("万元"), Some(("元", 4)));
        assert_eq!(base_of("人"), Some(("人", 0)));
        assert_eq!(base_of("人民"), None);
        assert_eq!(unit_class("人"), vec!["人", "名", "位"]);
        assert_eq!(unit_class("名"), vec!["人", "名", "位"]);
        assert_eq!(unit_class("元"), vec!["元"]);
        assert!(unit_class("斤斤").is_empty());
    }
}

/// `value` in `from` expressed in `to`, when both are sizes of one common unit
/// (`dictionaries/unit_conversions.tsv`: 斤 → 吨, 亩 → 公顷), with whether the result is
/// exact (亩 → 平方米 is not: 2000/3); `None` when they measure different things.
pub fn convert(value: Decimal, from: &str, to: &str) -> Option<(Decimal, bool)> {
    if from == to {
        return Some((value, true));
    }
    let (common_a, a) = size_of(from)?;
    let (common_b, b) = size_of(to)?;
    if common_a != common_b {
        return None;
    }
    // value × a / b, the division last so that it rounds once.
    let (an, ad) = a;
    let (bn, bd) = b;
    let num = value.checked_mul(an)?.checked_mul(bd)?;
    num.checked_div(ad.checked_mul(bn)?, 10)
}

/// A unit, its common unit, and its size in that as a fraction (numerator, denominator).
type Size = (&'static str, &'static str, (Decimal, Decimal));

/// A unit's common unit and size as a fraction (numerator, denominator).
fn size_of(unit: &str) -> Option<(&'static str, (Decimal, Decimal))> {
    static SIZES: OnceLock<Vec<Size>> = OnceLock::new();
    let sizes = SIZES.get_or_init(|| {
        crate::lexicon::UNIT_CONVERSIONS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("unit\t"))
            .filter_map(|l| {
                let [unit, common, size] = l.split('\t').collect::<Vec<_>>()[..] else {
                    return None;
                };
                let (n, d) = size.split_once('/').unwrap_or((size, "1"));
                Some((
                    unit,
                    common,
                    (Decimal::parse_plain(n)?, Decimal::parse_plain(d)?),
                ))
            })
            .collect()
    });
    sizes
        .iter()
        .find(|(u, _, _)| *u == unit)
        .map(|&(_, common, size)| (common, size))
}

#[cfg(test)]
mod conversion_tests {
    use super::*;

    #[test]
    fn conversions_within_one_measure() {
        let d = |s: &str| Decimal::parse_plain(s).unwrap();
        // 1.4万亿斤 = 7亿吨.
        assert_eq!(
            convert(d("1400000000000"), "斤", "吨"),
            Some((d("700000000"), true))
        );
        assert_eq!(convert(d("15"), "亩", "公顷"), Some((d("1"), true)));
        assert_eq!(
            convert(d("1"), "亩", "平方米").map(|(_, exact)| exact),
            Some(false)
        );
        assert_eq!(convert(d("5"), "斤", "公里"), None);
        assert_eq!(convert(d("5"), "人", "人"), Some((d("5"), true)));
        assert_eq!(
            Decimal::parse_plain("-0.5"),
            Some((-d("5")).checked_mul(d("0.1")).unwrap())
        );
        assert_eq!(Decimal::parse_plain("1e5"), None);
    }
}
