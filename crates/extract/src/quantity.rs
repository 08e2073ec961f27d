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
//! - **Value**: in base units, exact: `93.33万件` → 933300 件, `6.66万亿元` → 6660000000000 元,
//!   `3万5千人` → 35000 人, `逾百万人` → 1000000 人, `百余人` → 100 人. Traditional characters
//!   read as simplified (`二十一萬六千人`, `四點二倍`), digits spaced out as some transcripts
//!   have them (`1 5 ．3 ％`) as one number, `·` between digits as a decimal point
//!   (`5·8％`), and a zero-width space with the line breaks around it (a transcription
//!   artifact: `74.4\n\u{200B}\n万亿元`) as nothing; offsets still index the original text.
//!   [`Decimal`] serializes as a JSON number when that is exact, else as a string.
//! - **Not quantities**: years (`2017年`, `二〇二四年`, `二0一0年`, `2017年度`,
//!   `2019—2020年`); dates (`9月23日`, `2020-12-14`, `1-9月`: 月 is not a unit, 日 after 月
//!   is a date); ordinals (`第155次`, `第一、二批`, `十三届全国人大三次会议`); numerals in names
//!   (`dictionaries/numeral_names.txt`, a Chinese numeral quantity inside short quotes:
//!   `“四个聚焦”`, and `五年计划`, `三期工程`, `三次产业`); 一 + a measure word, which is an
//!   article (`一个重要任务`, `一批项目`, `一项制度`), and a small Chinese count after
//!   这/那/每/前 … (`这两项`, `前两个目的`); a year named, not a span (`上一年`,
//!   `1986年是…的一年`, `第七个五年`); a span of years that says when, not how long (the
//!   period of the figures around it: `五年来`, `这两年中`, `过去的一年`, `今后五年`,
//!   `世纪头十年`, `以来的五年`, `三年多来`; but `再奋斗十五年`, `用三年时间`, `一年内败诉两起`
//!   stay); numerals in a programme's name (`三年行动`, `“15分钟”就业服务圈`,
//!   `四小时航空经济圈`) and a project's phase (`二期项目`, `机场三期、`); thresholds
//!   crossed (`迈上6万亿元台阶`, `跃上1.4万亿斤新台阶`); manners of
//!   speaking (`一天天`, `一年比一年`); vague numerals (`几十年`, `数十万`, `十几个`, `上百`); units that are the start of a word (`四人民币`, `一部分`, `一次性`, column
//!   `bad_next` in `dictionaries/units.tsv`); 分/起/间 after Chinese numerals (`十分`,
//!   `一起`), 度/门 without 万 or 亿 (`一度`); numbers with no unit (`12345热线`,
//!   and a number with 万 or 亿 but no unit — `付息金额4120亿`, `小于40万`,
//!   `551万农村贫困人口` — is a quantity with an empty unit, issue 11; a bare number
//!   without them stays out).
//! - **Ranges**: `5%—6%`, `5%-6%`, `5%至6%`, `5-6%`, `3至5年`, `3-5万元` and `三至五万元`
//!   (the multiplier of the second number applies to a bare first one), `百分之五到百分之六`,
//!   `百分之二、三`, and Chinese `三四十` (30..40), `两三个` (2..3), `三五年` (3..5),
//!   `两、三倍`, `二、三十亿斤`: `value` is the low end, `value_to` the high end, qualifier
//!   `range`.
//! - **Shared units**: in `4.2和0.7个百分点`, `10.6万、3.8万、3.3万平方公里` each Arabic
//!   number takes the unit of the last one (and its multiplier when it has none).
//! - **Fractions**: `1/3`, `三分之一` → unit `fraction`, kind `rate`, value n/d, exact when
//!   it terminates, else rounded to 10 places and `approx = true`. `百分之四十一` → 41 `%`,
//!   `千分之五` → 5 `‰`.
//! - **Status**: `target` when the sentence (up to 。！？ or a line break; ；does not end it,
//!   so a whole 预期目标 list is one sentence) holds a word of `[target]` in
//!   `dictionaries/status_words.txt` (力争 预期 拟 争取 今后 明年), or a word of
//!   `[weak_target]` (目标 计划 确保 将 要 今年) and no word of `[done]` (了 已 先后 累计
//!   截至 以来: 提前实现了目标 is a result). Words of `[not_target]` (主要 重要 需要 将近
//!   计划生育 今年以来 为了 …) are skipped whole. 将 does not count when it reads as 把: a
//!   number right after it, or a verb of `[ba_verbs]` after an object in its clause
//!   (`将173项事项纳入清单`; but `将进一步提高到` is future). Else `result`. (In a
//!   government work report the ingest stage then sets the status by where the figure
//!   stands: [`crate::frame`]; 稳预期, 好于预期, 人均预期寿命 are `[not_target]`.)
//! - **Meaning** ([`crate::meaning`]): `form` (level / change) and `direction` from the
//!   words right before it, a fall signed (`下降3.3%` → −3.3, `value` ≤ `value_to`);
//!   `aggregation` (年均, 累计); `basis` (人均, 占…比重, 单位…能耗); `scope` (a part of the
//!   place by its name's end: `南疆四地州`); the clause's time word, target word and
//!   whether a level is reached, for the period ([`crate::frame::settle`]); `indicator`
//!   from the catalogue ([`crate::catalogue::named_by`]).
//! - **Lists**: `A、B分别增长x、y` gives x to A and y to B (`lists.rs`); a figure
//!   in a list (`分别增长5.2%、4.8%`) shares the first one's form.
//! - **Subject**: the run of Chinese text right before the mention (brackets and quotes
//!   inside it kept: `专(兼)职法制员`; passing over years, `工业总产值1977年比1976年|增长`;
//!   stopping at other punctuation, digits, the previous quantity unless it is a span of
//!   years that only times this one, 20 chars at most), with trailing verbs and function
//!   words stripped (section `[strip]` of `dictionaries/subject_words.txt`: 的 由 为 达到
//!   减少到 比上年 …), everything up to the last action verb cut off (section `[cut]`: 办理
//!   受理 完成 落实 共 累计 …) — or, when nothing follows that verb or the figure is a share
//!   of what follows it, what stands before it (`中央预算内投资安排|5376亿元`,
//!   `工业总产值完成了原定计划的|101%`) — the last stretch between years and unmatched
//!   closing brackets that names something (`一九五四年比一九五二年医院病床` → 医院病床), a
//!   comparison cut at its 比 (`贷款增速比各项贷款平均增速` → 贷款增速), the owner of a
//!   share `A占B的x%` (A), leading 这 那 比 和 … taken off (section `[lead]`), and time
//!   words at its start or end taken off. When nothing is left and the previous quantity
//!   is right before (`351项减少到210项`, `134.9万亿元、增长5%`), the previous quantity's
//!   subject is used; so it is when the previous one is in the same clause
//!   (`达到5.53万亿元、稳居前十、增长4.8%`) or a level before this change in the sentence.
//!   Else, what stands before the figure's year (`城镇化率从2020年的53.2%`), a label before
//!   a colon (`原煤：从…增加到…`), a clause that only names a thing before a clause of its
//!   figures opening with a time, 由, 从, 占 or 分别 (`城乡人民的储蓄存款，今年…增加了`), or
//!   the subject of the figure before when only a time word stands for this one (a series:
//!   `1977年为31.5元，1978年为35.5元`). The thing counted right after a figure wins over
//!   all of these (`取消123项|职业资格许可和认定事项`, `6069万|农民|受益`,
//!   `一百五十万吨|钢|的`; for a share only after 的 and with nothing before:
//!   `全国百分之六十的|职工`), unless it is a verb phrase (`253项|下放给了…`). A list with
//!   no subject after as many figures of different things pairs with them (`lists.rs`).

use std::sync::LazyLock;

use serde::Serialize;

use crate::catalogue;
use crate::chars::{among, ends_with, starts_with};
use crate::lexicon::{words as section, STATUS_WORDS, SUBJECT_WORDS};
use crate::lists::{self, Link};
use crate::meaning::{self, Aggregation, Basis, Direction, Form, Scope};
use crate::number::{
    arabic_end, arabic_groups, chinese_digit, fold_char, is_chinese_numeral_char, multiplier_exp,
    multipliers, parse_arabic, parse_chinese, Decimal,
};
use crate::period::{self, Cue, PeriodSource};
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
    /// A level or a change ([`crate::meaning`]).
    pub form: Form,
    /// Which way a change goes (`value` is negative for `down`).
    pub direction: Option<Direction>,
    /// One year's figure, a total or an average over several.
    pub aggregation: Aggregation,
    /// The whole, per head, a share or a ratio.
    pub basis: Basis,
    /// First year the figure covers ([`crate::frame`]), when known.
    pub period_from: Option<i32>,
    /// Last year it covers.
    pub period_to: Option<i32>,
    /// The one year it is about (`period_from` when equal to `period_to`).
    pub ref_year: Option<i32>,
    /// Where the period came from.
    pub period_source: Option<PeriodSource>,
    /// About the whole place of its passage or a part of it ([`meaning::part_prefix`];
    /// the ingest stage also knows the gazetteer's places).
    pub scope: Scope,
    /// The part as written (`南疆四地州`), for a part.
    pub scope_text: Option<String>,
    /// The name or alias of a catalogue indicator its subject ends with, as written
    /// (`全省生产总值`, `GDP`; [`crate::catalogue::named_by`]).
    pub indicator: Option<String>,
    /// That indicator's official name (`地区生产总值`).
    pub indicator_name: Option<String>,
    /// What its own clause says of its period and status, for [`crate::frame::settle`].
    #[serde(skip)]
    pub clause: ClauseReading,
}

/// What a quantity's sentence says before it about when it holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClauseReading {
    /// The nearest time word before it in its sentence.
    pub cue: Option<Cue>,
    /// The time word the last sentence before its own in its paragraph opened with
    /// (`过去一年，我们…。国内生产总值增长10.3%`).
    pub lead: Option<Cue>,
    /// 力争, 预期, 目标, 拟 or 争取 stands before it in its sentence.
    pub target_word: bool,
    /// A level reached: 达到, 突破, 增加到, 提高至 … right before it.
    pub stock: bool,
    /// The start of 从X增长到Y.
    pub baseline: bool,
    /// The year a change is measured from, written 比Y年 in its clause (一九九○年比一九八五年
    /// 增长百分之四十: 1985).
    pub base_year: Option<i32>,
    /// Its sentence counts months from January before it (1到10月, 1至9月, 1—11月): the
    /// figure is of months already past.
    pub elapsed: bool,
}

