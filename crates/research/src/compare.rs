//! `compare INDICATOR`: the value each place states for an indicator, with the sentence
//! that states it.
//!
//! Candidates are the quantities in passages that contain the indicator, or one of its
//! catalogue aliases, as a whole string (its jieba words only find the passages to
//! read). Each is scored by how it relates to the indicator:
//! - **subject**: its subject contains the indicator (3);
//! - **near**: the indicator stands before it in the same sentence, with no other
//!   quantity of its form (level or change) between, and its own subject is only a word
//!   or two or the indicator's own tail (`粮食产量…，去年达到1.09万亿斤`,
//!   `细颗粒物（PM2.5）平均浓度下降2.7%`) (2);
//! - **sentence**: the indicator is elsewhere in its sentence (1; shown with `all` only).
//!
//! A subject that marks a total (全市, 共, 累计 …) adds to the score; one that marks a
//! part (其中) or a per-head figure (人均) the indicator does not ask for takes away.
//! Per place, year, status and unit, the best-scored value is the row; ties go to the
//! larger value (a total over its parts).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;

use govmine_extract::meaning::{self, Aggregation, Basis, Direction, Form, Scope};
use govmine_extract::period::PeriodSource;
use govmine_extract::{Decimal, RecordType};
use govmine_index::{DocAddress, Filter, IndexSearcher, RecordRef};
use govmine_segment::{fold_for_match, Segmenter};

use crate::catalogue::{self, Indicator, Phrase};
use crate::fact::QuantityFact;
use crate::{place, suggest, Error, Result};

/// Subjects that state a total.
const TOTAL_MARKS: [&str; 11] = [
    "全市", "全省", "全县", "全区", "全州", "全国", "全盟", "共", "总", "累计", "合计",
];
/// Subjects that state a part.
const PART_MARKS: [&str; 1] = ["其中"];
/// Subjects that state a per-head or average figure.
const PER_HEAD_MARKS: [&str; 3] = ["人均", "平均", "每"];
/// Ends of a sentence inside a passage.
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '!', '?'];
/// Ends of a clause.
const CLAUSE_ENDS: [char; 5] = ['，', ',', '；', ';', '：'];
/// Longest own subject (in chars) a quantity may have and still be `near` a mention.
const NEAR_SUBJECT_CHARS: usize = 3;

/// What to compare.
#[derive(Debug, Clone, Default)]
pub struct CompareRequest {
    /// The indicator (`出庭应诉率`, `生产总值`).
    pub indicator: String,
    /// Keep values in this unit or its class (`人` keeps 人, 名, 位; `万元` means 元).
    pub unit: Option<String>,
    /// Places and years.
    pub filter: Filter,
    /// `result` or `target` only.
    pub status: Option<String>,
    /// Every value, not only the best per place, year, status and unit.
    pub all: bool,
    /// Only figures about these years (`ref_year`), inclusive; without it, each place's
    /// latest figure.
    pub years: Option<(i32, i32)>,
    /// Per-head figures of an indicator that is not one (人均GDP for 地区生产总值).
    pub per_capita: bool,
    /// Also figures about a part of a place (南疆四地州, 城市副中心), as rows of their own.
    pub parts: bool,
}

/// How a value relates to the indicator.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The indicator is elsewhere in the sentence.
    Sentence,
    /// The indicator stands just before the value.
    Near,
    /// The value's subject names the indicator.
    Subject,
}

impl Relation {
    /// `subject`, `near` or `sentence`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Sentence => "sentence",
            Relation::Near => "near",
            Relation::Subject => "subject",
        }
    }
}

