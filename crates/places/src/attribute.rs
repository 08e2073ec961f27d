//! Attributing a document and its paragraphs to places.
//!
//! Rules, in order:
//!
//! 1. **National** — a title naming 国务院, 中华人民共和国, 全国人民代表大会, 中国共产党,
//!    党的…全国代表大会 or 共产党…报告 makes the document national: `doc_places` is
//!    `[National Subject]` and every paragraph is [`Place::National`].
//! 2. **Author place** — from [`Document::author`] (`濮阳市司法局` → 濮阳市); else the place
//!    chain opening the title (`酒泉市2017年度…` → 酒泉市, `郓城发力…` → 郓城县); else a first
//!    line made only of place names (`四川省巴中市`); else `hints.city`, then
//!    `hints.province`.
//! 3. **Subject places** — places named by the title or the subtitle line (`——…`), the
//!    author place left out when another place is named (`——濮阳市司法局赴驻马店市…` →
//!    驻马店市); then every place heading a top-level section (multi-place articles). If
//!    none: the author place; else the place dominating the whole text (≥ 40 % of the
//!    resolved mentions and ≥ 3 of them, counting a division's subdivisions as its own).
//! 4. **National fallback** — no place found so far, no province hint, and the text says
//!    我国 or 全国: national, as in 1.
//! 5. **Sections** — a heading naming exactly one place (a chain such as `宁夏银川`
//!    collapses to its most specific name) gives the section that place; else a nested
//!    section inherits its parent's; else the section's own text decides when one place
//!    dominates it (≥ 60 % and ≥ 2), where 我市/本市/全市/我县/本县/全县/我区/本区/全区
//!    (and 我省/本省/全省 for a provincial author) count as the author place.
//! 6. **Paragraphs** — the place of the paragraph's innermost section; else the document
//!    default: the first title/subtitle subject, else the only subject, else the author
//!    place, else `None`. So the intro of a multi-place article (several section places,
//!    no title place, no author) gets `None`.

use serde::Serialize;

use govmine_text::{Document, Hints};

use crate::gazetteer::{Gazetteer, Level, Place, RegionId};
use crate::mentions::{Mention, Strength};

/// Why a document is tied to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The document is about the place.
    Subject,
    /// The document was written by (an office of) the place.
    Author,
}

/// A place of the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DocPlace {
    /// The place.
    pub place: Place,
    /// Its role.
    pub role: Role,
}

/// The result of [`attribute`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placement {
    /// Author place first (if any), then subject places in order of appearance.
    pub doc_places: Vec<DocPlace>,
    /// One entry per [`Document::paragraphs`] entry.
    pub paragraph_places: Vec<Option<Place>>,
}

impl Placement {
    /// Subject places, in order.
    pub fn subjects(&self) -> impl Iterator<Item = Place> + '_ {
        self.doc_places.iter().filter(|d| d.role == Role::Subject).map(|d| d.place)
    }

    /// The author place, if any.
    pub fn author(&self) -> Option<Place> {
        self.doc_places.iter().find(|d| d.role == Role::Author).map(|d| d.place)
    }
}

const NATIONAL_TITLE_WORDS: &[&str] = &["国务院", "中华人民共和国", "全国人民代表大会", "中国共产党"];
const SELF_REFS_LOCAL: &[&str] = &["我市", "本市", "全市", "我县", "本县", "全县", "我区", "本区", "全区"];
const SELF_REFS_PROVINCE: &[&str] = &["我省", "本省", "全省"];

