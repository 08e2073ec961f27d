//! The extract stage: the facts of a structured, placed document as [`Record`]s.
//!
//! The extractors (`govmine-extract`) read the cleaned text once each; this stage gives
//! every fact its context from the earlier stages, by char offset:
//! - `section`: the heading path of the paragraph it starts in;
//! - `region`: the place of that paragraph ([`Placement::paragraph_places`]: the place
//!   its section is about, 我市 being the author's place, else the document's subject);
//! - `sentence`: the sentence it starts in, joined with its neighbours across ；so that
//!   a list of targets reads as one sentence (at most [`MAX_SENTENCE_CHARS`]); a single
//!   sentence longer than that (a page with no 。) gives the clauses around the fact, up
//!   to [`MAX_SENTENCE_CHARS`];
//! - `year`, `doc`, `doc_id` from the document;
//! - for a quantity, its period and status from its paragraph's frame
//!   ([`govmine_extract::frame`]), and its scope: a subject that starts with a division
//!   below the passage's place (`南昌市地区生产总值` in a provincial report) makes it a part,
//!   placed at that division.
//!
//! The extractors read the document's windows ([`govmine_extract::windows`]) in parallel;
//! records are made window by window, so a huge document costs work and memory in
//! proportion to its length.
//!
//! A measure starting in a heading line is dropped: headings are sections.

use govmine_extract::frame::{self, DocKind, Frame, Para};
use govmine_extract::meaning::Scope;
use govmine_extract::quantity::Quantity;
use govmine_extract::{
    find_in_window, windows, Data, DocRegion, DocumentInfo, Record, RecordType, Region, TypeSet,
    WINDOW_CHARS,
};
use govmine_places::{Gazetteer, Level, Place, Placement, RegionId, Role};
use govmine_text::{CharIndex, Document, Sentence};
use rayon::prelude::*;

/// A sentence joined across ；is cut back to its own clause beyond this many chars.
pub const MAX_SENTENCE_CHARS: usize = 400;

/// Where a document came from, as records name it.
pub struct Source<'a> {
    /// File path as given, plus `#row` for a record of a corpus.
    pub doc: &'a str,
    /// Document id in the index.
    pub doc_id: &'a str,
}

/// A place by level, for a record.
pub fn region(gaz: &Gazetteer, place: Place) -> Region {
    match place {
        Place::National => Region {
            name: "全国".into(),
            ..Region::default()
        },
        Place::Region(id) => {
            let mut r = Region {
                name: gaz.full_path(id),
                code: Some(gaz.region(id).code.clone()),
                ..Region::default()
            };
            for a in gaz.ancestry(id) {
                let a = gaz.region(a);
                let slot = match a.level {
                    Level::Province => &mut r.province,
                    Level::Prefecture => &mut r.prefecture,
                    Level::County => &mut r.county,
                };
                *slot = Some(a.name.clone());
            }
            r
        }
    }
}

/// `subject` or `author`.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Subject => "subject",
        Role::Author => "author",
    }
}

/// Every record of the types in `types`, ordered by offset (then type).
pub fn records(
    doc: &Document,
    placement: &Placement,
    gaz: &Gazetteer,
    source: &Source<'_>,
    types: TypeSet,
) -> Vec<Record> {
    let cx = Context {
        doc,
        placement,
        gaz,
        source,
        chars: CharIndex::new(&doc.text),
        kind: frame::doc_kind(doc.title.as_deref(), doc.year),
        frames: Vec::new(),
    };
    let cx = Context {
        frames: if types.contains(RecordType::Quantity) {
            paragraph_frames(doc, &cx.chars, cx.kind)
        } else {
            Vec::new()
        },
        ..cx
    };
    // The extractors read the windows in parallel (a huge document keeps every thread
    // busy); the records are made window by window, each window's facts dropped once made
    // into records, each window's records sorted on their own (a fact starts in its
    // window, so the blocks are in order, and no sort buffer spans the document).
    let found: Vec<Vec<Data>> = windows(&doc.text, WINDOW_CHARS)
        .into_par_iter()
        .map(|(offset, window)| find_in_window(window, offset, types))
        .collect();
    let mut out = Vec::new();
    if types.contains(RecordType::Document) {
        out.push(cx.document());
    }
    let mut sorted = 0;
    for block in found {
        out.reserve_exact(block.len());
        out.extend(block.into_iter().filter_map(|data| cx.fact(data)));
        out[sorted..].sort_by_key(Record::order);
        sorted = out.len();
    }
    out
}

