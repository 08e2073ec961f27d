//! One document through the stages: decode → clean and structure → places → segment →
//! a [`DocRecord`] for the index. Pure: no I/O, safe to run in parallel.

use govmine_index::{DocMeta, DocRecord, DocStatus, PassageRecord, PlaceTag};
use govmine_places::{attribute, Gazetteer, Level, Place, Role};
use govmine_segment::{fold, word_tokens, Segmenter};
use govmine_text::{decode, Document};

use crate::source::{RawDoc, Skip};

/// What became of one raw document.
pub enum Outcome {
    /// Ready to index (new or changed).
    Indexed(Box<DocRecord>),
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
}

/// A place as the index stores it.
pub fn place_tag(gaz: &Gazetteer, place: Place, role: Option<Role>) -> PlaceTag {
    let role = role.map(|r| {
        match r {
            Role::Subject => "subject",
            Role::Author => "author",
        }
        .to_string()
    });
    match place {
        Place::National => PlaceTag {
            name: "全国".into(),
            path: vec!["全国".into()],
            level: "national".into(),
            code: None,
            role,
        },
        Place::Region(id) => {
            let r = gaz.region(id);
            PlaceTag {
                name: gaz.full_path(id),
                path: gaz.facet_path(place),
                level: match r.level {
                    Level::Province => "province",
                    Level::Prefecture => "prefecture",
                    Level::County => "county",
                }
                .into(),
                code: Some(r.code.clone()),
                role,
            }
        }
    }
}

/// Byte offset of every char of `text`, plus its length at the end.
fn char_bytes(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The content hash: the decoded text and the metadata the source gave.
fn content_hash(text: &str, raw: &RawDoc) -> String {
    let mut h = blake3::Hasher::new();
    h.update(text.as_bytes());
    h.update(serde_json::to_string(&raw.hints).unwrap_or_default().as_bytes());
    h.finalize().to_hex().to_string()
}

impl Stages<'_> {
    /// Run one raw document through every stage.
    pub fn prepare(&self, mut raw: RawDoc, status: &dyn Fn(&str, &str) -> DocStatus) -> Outcome {
        let text = match raw.text.take() {
            Some(t) => t,
            None => match decode(&raw.bytes) {
                Ok(d) => {
                    raw.encoding = d.encoding.name();
                    d.text
                }
                Err(e) => {
                    return Outcome::Skipped(Skip {
                        message: format!("{}: skipped: {e}", raw.path),
                        what: raw.id,
                        reason: e.reason(),
                    })
                }
            },
        };
        raw.bytes = Vec::new();
        if text.trim().is_empty() {
            return Outcome::Skipped(Skip {
                message: format!("{}: skipped: no text", raw.id),
                what: raw.id,
                reason: "empty",
            });
        }
        let hash = content_hash(&text, &raw);
        if status(&raw.id, &hash) == DocStatus::Unchanged {
            return Outcome::Unchanged;
        }
        let bytes = text.len() as u64;
        // A record's title is part of what a reader sees: keep it as the first passage.
        let text = match &raw.hints.title {
            Some(t) if !text.chars().take(t.chars().count() + 200).collect::<String>().contains(t.as_str()) => {
                format!("{t}\n{text}")
            }
            _ => text,
        };
        let doc = govmine_text::process(&text, &raw.hints);
        if doc.paragraphs.is_empty() {
            return Outcome::Skipped(Skip {
                message: format!("{}: skipped: nothing left after removing page chrome", raw.id),
                what: raw.id,
                reason: "empty",
            });
        }
        let placement = attribute(&doc, &raw.hints, self.gazetteer);
        let passages = self.passages(&doc, &placement.paragraph_places);
        let places = placement
            .doc_places
            .iter()
            .map(|p| place_tag(self.gazetteer, p.place, Some(p.role)))
            .collect();
        let meta = DocMeta {
            id: raw.id,
            path: raw.path,
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
            encoding: raw.encoding.to_string(),
            hash,
            bytes,
            chars: doc.text.chars().count() as u64,
            passages: passages.len() as u64,
            places,
        };
        Outcome::Indexed(Box::new(DocRecord { meta, passages }))
    }

    /// Every paragraph becomes a passage, segmented once, with its heading path and place.
    fn passages(&self, doc: &Document, places: &[Option<Place>]) -> Vec<PassageRecord> {
        let bytes = char_bytes(&doc.text);
        let mut out = Vec::with_capacity(doc.paragraphs.len());
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let text = &doc.text[bytes[p.start]..bytes[p.end]];
            let folded = fold(text);
            let words = self.segmenter.cut(&folded);
            let tokens = word_tokens(&words, &char_bytes(text));
            out.push(PassageRecord {
                start: p.start as u64,
                end: p.end as u64,
                section: doc.heading_path(p.section).into_iter().map(str::to_owned).collect(),
                text: text.to_string(),
                words: tokens,
                place: places
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|pl| place_tag(self.gazetteer, pl, None)),
            });
        }
        out
    }
}
