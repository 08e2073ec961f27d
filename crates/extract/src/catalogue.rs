//! The indicator catalogue (`dictionaries/indicators.tsv`, described in its README): the
//! official names of the statistical indicators reports state, each with the other ways
//! reports write it. `compare` resolves a name through it, so `compare 地区生产总值` also
//! reads 全省生产总值 and 经济总量, and `经济增长` only as a growth rate.
//!
//! ```
//! use govmine_extract::catalogue::{lookup, Form};
//!
//! let gdp = lookup("全省生产总值").unwrap();
//! assert_eq!(gdp.name, "地区生产总值");
//! let growth = gdp.phrases().find(|p| p.word == "经济增长").unwrap();
//! assert_eq!(growth.form, Some(Form::Change));
//! assert!(lookup("海洋生产总值").is_none());
//! ```

use std::sync::LazyLock;

pub use crate::meaning::{Basis, Form};
use crate::units::Kind;

/// One way of writing an indicator, and the one form it names when it names only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// As written (`全省生产总值`).
    pub word: String,
    /// The only form it names (`经济增长` names growth), or any.
    pub form: Option<Form>,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The official name.
    pub name: String,
    /// `national`, `regional` or `any`.
    pub scope: String,
    /// The other ways reports write it.
    pub aliases: Vec<Phrase>,
    /// The class of its level (`money`, `people`, `percent` …).
    pub unit_class: String,
    /// The forms reports state it in.
    pub forms: Vec<Form>,
    /// `total`, `per_capita`, `share`, `ratio` or `rate`.
    pub basis: String,
    /// How reports write it, and its traps.
    pub note: String,
}

impl Indicator {
    /// Its name, then its aliases: every phrase a figure of it is written with. A national
    /// indicator also reads its regional twin's aliases that name no level of place
    /// (国内生产总值: GDP, 经济总量; 单位国内生产总值能耗: 能耗强度): in a national report
    /// they mean the national one.
    pub fn phrases(&self) -> impl Iterator<Item = Phrase> + '_ {
        let name = Phrase {
            word: self.name.clone(),
            form: None,
        };
        let twin = self.regional_twin().into_iter().flat_map(|t| {
            t.aliases
                .iter()
                .filter(|a| !PLACE_LEVELS.iter().any(|l| a.word.contains(l)))
                .cloned()
        });
        std::iter::once(name)
            .chain(self.aliases.iter().cloned())
            .chain(twin)
    }

    /// Whether the indicator `name` is reported as this one: goods trade (货物贸易进出口) is
    /// what reports give as their 进出口 total. A sub-population (农村居民人均可支配收入
    /// for 居民人均可支配收入) is not.
    pub fn is_part_of(&self, name: &str) -> bool {
        name.strip_prefix("货物贸易") == Some(self.name.as_str())
    }

    /// Whether `name` is this indicator or its regional / national twin.
    pub fn is_or_twin(&self, name: &str) -> bool {
        self.name == name
            || self.regional_twin().is_some_and(|t| t.name == name)
            || (self.name.contains("地区") && self.name.replace("地区", "国内") == name)
    }

    /// The regional indicator of a national one (国内生产总值 → 地区生产总值).
    fn regional_twin(&self) -> Option<&'static Indicator> {
        if self.scope != "national" || !self.name.contains("国内") {
            return None;
        }
        let name = self.name.replace("国内", "地区");
        catalogue().iter().find(|i| i.name == name)
    }

    /// Whether a figure of this form, in a unit of `kind`, can be one of it: a change is
    /// relative (%, points, 倍); a level is in its unit class (money in 元, people in 人 …).
    pub fn fits(&self, form: Form, kind: Kind, unit: &str) -> bool {
        use Kind::*;
        if form == Form::Change {
            return matches!(kind, Percent | PercentagePoint | Rate);
        }
        match self.unit_class.as_str() {
            "money" => kind == Money,
            "people" => matches!(unit, "人" | "名" | "位" | "人次"),
            "percent" => matches!(kind, Percent | Rate),
            "mass" => kind == Weight,
            "energy" => kind == Energy,
            "days" => kind == Duration,
            "years" => unit == "岁" || unit == "年",
            "count" => kind == Count,
            "concentration" | "index" => !matches!(kind, Count | Money | Duration),
            _ => !matches!(kind, PercentagePoint),
        }
    }

    /// Whether a figure of `basis` can be one of it: a total indicator takes only totals (no
    /// share or ratio that merely holds it: 民营经济增加值占地区生产总值比重), a per-head one only
    /// per-head figures; a share, ratio or rate (城镇化率, 投入强度, 细颗粒物浓度) any but
    /// per-head ones — its own name in the subject already says what it divides.
    pub fn basis_fits(&self, basis: Basis) -> bool {
        match self.figure_basis() {
            Basis::Total if self.basis != "rate" => basis == Basis::Total,
            Basis::PerCapita => basis == Basis::PerCapita,
            _ => basis != Basis::PerCapita,
        }
    }

    /// The basis of its figures as `compare` reads them: a rate (失业率) is a
    /// figure of the whole, like a total.
    pub fn figure_basis(&self) -> Basis {
        match self.basis.as_str() {
            "rate" => Basis::Total,
            b => Basis::parse(b).unwrap_or(Basis::Total),
        }
    }
}