/// One way to read the number at some position.
#[derive(Clone, Copy)]
struct Num {
    value: Decimal,
    end: usize,
    chinese: bool,
    year_like: bool,
    /// The number itself holds a 万 or 亿 (`三万`, `3万5千`).
    wan: bool,
}

/// A number with its unit.
struct Measured {
    value: Decimal,
    /// Multiplier chars between number and unit (万 in 5万人 is here; 万 in 5万元 too, as
    /// the longest multiplier run is tried first).
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

impl Found {
    /// A figure as read, before its qualifiers: `start..end`, one value, its unit.
    fn plain(start: usize, end: usize, value: Decimal, unit: &'static str, kind: Kind) -> Found {
        Found {
            start,
            end,
            value,
            value_to: None,
            unit,
            kind,
            qualifier: Qualifier::None,
            approx: false,
        }
    }
}

enum Scan {
    Found(Found),
    Skip(usize),
}

const MAX_CHINESE_RUN: usize = 24;
const MAX_ARABIC_RUN: usize = 40;

/// Word lists for subjects and status, loaded once.
struct Lexicon {
    strip: Vec<Vec<char>>,
    cut: Vec<Vec<char>>,
    lead: Vec<Vec<char>>,
    target: Vec<Vec<char>>,
    weak_target: Vec<Vec<char>>,
    done: Vec<Vec<char>>,
    not_target: Vec<Vec<char>>,
    ba_verbs: Vec<Vec<char>>,
    future_after_jiang: Vec<Vec<char>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    strip: section(SUBJECT_WORDS, "strip"),
    cut: section(SUBJECT_WORDS, "cut"),
    lead: section(SUBJECT_WORDS, "lead"),
    target: section(STATUS_WORDS, "target"),
    weak_target: section(STATUS_WORDS, "weak_target"),
    done: section(STATUS_WORDS, "done"),
    not_target: section(STATUS_WORDS, "not_target"),
    ba_verbs: section(STATUS_WORDS, "ba_verbs"),
    future_after_jiang: section(STATUS_WORDS, "future_after_jiang"),
});

/// All quantities in `text`, left to right. Offsets are char offsets into `text`.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let orig: Vec<char> = text.chars().collect();
    let (chars, map) = visible(&orig);
    let sentences = sentences(&chars);
    let cues = period::cues(&chars);
    let mut sent = 0;
    let mut out: Vec<Quantity> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !could_start(&chars, i) {
            i += 1;
            continue;
        }
        match scan_at(&chars, i) {
            Scan::Skip(e) => i = e.max(i + 1),
            Scan::Found(f) => {
                while sentences[sent].end <= f.start {
                    sent += 1;
                }
                let s = &sentences[sent];
                let prev = out.last().filter(|q| q.end > s.start);
                // Where the previous quantity ends in `chars`, for the clause before this.
                let prev_end = prev.and(links.last()).map(|l| l.end);
                let read = Read::new(&chars, &f, s, prev_end, &cues);
                let mut q = quantity(&orig, map.as_deref(), &f, s, &read, prev);
                let listed = read.measure(&mut q, prev);
                if q.subject.is_empty() {
                    q.subject = neighbour_subject(&q, prev, &read, prev_end);
                }
                let respectively = read.clause.windows(2).any(|w| w == ['分', '别']);
                if q.form == Form::Level && !respectively {
                    last_item_only(&mut q.subject);
                }
                links.push(Link {
                    listed,
                    respectively,
                    sentence: sent,
                    end: f.end,
                });
                out.push(q);
                i = f.end.max(i + 1);
            }
        }
    }
    lists::pair(&mut out, &links);
    for (q, link) in out.iter_mut().zip(&links) {
        let after = subject_after(&chars, link.end, q.kind, names_nothing(&q.subject));
        if !after.is_empty() {
            q.subject = after;
        }
        name_part_and_indicator(q);
    }
    out
}

/// The quantity `f` found in sentence `s`, before its form and its clause's meaning are
/// read into it ([`Read::measure`]); offsets back in the original text.
fn quantity(
    orig: &[char],
    map: Option<&[usize]>,
    f: &Found,
    s: &Sentence,
    read: &Read<'_>,
    prev: Option<&Quantity>,
) -> Quantity {
    let subject = subject(read.chars, f.start, s.start, prev, f.kind);
    let (start, end) = match map {
        Some(map) => (map[f.start], map[f.end - 1] + 1),
        None => (f.start, f.end),
    };
    Quantity {
        text: orig[start..end].iter().collect(),
        start,
        end,
        value: f.value,
        unit: f.unit.to_string(),
        approx: f.approx,
        qualifier: f.qualifier,
        value_to: f.value_to,
        status: if s.target {
            Status::Target
        } else {
            Status::Result
        },
        kind: f.kind,
        form: Form::Level,
        direction: None,
        aggregation: Aggregation::Annual,
        basis: match meaning::basis(&subject, read.clause) {
            Basis::Total if f.kind == Kind::Percent || f.kind == Kind::Rate => {
                if meaning::of_a_base(read.clause) {
                    Basis::Ratio
                } else {
                    Basis::Total
                }
            }
            b => b,
        },
        subject,
        period_from: None,
        period_to: None,
        ref_year: None,
        period_source: None,
        scope: Scope::Whole,
        scope_text: None,
        indicator: None,
        indicator_name: None,
        clause: read.clause_reading(),
    }
}

/// The subject of a quantity with none of its own, from the one before it: in the same
/// clause (地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%), or a level before this
/// change in its sentence (投入增加300亿元，比上年增长20%).
fn neighbour_subject(
    q: &Quantity,
    prev: Option<&Quantity>,
    read: &Read<'_>,
    prev_end: Option<usize>,
) -> String {
    let Some(p) = prev else {
        return String::new();
    };
    let same_clause = !read.clause_break_since(prev_end.unwrap_or(0));
    let level_then_change = p.form == Form::Level && q.form == Form::Change;
    if same_clause || level_then_change {
        p.subject.clone()
    } else {
        String::new()
    }
}

/// A list of subjects is kept for 分别 and for one change shared by all
/// (社会消费品零售总额、固定资产投资增长4%); else its last item is the subject
/// (市商务局、环保局等64个).
fn last_item_only(subject: &mut String) {
    if let Some(k) = last_list_comma(subject) {
        *subject = subject[k + '、'.len_utf8()..].to_owned();
    }
}

/// The part of a place a quantity's subject names (南疆四地州…), and the catalogue
/// indicator it names.
fn name_part_and_indicator(q: &mut Quantity) {
    if let Some(n) = meaning::part_prefix(&q.subject) {
        q.scope = Scope::Part;
        q.scope_text = Some(q.subject.chars().take(n).collect());
    }
    if let Some((ind, phrase)) = catalogue::named_by(&q.subject, q.form) {
        q.indicator = Some(phrase.to_owned());
        q.indicator_name = Some(ind.name.clone());
    }
}

/// The words before one quantity, in `chars` (the text as read).
struct Read<'a> {
    chars: &'a [char],
    at: usize,
    sentence: &'a Sentence,
    /// From the last clause break (，；：、) or the previous quantity of the sentence.
    segment: &'a [char],
    /// From the last clause break other than 、.
    clause: &'a [char],
    cue: Option<(usize, Cue, usize)>,
}

impl<'a> Read<'a> {
    fn new(
        chars: &'a [char],
        f: &Found,
        s: &'a Sentence,
        prev_end: Option<usize>,
        cues: &[(usize, Cue, usize)],
    ) -> Read<'a> {
        let at = f.start;
        let back_to = |stops: &[char]| {
            (s.start..at)
                .rev()
                .find(|&k| stops.contains(&chars[k]))
                .map_or(s.start, |k| k + 1)
        };
        let clause_start = back_to(&['，', ',', '；', ';', '：', ':']);
        let segment_start =
            back_to(&['，', ',', '；', ';', '：', ':', '、']).max(prev_end.unwrap_or(0).min(at));
        let k = cues.partition_point(|c| c.2 <= at);
        let cue = k.checked_sub(1).map(|k| cues[k]).filter(|c| c.0 >= s.start);
        Read {
            chars,
            at,
            sentence: s,
            segment: &chars[segment_start..at],
            clause: &chars[clause_start..at],
            cue,
        }
    }

    /// The clause's time word, target word, and whether the figure is a level reached or
    /// the start of 从X到Y.
    fn clause_reading(&self) -> ClauseReading {
        let chars = self.chars;
        let baseline = self.baseline();
        // The time word of a baseline (从2020年的X) is not the end's (…增长到Y).
        let cue = self.cue.filter(|&(c0, _, c1)| {
            let from_word = c0 >= 1 && matches!(chars[c0 - 1], '从' | '由');
            let passed_to = chars[c1..self.at]
                .iter()
                .skip_while(|c| !c.is_ascii_digit())
                .any(|c| matches!(c, '到' | '至'));
            // A baseline is dated only by its own year (从2020年的X), not one before it.
            let own_year = c1 == self.at || (c1 + 1 == self.at && chars[c1] == '的');
            !(from_word && passed_to) && (!baseline || own_year)
        });
        ClauseReading {
            cue: cue.map(|c| c.1),
            lead: self.sentence.lead,
            target_word: self.sentence.first_target.is_some_and(|t| t < self.at),
            stock: self.reached(),
            baseline,
            base_year: self.base_year(),
            elapsed: self.elapsed(),
        }
    }

    /// Months from January counted in the sentence before the figure: 1到10月, 1至9月.
    fn elapsed(&self) -> bool {
        let s = &self.chars[self.sentence.start.min(self.at)..self.at];
        s.windows(2).enumerate().any(|(k, w)| {
            w[0] == '1'
                && matches!(w[1], '到' | '至' | '—' | '-' | '－' | '~')
                && (k == 0 || !s[k - 1].is_ascii_digit())
                && s[k + 2..].iter().take(3).find(|c| !c.is_ascii_digit()) == Some(&'月')
        })
    }

    /// The year written as 比Y年 in the clause before the figure.
    fn base_year(&self) -> Option<i32> {
        let c = self.clause;
        (0..c.len()).rev().filter(|&k| c[k] == '比').find_map(|k| {
            match period::cue_at(c.get(k + 1..k + 6)?, 0) {
                Some((Cue::Year(y), 5)) => Some(y),
                _ => None,
            }
        })
    }

    /// 从 / 由 right before the figure, or before its year (从2020年的3.68万亿元).
    fn baseline(&self) -> bool {
        let mut p = self.at;
        if p > 0 && self.chars[p - 1] == '的' {
            p -= 1;
        }
        if let Some((c0, _, c1)) = self.cue {
            if c1 == p {
                p = c0;
            }
        }
        if p > 0 && matches!(self.chars[p - 1], '从' | '由') {
            return true;
        }
        // 从月销售额|3万元提高到10万元: 从 a few words back, 到 / 至 after the figure in
        // its clause (not 由…安排, by whom).
        let lead = (p.saturating_sub(7)..p)
            .rev()
            .take_while(|&k| is_cjk(self.chars[k]))
            .find(|&k| matches!(self.chars[k], '从' | '由'))
            .is_some_and(|k| self.chars.get(k + 1) != Some(&'于'));
        let end = self.chars.len().min(self.at + 16);
        let to_after = self.chars[self.at..end]
            .iter()
            .take_while(|c| !matches!(c, '，' | ',' | '；' | ';' | '。'))
            .any(|c| matches!(c, '到' | '至'));
        lead && to_after
    }

    /// A level reached: the segment ends with 达到, 到, 至, 超过, 保持在, 稳定在 ….
    fn reached(&self) -> bool {
        // 保持在 over years holds in the last one too. Not 突破, 迈上, 跃上: a milestone
        // crossed some time in the years; nor 控制在: a limit kept (赤字率控制在3%以内).
        const REACHED: [&str; 7] = ["到", "至", "达", "超过", "超", "稳定在", "保持在"];
        let seg = trim_end_words(self.segment, &["了", "约", "近"]);
        if seg.ends_with(&['长', '达']) {
            // 长达3500多公里: as long as, a length.
            return false;
        }
        REACHED.iter().any(|w| ends_with(seg, seg.len(), w))
    }

    /// Whether a ，；：or sentence start stands between char `from` and the figure.
    fn clause_break_since(&self, from: usize) -> bool {
        let from = from.clamp(self.sentence.start, self.at);
        self.chars[from..self.at]
            .iter()
            .any(|c| matches!(c, '，' | ',' | '；' | ';' | '：' | ':'))
            || from == self.sentence.start
    }

    /// Form, direction (signing a fall), aggregation: read from the segment, or shared
    /// with the figure before it in a list (`分别增长5.2%、4.8%`). Whether it continues a
    /// list.
    fn measure(&self, q: &mut Quantity, prev: Option<&Quantity>) -> bool {
        let seg = trim_end_words(self.segment, &["和", "及", "与", "或"]);
        let listed = prev.is_some() && seg.iter().all(|c| c.is_whitespace());
        match prev.filter(|_| listed) {
            Some(p) => {
                q.form = p.form;
                q.direction = p.direction;
                q.aggregation = p.aggregation;
            }
            None => {
                (q.form, q.direction) = meaning::form(self.segment, &q.unit);
                q.aggregation = meaning::aggregation(self.clause);
            }
        }
        if q.direction == Some(Direction::Down) && q.form == Form::Change {
            let (lo, hi) = (q.value, q.value_to);
            q.value = -hi.unwrap_or(lo);
            q.value_to = hi.map(|_| -lo);
        }
        listed
    }
}

