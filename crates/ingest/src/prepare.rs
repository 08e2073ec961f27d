//! One document through the stages: decode → clean and structure → places → extract →
//! segment → a [`Prepared`] document for the index or an export. Pure: no I/O, safe to
//! run in parallel.

use govmine_extract::{Data, Record, TypeSet};
use govmine_index::{DocMeta, DocRecord, DocStatus, FactRecord, PassageRecord, PlaceTag};
use govmine_places::{attribute, Gazetteer, Place, Placement, Role};
use govmine_segment::{fold, presegment, Segmenter};
use govmine_text::{decode, CharIndex, Document};
use rayon::prelude::*;

use crate::records::{records, role_name, Source};
use crate::source::{decode_warnings, RawDoc, Skip, Warning};

/// A document through every stage.
pub struct Prepared {
    /// What the index takes (no passages or facts when [`Stages::index`] is off).
    pub doc: DocRecord,
    /// The extracted records, in offset order.
    pub records: Vec<Record>,
}

/// What became of one raw document.
pub enum Outcome {
    /// Ready to index or export (new or changed).
    Indexed(Box<Prepared>),
    /// Same content hash as in the index.
    Unchanged,
    /// Not usable, with why.
    Skipped(Skip),
}

/// The shared, read-only tools of the stages.
pub struct Stages<'a> {
    /// jieba with govmine's dictionaries.
    pub segmenter: &'a Segmenter,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Record types to extract.
    pub types: TypeSet,
    /// Make passages and facts for the index (segmenting every passage); off for an export.
    pub index: bool,
}

/// A place as the index stores it.
pub fn place_tag(gaz: &Gazetteer, place: Place, role: Option<Role>) -> PlaceTag {
    let (name, code) = match place {
        Place::National => ("全国".to_string(), None),
        Place::Region(id) => (gaz.full_path(id), Some(gaz.region(id).code.clone())),
    };
    PlaceTag {
        name,
        path: gaz.facet_path(place),
        level: gaz.level_name(place).into(),
        code,
        role: role.map(|r| role_name(r).into()),
    }
}

/// The content hash: the decoded text and the metadata the source gave.
fn content_hash(text: &str, raw: &RawDoc) -> String {
    let mut h = blake3::Hasher::new();
    h.update(text.as_bytes());
    h.update(
        serde_json::to_string(&raw.hints)
            .unwrap_or_default()
            .as_bytes(),
    );
    h.finalize().to_hex().to_string()
}

/// A document skipped as empty, saying `why`.
fn empty(id: String, why: &str) -> Outcome {
    Outcome::Skipped(Skip {
        message: format!("{id}: skipped: {why}"),
        what: id,
        reason: "empty",
    })
}

/// The text, with a record's title as its first line unless the text starts with it (a
/// title is part of what a reader sees: it is kept as the first passage).
fn with_title(text: String, raw: &RawDoc) -> String {
    match &raw.hints.title {
        Some(t)
            if !text
                .chars()
                .take(t.chars().count() + 200)
                .collect::<String>()
                .contains(t.as_str()) =>
        {
            format!("{t}\n{text}")
        }
        _ => text,
    }
}

