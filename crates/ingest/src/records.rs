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
//! - `year`, `doc`, `doc_id` from the document.
//!
//! A measure starting in a heading line is dropped: headings are sections.

use govmine_extract::{
    find_all, Data, DocRegion, DocumentInfo, Record, RecordType, Region, TypeSet,
};
use govmine_places::{Gazetteer, Level, Place, Placement, Role};
use govmine_text::Document;

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
    let chars: Vec<char> = doc.text.chars().collect();
    let record = |data: Data, paragraph: Option<usize>, sentence: String| Record {
        rtype: data.record_type(),
        doc: source.doc.to_owned(),
        doc_id: source.doc_id.to_owned(),
        section: paragraph
            .map(|i| {
                doc.heading_path(doc.paragraphs[i].section)
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        region: paragraph
            .and_then(|i| placement.paragraph_places.get(i).copied().flatten())
            .map(|p| region(gaz, p)),
        year: doc.year,
        sentence,
        data,
    };

    let mut out = Vec::new();
    if types.contains(RecordType::Document) {
        let default = placement.subjects().next().or(placement.author());
        let mut r = record(
            Data::Document(DocumentInfo {
                title: doc.title.clone(),
                publish_date: doc.publish_date.clone(),
                regions: placement
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
                    .collect(),
                start: 0,
                end: chars.len(),
            }),
            None,
            doc.title.clone().unwrap_or_default(),
        );
        r.region = default.map(|p| region(gaz, p));
        out.push(r);
    }
    for data in find_all(&doc.text, types) {
        let (start, _) = data.span();
        let Some(p) = paragraph_at(doc, start) else {
            continue;
        };
        if matches!(data, Data::Measure(_)) && doc.paragraphs[p].is_heading {
            continue;
        }
        let sentence = sentence_at(doc, &chars, data.span());
        out.push(record(data, Some(p), sentence));
    }
    out.sort_by_key(Record::order);
    out
}

/// The paragraph holding char `pos`.
fn paragraph_at(doc: &Document, pos: usize) -> Option<usize> {
    let i = doc.paragraphs.partition_point(|p| p.end <= pos);
    (i < doc.paragraphs.len() && doc.paragraphs[i].start <= pos).then_some(i)
}

/// The sentence holding the span, joined with neighbours across ；(see the module doc).
fn sentence_at(doc: &Document, chars: &[char], (pos, end): (usize, usize)) -> String {
    let s = &doc.sentences;
    let i = s.partition_point(|x| x.end <= pos);
    let Some(own) = s.get(i).filter(|x| x.start <= pos) else {
        return String::new();
    };
    let ends_in_semicolon =
        |k: usize| s[k].end > s[k].start && matches!(chars[s[k].end - 1], '；' | ';');
    let (mut a, mut b) = (i, i);
    while a > 0 && s[a - 1].paragraph == own.paragraph && ends_in_semicolon(a - 1) {
        a -= 1;
    }
    while b + 1 < s.len() && s[b + 1].paragraph == own.paragraph && ends_in_semicolon(b) {
        b += 1;
    }
    let (start, end) = if s[b].end - s[a].start <= MAX_SENTENCE_CHARS {
        (s[a].start, s[b].end)
    } else if own.end - own.start <= MAX_SENTENCE_CHARS {
        (own.start, own.end)
    } else {
        clauses_around(chars, (own.start, own.end), (pos, end.min(own.end)))
    };
    chars[start..end]
        .iter()
        .collect::<String>()
        .trim()
        .to_owned()
}

/// In an overlong sentence, the clauses (cut at ，, 、 or a space) around `span`, at most
/// [`MAX_SENTENCE_CHARS`] (the span itself is always kept, and cut at that length too).
fn clauses_around(
    chars: &[char],
    (s0, s1): (usize, usize),
    (p, e): (usize, usize),
) -> (usize, usize) {
    let e = e.clamp(p, p + MAX_SENTENCE_CHARS);
    let room = MAX_SENTENCE_CHARS.saturating_sub(e - p) / 2;
    let lo = p.saturating_sub(room).max(s0);
    let hi = (e + room).min(s1);
    let cut = |c: char| matches!(c, '，' | ',' | '、' | ' ' | '\u{3000}');
    // Start after the first clause break in the window, end at the last one.
    let start = (lo..p).find(|&i| cut(chars[i])).map_or(lo, |i| i + 1);
    let end = (e..hi).rev().find(|&i| cut(chars[i])).unwrap_or(hi);
    (start, end.max(e))
}
