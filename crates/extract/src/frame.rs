//! A figure's period and status from where it stands in its document: the frame of each
//! paragraph ([`frames`]) and, for each quantity, what its own clause says over it
//! ([`settle`]).
//!
//! # Rules
//!
//! - **Kind of document** ([`doc_kind`]): a 政府工作报告 is delivered early in its title's
//!   year and reviews the year before; a title naming a 年度 (`酒泉市2017年度法治政府建设工作
//!   报告`) reports on that year; any other document takes a period only from its clauses.
//! - **Frame of a paragraph**: a top-level heading sets it from its time words
//!   (`一、2025年工作回顾` → 2025, result; `三、2026年重点工作` → 2026, target;
//!   `一、“十四五”时期和2025年工作回顾` → no one period, result); a lower heading with a
//!   time word of its own replaces it. A paragraph opening with a time word (`过去一年，`,
//!   `——这五年…`, `刚刚过去的2025年，`, `“十五五”时期是…`, after a salutation like
//!   `各位代表，`) sets it for itself and the paragraphs after it in its section (a date such
//!   as `2023年6月` does not). In a work report, a top-level section with no time word after
//!   the review holds the year's tasks: the report's year, target.
//! - **Period of a quantity** ([`settle`]): the time word before it in its sentence, else its
//!   paragraph's frame, else (a 年度 report's result) the title's year, else unknown. A
//!   span of years (五年来, “十四五”时期) dates a level reached (`经济总量达到2.67万亿元`,
//!   `从54万亿元增加到82.7万亿元`, `保持在90%以上`) to its last year, not a milestone
//!   crossed some time in it (`突破40万亿元`); other figures in it (`年均增长6%`,
//!   `累计106万人`, `增长30%`) cover the span and have no `ref_year`; one not stated as
//!   an average is `cumulative`. The start of
//!   `从X增长到Y` is dated only by its own year (`从2020年的3.68万亿元`).
//! - **Status** in a work report: `target` after 力争, 预期, 目标, 拟 or 争取 before it in its
//!   sentence; else by its clause's period (before the report's year: result; else
//!   target); else the frame's status; else by the frame's period. Other documents keep
//!   the status their sentence's words give ([`crate::quantity`]).

use crate::chars::{find, starts_with};
use crate::period::{cue_at, Cue, PeriodSource};
use crate::quantity::{Quantity, Status};

/// What a document is, for dating its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// A government work report delivered in this year.
    WorkReport(i32),
    /// A report on this year (a title naming a 年度).
    Annual(i32),
    /// Anything else, with its year when known.
    Other(Option<i32>),
}

impl DocKind {
    /// The year relative time words count from.
    pub fn year(self) -> Option<i32> {
        match self {
            DocKind::WorkReport(y) | DocKind::Annual(y) => Some(y),
            DocKind::Other(y) => y,
        }
    }
}

/// The kind of a document with `title` and `year` (its title's or its date's).
pub fn doc_kind(title: Option<&str>, year: Option<i32>) -> DocKind {
    let title = title.unwrap_or("");
    let title_year = title_year(title);
    match (title_year.or(year), title) {
        (Some(y), t) if t.contains("政府工作报告") && !t.contains("决议") => {
            DocKind::WorkReport(y)
        }
        (_, t) if t.contains("年度") => title_year.map_or(DocKind::Other(year), DocKind::Annual),
        _ => DocKind::Other(year),
    }
}

/// The first year a title names.
fn title_year(title: &str) -> Option<i32> {
    let c: Vec<char> = title.chars().collect();
    (0..c.len()).find_map(|i| match cue_at(&c, i) {
        Some((Cue::Year(y), _)) => Some(y),
        _ => None,
    })
}

/// The period and status a stretch of a document gives the figures in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// Its time word, and where it stands.
    pub cue: Option<(Cue, PeriodSource)>,
    /// Result or target, when the stretch says.
    pub status: Option<Status>,
}

/// One paragraph as [`frames`] reads it.
pub struct Para<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its heading level (1 = top) when it is a heading.
    pub heading: Option<u8>,
}