/// Words of an alias that name a level of place (全省生产总值 is regional only).
const PLACE_LEVELS: [&str; 10] = [
    "地区", "全省", "全市", "全区", "全州", "全县", "全盟", "全旗", "本市", "本省",
];

static CATALOGUE: LazyLock<Vec<Indicator>> = LazyLock::new(|| parse(crate::lexicon::INDICATORS));

/// Every indicator of the catalogue, in file order.
pub fn catalogue() -> &'static [Indicator] {
    &CATALOGUE
}

/// The indicator `name` names: its official name or one of its aliases (spaces around
/// it ignored).
pub fn lookup(name: &str) -> Option<&'static Indicator> {
    let name = name.trim();
    catalogue()
        .iter()
        .find(|i| i.name == name || i.aliases.iter().any(|a| a.word == name))
}

/// The rows of the catalogue file: comments and the header skipped; a malformed line is
/// a build-time data error the tests catch.
fn parse(text: &str) -> Vec<Indicator> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("name\t"))
        .filter_map(indicator)
        .collect()
}

/// One line: `name scope aliases unit_class forms basis note`.
fn indicator(line: &str) -> Option<Indicator> {
    let f: Vec<&str> = line.split('\t').collect();
    let [name, scope, aliases, unit_class, forms, basis, note] = f[..] else {
        return None;
    };
    Some(Indicator {
        name: name.to_owned(),
        scope: scope.to_owned(),
        aliases: aliases.split('|').filter_map(phrase).collect(),
        unit_class: unit_class.to_owned(),
        forms: forms.split('|').filter_map(Form::parse).collect(),
        basis: basis.to_owned(),
        note: note.to_owned(),
    })
}

/// `经济增长@change` → 经济增长, change only; `GDP` → GDP, any form.
fn phrase(alias: &str) -> Option<Phrase> {
    let (word, form) = match alias.split_once('@') {
        Some((w, f)) => (w, Some(Form::parse(f)?)),
        None => (alias, None),
    };
    (!word.is_empty()).then(|| Phrase {
        word: word.to_owned(),
        form,
    })
}

/// The catalogue indicator a quantity's subject names: the longest name or alias the
/// subject ends with (none for a list of subjects) (`全省地区生产总值` → 地区生产总值, `人均GDP` → 人均地区生产总值),
/// in a form the alias allows; with the phrase as written.
pub fn named_by(subject: &str, form: Form) -> Option<(&'static Indicator, &'static str)> {
    // (A list of subjects, 社会消费品零售总额、固定资产投资, names no one indicator.)
    if subject.is_empty() || subject.contains('、') {
        return None;
    }
    // Every suffix of the subject, longest first, looked up among the phrases.
    subject
        .char_indices()
        .filter_map(|(at, _)| PHRASES.get(&subject[at..]))
        .flat_map(|hits| hits.iter())
        .find(|(_, _, f)| f.is_none_or(|f| f == form))
        .map(|&(i, w, _)| (i, w))
}