/// One value a report states for the indicator.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// The indicator: its catalogue name, or the phrase as asked.
    pub indicator: String,
    /// Place of the passage (`甘肃省酒泉市`; `(no place)`).
    pub place: String,
    /// Its division code (`620900`), to join with other data; rows sort by it.
    pub code: Option<String>,
    /// The year the figure is about (`ref_year`), when it is one year.
    pub year: Option<i32>,
    /// First and last year it covers, when known.
    pub period_from: Option<i32>,
    /// Last year it covers.
    pub period_to: Option<i32>,
    /// Where the period came from.
    pub period_source: Option<PeriodSource>,
    /// Year of the document.
    pub doc_year: Option<i32>,
    /// One year's figure, or a total or average over several.
    pub aggregation: Aggregation,
    /// A level or a change.
    pub form: Form,
    /// The whole, per head, a share or a ratio.
    pub basis: Basis,
    /// Which way a change goes (its value is negative when down).
    pub direction: Option<Direction>,
    /// About the whole place or a part of it (`--parts`).
    pub scope: Scope,
    /// The part as written.
    pub scope_text: Option<String>,
    /// Exact value in base units.
    pub value: serde_json::Number,
    /// Upper end of a range.
    pub value_to: Option<serde_json::Number>,
    /// Base unit.
    pub unit: String,
    /// Stated as approximate.
    pub approx: bool,
    /// `none`, `about`, `at_least` …
    pub qualifier: String,
    /// `result` or `target`.
    pub status: String,
    /// As written (`6.66万亿元`).
    pub text: String,
    /// Its subject.
    pub subject: String,
    /// How it relates to the indicator.
    pub relation: Relation,
    /// Its score (see the module docs).
    pub score: f32,
    /// Document id.
    pub doc_id: String,
    /// Document path.
    pub doc: String,
    /// The sentence that states it.
    pub sentence: String,
    /// Char offset of the value in the cleaned document text.
    pub start: u64,
}

/// The answer to a [`CompareRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The indicator asked for.
    pub indicator: String,
    /// Its jieba words, which a passage must all contain.
    pub words: Vec<String>,
    /// The units kept (`--unit`), if any.
    pub units: Option<Vec<String>>,
    /// Rows: results first, then targets; by division code (province order), then year.
    pub rows: Vec<CompareRow>,
    /// When `--unit` left nothing: the units the matching values are in, with counts.
    pub other_units: Vec<(String, usize)>,
    /// When nothing matches: subjects in the index most like the indicator, with counts.
    pub suggestions: Vec<(String, usize)>,
    /// The catalogue's official name of the indicator, when it is one.
    pub official: Option<String>,
    /// Every phrase read for it: the name asked, or the official name and its aliases.
    pub tried: Vec<String>,
}