impl Stages<'_> {
    /// Run one raw document through every stage; with what was lost decoding it (a file
    /// kept with U+FFFD or without its NUL bytes), whatever became of it.
    pub fn prepare(
        &self,
        mut raw: RawDoc,
        status: &dyn Fn(&str, &str) -> DocStatus,
    ) -> (Outcome, Vec<Warning>) {
        let (text, warnings) = match raw.text.take() {
            Some(t) => (t, Vec::new()),
            None => match decode(&raw.bytes) {
                Ok(d) => {
                    raw.encoding = Some(d.encoding);
                    let warnings = decode_warnings(&raw.id, &raw.path, &d);
                    (d.text, warnings)
                }
                Err(e) => {
                    let skip = Skip {
                        message: format!("{}: skipped: {e}", raw.path),
                        what: raw.id,
                        reason: e.reason(),
                    };
                    return (Outcome::Skipped(skip), Vec::new());
                }
            },
        };
        (self.prepare_text(raw, text, status), warnings)
    }

    /// The stages after decoding.
    fn prepare_text(
        &self,
        mut raw: RawDoc,
        text: String,
        status: &dyn Fn(&str, &str) -> DocStatus,
    ) -> Outcome {
        raw.bytes = Vec::new();
        if text.trim().is_empty() {
            return empty(raw.id, "no text");
        }
        let hash = content_hash(&text, &raw);
        if status(&raw.id, &hash) == DocStatus::Unchanged {
            return Outcome::Unchanged;
        }
        let bytes = text.len() as u64;
        // The decoded text is dropped once cleaned: the cleaned text is all the later
        // stages read.
        let doc = govmine_text::process(&with_title(text, &raw), &raw.hints);
        if doc.paragraphs.is_empty() {
            return empty(raw.id, "nothing left after removing page chrome");
        }
        let placement = attribute(&doc, &raw.hints, self.gazetteer);
        let records = self.records_of(&raw, &doc, &placement);
        let (passages, facts) = if self.index {
            (
                self.passages(&doc, &placement.paragraph_places),
                self.facts(&records),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let meta = self.meta(raw, &doc, &placement, (hash, bytes), passages.len());
        Outcome::Indexed(Box::new(Prepared {
            doc: DocRecord {
                meta,
                passages,
                facts,
            },
            records,
        }))
    }

    /// The records of a document, each naming its file (and row).
    fn records_of(&self, raw: &RawDoc, doc: &Document, placement: &Placement) -> Vec<Record> {
        let source_doc = match raw.row {
            Some(row) => format!("{}#{row}", raw.path),
            None => raw.path.clone(),
        };
        let source = Source {
            doc: &source_doc,
            doc_id: &raw.id,
        };
        records(doc, placement, self.gazetteer, &source, self.types)
    }

    /// What the index keeps of a document beside its passages and facts; `hash` and
    /// `bytes` of the decoded text.
    fn meta(
        &self,
        raw: RawDoc,
        doc: &Document,
        placement: &Placement,
        (hash, bytes): (String, u64),
        passages: usize,
    ) -> DocMeta {
        let places = placement
            .doc_places
            .iter()
            .map(|p| place_tag(self.gazetteer, p.place, Some(p.role)))
            .collect();
        DocMeta {
            id: raw.id,
            path: raw.path,
            origin: self.index.then_some(raw.origin),
            title: doc.title.clone(),
            date: doc.publish_date.clone(),
            year: doc.year,
            year_source: serde_json::to_value(doc.year_source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            author: doc.author.clone(),
            source: doc.source.clone(),
            url: raw.hints.url.clone(),
            encoding: raw.encoding.map_or("", |e| e.name()).to_owned(),
            hash,
            bytes,
            chars: doc.text.chars().count() as u64,
            passages: passages as u64,
            places,
        }
    }

    /// The records as the index stores them.
    fn facts(&self, records: &[Record]) -> Vec<FactRecord> {
        records
            .iter()
            .map(|r| {
                let (key, label) = match &r.data {
                    Data::Quantity(q) => (q.unit.clone(), q.subject.as_str()),
                    Data::Mechanism(m) => (m.key.clone(), m.name.as_str()),
                    Data::Measure(m) => (m.marker.clone(), ""),
                    Data::PolicyDoc(d) => (d.title.clone(), d.title.as_str()),
                    Data::Date(d) => (d.iso.clone(), ""),
                    Data::Document(_) => (String::new(), ""),
                };
                // The record's place, back from its division code.
                let place = r
                    .region
                    .as_ref()
                    .and_then(|g| match &g.code {
                        Some(code) => self.gazetteer.by_code(code).map(Place::Region),
                        None => Some(Place::National),
                    })
                    .map(|p| place_tag(self.gazetteer, p, None));
                let (start, end) = r.data.span();
                FactRecord {
                    rtype: r.rtype.as_str().to_owned(),
                    key,
                    label: label.to_owned(),
                    place,
                    start: start as u64,
                    end: end as u64,
                    json: serde_json::to_string(r).expect("records serialize"),
                }
            })
            .collect()
    }

    /// Every paragraph becomes a passage (long ones several, see [`passage_spans`]),
    /// segmented once, with its heading path and place. In parallel: a huge document
    /// keeps every thread busy.
    fn passages(&self, doc: &Document, places: &[Option<Place>]) -> Vec<PassageRecord> {
        let chars = CharIndex::new(&doc.text);
        passage_spans(doc)
            .into_par_iter()
            .map(|span| self.passage(doc, &chars, places, span))
            .collect()
    }

    /// The passage of chars `start..end` of paragraph `i`.
    fn passage(
        &self,
        doc: &Document,
        chars: &CharIndex,
        places: &[Option<Place>],
        (start, end, i): (usize, usize, usize),
    ) -> PassageRecord {
        let p = &doc.paragraphs[i];
        let text = chars.slice(start, end);
        let folded = fold(text);
        let segmented = presegment(&self.segmenter.cut(&folded));
        PassageRecord {
            start: start as u64,
            end: end as u64,
            section: doc
                .heading_path(p.section)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            text: text.to_string(),
            segmented,
            heading: p.is_heading && start == p.start,
            place: places
                .get(i)
                .copied()
                .flatten()
                .map(|pl| place_tag(self.gazetteer, pl, None)),
        }
    }
}

/// Paragraphs longer than this are split into several passages.
pub const MAX_PASSAGE_CHARS: usize = 1000;

/// `(start, end, paragraph)` char spans of the passages: a paragraph, or for one longer
/// than [`MAX_PASSAGE_CHARS`], runs of whole sentences up to that length (a longer
/// sentence is cut at the limit), so a page with no line breaks still gives
/// paragraph-sized passages.
pub fn passage_spans(doc: &Document) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    let mut sentences = doc.sentences.iter().peekable();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        // Sentence ends inside this paragraph, as cut points.
        let mut ends = Vec::new();
        while let Some(s) = sentences.next_if(|s| s.paragraph <= i) {
            if s.paragraph == i {
                ends.push(s.end);
            }
        }
        if p.end - p.start <= MAX_PASSAGE_CHARS {
            out.push((p.start, p.end, i));
            continue;
        }
        ends.push(p.end);
        let mut start = p.start;
        while start < p.end {
            let limit = start + MAX_PASSAGE_CHARS;
            // The last sentence end within the limit (ends are sorted), else the limit.
            let within = ends.partition_point(|&e| e <= limit);
            let end = match within.checked_sub(1).map(|k| ends[k]) {
                Some(e) if e > start => e,
                _ => limit.min(p.end),
            };
            out.push((start, end, i));
            start = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use govmine_text::Hints;

    fn raw(id: &str, text: &str, hints: Hints) -> RawDoc {
        RawDoc {
            id: id.into(),
            path: id.into(),
            row: None,
            origin: govmine_index::Origin {
                file: format!("/data/{id}"),
                row: None,
            },
            text: Some(text.into()),
            bytes: Vec::new(),
            encoding: Some(govmine_text::Encoding::Utf8),
            hints,
        }
    }

    fn record(outcome: Outcome) -> DocRecord {
        match outcome {
            Outcome::Indexed(r) => r.doc,
            Outcome::Unchanged => panic!("unchanged"),
            Outcome::Skipped(s) => panic!("skipped: {}", s.message),
        }
    }

    #[test]
    fn six_city_article_passages_carry_their_city() {
        let p = Pipeline::new(&[]).unwrap();
        let text = include_str!("../../../corpus/002_eee0beed65e72678.txt");
        let rec = record(
            p.stages()
                .prepare(raw("002.txt", text, Hints::default()), &|_, _| {
                    DocStatus::New
                })
                .0,
        );
        assert_eq!(rec.meta.date.as_deref(), Some("2017-01-18"));
        assert_eq!(rec.meta.passages as usize, rec.passages.len());
        let place_of = |needle: &str| {
            let p = rec
                .passages
                .iter()
                .find(|p| p.text.contains(needle))
                .unwrap();
            p.place.as_ref().map(|t| t.name.clone())
        };
        assert_eq!(
            place_of("审管分离").as_deref(),
            Some("宁夏回族自治区银川市")
        );
        assert_eq!(place_of("行政执法监督+").as_deref(), Some("吉林省四平市"));
        assert_eq!(
            place_of("社区协商").as_deref(),
            Some("江苏省苏州市张家港市")
        );
        // The segmented text has the passage's chars, with word separators between.
        for p in &rec.passages {
            let chars = p
                .segmented
                .chars()
                .filter(|&c| c != govmine_segment::WORD_SEPARATOR);
            assert_eq!(chars.count() as u64, p.end - p.start);
            assert_eq!(p.text.chars().count() as u64, p.end - p.start);
        }
    }

    #[test]
    fn record_title_becomes_the_first_passage_and_unchanged_is_skipped_early() {
        let p = Pipeline::new(&[]).unwrap();
        let hints = Hints {
            title: Some("2017年中华人民共和国国务院政府工作报告".into()),
            year: Some(2017),
            ..Hints::default()
        };
        let body = "各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n深入推进简政放权、放管结合、优化服务改革。";
        let rec = record(
            p.stages()
                .prepare(raw("n.jsonl#16", body, hints.clone()), &|_, _| {
                    DocStatus::New
                })
                .0,
        );
        assert_eq!(
            rec.passages[0].text,
            "2017年中华人民共和国国务院政府工作报告"
        );
        assert_eq!(rec.meta.year, Some(2017));
        assert_eq!(rec.meta.places[0].name, "全国");
        assert!(rec
            .passages
            .iter()
            .all(|p| p.place.as_ref().unwrap().path == ["全国"]));
        let (again, _) = p.stages().prepare(raw("n.jsonl#16", body, hints), &|_, h| {
            if h == rec.meta.hash {
                DocStatus::Unchanged
            } else {
                DocStatus::New
            }
        });
        assert!(matches!(again, Outcome::Unchanged));
    }

    #[test]
    fn long_paragraphs_split_at_sentence_ends() {
        // One 2017 government work report paragraph repeated into a page with no breaks.
        let sentence = "深入推进简政放权、放管结合、优化服务改革。";
        let text = format!("标题\n{}", sentence.repeat(200));
        let doc = govmine_text::process(&text, &Hints::default());
        let spans = passage_spans(&doc);
        assert!(spans.len() > 4, "{spans:?}");
        let para = &doc.paragraphs[1];
        assert_eq!(spans[1].0, para.start);
        assert_eq!(spans.last().unwrap().1, para.end);
        for w in spans[1..].windows(2) {
            assert_eq!(w[0].1, w[1].0, "spans are contiguous");
        }
        for &(s, e, _) in &spans[1..] {
            assert!(e - s <= MAX_PASSAGE_CHARS);
            assert!(doc.slice(s, e).ends_with('。'), "cut at a sentence end");
        }
        // Without any sentence end, the cut falls at the limit.
        let doc = govmine_text::process(&"法".repeat(2500), &Hints::default());
        let lens: Vec<usize> = passage_spans(&doc).iter().map(|&(s, e, _)| e - s).collect();
        assert_eq!(lens, [1000, 1000, 500]);
    }

    #[test]
    fn undecodable_bytes_are_a_skip_with_a_reason() {
        let p = Pipeline::new(&[]).unwrap();
        let mut r = raw("x.txt", "", Hints::default());
        r.text = None;
        r.bytes = vec![0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 0];
        match p.stages().prepare(r, &|_, _| DocStatus::New) {
            (Outcome::Skipped(s), w) => assert_eq!((s.reason, w.len()), ("binary", 0)),
            _ => panic!("binary input was not skipped"),
        }
    }

    #[test]
    fn a_file_kept_with_a_loss_is_indexed_with_its_warnings() {
        // 郓城's report with a stray 0xFF and two NULs in its first line.
        let p = Pipeline::new(&[]).unwrap();
        let seed = include_str!("../../../corpus/004_e9e637da5608c3ff.txt");
        let cut = (20..).find(|&i| seed.is_char_boundary(i)).unwrap();
        let mut bytes = seed.as_bytes()[..cut].to_vec();
        bytes.extend_from_slice(b"\xFF\0\0");
        bytes.extend_from_slice(&seed.as_bytes()[cut..]);
        let mut r = raw("yc.txt", "", Hints::default());
        r.text = None;
        r.bytes = bytes;
        let (outcome, warnings) = p.stages().prepare(r, &|_, _| DocStatus::New);
        let rec = record(outcome);
        assert_eq!(rec.meta.encoding, "utf-8");
        assert!(rec.passages.iter().all(|p| !p.text.contains('\0')));
        let kinds: Vec<_> = warnings.iter().map(|w| (w.what.as_str(), w.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("yc.txt", crate::WarningKind::InvalidBytes),
                ("yc.txt", crate::WarningKind::ControlBytes)
            ]
        );
        assert_eq!(
            warnings[0].message,
            "yc.txt: warning: 1 invalid byte sequence replaced by U+FFFD (read as UTF-8)"
        );
        assert_eq!(
            warnings[1].message,
            "yc.txt: warning: 2 NUL/control bytes removed"
        );
    }
}
