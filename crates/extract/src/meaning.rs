//! What a figure measures, read from the words right before it in its clause: a level or
//! a change ([`Form`], with its [`Direction`]), of one year or over several
//! ([`Aggregation`]), of the whole or per head, a share or a ratio ([`Basis`]).
//!
//! - **Form**: `change` after a verb of change (增长 提高 上涨 … 下降 减少 回落 …, with 了,
//!   分别, 同比, 比上年, 实际, 预期目标为 between) or a noun of one (增速 涨幅 降幅, with 为 / 是 / 达
//!   between); a number in 个百分点 is a change too. After 到 / 至 (增加到, 降至) and
//!   anywhere else it is a `level`. A list (`分别增长5.2%、4.8%`) shares its first
//!   figure's form.
//! - **Aggregation**: `average` after 年均 / 年平均 / 平均每年 / 每年 in its clause (but
//!   `年均浓度` is an indicator's name), `cumulative` after 累计 / 累积, else `annual`.
//! - **Basis**: `per_capita` when its subject or clause says 人均; `share` for 占…比重 /
//!   占比 / 比例 / 份额; `ratio` for 单位…能耗 / 排放, 强度, 与…比率 / 之比; else `total`.
//!
//! ```
//! use govmine_extract::quantity::quantities;
//! use govmine_extract::meaning::{Direction, Form};
//!
//! let q = &quantities("全省固定资产投资下降3.3%")[0];
//! assert_eq!((q.form, q.direction), (Form::Change, Some(Direction::Down)));
//! assert_eq!(q.value.to_string(), "-3.3");
//! ```

use serde::{Deserialize, Serialize};

use crate::chars::{ends_with, find, starts_with};

/// A level or a change.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    #[default]
    /// An amount or a rate (13.6万亿元, 5.5%).
    Level,
    /// A change of it (增长5%, 下降0.3个百分点).
    Change,
}

impl Form {
    /// `level` or `change`.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Level => "level",
            Form::Change => "change",
        }
    }

    /// From `level` or `change`.
    pub fn parse(s: &str) -> Option<Form> {
        [Form::Level, Form::Change]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    /// 增长, 提高, 上涨 …
    Up,
    /// 下降, 减少, 回落 …
    Down,
}

impl Direction {
    /// `up` or `down`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// Over how many years a figure runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    #[default]
    /// One year's figure.
    Annual,
    /// A total over several years (累计).
    Cumulative,
    /// An average per year (年均).
    Average,
}

impl Aggregation {
    /// `annual`, `cumulative` or `average`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Annual => "annual",
            Aggregation::Cumulative => "cumulative",
            Aggregation::Average => "average",
        }
    }
}

/// What the figure is of: the whole, per head, a share, a ratio.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    /// The amount itself.
    Total,
    /// Per head (人均).
    PerCapita,
    /// A part of a whole (占…比重).
    Share,
    /// One amount over another (单位GDP能耗, 强度, 与…的比率).
    Ratio,
}

impl Basis {
    /// `total`, `per_capita`, `share` or `ratio`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Total => "total",
            Basis::PerCapita => "per_capita",
            Basis::Share => "share",
            Basis::Ratio => "ratio",
        }
    }

    /// From its name.
    pub fn parse(s: &str) -> Option<Basis> {
        [Basis::Total, Basis::PerCapita, Basis::Share, Basis::Ratio]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

/// Whether a figure is about the whole place of its passage or a part of it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    /// The whole place.
    Whole,
    /// A part of it (南疆四地州, 城市副中心, a city of the province): `scope_text`.
    Part,
}

impl Scope {
    /// `whole` or `part`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Whole => "whole",
            Scope::Part => "part",
        }
    }
}

/// Ends of the names of parts of a place that a gazetteer does not hold.
const PART_ENDS: [&str; 16] = [
    "地州",
    "新区",
    "副中心",
    "新城",
    "片区",
    "经济带",
    "城市群",
    "都市圈",
    "自贸区",
    "自贸试验区",
    "高新区",
    "开发区",
    "示范区",
    "园区",
    "试验区",
    "经济区",
];