/// The frame of each paragraph (see the module docs).
pub fn frames(paras: &[Para<'_>], kind: DocKind) -> Vec<Frame> {
    let work_report = matches!(kind, DocKind::WorkReport(_));
    let mut running = Frame::default();
    let mut reviewed = false;
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let chars: Vec<char> = p.text.chars().collect();
        match p.heading {
            Some(level) => {
                // A heading line may run on into its first sentence: read the heading.
                let head = chars
                    .iter()
                    .position(|c| matches!(c, '。' | '！' | '？'))
                    .map_or(&chars[..], |e| &chars[..e]);
                let own = heading_frame(head, kind);
                if level <= 1 {
                    running = own;
                    if work_report && reviewed && own == Frame::default() {
                        running = Frame {
                            cue: Some((Cue::Relative(0, 0), PeriodSource::Section)),
                            status: Some(Status::Target),
                        };
                    }
                } else if own.cue.is_some() {
                    running = own;
                }
            }
            None => {
                // The time word it opens with frames it and the paragraphs after it
                // (a later sentence's frames only the rest of its paragraph: its
                // quantities' `clause.lead`).
                if let Some(cue) = opening_cue(&chars) {
                    running = opened(running, cue, kind);
                }
            }
        }
        reviewed |= running.status == Some(Status::Result);
        out.push(running);
    }
    out
}

/// `frame` after a sentence opening with `cue`.
fn opened(frame: Frame, cue: Cue, kind: DocKind) -> Frame {
    Frame {
        cue: Some((cue, PeriodSource::Paragraph)),
        status: status_of(cue, kind).or(frame.status),
    }
}

/// The frame a heading sets: its one time word (none when it names two periods), and its
/// status from its words (回顾 / 成就: result; 目标 / 任务 / 安排 …: target), else from its
/// time word.
fn heading_frame(chars: &[char], kind: DocKind) -> Frame {
    let cues: Vec<Cue> = crate::period::cues(chars)
        .into_iter()
        .map(|(_, c, _)| c)
        .collect();
    let has = |ws: &[&str]| ws.iter().any(|w| find(chars, w).is_some());
    let review = has(&["回顾", "成就", "回望", "过去"]);
    let plan = has(&[
        "目标",
        "任务",
        "安排",
        "部署",
        "要求",
        "建议",
        "重点工作",
        "取向",
    ]);
    let cue = match cues[..] {
        [one] => Some((one, PeriodSource::Section)),
        _ => None,
    };
    let status = match (review, plan) {
        (true, false) => Some(Status::Result),
        (false, true) => Some(Status::Target),
        (true, true) => None,
        (false, false) => cue.and_then(|(c, _)| status_of(c, kind)),
    };
    let cue = cue.or_else(|| {
        // 过去一年 / 过去五年工作回顾 name their period in words the cue reader knows;
        // a review heading with no time word is last year's in a work report.
        (review && !plan && cues.is_empty() && matches!(kind, DocKind::WorkReport(_)))
            .then_some((Cue::Relative(-1, -1), PeriodSource::Section))
    });
    Frame { cue, status }
}

/// The time word a sentence opens with: its first clause (after a salutation such as
/// 各位代表) starts with one, after at most a lead-in (——, 在, 回顾, 刚刚过去的); a date
/// (`2023年6月`, `2012年底`) or a time word inside the clause (`按照“十二五”规划…`) frames nothing.
pub fn opening_cue(chars: &[char]) -> Option<Cue> {
    const LEAD_INS: [&str; 9] = [
        "——",
        "—",
        "在",
        "回顾",
        "回首",
        "回望",
        "刚刚过去的",
        "刚过去的",
        "而",
    ];
    let mut from = 0;
    for _ in 0..2 {
        let end = (from..chars.len())
            .find(|&k| matches!(chars[k], '，' | ',' | '。' | '：' | ':' | '；' | '！' | '!'))
            .unwrap_or(chars.len());
        let clause = &chars[from..end];
        let salutation = ["各位代表", "同志们", "代表们"]
            .iter()
            .any(|w| find(clause, w).is_some())
            && clause.len() <= 6;
        if !salutation {
            let lead = LEAD_INS
                .iter()
                .find(|w| starts_with(clause, 0, w))
                .map_or(0, |w| w.chars().count());
            return match cue_at(clause, 0).or_else(|| cue_at(clause, lead)) {
                // A date or a point in a year (2023年6月, 2012年底) frames nothing.
                Some((Cue::Year(_), e))
                    if clause.get(e).is_some_and(|c| {
                        c.is_ascii_digit() || matches!(c, '月' | '底' | '末' | '初')
                    }) =>
                {
                    None
                }
                found => found.map(|(c, _)| c),
            };
        }
        from = (end + 1).min(chars.len());
    }
    None
}