/// `chars` without any of `words` at its end, repeatedly.
fn trim_end_words<'c>(chars: &'c [char], words: &[&str]) -> &'c [char] {
    let mut end = chars.len();
    while let Some(w) = words.iter().find(|w| ends_with(chars, end, w)) {
        end -= w.chars().count();
    }
    &chars[..end]
}

/// The text as read: chars folded ([`fold_char`]), `·` between digits read as a decimal
/// point (`5·8％`), and zero-width spaces dropped with the line breaks around them (a
/// transcription artifact that splits `74.4\n\u{200B}\n万亿元`). When chars were dropped,
/// also the original offset of each char read.
fn visible(orig: &[char]) -> (Vec<char>, Option<Vec<usize>>) {
    let mut chars: Vec<char> = orig.iter().map(|&c| fold_char(c)).collect();
    for k in 1..chars.len().saturating_sub(1) {
        if matches!(chars[k], '·' | '•')
            && chars[k - 1].is_ascii_digit()
            && chars[k + 1].is_ascii_digit()
        {
            chars[k] = '.';
        }
    }
    let zw = |c: char| matches!(c, '\u{200B}' | '\u{FEFF}');
    if !chars.iter().any(|&c| zw(c)) {
        return (chars, None);
    }
    let mut kept = Vec::with_capacity(chars.len());
    let mut map = Vec::with_capacity(chars.len());
    for (k, &c) in chars.iter().enumerate() {
        let newline_by_zw = matches!(c, '\n' | '\r')
            && (k > 0 && zw(chars[k - 1]) || chars.get(k + 1).is_some_and(|&n| zw(n)));
        if zw(c) || newline_by_zw {
            continue;
        }
        kept.push(c);
        map.push(k);
    }
    (kept, Some(map))
}

/// A multiplier char that may open a number by itself: 逾百万, 近千人, 超万亿元, 百余人.
fn bare_multiplier(c: char) -> bool {
    matches!(c, '百' | '千' | '万' | '亿')
}

fn could_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = if i > 0 { Some(chars[i - 1]) } else { None };
    if c.is_ascii_digit() {
        // Not inside a code (G20, v1.2) nor in a year written half in Chinese (二0一0).
        return !prev.is_some_and(|p| {
            p.is_ascii_alphanumeric() || p == '.' || p == '_' || chinese_digit(p).is_some()
        });
    }
    if prev.is_some_and(|p| chinese_digit(p).is_some() || multiplier_exp(p).is_some()) {
        return false;
    }
    // 二0一0年: a year written half in Arabic digits (but 1979两年 is two years).
    if prev.is_some_and(|p| p.is_ascii_digit()) {
        let digits_from = (0..i).rev().find(|&k| !chars[k].is_ascii_digit());
        if digits_from.is_some_and(|k| chinese_digit(chars[k]).is_some())
            || chars
                .get(i + 1)
                .is_some_and(|&n| n.is_ascii_digit() || chinese_digit(n).is_some())
        {
            return false;
        }
    }
    if is_per_prefix(chars, i).is_some() {
        return true;
    }
    if chinese_digit(c).is_some_and(|d| d > 0) || c == '十' {
        return true;
    }
    if c == '零' {
        return chars.get(i + 1) == Some(&'点');
    }
    if bare_multiplier(c) {
        let mut e = i;
        while e < chars.len() && multiplier_exp(chars[e]).is_some() {
            e += 1;
        }
        return matches!(chars.get(e), Some('余' | '多'))
            || prev.is_some_and(|p| {
                matches!(
                    p,
                    '逾' | '近' | '超' | '约' | '达' | '过' | '足' | '到' | '破' | '越'
                )
            });
    }
    false
}

/// `百分之` → `%`, `千分之` → `‰`.
fn is_per_prefix(chars: &[char], i: usize) -> Option<&'static str> {
    match chars.get(i..i + 3)? {
        ['百', '分', '之'] => Some("%"),
        ['千', '分', '之'] => Some("‰"),
        _ => None,
    }
}

/// An Arabic number at `i`: its digits (spaces dropped) and where it ends. Digits spaced
/// out one by one (`1 9 9 3`, `2 ．5`) are read as one number.
fn arabic_digits(chars: &[char], i: usize) -> (Vec<char>, usize) {
    let spaced = chars.get(i + 1) == Some(&' ')
        && chars
            .get(i + 2)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.');
    if !spaced {
        let e = arabic_end(chars, i);
        return (chars[i..e].to_vec(), e);
    }
    let mut out = Vec::new();
    let mut j = i;
    let mut seen_point = false;
    let digit_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    while j < chars.len() {
        let c = chars[j];
        if c.is_ascii_digit() {
            out.push(c);
        } else if c == '.'
            && !seen_point
            && (digit_at(j + 1) || (chars.get(j + 1) == Some(&' ') && digit_at(j + 2)))
        {
            seen_point = true;
            out.push(c);
        } else {
            break;
        }
        j += 1;
        let next_ok = |k: usize| {
            chars
                .get(k)
                .is_some_and(|c| c.is_ascii_digit() || (*c == '.' && !seen_point))
        };
        if chars.get(j) == Some(&' ') && next_ok(j + 1) {
            j += 1;
        }
    }
    if out.last() == Some(&'.') {
        out.pop();
        j -= 1;
    }
    (out, j)
}