/// The length (in chars) of the name of a part of a place a subject starts with, when
/// it names one by its end (`南疆四地州地区生产总值` → 5, `城市副中心和平原新城地区生产总值` →
/// 5), and more follows: the thing measured.
pub fn part_prefix(subject: &str) -> Option<usize> {
    let s: Vec<char> = subject.chars().collect();
    if s.first() == Some(&'全') {
        return None;
    }
    (2..s.len().saturating_sub(1)).find(|&n| {
        PART_ENDS.iter().any(|e| {
            let e: Vec<char> = e.chars().collect();
            n > e.len() && s[..n].ends_with(&e)
        })
    })
}

/// Verbs and nouns of a rise, longest first where one contains another.
const UP: [&str; 22] = [
    "增长率",
    "增长速度",
    "增长",
    "增加",
    "提高",
    "上升",
    "上涨",
    "提升",
    "扩大",
    "回升",
    "攀升",
    "增速",
    "增幅",
    "涨幅",
    "增产",
    "增收",
    "翻",
    "增",
    "涨",
    "升",
    "多",
    "高",
];
/// Verbs and nouns of a fall.
const DOWN: [&str; 23] = [
    "下降", "减少", "降低", "回落", "下跌", "下滑", "缩小", "收窄", "压减", "缩减", "降幅", "减幅",
    "跌幅", "减轻", "节约", "节省", "缩短", "削减", "减产", "降", "减", "少", "低",
];
/// Nouns that name a change, with its way.
const CHANGE_NOUNS: [(&str, Direction); 7] = [
    ("涨幅", Direction::Up),
    ("增幅", Direction::Up),
    ("增速", Direction::Up),
    ("增长率", Direction::Up),
    ("增长速度", Direction::Up),
    ("降幅", Direction::Down),
    ("减幅", Direction::Down),
];
/// Single chars of UP / DOWN that are a change only as a word of their own, not the end of
/// another (新增 is a level: 新增就业; 倍增, 递减).
const AFTER_NOT_SINGLE: [char; 7] = ['新', '倍', '递', '骤', '猛', '最', '至'];
/// Words that may stand between a verb of change and its number.
const BETWEEN: [&str; 18] = [
    "了",
    "分别",
    "同比",
    "比上年",
    "比去年",
    "较上年",
    "比上年度",
    "实际",
    "名义",
    "平均",
    "约",
    "为",
    "是",
    "达",
    "都",
    "预期目标",
    "目标",
    "预期",
];

/// The form and direction of the figure whose clause reads `before` up to it.
pub fn form(before: &[char], unit: &str) -> (Form, Option<Direction>) {
    if ["高达", "低至", "多达", "少至"]
        .iter()
        .any(|w| ends_with(before, before.len(), w))
    {
        // As high as: a level.
        return (Form::Level, None);
    }
    let mut end = before.len();
    // Peel the words that may stand between verb and number, innermost first.
    loop {
        let trimmed = BETWEEN
            .iter()
            .find(|w| ends_with(before, end, w))
            .map(|w| end - w.chars().count());
        match trimmed {
            Some(e) if e < end => end = e,
            _ => break,
        }
    }
    // 涨幅控制在3%, 增长保持在6%: a change held to a bound.
    let mut head = &before[..end];
    while head.last().is_some_and(|c| c.is_whitespace()) {
        head = &head[..head.len() - 1];
    }
    for w in ["控制在", "保持在", "稳定在"] {
        if ends_with(head, head.len(), w) {
            head = &head[..head.len() - 3];
        }
    }
    let head = head;
    let verb = |words: &[&str]| {
        words.iter().any(|w| {
            let n = w.chars().count();
            ends_with(head, head.len(), w)
                && (n > 1 || head.len() < 2 || !AFTER_NOT_SINGLE.contains(&head[head.len() - 2]))
        })
    };
    // 涨幅回落到2.6%: what reaches the figure is itself a change, of the noun's way.
    let to = ends_with(head, head.len(), "到") || ends_with(head, head.len(), "至");
    let noun = CHANGE_NOUNS.iter().find(|(w, _)| find(head, w).is_some());
    if let (true, Some(&(_, way))) = (to, noun) {
        return (Form::Change, Some(way));
    }
    if verb(&DOWN) {
        (Form::Change, Some(Direction::Down))
    } else if verb(&UP) {
        (Form::Change, Some(Direction::Up))
    } else if let Some(way) = verb_then_object(head) {
        (Form::Change, Some(way))
    } else if unit == "个百分点" {
        (Form::Change, None)
    } else {
        (Form::Level, None)
    }
}