/// In a work report, a past period's figures are results and the report's year's and
/// later ones targets; a span across the report's year says neither.
fn status_of(cue: Cue, kind: DocKind) -> Option<Status> {
    let DocKind::WorkReport(y) = kind else {
        return None;
    };
    let (from, to) = cue.years(y);
    if to < y {
        Some(Status::Result)
    } else if from >= y {
        Some(Status::Target)
    } else {
        None
    }
}

/// Give `q` its period and, in a work report, its status, from its own clause and the
/// `frame` of its paragraph (see the module docs).
pub fn settle(q: &mut Quantity, frame: &Frame, kind: DocKind) {
    let own = q.clause.cue.map(|c| (c, PeriodSource::Clause));
    let lead = q.clause.lead.map(|c| (c, PeriodSource::Paragraph));
    let title = match kind {
        DocKind::Annual(y) if q.status == Status::Result => {
            Some((Cue::Year(y), PeriodSource::Title))
        }
        _ => None,
    };
    let from_frame = frame.cue.filter(|_| !q.clause.baseline);
    let chosen = own.or(lead).or(from_frame).or(title);
    if let Some((cue, source)) = chosen {
        if let Some(years) = resolve(cue, kind) {
            if q.kind == crate::units::Kind::Duration {
                span_of_duration(q, years, source);
            } else {
                date(q, since_base(q, years), source);
            }
        }
    }
    if matches!(kind, DocKind::WorkReport(_)) {
        q.status = work_report_status(q, own.map(|(c, _)| c), lead.map(|(c, _)| c), frame, kind);
    }
}

/// A span of years is how long, not when (用两年时间), unless it is the span its frame
/// names: 五年 in a review of five years (五年全国水利建设投资…) or a plan of five
/// (五年内全国工农业总产值…) covers those years. Its aggregation stays: a duration.
fn span_of_duration(q: &mut Quantity, (from, to): (i32, i32), source: PeriodSource) {
    let years = f64::from(to - from + 1);
    if q.unit == "年" && q.value_to.is_none() && q.value.to_f64() == years && years >= 2.0 {
        q.period_from = Some(from);
        q.period_to = Some(to);
        q.period_source = Some(source);
    }
}

/// A change from a base year to a later one (1990年比1985年增长40%) covers the years
/// after the base up to that one.
fn since_base(q: &Quantity, (from, to): (i32, i32)) -> (i32, i32) {
    match q.clause.base_year {
        Some(b) if from == to && b + 1 < to && q.form == crate::meaning::Form::Change => {
            (b + 1, to)
        }
        _ => (from, to),
    }
}

/// The years of `cue` in a document of `kind`, when its year is known or not needed.
fn resolve(cue: Cue, kind: DocKind) -> Option<(i32, i32)> {
    match (cue, kind.year()) {
        (Cue::Year(y), _) => Some((y, y)),
        (Cue::Span(a, b), _) => Some((a, b)),
        (c, Some(y)) => Some(c.years(y)),
        (_, None) => None,
    }
}