/// The units `--unit U` keeps: the class of U's base unit.
pub fn unit_class(unit: &str) -> Result<Vec<String>> {
    let base = govmine_extract::units::base_of(unit)
        .map(|(b, _)| b.to_string())
        .or_else(|| {
            // A base unit the table only knows inside longer names (`%`).
            (!govmine_extract::units::unit_class(unit.trim()).is_empty())
                .then(|| unit.trim().to_string())
        })
        .ok_or_else(|| {
            Error::Input(format!(
                "`{unit}` is not a unit govmine knows (dictionaries/units.tsv): try 元, 人, 件, %, 个"
            ))
        })?;
    Ok(govmine_extract::units::unit_class(&base)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// The words of the indicator a passage must contain: jieba's words of it, folded,
/// without punctuation.
fn words(segmenter: &Segmenter, indicator: &str) -> Vec<String> {
    let folded = fold_for_match(indicator);
    let mut out: Vec<String> = Vec::new();
    for t in segmenter.cut(&folded) {
        let w = t.word.trim();
        if w.is_empty() || !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// A candidate passage: its ref, and where the whole indicator occurs in it.
struct Passage {
    r: RecordRef,
    whole: Vec<u32>,
}

fn contains_any(s: &str, marks: &[&str]) -> bool {
    marks.iter().any(|m| s.contains(m))
}

/// Compare the values places state for an indicator.
pub fn compare(
    searcher: &IndexSearcher,
    segmenter: &Segmenter,
    req: &CompareRequest,
) -> Result<Comparison> {
    let indicator = req.indicator.trim();
    let words = words(segmenter, indicator);
    if words.is_empty() {
        return Err(Error::Input(format!(
            "`{}` has no word to look for: give an indicator such as 出庭应诉率",
            req.indicator
        )));
    }
    let units = req.unit.as_deref().map(unit_class).transpose()?;
    let named = catalogue::lookup(indicator);
    let phrases: Vec<Phrase> = match named {
        Some(ind) => ind.phrases().collect(),
        None => vec![Phrase {
            word: indicator.to_owned(),
            form: None,
        }],
    };
    let tried: Vec<String> = phrases.iter().map(|p| p.word.clone()).collect();
    let hits: Vec<PhraseHits> = phrases
        .into_iter()
        .map(|p| phrase_hits(searcher, segmenter, p, &req.filter))
        .collect::<Result<_>>()?;
    let Found {
        rows: candidates,
        unit_counts,
    } = read_passages(searcher, &hits, req, units.as_deref(), named)?;
    let candidates = once_each(candidates);

    let mut rows: Vec<CompareRow> = if req.all {
        candidates
    } else {
        best_rows(candidates, req.years.is_none())
    };
    rows.sort_by(row_order);
    let name = named.map_or(indicator, |i| i.name.as_str());
    rows.iter_mut().for_each(|r| r.indicator = name.to_owned());

    let other_units = if rows.is_empty() && units.is_some() {
        let mut v: Vec<(String, usize)> = unit_counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    } else {
        Vec::new()
    };
    let suggestions = if rows.is_empty() && other_units.is_empty() {
        subject_suggestions(searcher, indicator, &req.filter)?
    } else {
        Vec::new()
    };
    Ok(Comparison {
        indicator: indicator.to_string(),
        words,
        units,
        rows,
        other_units,
        suggestions,
        official: named.map(|i| i.name.clone()),
        tried,
    })
}

/// The candidates of every passage a phrase found: each passage's text and quantities
/// are read once, for every phrase in it.
fn read_passages(
    searcher: &IndexSearcher,
    hits: &[PhraseHits],
    req: &CompareRequest,
    units: Option<&[String]>,
    named: Option<&Indicator>,
) -> Result<Found> {
    let mut found = Found::default();
    for (addr, qs) in &quantities_inside(searcher, hits, &req.filter)? {
        let text: Vec<char> = searcher.passage_text(*addr)?.chars().collect();
        let facts: Vec<QuantityFact> = searcher
            .fact_json(qs)?
            .iter()
            .map(|j| serde_json::from_str(j))
            .collect::<std::result::Result<_, _>>()?;
        for h in hits {
            if let Some(p) = h.passages.get(addr) {
                let read = Reading {
                    h,
                    p,
                    qs,
                    facts: &facts,
                    text: &text,
                };
                read.relate_all(req, units, named, &mut found);
            }
        }
    }
    Ok(found)
}

/// Status, then place, then year (unknown last), form and unit.
fn row_order(a: &CompareRow, b: &CompareRow) -> std::cmp::Ordering {
    let status_rank = |s: &str| if s == "result" { 0 } else { 1 };
    status_rank(&a.status)
        .cmp(&status_rank(&b.status))
        .then(a.code.cmp(&b.code))
        .then(a.place.cmp(&b.place))
        .then(a.year.is_none().cmp(&b.year.is_none()))
        .then(a.year.cmp(&b.year))
        .then(a.form.cmp(&b.form))
        .then(a.unit.cmp(&b.unit))
        .then(b.score.total_cmp(&a.score))
        .then(a.doc_id.cmp(&b.doc_id))
        .then(a.start.cmp(&b.start))
}

/// The class of a base unit (`人` for 人, 名, 位).
fn class_of(unit: &str) -> String {
    govmine_extract::units::unit_class(unit)
        .first()
        .map_or(unit.to_string(), |c| c.to_string())
}

/// The best row per place, year, status, form and unit class: one year's figure before a
/// total or average over several, then the better-scored, then the one dated by its own
/// clause, then the larger (a total over its parts). With `latest`, only each place's
/// latest year (per status, form and unit class), a dated figure before an undated one.
fn best_rows(candidates: Vec<CompareRow>, latest: bool) -> Vec<CompareRow> {
    type Key = (String, Option<i32>, String, Form, String);
    let mut best: BTreeMap<Key, CompareRow> = BTreeMap::new();
    for c in candidates {
        let k = (
            c.place.clone(),
            c.year,
            c.status.clone(),
            c.form,
            class_of(&c.unit),
        );
        if best.get(&k).is_none_or(|b| better(&c, b)) {
            best.insert(k, c);
        }
    }
    if !latest {
        return best.into_values().collect();
    }
    let mut newest: BTreeMap<(String, String, Form, String), CompareRow> = BTreeMap::new();
    for ((place, _, status, form, class), row) in best {
        let k = (place, status, form, class);
        let newer = newest
            .get(&k)
            .is_none_or(|b| (row.year.is_some(), row.year) > (b.year.is_some(), b.year));
        if newer {
            newest.insert(k, row);
        }
    }
    newest.into_values().collect()
}

/// `c` is a better row than `b` for the same place, year, status, form and unit class.
fn better(c: &CompareRow, b: &CompareRow) -> bool {
    let annual = |r: &CompareRow| r.aggregation == Aggregation::Annual;
    let own_clause = |r: &CompareRow| r.period_source == Some(PeriodSource::Clause);
    let value_of = |r: &CompareRow| r.value.as_f64().unwrap_or(0.0);
    annual(c)
        .cmp(&annual(b))
        .then(c.score.total_cmp(&b.score))
        .then(own_clause(c).cmp(&own_clause(b)))
        .then(value_of(c).abs().total_cmp(&value_of(b).abs()))
        .then(b.start.cmp(&c.start).then(b.doc_id.cmp(&c.doc_id)))
        .is_gt()
}

/// The candidates the phrases of the indicator find (see the module docs), and, of the
/// values `units` left out, how many there are per unit.
#[derive(Default)]
struct Found {
    rows: Vec<CompareRow>,
    unit_counts: BTreeMap<String, usize>,
}

/// One phrase of the indicator (the name asked, or a catalogue alias), and the passages
/// that hold it.
struct PhraseHits {
    phrase: Phrase,
    folded: String,
    passages: BTreeMap<DocAddress, Passage>,
}

/// The passages holding `phrase` as written (found by its jieba words), and where it
/// stands in them.
fn phrase_hits(
    searcher: &IndexSearcher,
    segmenter: &Segmenter,
    phrase: Phrase,
    filter: &Filter,
) -> Result<PhraseHits> {
    let mut words = words(segmenter, &phrase.word);
    let folded = fold_for_match(&phrase.word);
    // (When the phrase is one word, its occurrences are the phrase's.)
    let one_word = words.len() == 1 && words[0] == folded;
    if words.len() >= 3 {
        // A qualifier (城镇, 农村) may be written once for a list (城乡居民人均可支配收入分别
        // …), the figure's subject then naming it: look in passages with the rest.
        words.remove(0);
    }
    let mut passages: BTreeMap<DocAddress, Passage> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        let mut next: BTreeMap<DocAddress, Passage> = BTreeMap::new();
        for o in searcher.occurrences(w, filter)? {
            let kept = match i {
                0 => Some(Passage {
                    r: o.passage,
                    whole: if one_word { o.positions } else { Vec::new() },
                }),
                _ => passages.remove(&o.passage.addr),
            };
            if let Some(p) = kept {
                next.insert(p.r.addr, p);
            }
        }
        passages = next;
    }
    if !one_word && !passages.is_empty() {
        for o in searcher.occurrences(&phrase.word, filter)? {
            if let Some(p) = passages.get_mut(&o.passage.addr) {
                p.whole = o.positions;
            }
        }
    }
    Ok(PhraseHits {
        phrase,
        folded,
        passages,
    })
}

/// The quantities inside the passages any phrase found, by passage, in offset order: one
/// scan of the quantity records of those documents for all phrases.
fn quantities_inside(
    searcher: &IndexSearcher,
    hits: &[PhraseHits],
    filter: &Filter,
) -> Result<BTreeMap<DocAddress, Vec<RecordRef>>> {
    let mut by_doc: HashMap<u64, Vec<&RecordRef>> = HashMap::new();
    for p in hits.iter().flat_map(|h| h.passages.values()) {
        let ps = by_doc.entry(p.r.doc_key).or_default();
        if !ps.iter().any(|r| r.addr == p.r.addr) {
            ps.push(&p.r);
        }
    }
    let filter = Filter {
        docs: Some(Arc::new(by_doc.keys().copied().collect())),
        ..filter.clone()
    };
    let mut inside: BTreeMap<DocAddress, Vec<RecordRef>> = BTreeMap::new();
    for q in searcher.fact_refs_unlabelled(RecordType::Quantity.as_str(), None, &filter)? {
        let passage = by_doc
            .get(&q.doc_key)
            .and_then(|ps| ps.iter().find(|p| p.start <= q.start && q.start < p.end));
        if let Some(p) = passage {
            inside.entry(p.addr).or_default().push(q);
        }
    }
    Ok(inside)
}

/// One passage as one phrase reads it: its quantities (`qs`, their stored `facts`) and
/// text.
struct Reading<'a> {
    h: &'a PhraseHits,
    p: &'a Passage,
    qs: &'a [RecordRef],
    facts: &'a [QuantityFact],
    text: &'a [char],
}

impl Reading<'_> {
    /// The passage's values that relate to the phrase, kept by the request's status,
    /// years and units and by what the indicator is (its forms and basis, when it is of
    /// the catalogue), into `found`.
    fn relate_all(
        &self,
        req: &CompareRequest,
        units: Option<&[String]>,
        named: Option<&Indicator>,
        found: &mut Found,
    ) {
        let starts: Vec<u32> = self
            .qs
            .iter()
            .map(|q| (q.start - self.p.r.start) as u32)
            .collect();
        for (qi, f) in self.facts.iter().enumerate() {
            // Only a figure of its own form stands between a value and the indicator
            // (国内生产总值增长6.6%，总量突破90万亿元: the growth rate does not).
            let blockers: Vec<u32> = (0..starts.len())
                .filter(|&k| self.facts[k].form == f.form)
                .map(|k| starts[k])
                .collect();
            let Some((mut relation, score)) =
                relate(f, starts[qi], &blockers, self.p, self.text, &self.h.folded)
            else {
                continue;
            };
            // An official name is whole: a subject that qualifies it (跨境电商进出口) is
            // another figure. A phrase of the user's own matches any subject holding it.
            // (A part's own name comes first: 南昌市|地区生产总值.)
            let whole_subject = match f.scope_text.as_deref() {
                Some(part) => f.subject.strip_prefix(part).unwrap_or(&f.subject),
                None => &f.subject,
            };
            if relation == Relation::Subject
                && named.is_some()
                && !names_it(&fold_for_match(whole_subject), &self.h.folded)
            {
                relation = Relation::Sentence;
            }
            if relation == Relation::Sentence && !req.all {
                continue;
            }
            if !self.admits(f, req, named) {
                continue;
            }
            let mut r = row(f, &self.qs[qi], relation, score);
            if let Some(us) = units {
                if !us.contains(&f.unit) && !in_unit(&mut r, &us[0]) {
                    *found.unit_counts.entry(f.unit.clone()).or_default() += 1;
                    continue;
                }
            }
            found.rows.push(r);
        }
    }

    /// Whether figure `f` answers the request: its status and year, a form the phrase
    /// and the indicator allow, and the indicator's basis (no share or ratio that only
    /// holds it, no per-head figure unless asked).
    fn admits(&self, f: &QuantityFact, req: &CompareRequest, named: Option<&Indicator>) -> bool {
        if req.status.as_deref().is_some_and(|s| s != f.status) {
            return false;
        }
        if f.scope == Scope::Part && !req.parts {
            return false;
        }
        if let Some((a, b)) = req.years {
            if !f.ref_year.is_some_and(|y| a <= y && y <= b) {
                return false;
            }
        }
        if self.h.phrase.form.is_some_and(|form| form != f.form) {
            return false;
        }
        if let (Some(ind), Some(other)) = (named, f.indicator_name.as_deref()) {
            // A figure its subject gives to another indicator (农村居民人均可支配收入
            // for 居民人均可支配收入) is not one of it.
            if !ind.is_or_twin(other) && !ind.is_part_of(other) {
                return false;
            }
        }
        let Some(ind) = named else {
            // A phrase outside the catalogue asks for figures of its own basis
            // (生产总值: totals; 人均收入: per head).
            let own = meaning::basis(&self.h.phrase.word, &[]);
            return f.basis == own || (req.per_capita && f.basis == Basis::PerCapita);
        };
        // An alias may say less than the name (农村居民收入 for 农村居民人均可支配收入):
        // a figure of the alias's own basis is one too.
        let basis_fits = ind.basis_fits(f.basis)
            || f.basis == meaning::basis(&self.h.phrase.word, &[])
            || (req.per_capita
                && ind.figure_basis() == Basis::Total
                && f.basis == Basis::PerCapita);
        let unit_fits = f.kind.is_none_or(|k| ind.fits(f.form, k, &f.unit));
        ind.forms.contains(&f.form) && basis_fits && unit_fits
    }
}

/// The row of value `f` (record `q`).
fn row(f: &QuantityFact, q: &RecordRef, relation: Relation, score: f32) -> CompareRow {
    let f = f.clone();
    let mut place = q
        .place
        .as_deref()
        .map_or(place::NO_PLACE.to_string(), place::name);
    if let Some(part) = f.scope_text.as_deref() {
        // A part the gazetteer does not hold is a row of its own under its place.
        let placed = f.region.as_ref().is_some_and(|r| r.name.ends_with(part));
        if !placed {
            place = format!("{place}·{part}");
        }
    }
    CompareRow {
        indicator: String::new(),
        place,
        code: f.region.and_then(|r| r.code),
        year: f.ref_year,
        period_from: f.period_from,
        period_to: f.period_to,
        period_source: f.period_source,
        doc_year: f.year,
        aggregation: f.aggregation,
        form: f.form,
        basis: f.basis,
        direction: f.direction,
        scope: f.scope,
        scope_text: f.scope_text.clone(),
        value: f.value,
        value_to: f.value_to,
        unit: f.unit,
        approx: f.approx,
        qualifier: f.qualifier,
        status: f.status,
        text: f.text,
        subject: f.subject,
        relation,
        score,
        doc_id: f.doc_id,
        doc: f.doc,
        sentence: f.sentence,
        start: f.start,
    }
}

/// Convert row `r` into `unit` (亿斤 → 吨, 亩 → 公顷: `dictionaries/unit_conversions.tsv`),
/// when its unit measures the same thing; `text` stays as written, an inexact result
/// (亩 → 平方米) is marked `approx`.
fn in_unit(r: &mut CompareRow, unit: &str) -> bool {
    let convert = |n: &serde_json::Number| {
        let d = Decimal::parse_plain(&n.to_string())?;
        let (v, exact) = govmine_extract::units::convert(d, &r.unit, unit)?;
        let n = match serde_json::to_value(v).ok()? {
            serde_json::Value::Number(n) => n,
            _ => serde_json::Number::from_f64(v.to_f64())?,
        };
        Some((n, exact))
    };
    let Some((value, exact)) = convert(&r.value) else {
        return false;
    };
    let to = match r.value_to.as_ref().map(convert) {
        Some(None) => return false,
        Some(Some((n, e))) => Some((n, e)),
        None => None,
    };
    r.value = value;
    r.approx |= !exact || to.as_ref().is_some_and(|(_, e)| !e);
    r.value_to = to.map(|(n, _)| n);
    r.unit = unit.to_owned();
    true
}

/// Each value once (two phrases can find the same one): the best-scored reading.
fn once_each(mut rows: Vec<CompareRow>) -> Vec<CompareRow> {
    rows.sort_by(|a, b| {
        (a.doc_id.as_str(), a.start)
            .cmp(&(b.doc_id.as_str(), b.start))
            .then(b.score.total_cmp(&a.score))
    });
    rows.dedup_by(|later, first| later.doc_id == first.doc_id && later.start == first.start);
    rows
}

/// How quantity `f` (at `at` in the passage) relates to the indicator, and its score.
fn relate(
    f: &QuantityFact,
    at: u32,
    starts: &[u32],
    p: &Passage,
    text: &[char],
    indicator: &str,
) -> Option<(Relation, f32)> {
    let subject = fold_for_match(&f.subject);
    let sentence = fold_for_match(&f.sentence);
    // The phrase is matched as a whole string, never by its jieba words (which only
    // find the passages to read).
    let (relation, mut score) = if subject.contains(indicator) {
        (Relation::Subject, 3.0)
    } else if near(at, starts, p, text, indicator.chars().count() as u32)
        && f.subject.chars().count() <= NEAR_SUBJECT_CHARS
    {
        (Relation::Near, 2.0)
    } else if subject.chars().count() >= 2
        && indicator.ends_with(&subject)
        && sentence.contains(indicator)
    {
        // Its subject is the indicator's tail (细颗粒物（PM2.5）|平均浓度下降2.7%).
        (Relation::Near, 2.0)
    } else if sentence.contains(indicator) {
        (Relation::Sentence, 1.0)
    } else {
        return None;
    };
    // Totals, parts and per-head figures show in the subject or in the clause before
    // the value (`全市共聘请法律顾问434人`, `其中市政府聘请法律顾问10人`).
    let lead = format!("{subject}{}", fold_for_match(&clause_before(text, at)));
    if contains_any(&lead, &TOTAL_MARKS) {
        score += 0.3;
    }
    if contains_any(&lead, &PART_MARKS) {
        score -= 0.5;
    }
    if contains_any(&lead, &PER_HEAD_MARKS) && !contains_any(indicator, &PER_HEAD_MARKS) {
        score -= 0.8;
    }
    Some((relation, score))
}

/// Words before an indicator in a subject that keep it the whole figure: the place as a
/// whole (全省, 全国 …), the year, and 货物 (goods trade is what reports give as 进出口).
const WHOLE_MARKS: [&str; 25] = [
    "全省",
    "全市",
    "全区",
    "全州",
    "全县",
    "全盟",
    "全旗",
    "全国",
    "全年",
    "全社会",
    "全体",
    "我省",
    "我市",
    "我区",
    "我国",
    "本市",
    "本省",
    "今年",
    "去年",
    "年末",
    "年底",
    "地方",
    "货物",
    "其中",
    "城市",
];

/// The subject names the indicator itself: it holds it, with nothing before it but
/// [`WHOLE_MARKS`] (跨境电商进出口 is a part of 进出口, 农村居民收入 not 居民收入;
/// 其中 only links a part that is itself the indicator asked).
fn names_it(subject: &str, indicator: &str) -> bool {
    // In a list (社会消费品零售总额、固定资产投资增长4%) any item may name it.
    subject.split('、').any(|item| {
        let Some(at) = item.find(indicator) else {
            return false;
        };
        let mut before = &item[..at];
        while let Some(m) = WHOLE_MARKS.iter().find(|m| before.starts_with(*m)) {
            before = &before[m.len()..];
        }
        before.is_empty()
    })
}

/// The clause of the passage before char `at`: back to the last comma, semicolon or
/// sentence end.
fn clause_before(text: &[char], at: u32) -> String {
    let at = (at as usize).min(text.len());
    let from = text[..at]
        .iter()
        .rposition(|c| CLAUSE_ENDS.contains(c) || SENTENCE_ENDS.contains(c) || *c == '\n')
        .map_or(0, |i| i + 1);
    text[from..at].iter().collect()
}

/// The whole indicator stands before `at` in the same sentence, with no other quantity
/// between its end and `at`.
fn near(at: u32, starts: &[u32], p: &Passage, text: &[char], len: u32) -> bool {
    let Some(&m) = p.whole.iter().rev().find(|&&m| m + len <= at) else {
        return false;
    };
    let (from, to) = ((m + len) as usize, at as usize);
    let same_sentence = text.get(from..to).is_some_and(|between| {
        !between
            .iter()
            .any(|c| SENTENCE_ENDS.contains(c) || *c == '\n')
    });
    same_sentence && !starts.iter().any(|&s| s >= m + len && s < at)
}

/// Subjects of quantities most like the indicator.
fn subject_suggestions(
    searcher: &IndexSearcher,
    indicator: &str,
    filter: &Filter,
) -> Result<Vec<(String, usize)>> {
    Ok(suggest::closest(
        indicator,
        subject_counts(searcher, filter)?,
        5,
    ))
}

/// Every quantity subject (indicator as written) with its number of values.
pub fn subject_counts(searcher: &IndexSearcher, filter: &Filter) -> Result<Vec<(String, usize)>> {
    let mut counts: HashMap<Arc<str>, usize> = HashMap::new();
    for r in searcher.fact_refs(RecordType::Quantity.as_str(), None, filter)? {
        *counts.entry(r.label).or_default() += 1;
    }
    Ok(counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_official_name_is_named_whole_or_for_the_whole_place() {
        assert!(names_it("全省地区生产总值", "地区生产总值"));
        assert!(names_it("全国货物进出口总额", "进出口总额"));
        assert!(names_it("其中农村居民收入", "农村居民收入"));
        assert!(names_it("年末城镇调查失业率", "城镇调查失业率"));
        assert!(names_it("社会消费品零售总额、固定资产投资", "固定资产投资"));
        assert!(!names_it("跨境电商进出口", "进出口"));
        assert!(!names_it("民营经济增加值", "增加值"));
        assert!(!names_it("城镇化率", "地区生产总值"));
    }

    #[test]
    fn rows_convert_within_a_measure() {
        let mut r = CompareRow {
            indicator: String::new(),
            place: "江西省".into(),
            code: None,
            year: Some(2024),
            period_from: None,
            period_to: None,
            period_source: None,
            doc_year: None,
            aggregation: Aggregation::Annual,
            form: Form::Level,
            basis: Basis::Total,
            direction: None,
            scope: Scope::Whole,
            scope_text: None,
            value: serde_json::Number::from(43_680_000_000u64),
            value_to: None,
            unit: "斤".into(),
            approx: false,
            qualifier: "none".into(),
            status: "result".into(),
            text: "436.8亿斤".into(),
            subject: "粮食产量".into(),
            relation: Relation::Subject,
            score: 3.0,
            doc_id: "jx".into(),
            doc: "jx".into(),
            sentence: String::new(),
            start: 0,
        };
        assert!(in_unit(&mut r, "吨"));
        assert_eq!(
            (r.value.as_u64(), r.unit.as_str(), r.approx),
            (Some(21_840_000), "吨", false)
        );
        assert!(!in_unit(&mut r, "人"));
    }
}