/// Attribute a document and each of its paragraphs to places (see the module docs).
pub fn attribute(doc: &Document, hints: &Hints, gaz: &Gazetteer) -> Placement {
    let title = doc.title.clone().or_else(|| hints.title.clone()).unwrap_or_default();
    if is_national_title(&title) {
        return national(doc);
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let mentions = gaz.mentions(&doc.text);
    let context: Vec<RegionId> =
        mentions.iter().filter(|m| m.strength > Strength::Weak).filter_map(|m| m.region).collect();

    // Author place.
    let author = doc
        .author
        .as_deref()
        .and_then(|a| leading_place(gaz, &gaz.mentions_in_context(a.trim(), &context)))
        .or_else(|| leading_place(gaz, &gaz.mentions_in_context(title.trim(), &context)))
        .or_else(|| first_line_place(doc, gaz, &context))
        .or_else(|| hint_place(gaz, hints));

    // Title and subtitle places.
    let mut title_places = collapse(gaz, gaz.mentions_in_context(&title, &context).iter().filter_map(|m| m.region));
    if let Some(sub) = subtitle(doc) {
        for r in collapse(gaz, gaz.mentions_in_context(&sub, &context).iter().filter_map(|m| m.region)) {
            if !title_places.contains(&r) {
                title_places.push(r);
            }
        }
    }
    if title_places.len() > 1 {
        if let Some(a) = author {
            title_places.retain(|&r| r != a);
        }
    }

    // Section places.
    let section_places = section_places(doc, gaz, &chars, &mentions, author);

    let mut subjects: Vec<RegionId> = title_places.clone();
    for (i, s) in doc.sections.iter().enumerate() {
        if s.parent.is_none() {
            if let Some(r) = heading_place(doc, gaz, &mentions, i) {
                if !subjects.contains(&r) {
                    subjects.push(r);
                }
            }
        }
    }
    if subjects.is_empty() {
        if let Some(a) = author {
            subjects.push(a);
        }
    }
    if subjects.is_empty() {
        let occ: Vec<RegionId> = mentions.iter().filter_map(|m| m.region).collect();
        if let Some(r) = dominant(gaz, &occ, 0.4, 3) {
            subjects.push(r);
        }
    }
    if subjects.is_empty()
        && author.is_none()
        && hints.province.as_deref().is_none_or(|p| p.trim().is_empty())
        && (doc.text.contains("我国") || doc.text.contains("全国"))
    {
        return national(doc);
    }

    let default = title_places
        .first()
        .copied()
        .or_else(|| (subjects.len() == 1).then(|| subjects[0]))
        .or(author);
    let paragraph_places = doc
        .paragraphs
        .iter()
        .map(|p| p.section.and_then(|s| section_places[s]).or(default).map(Place::Region))
        .collect();

    let mut doc_places = Vec::new();
    if let Some(a) = author {
        doc_places.push(DocPlace { place: Place::Region(a), role: Role::Author });
    }
    doc_places.extend(subjects.into_iter().map(|r| DocPlace { place: Place::Region(r), role: Role::Subject }));
    Placement { doc_places, paragraph_places }
}

fn is_national_title(title: &str) -> bool {
    if NATIONAL_TITLE_WORDS.iter().any(|w| title.contains(w)) {
        return true;
    }
    let party_congress = title.contains("党的") && title.contains("全国代表大会");
    let party_report = title.contains("共产党") && title.contains("报告");
    party_congress || party_report
}

fn national(doc: &Document) -> Placement {
    Placement {
        doc_places: vec![DocPlace { place: Place::National, role: Role::Subject }],
        paragraph_places: vec![Some(Place::National); doc.paragraphs.len()],
    }
}

/// The most specific place of the chain of adjacent names opening a text
/// (`四川省巴中市…` → 巴中市), if the text starts with a resolved name.
fn leading_place(gaz: &Gazetteer, mentions: &[Mention]) -> Option<RegionId> {
    let mut pos = 0;
    let mut best: Option<RegionId> = None;
    for m in mentions {
        if m.start != pos {
            break;
        }
        let r = m.region?;
        if let Some(b) = best {
            if !gaz.is_ancestor(b, r) {
                break;
            }
        }
        best = Some(r);
        pos = m.end;
    }
    best
}

/// A first non-empty line made only of place names (`四川省巴中市`).
fn first_line_place(doc: &Document, gaz: &Gazetteer, context: &[RegionId]) -> Option<RegionId> {
    let p = doc.paragraphs.iter().find(|p| p.end > p.start)?;
    let line = doc.slice(p.start, p.end).trim();
    let ms = gaz.mentions_in_context(line, context);
    let covered = ms.last().map(|m| m.end) == Some(line.chars().count());
    let chained = ms.windows(2).all(|w| w[0].end == w[1].start) && ms.first().is_some_and(|m| m.start == 0);
    if covered && chained {
        leading_place(gaz, &ms)
    } else {
        None
    }
}

fn hint_place(gaz: &Gazetteer, hints: &Hints) -> Option<RegionId> {
    let province = hints.province.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let prov_ids = province.map(|p| gaz.lookup(p)).unwrap_or_default();
    if let Some(city) = hints.city.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let mut ids = gaz.lookup(city);
        if !prov_ids.is_empty() {
            ids.retain(|&c| prov_ids.iter().any(|&p| gaz.is_ancestor(p, c)));
        }
        if ids.len() == 1 {
            return Some(ids[0]);
        }
    }
    (prov_ids.len() == 1).then(|| prov_ids[0])
}