/// Every name and alias of the catalogue, with its indicator and the one form it names.
type Named = (&'static Indicator, &'static str, Option<Form>);

static PHRASES: LazyLock<std::collections::HashMap<&'static str, Vec<Named>>> =
    LazyLock::new(|| {
        let mut map: std::collections::HashMap<&'static str, Vec<Named>> = Default::default();
        for i in catalogue() {
            map.entry(i.name.as_str())
                .or_default()
                .push((i, i.name.as_str(), None));
            for a in &i.aliases {
                map.entry(a.word.as_str())
                    .or_default()
                    .push((i, a.word.as_str(), a.form));
            }
        }
        map
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_file_is_an_indicator() {
        let file = include_str!("../../../dictionaries/indicators.tsv");
        let rows = file
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        // The header is the one line that is not an indicator.
        assert_eq!(catalogue().len(), rows - 1);
        assert!(catalogue().iter().all(|i| !i.forms.is_empty()));
    }

    #[test]
    fn names_and_aliases_resolve_to_their_indicator() {
        assert_eq!(lookup("一般公共预算收入").unwrap().name, "一般公共预算收入");
        assert_eq!(lookup(" CPI ").unwrap().name, "居民消费价格");
        assert_eq!(lookup("新增城镇就业").unwrap().name, "城镇新增就业");
        assert_eq!(lookup("粮食总产量").unwrap().name, "粮食产量");
        assert!(lookup("生产总值").is_none(), "ambiguous: left out");
        let national: Vec<String> = lookup("单位国内生产总值能耗")
            .unwrap()
            .phrases()
            .map(|p| p.word)
            .collect();
        assert!(national.contains(&"能耗强度".to_string()), "{national:?}");
        assert!(!national.iter().any(|p| p.contains("地区")), "{national:?}");
    }

    #[test]
    fn subjects_name_indicators() {
        let name = |s: &str, f: Form| named_by(s, f).map(|(i, p)| (i.name.as_str(), p));
        assert_eq!(
            name("全省地区生产总值", Form::Level),
            Some(("地区生产总值", "地区生产总值"))
        );
        assert_eq!(
            name("人均GDP", Form::Level),
            Some(("人均地区生产总值", "人均GDP"))
        );
        assert_eq!(name("经济增长", Form::Level), None, "growth only");
        assert_eq!(name("民营经济增加值占地区生产总值比重", Form::Level), None);
    }

    #[test]
    fn bases_of_figures() {
        let basis = |n: &str| lookup(n).unwrap().figure_basis();
        assert_eq!(basis("城镇调查失业率"), Basis::Total);
        assert_eq!(basis("地区生产总值"), Basis::Total);
        assert_eq!(basis("人均GDP"), Basis::PerCapita);
        assert_eq!(basis("单位地区生产总值能耗"), Basis::Ratio);
        assert_eq!(basis("服务业增加值比重"), Basis::Share);
        let strength = lookup("研发投入强度").unwrap();
        assert!(strength.basis_fits(Basis::Share) && strength.basis_fits(Basis::Ratio));
        assert!(!strength.basis_fits(Basis::PerCapita));
        let gdp = lookup("地区生产总值").unwrap();
        assert!(!gdp.basis_fits(Basis::Share) && !gdp.basis_fits(Basis::PerCapita));
        assert!(lookup("赤字率").unwrap().basis_fits(Basis::Share));
        assert!(catalogue()
            .iter()
            .all(|i| i.basis == "rate" || Basis::parse(&i.basis).is_some()));
    }
}