/// What a record takes from the earlier stages.
struct Context<'a> {
    doc: &'a Document,
    placement: &'a Placement,
    gaz: &'a Gazetteer,
    source: &'a Source<'a>,
    chars: CharIndex<'a>,
    /// What the document is, for dating its quantities.
    kind: DocKind,
    /// The time frame of each paragraph ([`frame::frames`]).
    frames: Vec<Frame>,
}

/// The time frame of each paragraph of `doc`.
fn paragraph_frames(doc: &Document, chars: &CharIndex, kind: DocKind) -> Vec<Frame> {
    let paras: Vec<Para> = doc
        .paragraphs
        .iter()
        .map(|p| Para {
            text: chars.slice(p.start, p.end),
            heading: p
                .is_heading
                .then(|| p.section.map_or(1, |s| doc.sections[s].level)),
        })
        .collect();
    frame::frames(&paras, kind)
}

impl Context<'_> {
    /// A record of `data`, in `paragraph` (none for the document record).
    fn record(&self, data: Data, paragraph: Option<usize>, sentence: String) -> Record {
        let doc = self.doc;
        Record {
            rtype: data.record_type(),
            doc: self.source.doc.to_owned(),
            doc_id: self.source.doc_id.to_owned(),
            section: paragraph
                .map(|i| {
                    doc.heading_path(doc.paragraphs[i].section)
                        .into_iter()
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            region: paragraph
                .and_then(|i| self.placement.paragraph_places.get(i).copied().flatten())
                .map(|p| region(self.gaz, p)),
            year: doc.year,
            sentence,
            data,
        }
    }

    /// The document record: title, date and places; the place of a document is its first
    /// subject, else its author.
    fn document(&self) -> Record {
        let (doc, placement, gaz) = (self.doc, self.placement, self.gaz);
        let regions = placement
            .doc_places
            .iter()
            .map(|d| DocRegion {
                name: region(gaz, d.place).name,
                level: gaz.level_name(d.place).into(),
                role: role_name(d.role).into(),
                code: match d.place {
                    Place::Region(id) => Some(gaz.region(id).code.clone()),
                    Place::National => None,
                },
            })
            .collect();
        let info = DocumentInfo {
            title: doc.title.clone(),
            publish_date: doc.publish_date.clone(),
            regions,
            start: 0,
            end: self.chars.len(),
        };
        let mut r = self.record(
            Data::Document(info),
            None,
            doc.title.clone().unwrap_or_default(),
        );
        let default = placement.subjects().next().or(placement.author());
        r.region = default.map(|p| region(gaz, p));
        r
    }

    /// The record of a fact, unless it stands outside every paragraph or is a measure
    /// starting in a heading.
    fn fact(&self, mut data: Data) -> Option<Record> {
        let p = paragraph_at(self.doc, data.span().0)?;
        let mut part_place = None;
        if let Data::Quantity(q) = &mut data {
            frame::settle(q, &self.frames[p], self.kind);
            part_place = self.part_of_place(q, p);
        }
        if matches!(data, Data::Measure(_)) && self.doc.paragraphs[p].is_heading {
            return None;
        }
        let sentence = sentence_at(self.doc, &self.chars, data.span());
        let mut r = self.record(data, Some(p), sentence);
        if let Some(place) = part_place {
            r.region = Some(region(self.gaz, place));
        }
        Some(r)
    }

    /// When quantity `q`'s subject starts with the name of a division below the place of
    /// its paragraph `p` (`南昌市地区生产总值` in 江西's report), mark it a part and give
    /// that division, which becomes the record's place.
    fn part_of_place(&self, q: &mut Quantity, p: usize) -> Option<Place> {
        let within = self.placement.paragraph_places.get(p).copied().flatten()?;
        let s: Vec<char> = q.subject.chars().collect();
        if s.first() == Some(&'全') {
            return None;
        }
        let longest = s.len().saturating_sub(2).min(MAX_PART_NAME);
        let (n, id) = (2..=longest).rev().find_map(|n| {
            let name: String = s[..n].iter().collect();
            let below = |&id: &RegionId| match within {
                Place::National => true,
                Place::Region(w) => w != id && self.gaz.is_ancestor(w, id),
            };
            self.gaz
                .lookup(&name)
                .into_iter()
                .find(below)
                .map(|id| (n, id))
        })?;
        q.scope = Scope::Part;
        q.scope_text = Some(s[..n].iter().collect());
        Some(Place::Region(id))
    }
}

/// Longest division name looked for at the start of a subject, in chars.
const MAX_PART_NAME: usize = 8;

/// The paragraph holding char `pos`.
fn paragraph_at(doc: &Document, pos: usize) -> Option<usize> {
    let i = doc.paragraphs.partition_point(|p| p.end <= pos);
    (i < doc.paragraphs.len() && doc.paragraphs[i].start <= pos).then_some(i)
}

/// The sentence holding the span, joined with neighbours across ；(see the module doc).
fn sentence_at(doc: &Document, chars: &CharIndex, (pos, end): (usize, usize)) -> String {
    let s = &doc.sentences;
    let i = s.partition_point(|x| x.end <= pos);
    let Some(own) = s.get(i).filter(|x| x.start <= pos) else {
        return String::new();
    };
    let (start, end) = match semicolon_group(s, chars, i) {
        Some((a, b)) => (s[a].start, s[b].end),
        None if own.end - own.start <= MAX_SENTENCE_CHARS => (own.start, own.end),
        None => clauses_around(chars, (own.start, own.end), (pos, end.min(own.end))),
    };
    chars.slice(start, end).trim().to_owned()
}

/// The first and last of the sentences around `i` joined across ；(in its paragraph),
/// when together they are at most [`MAX_SENTENCE_CHARS`]. Looks no further than that, so
/// a paragraph of ten thousand ；-clauses costs no more per record than a short one.
fn semicolon_group(s: &[Sentence], chars: &CharIndex, i: usize) -> Option<(usize, usize)> {
    let joins = |k: usize| {
        s[k].end > s[k].start
            && matches!(chars.char_at(s[k].end - 1), Some('；' | ';'))
            && s[k].paragraph == s[i].paragraph
    };
    let fits = |a: usize, b: usize| s[b].end - s[a].start <= MAX_SENTENCE_CHARS;
    let (mut a, mut b) = (i, i);
    while a > 0 && joins(a - 1) {
        a -= 1;
        if !fits(a, b) {
            return None;
        }
    }
    while b + 1 < s.len() && s[b + 1].paragraph == s[i].paragraph && joins(b) {
        b += 1;
        if !fits(a, b) {
            return None;
        }
    }
    fits(a, b).then_some((a, b))
}

/// In an overlong sentence, the clauses (cut at ，, 、 or a space) around `span`, at most
/// [`MAX_SENTENCE_CHARS`] (the span itself is always kept, and cut at that length too).
fn clauses_around(
    chars: &CharIndex,
    (s0, s1): (usize, usize),
    (p, e): (usize, usize),
) -> (usize, usize) {
    let e = e.clamp(p, p + MAX_SENTENCE_CHARS);
    let room = MAX_SENTENCE_CHARS.saturating_sub(e - p) / 2;
    let lo = p.saturating_sub(room).max(s0);
    let hi = (e + room).min(s1);
    let cut = |c: char| matches!(c, '，' | ',' | '、' | ' ' | '\u{3000}');
    // Start after the first clause break in the window, end at the last one.
    let start = chars
        .slice(lo, p)
        .chars()
        .position(cut)
        .map_or(lo, |k| lo + k + 1);
    let end = chars
        .slice(e, hi)
        .chars()
        .rev()
        .position(cut)
        .map_or(hi, |k| hi - 1 - k);
    (start, end.max(e))
}