/// Verbs that change what follows them by the figure: 压减钢铁产能3000万吨, 减轻企业负担
/// 5000多亿元, 节约煤和电百分之二到三, 增加就业岗位 ….
const VERBS_WITH_OBJECT: [(&str, Direction); 10] = [
    ("压减", Direction::Down),
    ("削减", Direction::Down),
    ("减轻", Direction::Down),
    ("节约", Direction::Down),
    ("节省", Direction::Down),
    ("退出", Direction::Down),
    ("淘汰", Direction::Down),
    ("减少", Direction::Down),
    ("降低", Direction::Down),
    ("增加", Direction::Up),
];

/// A verb of [`VERBS_WITH_OBJECT`] followed by its object, a short run of words that holds
/// no other verb of change and names no rate (贡献率, 比重: those are levels).
fn verb_then_object(head: &[char]) -> Option<Direction> {
    VERBS_WITH_OBJECT.iter().find_map(|&(v, way)| {
        let at = find(head, v)?;
        let object = &head[at + 2..];
        let plain = (1..=8).contains(&object.len())
            && !["率", "比重", "占", "到", "至", "增", "降", "新"]
                .iter()
                .any(|w| find(object, w).is_some());
        plain.then_some(way)
    })
}

/// The aggregation of the figure whose clause reads `before` up to it.
pub fn aggregation(before: &[char]) -> Aggregation {
    let has = |w: &str| find(before, w).is_some();
    let average = ["年均", "年平均", "平均每年", "每年"].iter().any(|w| {
        find(before, w).is_some_and(|at| {
            let rest = &before[at + w.chars().count()..];
            !starts_with(rest, 0, "浓度") && !starts_with(rest, 0, "值")
        })
    });
    if average {
        Aggregation::Average
    } else if has("累计")
        || has("累积")
        || ["年总体", "年共", "年合计", "年总计"]
            .iter()
            .any(|w| has(w))
    {
        Aggregation::Cumulative
    } else {
        Aggregation::Annual
    }
}

/// The basis of a figure with subject `subject` whose clause reads `before` up to it.
pub fn basis(subject: &str, before: &[char]) -> Basis {
    let s: Vec<char> = subject.chars().collect();
    let in_either = |w: &str| find(&s, w).is_some() || find(before, w).is_some();
    let share_word = ["比重", "占比", "比例", "份额"]
        .iter()
        .any(|w| in_either(w));
    let ratio = ["能耗", "排放", "强度", "之比", "比率", "用水量"]
        .iter()
        .any(|w| in_either(w))
        && (in_either("单位") || in_either("强度") || in_either("之比") || in_either("比率"));
    if in_either("人均") {
        Basis::PerCapita
    } else if ratio {
        Basis::Ratio
    } else if share_word || (in_either("占") && in_either("比")) {
        Basis::Share
    } else {
        Basis::Total
    }
}