/// The number starting at `i`: every way to read it, longest first, and where its run ends.
fn numbers_at(chars: &[char], i: usize) -> (Vec<Num>, usize) {
    if i >= chars.len() {
        return (Vec::new(), chars.len());
    }
    if chars[i].is_ascii_digit() {
        let (digits, e) = arabic_digits(chars, i);
        if e - i > MAX_ARABIC_RUN {
            return (Vec::new(), e);
        }
        let mut nums = Vec::new();
        if let Some((value, end)) = arabic_groups(chars, i) {
            nums.push(Num {
                value,
                end,
                chinese: false,
                year_like: false,
                wan: true,
            });
        }
        if let Some(value) = parse_arabic(&digits) {
            let int_digits = digits.iter().take_while(|c| c.is_ascii_digit()).count();
            let year_like = digits.len() == 4
                && int_digits == 4
                && value.checked_cmp(Decimal::from_int(1000)) != Some(std::cmp::Ordering::Less)
                && value.checked_cmp(Decimal::from_int(2199)) != Some(std::cmp::Ordering::Greater);
            nums.push(Num {
                value,
                end: e,
                chinese: false,
                year_like,
                wan: false,
            });
        }
        return (nums, e);
    }
    if !(is_chinese_numeral_char(chars, i) || chars[i] == '零') {
        return (Vec::new(), i);
    }
    let mut e = i;
    while e < chars.len() && (is_chinese_numeral_char(chars, e) || chars[e] == '零') {
        e += 1;
    }
    if e - i > MAX_CHINESE_RUN {
        return (Vec::new(), e);
    }
    // 百万, 千亿, 万亿 standing alone read as 一百万 ….
    let lead = bare_multiplier(chars[i]);
    let mut nums = Vec::new();
    for k in (i + 1..=e).rev() {
        let mut s: Vec<char> = Vec::with_capacity(k - i + 1);
        if lead {
            s.push('一');
        }
        s.extend_from_slice(&chars[i..k]);
        if let Some(value) = parse_chinese(&s) {
            let digit_string = k - i > 1 && chars[i..k].iter().all(|&c| chinese_digit(c).is_some());
            // 二〇二四 is a year; 一一 (唯一一家) and other digit strings are not numbers here.
            if digit_string && k - i != 4 {
                continue;
            }
            nums.push(Num {
                value,
                end: k,
                chinese: true,
                year_like: digit_string,
                wan: chars[i..k].iter().any(|&c| matches!(c, '万' | '亿')),
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
fn valid_unit(chars: &[char], q: usize, chinese: bool, wan: bool) -> Option<&'static Unit> {
    let u = match_unit(chars, q)?;
    if (chinese && u.arabic_only) || (u.needs_wan && !wan) {
        return None;
    }
    if let Some(&next) = chars.get(q + u.text.len()) {
        if u.bad_next.contains(next) {
            return None;
        }
    }
    Some(u)
}

/// What follows a number: multipliers, 余/多, a unit.
struct UnitAfter {
    /// All multipliers, before and after 余/多.
    mult_exp: u32,
    /// The multipliers after 余/多 (万 in 七千多万).
    after_duo: u32,
    unit: &'static Unit,
    end: usize,
    duo: bool,
}

/// `二十五亿七千多万`: the 万 after 多 belongs to the part after 亿 only.
fn yi_then_wan(value: Decimal) -> Option<Decimal> {
    const YI: i128 = 100_000_000;
    if !value.is_integer() || value.mantissa() < YI {
        return None;
    }
    let (a, b) = (value.mantissa() / YI, value.mantissa() % YI);
    (b > 0 && b < 10_000).then(|| Decimal::from_int(a * YI + b * 10_000))
}

/// Multipliers, 余/多 and a unit after a number ending at `p`. With `exact`, the unit must
/// stand right at `p` (a shorter reading of a Chinese numeral: 三|千瓦).
fn unit_after(chars: &[char], p: usize, num: &Num, exact: bool) -> Option<UnitAfter> {
    // One space between an Arabic number and its unit: `7 4 7 7 2 亿元`, `6 ％`.
    let p = if !num.chinese && chars.get(p) == Some(&' ') {
        p + 1
    } else {
        p
    };
    if exact {
        return valid_unit(chars, p, num.chinese, num.wan).map(|unit| UnitAfter {
            mult_exp: 0,
            after_duo: 0,
            unit,
            end: p + unit.text.len(),
            duo: false,
        });
    }
    for q in (p..=mult_run_end(chars, p)).rev() {
        let Some(e1) = multipliers(&chars[p..q]) else {
            continue;
        };
        if let Some(unit) = valid_unit(chars, q, num.chinese, num.wan || e1 >= 4) {
            return Some(UnitAfter {
                mult_exp: e1,
                after_duo: 0,
                unit,
                end: q + unit.text.len(),
                duo: false,
            });
        }
        if matches!(chars.get(q), Some('余' | '多')) {
            for r in (q + 1..=mult_run_end(chars, q + 1)).rev() {
                let Some(e2) = multipliers(&chars[q + 1..r]) else {
                    continue;
                };
                if let Some(unit) = valid_unit(chars, r, num.chinese, num.wan || e1 + e2 >= 4) {
                    return Some(UnitAfter {
                        mult_exp: e1 + e2,
                        after_duo: e2,
                        unit,
                        end: r + unit.text.len(),
                        duo: true,
                    });
                }
            }
        }
    }
    None
}

/// The first reading of the number with a unit after it (`三千瓦` is 3 千瓦).
fn measured(chars: &[char], nums: &[Num], run_end: usize) -> Option<Measured> {
    for num in nums {
        let exact = num.chinese && num.end < run_end;
        if let Some(after) = unit_after(chars, num.end, num, exact) {
            let split = (after.after_duo == 4 && after.mult_exp == 4)
                .then(|| yi_then_wan(num.value))
                .flatten();
            let value = match split {
                Some(v) => v.checked_mul_pow10(after.unit.exp),
                None => num.value.checked_mul_pow10(after.mult_exp + after.unit.exp),
            };
            if let Some(value) = value {
                return Some(Measured {
                    value,
                    mult_exp: after.mult_exp,
                    unit: after.unit,
                    end: after.end,
                    duo: after.duo,
                    num: *num,
                });
            }
        }
    }
    None
}

fn measured_at(chars: &[char], i: usize) -> Option<Measured> {
    let (nums, run_end) = numbers_at(chars, i);
    measured(chars, &nums, run_end)
}

/// A range separator at `k`: its length.
fn sep_len(chars: &[char], k: usize) -> Option<usize> {
    match chars.get(k)? {
        '—' if chars.get(k + 1) == Some(&'—') => Some(2),
        '-' | '—' | '–' | '~' | '至' | '到' => Some(1),
        _ => None,
    }
}

/// A separator of a list of numbers sharing one unit (`4.2和0.7个百分点`).
fn list_sep_len(chars: &[char], k: usize) -> Option<usize> {
    match chars.get(k)? {
        '、' | '和' | '与' | '及' | '或' => Some(1),
        _ => None,
    }
}

fn is_number_start(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(|&c| {
        c.is_ascii_digit() || chinese_digit(c).is_some_and(|d| d > 0) || c == '十'
    })
}

/// An ordinal: `第155次`, `第 3 批`, and the later numbers of `第一、二批`, `第二至四季度`.
fn is_ordinal(chars: &[char], i: usize) -> bool {
    let mut j = i;
    for _ in 0..6 {
        if j > 0 && chars[j - 1] == '第' {
            return true;
        }
        if j > 1 && chars[j - 1] == ' ' && chars[j - 2] == '第' {
            return true;
        }
        if j == 0 || !matches!(chars[j - 1], '、' | '和' | '至' | '到' | '-' | '—' | '~') {
            return false;
        }
        let mut k = j - 1;
        while k > 0
            && (chars[k - 1].is_ascii_digit()
                || chinese_digit(chars[k - 1]).is_some()
                || multiplier_exp(chars[k - 1]).is_some())
        {
            k -= 1;
        }
        if k == j - 1 {
            return false;
        }
        j = k;
    }
    false
}

/// `几十年`, `数十万`, `十几个`, `二十几年`: vague numerals, never quantities.
fn is_vague(chars: &[char], i: usize, run_end: usize) -> bool {
    let starts_with_unit = multiplier_exp(chars[i]).is_some();
    (starts_with_unit && i > 0 && matches!(chars[i - 1], '几' | '数'))
        || (chinese_digit(chars[i]).is_some() || starts_with_unit)
            && matches!(chars.get(run_end), Some('几'))
}

fn scan_at(chars: &[char], i: usize) -> Scan {
    if let Some(unit) = is_per_prefix(chars, i) {
        return per_mille(chars, i, unit);
    }
    if is_ordinal(chars, i) {
        let (_, run_end) = numbers_at(chars, i);
        return Scan::Skip(run_end);
    }
    let numeral = chinese_digit(chars[i]).is_some() || multiplier_exp(chars[i]).is_some();
    if numeral && inside_name(chars, i) {
        return Scan::Skip(i + 1);
    }
    let (nums, run_end) = numbers_at(chars, i);
    if is_vague(chars, i, run_end) {
        return Scan::Skip(run_end + 1);
    }
    if let Some(f) = chinese_pair_range(chars, i) {
        return f;
    }
    if let Some(f) = fraction(chars, i, &nums) {
        return f;
    }
    let Some(m) = measured(chars, &nums, run_end) else {
        return bare_number(chars, i, &nums, run_end);
    };
    if not_a_quantity(chars, i, &m) {
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
            if let Some(m2) = measured_at(chars, m.end + s).filter(|m2| m2.unit.base == m.unit.base)
            {
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

/// A span of years at `start..end` that says when, not how long: 五年来, 这两年中, 过去的一年,
/// 今后五年, 世纪头十年 (the period a figure belongs to, not a figure).
fn time_reference(chars: &[char], start: usize, end: usize) -> bool {
    const BEFORE: [&str; 12] = [
        "这",
        "那",
        "过去",
        "过去的",
        "以来的",
        "今后",
        "未来",
        "今明",
        "最近",
        "头",
        "近",
        "在前",
    ];
    // Not 内: 一年内败诉两起, 三年内给予补贴 are windows, how long. 五年前 is a time.
    const AFTER: [&str; 8] = ["来", "多来", "以来", "间", "里", "中", "期间", "前"];
    // 近三年 is recent years; 将近一年, 接近十年 how long.
    let nearly = ends_with(chars, start, "将近") || ends_with(chars, start, "接近");
    BEFORE.iter().any(|w| ends_with(chars, start, w)) && !nearly
        || AFTER.iter().any(|w| starts_with(chars, end, w))
}

/// A threshold crossed, not a figure: `迈上6万亿元台阶`, `跃上1.4万亿斤新台阶`, `连续迈上4个万亿元
/// 台阶` (台阶 within six chars after the unit, in the same clause).
fn threshold(chars: &[char], end: usize) -> bool {
    let rest = &chars[end.min(chars.len())..(end + 8).min(chars.len())];
    let clause_end = rest
        .iter()
        .position(|c| matches!(c, '，' | ',' | '、' | '；' | ';' | '。' | '：' | ':'))
        .unwrap_or(rest.len());
    rest[..clause_end].windows(2).any(|w| w == ['台', '阶'])
}

/// A numeral inside a programme's name: 三年行动, “15分钟”就业服务圈, 四小时航空经济圈; or a
/// project's phase: 二期项目, 三期建成, 机场三期、, 吉林（二期）.
fn in_programme_name(chars: &[char], i: usize, m: &Measured) -> bool {
    let next = |w: &str| starts_with(chars, m.end, w);
    let prev = if i > 0 { chars[i - 1] } else { ' ' };
    match m.unit.base {
        "年" => next("行动"),
        "分钟" | "小时" => chars[m.end..]
            .iter()
            .take(7)
            .take_while(|&&c| !matches!(c, '，' | '。' | '；' | '、' | ','))
            .any(|&c| c == '圈'),
        "期" => {
            m.num.chinese
                && !matches!(prev, '分' | '办' | '第' | '出')
                && ["项目", "扩建", "开工", "建成", "建设", "、", "）", ")"]
                    .iter()
                    .any(|w| next(w))
        }
        _ => false,
    }
}

/// A number with a unit that is still no quantity: a year, a date, a name, an article.
fn not_a_quantity(chars: &[char], i: usize, m: &Measured) -> bool {
    let base = m.unit.base;
    let plain = m.mult_exp == 0 && !m.duo;
    let next = |w: &str| starts_with(chars, m.end, w);
    let prev = if i > 0 { chars[i - 1] } else { ' ' };
    // Years and dates.
    if base == "年" && m.unit.exp == 0 && plain && m.num.year_like {
        return true;
    }
    if base == "年" && m.unit.exp == 0 && time_reference(chars, i, m.end) {
        return true;
    }
    if in_programme_name(chars, i, m) || threshold(chars, m.end) {
        return true;
    }
    // 9月23日, and 25日 in 9月23日-25日.
    if base == "日"
        && (prev == '月'
            || (matches!(prev, '-' | '—' | '~' | '至' | '到' | '、')
                && i > 1
                && chars[i - 2] == '日'))
    {
        return true;
    }
    // A lone Chinese 一 before 年 (一年): a span, or a year named (上一年, 新的一年)?
    let lone_yi_year =
        base == "年" && plain && m.num.chinese && m.num.end == i + 1 && chars[i] == '一';
    // 上一年, 前一年, 新的一年: a year named, not a span.
    if lone_yi_year
        && (matches!(
            prev,
            '上' | '下' | '同' | '当' | '前' | '后' | '每' | '这' | '那' | '又'
        ) || ends_with(chars, i, "新的"))
    {
        return true;
    }
    // 一天天, 一步步: a manner of speaking.
    if chars[i] == '一'
        && m.num.end == i + 1
        && m.unit.text.len() == 1
        && chars.get(m.end) == Some(&m.unit.text[0])
    {
        return true;
    }
    // 一年比一年, 一个季度比一个季度: a manner of speaking.
    if m.num.chinese && m.num.end == i + 1 && (next("比一") || next("又一") || prev == '比') {
        return true;
    }
    // 1986年是…的一年: the calendar year described, not a span.
    if lone_yi_year && prev == '的' && !ends_with(chars, i, "以来的") {
        return true;
    }
    // 第七个五年, 第一个十年: the plan period named, an ordinal.
    if base == "年" && prev == '个' && i > 1 {
        let mut k = i - 1;
        while k > 0
            && (chinese_digit(chars[k - 1]).is_some() || multiplier_exp(chars[k - 1]).is_some())
        {
            k -= 1;
        }
        if k < i - 1 && k > 0 && chars[k - 1] == '第' {
            return true;
        }
    }
    // 五年计划, 十年规划: names of plans.
    if base == "年" && (next("计划") || next("规划")) {
        return true;
    }
    // 十三届全国人大三次会议, 政协十三届二次会议: sessions.
    if base == "次" && (next("会议") || next("全会")) && matches!(prev, '大' | '协' | '届')
    {
        return true;
    }
    // 翻两番 only.
    if base == "番" && !(prev == '翻' || ends_with(chars, i, "翻了")) {
        return true;
    }
    if !m.num.chinese {
        return false;
    }
    let kind = m.unit.kind;
    if kind == Kind::Count && in_short_quotes(chars, i, m.end) {
        return true;
    }
    // 一个 一批 一项 一种: an article, not a count (but 核电站一个，and 清理一次。are).
    if kind == Kind::Count && plain && m.num.end == i + 1 && matches!(chars[i], '一' | '壹') {
        let counted = chars
            .get(m.end)
            .is_none_or(|&c| matches!(c, ',' | '。' | '；' | ';' | '、' | '\n'))
            && base != "批"
            && !matches!(prev, '的' | '搞' | '干' | '另')
            && !pointing_back(prev);
        return !counted;
    }
    // 这两项, 那三条, 前两个目的: pointing back, not a figure.
    kind == Kind::Count
        && plain
        && m.num.value.checked_cmp(Decimal::from_int(10)) != Some(std::cmp::Ordering::Greater)
        && pointing_back(prev)
}

/// 这 那 此 其 前 后 每 各 上 下 before a small count: `这两项`, `以下三个方面`.
fn pointing_back(prev: char) -> bool {
    matches!(
        prev,
        '这' | '那' | '此' | '其' | '前' | '后' | '每' | '各' | '上' | '下'
    )
}

/// Qualifiers around a found quantity.
fn finish(chars: &[char], mut f: Found) -> Scan {
    const SUFFIXES: &[(&str, Qualifier)] = &[
        ("及以上", Qualifier::AtLeast),
        ("及以下", Qualifier::AtMost),
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
        ("不多于", Qualifier::AtMost),
        ("大约", Qualifier::About),
        ("将近", Qualifier::About),
        ("接近", Qualifier::About),
        ("约为", Qualifier::About),
        ("至少", Qualifier::AtLeast),
        ("最少", Qualifier::AtLeast),
        ("最多", Qualifier::AtMost),
        ("至多", Qualifier::AtMost),
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
        if starts_with(chars, f.end, s) {
            f.end += s.chars().count();
            q = *qual;
            f.approx = true;
            break;
        }
    }
    for (s, qual) in PREFIXES {
        let n = s.chars().count();
        if ends_with(chars, f.start, s)
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

/// A one-char prefix that is the end of a word: 节约, 签约, 附近, 最近, 赶超.
fn glued_prefix(before: char, c: char) -> bool {
    match c {
        '约' => matches!(
            before,
            '节' | '制'
                | '签'
                | '预'
                | '合'
                | '条'
                | '公'
                | '契'
                | '履'
                | '违'
                | '邀'
                | '相'
                | '集'
                | '特'
                | '简'
                | '婚'
                | '践'
                | '守'
                | '誓'
        ),
        '近' => matches!(
            before,
            '附' | '邻' | '靠' | '亲' | '就' | '贴' | '最' | '接' | '将'
        ),
        '超' => matches!(before, '赶' | '高'),
        _ => false,
    }
}

/// The power of ten a bare first number of a Chinese range takes from the second one:
/// 三至五万 → 4, 二十至三十万 → 4, 三至五千万 → 7.
fn shared_chinese_exp(second: &[char], first_single_digit: bool) -> u32 {
    let t = second
        .iter()
        .rev()
        .take_while(|&&c| matches!(c, '万' | '亿'))
        .count();
    let tail = multipliers(&second[second.len() - t..]).unwrap_or(0);
    let coef = &second[..second.len() - t];
    match coef {
        [d, m] if first_single_digit && chinese_digit(*d).is_some() => {
            multiplier_exp(*m).map_or(tail, |e| if e < 4 { e + tail } else { tail })
        }
        _ => tail,
    }
}

/// A number with no unit of its own: the first half of `5-6%`, `3至5年`, `3-5万元`, or an
/// item of `4.2和0.7个百分点`.
fn bare_number(chars: &[char], i: usize, nums: &[Num], run_end: usize) -> Scan {
    let Some(first) = nums.first() else {
        return Scan::Skip(run_end);
    };
    // 3700多万学生: 多 or 余 before the multipliers (not 两亿五千多万, where the 万 is the
    // part after 亿's only: read by `measured` with a unit, else not at all).
    let whole = !chars[i..first.end]
        .iter()
        .any(|&c| matches!(c, '万' | '亿' | '萬' | '億'));
    let duo = whole
        && matches!(chars.get(first.end), Some('余' | '多'))
        && chars
            .get(first.end + 1)
            .is_some_and(|&c| multiplier_exp(c).is_some());
    let from = first.end + usize::from(duo);
    let r = mult_run_end(chars, from);
    let Some(e1) = multipliers(&chars[from..r]) else {
        return Scan::Skip(run_end);
    };
    if duo {
        return unitless(chars, i, first, e1, r, true).unwrap_or(Scan::Skip(run_end));
    }
    if let Some(s) = sep_len(chars, r) {
        if is_number_start(chars, r + s) {
            return range_from_bare(chars, i, first, e1, r + s).unwrap_or(Scan::Skip(run_end));
        }
    }
    if !first.chinese && list_sep_len(chars, r).is_some() {
        if let Some(f) = shared_unit(chars, i, first, e1, r) {
            return f;
        }
    }
    unitless(chars, i, first, e1, r, false).unwrap_or(Scan::Skip(run_end))
}

/// A number with 万 or 亿 and no unit after it (常住人口增加71.3万, 八亿农民, 7万亿) is a
/// quantity with an empty unit; a bare number without them is not.
fn unitless(chars: &[char], i: usize, first: &Num, e1: u32, r: usize, duo: bool) -> Option<Scan> {
    let big = e1 >= 4 || (first.wan && r == first.end);
    if !big || first.year_like || chars.get(r).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let value = first.value.checked_mul_pow10(e1)?;
    let mut f = Found::plain(i, r, value, "", Kind::Other);
    if duo {
        (f.qualifier, f.approx) = (Qualifier::About, true);
    }
    Some(finish(chars, f))
}

fn range_from_bare(chars: &[char], i: usize, first: &Num, e1: u32, j: usize) -> Option<Scan> {
    let (nums2, run2) = numbers_at(chars, j);
    let m2 = measured(chars, &nums2, run2)?;
    if m2.unit.base == "年" && (first.year_like || m2.num.year_like) {
        return Some(Scan::Skip(m2.end));
    }
    if m2.unit.base == "日" && i > 0 && chars[i - 1] == '月' {
        return Some(Scan::Skip(m2.end));
    }
    let shared = if e1 > 0 || first.wan {
        e1
    } else if m2.num.chinese && first.chinese {
        shared_chinese_exp(&chars[j..m2.num.end], first.end == i + 1)
    } else {
        m2.mult_exp
    };
    let value = first.value.checked_mul_pow10(shared + m2.unit.exp)?;
    Some(finish(
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
    ))
}

/// `4.2和0.7个百分点`, `10.6万、3.8万、3.3万平方公里`: the unit of the last number of a
/// list of Arabic numbers applies to each.
fn shared_unit(chars: &[char], i: usize, first: &Num, e1: u32, r: usize) -> Option<Scan> {
    let mut k = r;
    for _ in 0..6 {
        let j = k + list_sep_len(chars, k)?;
        if !chars.get(j).is_some_and(char::is_ascii_digit) || !could_start(chars, j) {
            return None;
        }
        let (nums2, run2) = numbers_at(chars, j);
        if let Some(m2) = measured(chars, &nums2, run2) {
            if first.year_like || m2.num.year_like || (m2.unit.base == "日" && chars[j - 1] == '月')
            {
                return None;
            }
            let exp = if e1 > 0 { e1 } else { m2.mult_exp };
            let value = first.value.checked_mul_pow10(exp + m2.unit.exp)?;
            return Some(finish(
                chars,
                Found::plain(i, r, value, m2.unit.base, m2.unit.kind),
            ));
        }
        let n2 = nums2.first()?;
        k = mult_run_end(chars, n2.end);
        multipliers(&chars[n2.end..k])?;
    }
    None
}

/// `三四十` (30..40), `两三个` (2..3), `七八十万人`, `三五年` (3..5).
fn chinese_pair_range(chars: &[char], i: usize) -> Option<Scan> {
    let d1 = chinese_digit(*chars.get(i)?)?;
    // 两、三倍, 二、三十亿斤: the same with a 、 between.
    let k = if chars.get(i + 1) == Some(&'、') {
        i + 2
    } else {
        i + 1
    };
    let d2 = chinese_digit(*chars.get(k)?)?;
    let pair = d1 > 0 && (d2 == d1 + 1 || (d1, d2) == (3, 5));
    if !pair
        || chars
            .get(k + 1)
            .is_some_and(|&c| chinese_digit(c).is_some() || c == '、')
    {
        return None;
    }
    let num = Num {
        value: Decimal::from_int(i128::from(d1)),
        end: k + 1,
        chinese: true,
        year_like: false,
        wan: false,
    };
    let UnitAfter {
        mult_exp,
        unit,
        end,
        ..
    } = unit_after(chars, k + 1, &num, false)?;
    let total = mult_exp + unit.exp;
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
    let first = nums.iter().find(|n| !n.wan || n.chinese)?;
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
    } else if first.chinese && k == i + 1 && chars[i] == '一' && chars.get(k) == Some(&'半') {
        // 一半: one half (重污染天数减少一半).
        (first.value, Decimal::from_int(2), k + 1)
    } else {
        return None;
    };
    // １９９４／１９９５年: two years, not a fraction.
    if first.year_like || matches!(chars.get(end), Some('年')) {
        return Some(Scan::Skip(end));
    }
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

/// The number after `百分之`: `四十一`, `三点五`, `百`, `12`.
fn per_value(chars: &[char], p: usize) -> Option<(Decimal, usize)> {
    let c = *chars.get(p)?;
    if !(c.is_ascii_digit() || chinese_digit(c).is_some() || c == '十' || c == '百') {
        return None;
    }
    let (nums, _) = numbers_at(chars, p);
    let n = nums.iter().find(|n| !n.year_like || n.chinese)?;
    Some((n.value, n.end))
}

/// `百分之四十一` → 41 %, `千分之五` → 5 ‰, `百分之百` → 100 %, and ranges
/// `百分之五到百分之六`, `百分之五至六`.
fn per_mille(chars: &[char], i: usize, unit: &'static str) -> Scan {
    let Some((value, end)) = per_value(chars, i + 3) else {
        return Scan::Skip(i + 3);
    };
    let kind = if unit == "%" {
        Kind::Percent
    } else {
        Kind::Rate
    };
    let mut f = Found {
        start: i,
        end,
        value,
        value_to: None,
        unit,
        kind,
        qualifier: Qualifier::None,
        approx: false,
    };
    // 百分之二、三: two or three percent.
    let list = chars.get(end) == Some(&'、')
        && chars
            .get(end + 1)
            .is_some_and(|&c| chinese_digit(c).is_some_and(|d| d > 0))
        && !chars.get(end + 2).is_some_and(|&c| {
            chinese_digit(c).is_some() || multiplier_exp(c).is_some() || c == '、'
        });
    if let Some(s) = sep_len(chars, end).or(list.then_some(1)) {
        let q = end + s;
        let second = if is_per_prefix(chars, q) == Some(unit) {
            per_value(chars, q + 3)
        } else if chars
            .get(q)
            .is_some_and(|&c| chinese_digit(c).is_some() || c == '十')
        {
            // 百分之五至六, but not 百分之五到六个 (a count of its own).
            per_value(chars, q).filter(|&(_, e)| {
                match_unit(chars, e).is_none()
                    && chars.get(e).is_none_or(|&c| multiplier_exp(c).is_none())
            })
        } else {
            None
        };
        if let Some((v2, e2)) = second {
            f.value_to = Some(v2);
            f.end = e2;
            f.qualifier = Qualifier::Range;
        }
    }
    finish(chars, f)
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

/// A Chinese-numeral quantity inside a short quoted name: `“四个聚焦”`, `“八个坚持、八个反对”`.
fn in_short_quotes(chars: &[char], start: usize, end: usize) -> bool {
    // Between the quotes: CJK, and 、 between the parts.
    let inside = |c: char| is_cjk(c) || c == '、';
    let open = (1..=10).find_map(|d| {
        let j = start.checked_sub(d)?;
        if is_open_quote(chars[j]) {
            Some(true)
        } else if inside(chars[j]) {
            None
        } else {
            Some(false)
        }
    });
    if open != Some(true) {
        return false;
    }
    for &c in chars.iter().skip(end).take(10) {
        if is_close_quote(c) {
            return true;
        }
        if !inside(c) {
            return false;
        }
    }
    false
}

/// The first chars of the status words: only there can one start (a fast skip).
static STATUS_FIRSTS: LazyLock<rustc_hash::FxHashSet<char>> = LazyLock::new(|| {
    let lex = &*LEXICON;
    [&lex.not_target, &lex.target, &lex.weak_target, &lex.done]
        .into_iter()
        .flatten()
        .filter_map(|w| w.first().copied())
        .collect()
});

/// A sentence of the text as read (ended by 。！？!? or a line break; ；does not end it).
struct Sentence {
    start: usize,
    end: usize,
    /// Its words make it a plan ([`Status::Target`]).
    target: bool,
    /// Where its first word of `[target]` (or 目标) stands.
    first_target: Option<usize>,
    /// The time word an earlier sentence of its paragraph opened with (the latest).
    lead: Option<Cue>,
}

/// Give each sentence the time word the latest earlier sentence of its paragraph opened
/// with ([`crate::frame::opening_cue`]).
fn set_leads(chars: &[char], sentences: &mut [Sentence]) {
    let mut lead = None;
    for s in sentences.iter_mut() {
        s.lead = lead;
        let end = s.end.min(chars.len());
        if let Some(c) = crate::frame::opening_cue(&chars[s.start..end]) {
            lead = Some(c);
        }
        if end > s.start && chars[end - 1] == '\n' {
            lead = None;
        }
    }
}

fn sentences(chars: &[char]) -> Vec<Sentence> {
    let lex = &*LEXICON;
    let firsts = &*STATUS_FIRSTS;
    let mut out = Vec::new();
    let mut start = 0;
    let (mut strong, mut weak, mut done) = (false, false, false);
    let mut first_target = None;
    let mut skip_to = 0;
    for (j, &c) in chars.iter().enumerate() {
        if j >= skip_to && firsts.contains(&c) {
            let at = |words: &[Vec<char>]| {
                words
                    .iter()
                    .find(|w| chars[j..].starts_with(w))
                    .map(Vec::len)
            };
            if let Some(n) = at(&lex.not_target) {
                skip_to = j + n;
            } else if let Some(n) = at(&lex.target) {
                strong = true;
                first_target = first_target.or(Some(j));
                skip_to = j + n;
            } else if let Some(n) = at(&lex.weak_target) {
                let ba = c == '将'
                    && (chars.get(j + 1).is_some_and(|&n| {
                        n.is_ascii_digit() || chinese_digit(n).is_some_and(|d| d > 0)
                    }) || ba_clause(chars, j + 1, lex));
                weak |= !ba;
                if chars[j..].starts_with(&['目', '标']) {
                    first_target = first_target.or(Some(j));
                }
                skip_to = j + n;
            } else if let Some(n) = at(&lex.done) {
                done = true;
                skip_to = j + n;
            }
        }
        if matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r') {
            out.push(Sentence {
                start,
                end: j + 1,
                target: strong || (weak && !done),
                first_target,
                lead: None,
            });
            start = j + 1;
            (strong, weak, done) = (false, false, false);
            first_target = None;
        }
    }
    out.push(Sentence {
        start,
        end: usize::MAX,
        target: strong || (weak && !done),
        first_target,
        lead: None,
    });
    set_leads(chars, &mut out);
    out
}

/// 将 used as 把: a verb of `[ba_verbs]` follows in the same clause after an object
/// (将法治建设纳入考核; but 将提高到, 将进一步纳入 are future).
fn ba_clause(chars: &[char], from: usize, lex: &Lexicon) -> bool {
    if lex
        .future_after_jiang
        .iter()
        .any(|w| chars[from..].starts_with(w))
    {
        return false;
    }
    let mut k = from;
    while k < chars.len() && k - from < 40 {
        if matches!(
            chars[k],
            '，' | ',' | '；' | ';' | '。' | '！' | '？' | '!' | '?' | '\n' | '\r' | '：'
        ) {
            return false;
        }
        if k >= from + 2 && lex.ba_verbs.iter().any(|v| chars[k..].starts_with(v)) {
            return true;
        }
        k += 1;
    }
    false
}

/// Brackets and quotes that may stand inside a subject (`专(兼)职法制员`, `“放管服”事项`).
fn subject_char(c: char) -> bool {
    is_cjk(c)
        || matches!(
            c,
            '(' | ')' | '（' | '）' | '“' | '”' | '《' | '》' | '‘' | '’' | '、'
        )
}

/// The subject of the figure of `kind` at `chars[start..]` from the words before it (see
/// the module docs); a clause that only names a thing may stand for it, except for a
/// duration, which only times the figures after it.
fn subject(
    chars: &[char],
    start: usize,
    sent_start: usize,
    prev: Option<&Quantity>,
    kind: Kind,
) -> String {
    let topic = kind != Kind::Duration;
    let share = matches!(kind, Kind::Percent | Kind::Rate);
    let own = subject_before(chars, start, sent_start, prev, share);
    if !own.is_empty() {
        return own;
    }
    // 城镇化率从2020年的53.2%: what stands before the figure's year.
    if let Some(y) = year_before(chars, start, sent_start) {
        let before = subject_before(chars, y, sent_start, prev, share);
        if !before.is_empty() {
            return before;
        }
    }
    colon_label(chars, start, sent_start)
        .or_else(|| {
            topic
                .then(|| topic_clause(chars, start, sent_start, prev))
                .flatten()
        })
        .or_else(|| series(chars, start, prev))
        .unwrap_or(own)
}

/// The next figure of a series in one sentence takes the subject of the one before, when
/// only a time word stands for it (1977年为31.5元，1978年为|35.5元; 一九五三年比一九五二年
/// 增长X，一九五四年又比一九五三年增长|Y).
fn series(chars: &[char], start: usize, prev: Option<&Quantity>) -> Option<String> {
    let q = prev.filter(|q| !q.subject.is_empty() && q.end <= start)?;
    let between = q.end..start;
    let ends = between
        .clone()
        .any(|k| matches!(chars[k], '；' | ';' | '。'));
    let dated = between.clone().any(|k| {
        period::cue_at(chars, k).is_some() || year_ending_at(chars, k + 1, q.end).is_some()
    });
    (dated && !ends).then(|| q.subject.clone())
}

/// A clause that only names a thing, followed by a clause that opens with a time or
/// 由 / 从 and gives its figures: `城乡人民的储蓄存款，今年1到10月增加了95亿元`,
/// `…中现代工业所占的比重，由1954年的33%上升到34%` → that name (`在…中` left out).
fn topic_clause(
    chars: &[char],
    start: usize,
    sent_start: usize,
    prev: Option<&Quantity>,
) -> Option<String> {
    let is_break = |c: char| matches!(c, '，' | ',' | '；' | ';' | '：' | ':');
    let comma = (sent_start..start).rev().find(|&k| is_break(chars[k]))?;
    // After an adverb or two (已由, 将由, 共占).
    let open = (comma + 1..start)
        .find(|&k| !among("已将还又也均都共约", chars[k]))
        .filter(|&k| k <= comma + 3)?;
    let opens = matches!(chars[open], '由' | '从' | '占')
        || starts_with(chars, open, "分别")
        || period::cue_at(chars, open).is_some();
    if !opens || !matches!(chars[comma], '，' | ',') {
        return None;
    }
    let from = (sent_start..comma)
        .rev()
        .find(|&k| is_break(chars[k]))
        .map_or(sent_start, |k| k + 1);
    let mut name = &chars[from..comma];
    // 1955年|国家决算用于经济建设方面的支出.
    if let Some((_, e)) = period::cue_at(name, 0) {
        name = &name[(e + usize::from(name.get(e) == Some(&'的'))).min(name.len())..];
    }
    let lex = &*LEXICON;
    let plain = (2..=24).contains(&name.len())
        && name.iter().all(|&c| subject_char(c))
        && prev.is_none_or(|q| q.end <= from)
        && !lex
            .cut
            .iter()
            .any(|w| name.windows(w.len()).any(|x| x == &w[..]));
    if !plain {
        return None;
    }
    // 在工农业生产总值中|现代工业所占的比重.
    let frame = (name.first() == Some(&'在'))
        .then(|| name.iter().position(|&c| c == '中'))
        .flatten()
        .filter(|&k| k + 2 < name.len())
        .map_or(0, |k| k + 1);
    Some(name[frame..].iter().collect())
}

/// Where the year (`2020年`, `一九七八年`, `2020年底的`) that stands right before the
/// words before char `start` begins, when one does.
fn year_before(chars: &[char], start: usize, floor: usize) -> Option<usize> {
    let mut j = start;
    while j > floor && start - j < 4 && subject_char(chars[j - 1]) && chars[j - 1] != '年' {
        j -= 1;
    }
    let y = j.checked_sub(5)?;
    let year = matches!(period::cue_at(chars, y), Some((period::Cue::Year(_), e)) if e == j);
    (y >= floor && year).then_some(y)
}

/// A label before a colon that opens the clause: `原煤：从六千万吨增加到…` → 原煤.
fn colon_label(chars: &[char], start: usize, sent_start: usize) -> Option<String> {
    let colon = (sent_start..start)
        .rev()
        .find(|&k| matches!(chars[k], '：' | ':'))?;
    let from = (sent_start..colon)
        .rev()
        .find(|&k| !is_cjk(chars[k]))
        .map_or(sent_start, |k| k + 1);
    let label: String = chars[from..colon].iter().collect();
    let n = label.chars().count();
    (2..=8).contains(&n).then_some(label)
}

/// The subject from the words right before char `start` (see the module docs): those
/// words ([`words_before`]), with what names no thing taken off step by step.
fn subject_before(
    chars: &[char],
    start: usize,
    sent_start: usize,
    prev: Option<&Quantity>,
    share: bool,
) -> String {
    let lex = &*LEXICON;
    // A span of years right before, in the same words, only times this figure: the words
    // before it name it (固定资产投资总额|五年|为8960亿元).
    let timing = |q: &&Quantity| {
        q.kind == Kind::Duration
            && q.unit == "年"
            && chars[q.end.min(start)..start].iter().all(|&c| is_cjk(c))
    };
    let floor = prev
        .filter(|q| !timing(q))
        .map_or(sent_start, |q| q.end.max(sent_start));
    let j = words_before(chars, start, floor);
    let mut run: Vec<char> = chars[j..start].to_vec();
    if !listed_subject(&run, lex) {
        // …稳居全国前十强、增长4.8%: the words after the last 、 are only a verb.
        run.clear();
    }
    open_edge(&mut run);
    run.truncate(stripped_len(&run, lex));
    let share_of = share && start > 0 && chars[start - 1] == '的';
    cut_at_verbs(&mut run, lex, share_of);
    between_years(&mut run, lex);
    compared_only(&mut run);
    // (Not when the walk back stopped at its limit: the owner may then be cut short.)
    let whole =
        j == floor || !subject_char(chars[j - 1]) || year_ending_at(chars, j, floor).is_some();
    if whole && share_owner(&mut run) && run.is_empty() {
        // 经济建设费支出…元，|占预算数的96.99%: the share of the figure before.
        return prev.map(|q| q.subject.clone()).unwrap_or_default();
    }
    lead_off(&mut run, lex);
    time_words_off(&mut run, lex);
    if run.is_empty() {
        if let Some(q) = prev {
            // Only punctuation like 、 or ， (at most one char) between the two quantities.
            let gap = j.saturating_sub(q.end);
            if gap <= 1 {
                return q.subject.clone();
            }
        }
    }
    run.into_iter().collect()
}

/// Where the words that may name the figure at `start` begin: back over the chars of
/// words (up to 20) and over years (工业总产值1977年比1976年|增长14.3%), not before `floor`;
/// further for a list of subjects (A、B分别…).
fn words_before(chars: &[char], start: usize, floor: usize) -> usize {
    let mut j = start;
    loop {
        if let Some(y) = year_ending_at(chars, j, floor).filter(|&y| start - y < 26) {
            j = y;
        } else if j > floor && start - j < 20 && subject_char(chars[j - 1]) {
            j -= 1;
        } else {
            break;
        }
    }
    let mut far = j;
    while far > floor && start - far < 32 && subject_char(chars[far - 1]) {
        far -= 1;
    }
    if chars[far..j].contains(&'、') && chars[far..start].windows(2).any(|w| w == ['分', '别']) {
        j = far;
    }
    // 五年|内国家财政将投入…: the rest of a span of years before (a figure of its own).
    if j > 0 && j < start && chars[j - 1] == '年' && among("内间里来", chars[j]) {
        j += 1;
    }
    j
}

/// Drop an unmatched bracket or quote at the start: （一）行政审批事项 → 行政审批事项.
fn open_edge(run: &mut Vec<char>) {
    while let Some(&c) = run.first() {
        if is_cjk(c) || matches!(c, '(' | '（' | '“' | '《' | '‘') && has_close(run) {
            break;
        }
        run.remove(0);
    }
}

/// A比B: the subject is A (贷款增速比各项贷款平均增速 → 贷款增速), without an adverb left
/// before the verb cut off (购买力将|比上一年增加, 中央财政还|将安排).
fn compared_only(run: &mut Vec<char>) {
    let compare = (1..run.len()).find(|&k| {
        run[k] == '比'
            && !matches!(run[k - 1], '对' | '相' | '无' | '类' | '占')
            && !run
                .get(k + 1)
                .is_some_and(|&c| matches!(c, '例' | '重' | '率' | '较' | '赛' | '值'))
    });
    if let Some(k) = compare {
        run.truncate(k);
    }
    while run.len() > 2 && run.last().is_some_and(|&c| among("将还也又都已再", c)) {
        run.pop();
    }
}

/// A占B的x%: the share is A's, B only its base (决算支出|占预算数的98.41%); a name of the
/// share itself (占全球比重, 占GDP比例, 所占) is kept whole. Whether it was cut at 占.
fn share_owner(run: &mut Vec<char>) -> bool {
    let Some(k) = run
        .iter()
        .position(|&c| c == '占')
        .filter(|&k| k == 0 || run[k - 1] != '所')
    else {
        return false;
    };
    let base: String = run[k..].iter().collect();
    let named = ["比重", "比例", "份额", "比"]
        .iter()
        .any(|w| base.contains(w));
    if !named {
        run.truncate(k);
    }
    !named
}

/// Take the words of `[lead]` (and closing brackets) off the start, again and again.
fn lead_off(run: &mut Vec<char>, lex: &Lexicon) {
    loop {
        let before = run.len();
        if let Some(w) = lex
            .lead
            .iter()
            .find(|w| run.starts_with(w) && run.len() > w.len())
        {
            run.drain(..w.len());
        }
        while run
            .first()
            .is_some_and(|&c| matches!(c, ')' | '）' | '”' | '》' | '’'))
        {
            run.remove(0);
        }
        if run.len() == before {
            break;
        }
    }
}

/// A time word is when, not what: at the start (今年大规模扩招 → 大规模扩招; alone, 比“六五”
/// 期间|增长一倍: nothing) or at the end with the verb before it (提升到去年底的|13.3%); and a
/// lead word or chars that only say when or how (进一步|提高到, 今年1到10月|增加了) name
/// nothing.
fn time_words_off(run: &mut Vec<char>, lex: &Lexicon) {
    if let Some((_, end)) = period::cue_at(run, 0) {
        let end = end
            + usize::from(matches!(
                run.get(end),
                Some('底' | '末' | '初' | '的' | '内' | '间' | '里')
            ));
        run.drain(..end.min(run.len()));
    }
    let at_end = (1..run.len()).find(|&k| {
        period::cue_at(run, k).is_some_and(|(_, e)| run[e..].iter().all(|&c| among("底末初的", c)))
    });
    if let Some(k) = at_end {
        run.truncate(k);
        run.truncate(stripped_len(run, lex));
    }
    if lex.lead.iter().any(|w| w[..] == run[..]) || run.iter().all(|&c| among(TIME_OR_ADVERB, c)) {
        run.clear();
    }
}

/// The last action verb of `[cut]` in `run` and where it ends.
fn last_verb(run: &[char], lex: &Lexicon) -> Option<(usize, usize)> {
    lex.cut
        .iter()
        .filter_map(|w| {
            (0..=run.len().saturating_sub(w.len()))
                .rev()
                .find(|&p| run[p..].starts_with(w) && !noun_not_verb(run, p, w.len()))
                .map(|p| (p, p + w.len()))
        })
        .max_by_key(|&(_, e)| e)
}

/// What the words before a figure name once its verbs are cut: what follows the last
/// verb (全年共取消、调整和下放|行政审批事项); or, when nothing follows it or the figure is
/// a share of what follows (`share_of`: 工业总产值完成了原定计划的|101%), what stands
/// before it (中央预算内投资安排|5376亿元), unless that is only more verbs (列入审核|842项:
/// nothing).
fn cut_at_verbs(run: &mut Vec<char>, lex: &Lexicon, share_of: bool) {
    while let Some((s, e)) = last_verb(run, lex) {
        // X完成了Y的|101%: a share of Y that X reached; X is measured.
        let of_base = share_of && s > 0;
        if e < run.len() && !of_base {
            run.drain(..e);
            return;
        }
        run.truncate(s);
        run.truncate(stripped_len(run, lex));
    }
}

/// Chars that, alone before a figure, say when or how, not what (or are what is left of a
/// number that is none: 两亿五千多万|减少到).
const TIME_OR_ADVERB: &str = "年月日季周天才起上又也还就都再共万亿";

/// The length of `words` once the words of `[strip]` are taken off its end, again and
/// again (行政审批事项由原来的 → 行政审批事项).
fn stripped_len(words: &[char], lex: &Lexicon) -> usize {
    let mut end = words.len();
    while let Some(w) = lex
        .strip
        .iter()
        .find(|w| !w.is_empty() && words[..end].ends_with(w))
    {
        end -= w.len();
    }
    end
}

/// Where a year written right before char `j` (`1954年`, `一九五四年`) begins, not
/// before `floor`.
fn year_ending_at(chars: &[char], j: usize, floor: usize) -> Option<usize> {
    let y = j.checked_sub(5).filter(|&y| y >= floor)?;
    // The five chars alone: a year after 比 is no period cue, but is a year all the same.
    let year = chars[j - 1] == '年'
        && matches!(
            period::cue_at(&chars[y..j], 0),
            Some((period::Cue::Year(_), 5))
        );
    year.then_some(y)
}

/// The words of `run` between its years and unmatched closing brackets that name the
/// thing: the last stretch with more than linking words (一九五四年比一九五二年|医院病床,
/// (19)79年|钢产量, 7个县(市、区)|政府, but 工业总产值|1977年比1976年).
fn between_years(run: &mut Vec<char>, lex: &Lexicon) {
    const LINKING: &str = "比又的底末初至到间同与和、";
    let names = |r: &std::ops::Range<usize>| {
        let words = &run[r.clone()];
        words[..stripped_len(words, lex)]
            .iter()
            .any(|&c| !among(LINKING, c))
    };
    let named = stretches(run).into_iter().rev().find(names);
    *run = named.map_or_else(Vec::new, |r| run[r].to_vec());
    // 国营工业所占的比重|由1954年的: the words that lead to the year go with it.
    loop {
        let before = run.len();
        // (Not 间: 时间, 空间 end a name; nor 比: 占比 does, and A比B is cut below.)
        while run.last().is_some_and(|&c| among("又的至到与和、由从", c)) {
            run.pop();
        }
        run.truncate(stripped_len(run, lex));
        if run.len() == before {
            break;
        }
    }
}

/// The stretches of `run` between its years (with the 末, 内 … after them) and its
/// unmatched closing brackets, in order.
fn stretches(run: &[char]) -> Vec<std::ops::Range<usize>> {
    let digit = |c: char| c.is_ascii_digit() || chinese_digit(c).is_some();
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (k, &c) in run.iter().enumerate() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            ')' | '）' => {
                out.push(from..k);
                from = k + 1;
            }
            '年' if k == 0 || digit(run[k - 1]) => {
                let y = (from..k)
                    .rev()
                    .take_while(|&y| digit(run[y]))
                    .last()
                    .unwrap_or(k);
                out.push(from..y);
                // 年末城镇调查失业率, 五年内国家财政: 末 and 内 belong to the year.
                let tail = matches!(
                    run.get(k + 1),
                    Some('末' | '底' | '初' | '内' | '间' | '里' | '来')
                );
                from = k + 1 + usize::from(tail);
            }
            _ => {}
        }
    }
    out.push(from.min(run.len())..run.len());
    out
}

/// A word of `[cut]` at `run[p..p + n]` that is part of a noun, not an action verb:
/// 共 in 公共 / 共同 / 共享, 投入 in 研发投入强度 / 投入规模.
fn noun_not_verb(run: &[char], p: usize, n: usize) -> bool {
    const AFTER_NOUN_HEADS: [&str; 8] = [
        "强度", "力度", "规模", "占比", "比重", "总额", "水平", "资金",
    ];
    let before = p.checked_sub(1).map(|k| run[k]);
    let next = run.get(p + n).copied();
    if run[p..p + n] == ['共'] {
        return before == Some('公') || next.is_some_and(|c| among("同享建治识产青富赢商有", c));
    }
    let rest: String = run[p + n..].iter().collect();
    AFTER_NOUN_HEADS.iter().any(|h| rest.starts_with(h))
}

/// The byte offset of the last 、 of `s` outside brackets (县(市、区)政府 has none).
fn last_list_comma(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    for (k, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            '、' if depth == 0 => last = Some(k),
            _ => {}
        }
    }
    last
}

/// A subject that names no thing, only the whole place (全国|百分之六十的职工).
fn names_nothing(subject: &str) -> bool {
    matches!(
        subject,
        "" | "全国" | "我国" | "全省" | "全市" | "全区" | "全县" | "全州"
    )
}

/// What a figure counts, named right after it (`600多万户企业受益`, `2个项目入选`,
/// `14486亿元金融改革成本`, `一百五十万吨钢的`, `40%的审批事项`): the words after the unit
/// (and 的) up to punctuation, 的, a verb that starts the predicate, or 和 before the
/// next figure; 2 to 12 chars, or one before 的. The thing counted wins over the words
/// before the figure (`新建|10家|省级概念验证中心`); a share names it only after 的 and
/// only when nothing before names the figure (`own_is_empty`); a duration, a rate or a
/// score never.
fn subject_after(chars: &[char], end: usize, kind: Kind, own_is_empty: bool) -> String {
    const PREPOSITIONS: &str = "向对把从由给让使以按经于将被";
    let share = kind == Kind::Percent;
    if matches!(
        kind,
        Kind::Duration | Kind::Rate | Kind::PercentagePoint | Kind::Score
    ) || (share && !own_is_empty)
    {
        return String::new();
    }
    let mut k = end;
    if chars.get(k) == Some(&'的') {
        k += 1;
    } else if share {
        return String::new();
    }
    let rest = &chars[k.min(chars.len())..];
    // Not a verb phrase (…253项|下放给了肃州区, 842项|列入…).
    let lex = &*LEXICON;
    if rest.first().is_none_or(|&c| among(PREPOSITIONS, c))
        || lex.cut.iter().any(|w| rest.starts_with(w))
        || predicate_at(rest, 0)
    {
        return String::new();
    }
    let words = (0..rest.len().min(13)).find(|&p| !is_cjk(rest[p]));
    let n = match words {
        // After 的, the words up to punctuation (的基本建设投资额，).
        Some(w) if k > end && !share && !matches!(rest[w], '“' | '”' | '《' | '》') => w,
        _ => (0..rest.len().min(13))
            .find(|&p| !is_cjk(rest[p]) || predicate_at(rest, p))
            .unwrap_or(rest.len().min(13)),
    };
    let limit = name_limit(rest, n);
    // One char only for a product weighed (一百五十万吨|钢|的).
    let long_enough = n >= 2 || (n == 1 && kind == Kind::Weight && rest.get(n) == Some(&'的'));
    if long_enough && n <= limit {
        rest[..n].iter().collect()
    } else {
        String::new()
    }
}

/// How long the name of a counted thing ending at `rest[n]` may be: up to punctuation 12
/// chars; up to 的 + a noun or a verb, 8, as what stands before it is more likely part
/// of the predicate; up to anything else, none.
fn name_limit(rest: &[char], n: usize) -> usize {
    match rest.get(n) {
        None => 12,
        Some('的') if rest.get(n + 1).is_some_and(|&c| is_cjk(c)) => 8,
        Some('的') => 0,
        Some(&c) if is_cjk(c) && predicate_at(rest, n) => 8,
        Some(&c) if is_cjk(c) => 0,
        Some('，' | ',' | '。' | '；' | ';' | '、' | '（' | '(' | '：' | ':') => 12,
        Some(_) => 0,
    }
}

/// A predicate (or what ends a counted thing's name) starts at `rest[p]`: a verb that
/// opens one (受益, 入选, 实现, 得到 …), 的, a qualifier (以上, 左右), 用于, or 和 / 及
/// before the next figure (5个国家区域医疗中心|和6个省级…).
fn predicate_at(rest: &[char], p: usize) -> bool {
    const PREDICATE: &str = "被将已在是得的都也比占只不或从向对给把等";
    const WORDS: [&str; 45] = [
        "受益", "获得", "入选", "实现", "实施", "完成", "建成", "建立", "开展", "开工", "参与",
        "参加", "参保", "享受", "达到", "通过", "纳入", "进入", "进行", "提高", "提升", "提前",
        "降低", "下降", "减少", "增长", "增加", "用于", "采取", "以上", "以下", "以内", "左右",
        "全部", "加以", "等于", "就有", "就是", "就要", "推进", "探索", "名列", "支持", "当中",
        "之中",
    ];
    let c = rest[p];
    // 在 opens a predicate (…在全国推广), not 在校生, 在职职工, 在岗人员.
    let noun_zai = c == '在' && rest.get(p + 1).is_some_and(|&d| among("校职岗读编押建", d));
    among(PREDICATE, c) && !noun_zai
        || WORDS.iter().any(|w| starts_with(rest, p, w))
        || chinese_digit(c).is_some()
        || (matches!(c, '和' | '及' | '与')
            && rest.get(p + 1).is_some_and(|&d| {
                d.is_ascii_digit() || chinese_digit(d).is_some() || among("近约超逾", d)
            }))
}

/// A run of words holding 、 names a list of things only when its last item is more
/// than the words of `[strip]` (地区生产总值达到5.53万亿元、稳居前十、增长4.8%: no).
fn listed_subject(run: &[char], lex: &Lexicon) -> bool {
    let Some(k) = run.iter().rposition(|&c| c == '、') else {
        return true;
    };
    let mut tail = &run[k + 1..];
    while let Some(w) = lex
        .strip
        .iter()
        .find(|w| !w.is_empty() && tail.ends_with(w))
    {
        tail = &tail[..tail.len() - w.len()];
    }
    !tail.is_empty()
}

/// The opening bracket or quote at the start of `run` is closed inside it.
fn has_close(run: &[char]) -> bool {
    let close = match run[0] {
        '(' => ')',
        '（' => '）',
        '“' => '”',
        '《' => '》',
        _ => '’',
    };
    run[1..].contains(&close)
}

#[cfg(test)]
#[path = "quantity_tests.rs"]
mod tests;