/// Set `q`'s period to `years`: one year, or a span — whose last year dates a level
/// reached.
fn date(q: &mut Quantity, (from, to): (i32, i32), source: PeriodSource) {
    use crate::meaning::{Aggregation, Form};
    let reached = q.clause.stock && q.form == Form::Level && q.aggregation == Aggregation::Annual;
    let (from, to) = if from != to && reached {
        (to, to)
    } else {
        (from, to)
    };
    if from == to && q.aggregation != Aggregation::Annual {
        // An average or total over years (年均增长6.6%) is not one year's figure: a frame
        // of one year cannot date it.
        return;
    }
    if from != to && q.aggregation == Aggregation::Annual {
        // Not one year's figure: a total (or change) over the span.
        q.aggregation = Aggregation::Cumulative;
    }
    q.period_from = Some(from);
    q.period_to = Some(to);
    q.ref_year = (from == to).then_some(from);
    q.period_source = Some(source);
}

/// A work report's figure's status: its own clause's past year wins; then a target word
/// before it; then its clause's or paragraph's time word; then its frame.
fn work_report_status(
    q: &Quantity,
    own: Option<Cue>,
    lead: Option<Cue>,
    frame: &Frame,
    kind: DocKind,
) -> Status {
    let by_own = own.and_then(|c| status_of(c, kind));
    // Months of the year already past (今年1到10月…增加了): a result, in a report given late
    // in the year.
    if by_own == Some(Status::Result) || q.clause.elapsed {
        return Status::Result;
    }
    if q.clause.target_word {
        return Status::Target;
    }
    by_own
        .or_else(|| lead.and_then(|c| status_of(c, kind)))
        .or(frame.status)
        .or_else(|| frame.cue.and_then(|(c, _)| status_of(c, kind)))
        .unwrap_or(q.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, heading: Option<u8>) -> Para<'_> {
        Para { text, heading }
    }

    #[test]
    fn kinds_of_documents() {
        assert_eq!(
            doc_kind(Some("2026年北京市政府工作报告"), Some(2026)),
            DocKind::WorkReport(2026)
        );
        assert_eq!(
            doc_kind(Some("酒泉市2017年度法治政府建设工作报告"), Some(2018)),
            DocKind::Annual(2017)
        );
        assert_eq!(
            doc_kind(
                Some("第二届全国人民代表大会第三次会议关于政府工作报告的决议"),
                None
            ),
            DocKind::Other(None)
        );
    }

    #[test]
    fn frames_follow_headings_and_opening_time_words() {
        let kind = DocKind::WorkReport(2026);
        let paras = [
            para("一、“十四五”时期和2025年工作回顾", Some(1)),
            para("“十四五”时期是极不平凡的五年。", None),
            para("（一）经济实力显著增强。", Some(2)),
            para("各位代表，刚刚过去的2025年，全省上下…", None),
            para("——“向新”的动能持续增强。", None),
            para("2023年6月，总书记考察。", None),
            para("我们按照“十二五”规划提出的改革任务。", None),
            para("二、把铸牢中华民族共同体意识作为主线", Some(1)),
            para("三、2026年重点工作", Some(1)),
        ];
        let f = frames(&paras, kind);
        let cue = |i: usize| f[i].cue.map(|(c, _)| c);
        assert_eq!(
            f[0],
            Frame {
                cue: None,
                status: Some(Status::Result)
            }
        );
        assert_eq!(cue(1), Some(Cue::Span(2021, 2025)));
        assert_eq!(cue(2), Some(Cue::Span(2021, 2025)));
        assert_eq!(cue(3), Some(Cue::Year(2025)));
        assert_eq!(cue(4), Some(Cue::Year(2025)));
        assert_eq!(cue(5), Some(Cue::Year(2025)), "a date is no frame");
        assert_eq!(
            cue(6),
            Some(Cue::Year(2025)),
            "nor a time word inside a clause"
        );
        assert_eq!(cue(7), Some(Cue::Relative(0, 0)));
        assert_eq!(f[7].status, Some(Status::Target));
        assert_eq!(cue(8), Some(Cue::Year(2026)));
        assert_eq!(f[8].status, Some(Status::Target));
    }
}