/// A line opening with a dash (`——濮阳市司法局赴驻马店市学习考察报告`) before the first
/// section: the subtitle.
fn subtitle(doc: &Document) -> Option<String> {
    let first_section = doc.sections.first().map_or(usize::MAX, |s| s.start);
    doc.paragraphs
        .iter()
        .take_while(|p| p.start < first_section)
        .take(12)
        .map(|p| doc.slice(p.start, p.end).trim())
        .find(|l| l.starts_with('—') || l.starts_with("--"))
        .map(|l| l.trim_start_matches(['—', '-', ' ']).to_string())
}

/// Distinct places, dropping any that encloses another (`吉林, 四平市` → `四平市`).
fn collapse(gaz: &Gazetteer, regions: impl Iterator<Item = RegionId>) -> Vec<RegionId> {
    let mut v: Vec<RegionId> = Vec::new();
    for r in regions {
        if !v.contains(&r) {
            v.push(r);
        }
    }
    let all = v.clone();
    v.retain(|&r| !all.iter().any(|&o| o != r && gaz.is_ancestor(r, o)));
    v
}

fn heading_place(doc: &Document, gaz: &Gazetteer, mentions: &[Mention], i: usize) -> Option<RegionId> {
    let s = &doc.sections[i];
    let end = s.start + s.heading.chars().count();
    let places = collapse(gaz, mentions.iter().filter(|m| m.start >= s.start && m.end <= end).filter_map(|m| m.region));
    (places.len() == 1).then(|| places[0])
}

fn section_places(
    doc: &Document,
    gaz: &Gazetteer,
    chars: &[char],
    mentions: &[Mention],
    author: Option<RegionId>,
) -> Vec<Option<RegionId>> {
    let mut out: Vec<Option<RegionId>> = vec![None; doc.sections.len()];
    for (i, s) in doc.sections.iter().enumerate() {
        if let Some(r) = heading_place(doc, gaz, mentions, i) {
            out[i] = Some(r);
            continue;
        }
        if let Some(p) = s.parent.and_then(|p| out.get(p).copied().flatten()) {
            out[i] = Some(p);
            continue;
        }
        let mut occ: Vec<RegionId> =
            mentions.iter().filter(|m| m.start >= s.start && m.end <= s.end).filter_map(|m| m.region).collect();
        if let Some(a) = author {
            let text: String = chars[s.start.min(chars.len())..s.end.min(chars.len())].iter().collect();
            let region = gaz.region(a);
            let municipality = region.level == Level::Province && region.name.ends_with('市');
            let words: &[&str] = if region.level == Level::Province && !municipality {
                SELF_REFS_PROVINCE
            } else {
                SELF_REFS_LOCAL
            };
            let n: usize = words.iter().map(|w| text.matches(w).count()).sum();
            occ.extend(std::iter::repeat_n(a, n));
        }
        out[i] = dominant(gaz, &occ, 0.6, 2);
    }
    out
}

/// The most specific place supported by at least `share` of the occurrences and at
/// least `min` of them, where an occurrence of a division supports its ancestors too.
fn dominant(gaz: &Gazetteer, occ: &[RegionId], share: f64, min: usize) -> Option<RegionId> {
    if occ.is_empty() {
        return None;
    }
    let mut candidates: Vec<RegionId> = occ.iter().flat_map(|&o| gaz.ancestry(o)).collect();
    candidates.sort();
    candidates.dedup();
    let total = occ.len() as f64;
    let mut best: Option<(Level, usize, RegionId)> = None;
    let mut tie = false;
    for c in candidates {
        let support = occ.iter().filter(|&&o| gaz.is_ancestor(c, o)).count();
        if support < min || (support as f64) < share * total {
            continue;
        }
        let key = (gaz.region(c).level, support, c);
        match best {
            Some((l, s, _)) if (key.0, key.1) == (l, s) => tie = true,
            Some((l, s, _)) if (key.0, key.1) < (l, s) => {}
            _ => {
                best = Some(key);
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(_, _, c)| c)
    }
}