/// A percentage or multiple of a base written just before it (`占预算数的98.41%`,
/// `完成了原定计划的101%`, `是1950年到1997年投资总和的1.7倍`, `相当于全国平均水平的80%`):
/// a ratio to that base, not a share of a whole (unless a share word names it, see
/// [`basis`]). `before` is the clause up to the figure.
pub fn of_a_base(before: &[char]) -> bool {
    const LINKS: [&str; 6] = ["占", "相当于", "等于", "完成", "是", "为"];
    let Some((&'的', rest)) = before.split_last() else {
        return false;
    };
    let near = &rest[rest.len().saturating_sub(24)..];
    LINKS.iter().any(|w| find(near, w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_of_a_base_is_a_ratio() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(of_a_base(&c("１９５５年决算支出占预算数的")));
        assert!(of_a_base(&c("全国工业总产值完成了原定计划的")));
        assert!(of_a_base(&c("是1950年到1997年全国公路建设投资总和的")));
        assert!(!of_a_base(&c("国内生产总值增长")));
        assert!(!of_a_base(&c("全国")));
    }

    #[test]
    fn names_are_the_json_names() {
        let json = |v: serde_json::Value| v.as_str().unwrap().to_owned();
        for f in [Form::Level, Form::Change] {
            assert_eq!(f.as_str(), json(serde_json::to_value(f).unwrap()));
        }
        for d in [Direction::Up, Direction::Down] {
            assert_eq!(d.as_str(), json(serde_json::to_value(d).unwrap()));
        }
        for a in [
            Aggregation::Annual,
            Aggregation::Cumulative,
            Aggregation::Average,
        ] {
            assert_eq!(a.as_str(), json(serde_json::to_value(a).unwrap()));
        }
        for b in [Basis::Total, Basis::PerCapita, Basis::Share, Basis::Ratio] {
            assert_eq!(b.as_str(), json(serde_json::to_value(b).unwrap()));
        }
        for s in [Scope::Whole, Scope::Part] {
            assert_eq!(s.as_str(), json(serde_json::to_value(s).unwrap()));
        }
    }

    fn f(before: &str, unit: &str) -> (Form, Option<Direction>) {
        form(&before.chars().collect::<Vec<_>>(), unit)
    }

    #[test]
    fn forms_and_directions() {
        use Direction::*;
        assert_eq!(f("地区生产总值增长", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("比上年增长了", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("固定资产投资下降", "%"), (Form::Change, Some(Down)));
        assert_eq!(f("CPI微降", "%"), (Form::Change, Some(Down)));
        assert_eq!(f("居民消费价格涨幅", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("增速为", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("城乡居民收入分别增长", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("高于全国", "个百分点"), (Form::Change, None));
        assert_eq!(f("城镇调查失业率", "%"), (Form::Level, None));
        assert_eq!(f("居民消费价格涨幅控制在 ", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("失业率控制在", "%"), (Form::Level, None));
        assert_eq!(f("居民消费价格涨幅回落到", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("又增产", "斤"), (Form::Change, Some(Up)));
        assert_eq!(
            f("企业开办时间缩短", "fraction"),
            (Form::Change, Some(Down))
        );
        assert_eq!(f("分别高", "个百分点"), (Form::Change, Some(Up)));
        assert_eq!(f("覆盖率高达", "%"), (Form::Level, None));
        assert_eq!(f("今年再压减钢铁产能", "吨"), (Form::Change, Some(Down)));
        assert_eq!(
            f("比改革前减轻企业和个人负担", "元"),
            (Form::Change, Some(Down))
        );
        assert_eq!(f("增加就业岗位", "个"), (Form::Change, Some(Up)));
        assert_eq!(f("减少对经济增长贡献率", "%"), (Form::Level, None));
        assert_eq!(f("经济增长预期目标为", "%"), (Form::Change, Some(Up)));
        assert_eq!(f("城镇新增就业目标为", "人"), (Form::Level, None));
        assert_eq!(f("增加到", "元"), (Form::Level, None));
        assert_eq!(f("失业率降至", "%"), (Form::Level, None));
        assert_eq!(f("城镇新增", "人"), (Form::Level, None));
        assert_eq!(f("经济总量达到", "元"), (Form::Level, None));
    }

    #[test]
    fn aggregations_and_bases() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(
            aggregation(&c("地区生产总值年均增长")),
            Aggregation::Average
        );
        assert_eq!(aggregation(&c("细颗粒物年均浓度")), Aggregation::Annual);
        assert_eq!(aggregation(&c("城镇新增就业累计")), Aggregation::Cumulative);
        assert_eq!(aggregation(&c("全市地区生产总值")), Aggregation::Annual);
        assert_eq!(
            aggregation(&c("五年总体赤字率控制在")),
            Aggregation::Cumulative
        );
        assert_eq!(basis("人均GDP", &c("人均GDP")), Basis::PerCapita);
        assert_eq!(
            basis("民营经济增加值占地区生产总值比重", &c("")),
            Basis::Share
        );
        assert_eq!(basis("单位地区生产总值能耗", &c("")), Basis::Ratio);
        assert_eq!(basis("研发经费投入强度", &c("")), Basis::Ratio);
        assert_eq!(
            basis("", &c("社会物流总费用与地区生产总值的比率")),
            Basis::Ratio
        );
        assert_eq!(basis("地区生产总值", &c("全省地区生产总值")), Basis::Total);
    }

    #[test]
    fn parts_of_a_place() {
        assert_eq!(part_prefix("南疆四地州地区生产总值"), Some(5));
        assert_eq!(part_prefix("城市副中心和平原新城地区生产总值"), Some(5));
        assert_eq!(part_prefix("赣江新区地区生产总值"), Some(4));
        assert_eq!(part_prefix("地区生产总值"), None);
        assert_eq!(part_prefix("全省地区生产总值"), None);
        assert_eq!(part_prefix("高新区"), None);
    }
}
