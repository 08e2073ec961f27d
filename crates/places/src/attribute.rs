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
//!    none: the author place; else (after rule 4) the place dominating the whole text
//!    (≥ 40 % of the resolved mentions and ≥ 3 of them, counting subdivisions as its own).
//!    So does `…全国代表大会上的(政治)报告` in the opening 300 chars (a party congress
//!    report under a slogan title); other words there are citations (`国务院《纲要》`).
//! 4. **National voice** — no author place, no title or heading place, no province or city
//!    hint, and the text says 我国/全国人民/党中央 three times or more: national, before any
//!    dominant-place guess (a party congress report names 台湾 often). After that guess, a
//!    text with no place at all that says 全国, or whose title ends in a party congress
//!    marker (`(七大)`), is national too.
//! 5. **Sections** — a heading naming exactly one place (a chain such as `宁夏银川`
//!    collapses to its most specific name) gives the section that place; else a nested
//!    section inherits its parent's; else the section's own text decides when one place
//!    dominates it (≥ 60 % and ≥ 2), where 我市/本市/全市/我县/本县/全县/我区/本区/全区
//!    (and 我省/本省/全省 for a provincial author) count as the author place, and the
//!    document's own place (author, else title subject) gets one extra vote.
//! 6. **Paragraphs** — the place of the paragraph's innermost section; else the document
//!    default: the first title/subtitle subject, else the only subject, else the author
//!    place, else `None`. So the intro of a multi-place article (several section places,
//!    no title place, no author) gets `None`.

use std::collections::{BTreeMap, HashSet};

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
        self.doc_places
            .iter()
            .filter(|d| d.role == Role::Subject)
            .map(|d| d.place)
    }

    /// The author place, if any.
    pub fn author(&self) -> Option<Place> {
        self.doc_places
            .iter()
            .find(|d| d.role == Role::Author)
            .map(|d| d.place)
    }
}

const NATIONAL_TITLE_WORDS: &[&str] =
    &["国务院", "中华人民共和国", "全国人民代表大会", "中国共产党"];
const SELF_REFS_LOCAL: &[&str] = &[
    "我市", "本市", "全市", "我县", "本县", "全县", "我区", "本区", "全区",
];
const SELF_REFS_PROVINCE: &[&str] = &["我省", "本省", "全省"];

/// Attribute a document and each of its paragraphs to places (see the module docs).
pub fn attribute(doc: &Document, hints: &Hints, gaz: &Gazetteer) -> Placement {
    let title = doc
        .title
        .clone()
        .or_else(|| hints.title.clone())
        .unwrap_or_default();
    // The opening of the text names the occasion when the title does not
    // (`在中国共产党第十六次全国代表大会上的报告` under a slogan title).
    let opening: String = doc.text.chars().take(300).collect();
    if is_national_title(&title) || opening.contains("全国代表大会上的") {
        return national(doc);
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let mentions = gaz.mentions(&doc.text);
    let context: Vec<RegionId> = mentions
        .iter()
        .filter(|m| m.strength > Strength::Weak)
        .filter_map(|m| m.region)
        .collect();

    // Author place.
    let author = doc
        .author
        .as_deref()
        .and_then(|a| leading_place(gaz, &gaz.mentions_in_context(a.trim(), &context)))
        .or_else(|| leading_place(gaz, &gaz.mentions_in_context(title.trim(), &context)))
        .or_else(|| first_line_place(doc, gaz, &context))
        .or_else(|| hint_place(gaz, hints));

    // Title and subtitle places.
    let mut title_places = collapse(
        gaz,
        gaz.mentions_in_context(&title, &context)
            .iter()
            .filter_map(|m| m.region),
    );
    if let Some(sub) = subtitle(doc) {
        for r in collapse(
            gaz,
            gaz.mentions_in_context(&sub, &context)
                .iter()
                .filter_map(|m| m.region),
        ) {
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
    let prior = author.or(title_places.first().copied());
    let section_places = section_places(doc, gaz, &chars, &mentions, author, prior);

    let mut subjects: Vec<RegionId> = title_places.clone();
    let mut seen: HashSet<RegionId> = subjects.iter().copied().collect();
    for (i, s) in doc.sections.iter().enumerate() {
        if s.parent.is_none() {
            if let Some(r) = heading_place(doc, gaz, &mentions, i) {
                if seen.insert(r) {
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
    // Nobody local wrote it and no place heads it: a text that speaks of 我国/全国 is
    // national, even when one place (台湾 in a party congress report) is often named.
    let no_hint = hints
        .province
        .as_deref()
        .is_none_or(|p| p.trim().is_empty())
        && hints.city.as_deref().is_none_or(|c| c.trim().is_empty());
    if subjects.is_empty() && author.is_none() && no_hint && national_voice(&doc.text) {
        return national(doc);
    }
    if subjects.is_empty() {
        let occ: Vec<RegionId> = mentions.iter().filter_map(|m| m.region).collect();
        if let Some(r) = dominant(gaz, &occ, 0.4, 3) {
            subjects.push(r);
        }
    }
    if subjects.is_empty()
        && author.is_none()
        && no_hint
        && (doc.text.contains("全国") || congress_title(&title))
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
        .map(|p| {
            p.section
                .and_then(|s| section_places[s])
                .or(default)
                .map(Place::Region)
        })
        .collect();

    let mut doc_places = Vec::new();
    if let Some(a) = author {
        doc_places.push(DocPlace {
            place: Place::Region(a),
            role: Role::Author,
        });
    }
    doc_places.extend(subjects.into_iter().map(|r| DocPlace {
        place: Place::Region(r),
        role: Role::Subject,
    }));
    Placement {
        doc_places,
        paragraph_places,
    }
}

fn is_national_title(title: &str) -> bool {
    if NATIONAL_TITLE_WORDS.iter().any(|w| title.contains(w)) {
        return true;
    }
    let party_congress = title.contains("党的") && title.contains("全国代表大会");
    let party_report = title.contains("共产党") && title.contains("报告");
    party_congress || party_report
}

/// A party congress marker closing the title: `(十六大)`, `（七大）`.
fn congress_title(title: &str) -> bool {
    let t = title.trim_end();
    let Some(inner) = t.strip_suffix(')').or_else(|| t.strip_suffix('）')) else {
        return false;
    };
    let Some(inner) = inner.strip_suffix('大') else {
        return false;
    };
    let numeral: String = inner
        .chars()
        .rev()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty() && inner[..inner.len() - numeral.len()].ends_with(['(', '（'])
}

/// Does the text speak for the whole country (我国, 全国人民, 党中央 several times)?
fn national_voice(text: &str) -> bool {
    ["我国", "全国人民", "党中央", "中央人民政府"]
        .iter()
        .map(|w| text.matches(w).count())
        .sum::<usize>()
        >= 3
}

fn national(doc: &Document) -> Placement {
    Placement {
        doc_places: vec![DocPlace {
            place: Place::National,
            role: Role::Subject,
        }],
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
    let chained =
        ms.windows(2).all(|w| w[0].end == w[1].start) && ms.first().is_some_and(|m| m.start == 0);
    if covered && chained {
        leading_place(gaz, &ms)
    } else {
        None
    }
}

fn hint_place(gaz: &Gazetteer, hints: &Hints) -> Option<RegionId> {
    let province = hints
        .province
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let prov_ids = province.map(|p| gaz.lookup(p)).unwrap_or_default();
    if let Some(city) = hints
        .city
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
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
    let mut seen = HashSet::new();
    let mut v: Vec<RegionId> = regions.filter(|&r| seen.insert(r)).collect();
    let enclosing: HashSet<RegionId> = v.iter().flat_map(|&r| strict_ancestors(gaz, r)).collect();
    v.retain(|r| !enclosing.contains(r));
    v
}

/// The divisions enclosing `r`, innermost first.
fn strict_ancestors(gaz: &Gazetteer, r: RegionId) -> impl Iterator<Item = RegionId> + '_ {
    std::iter::successors(gaz.region(r).parent, |&p| gaz.region(p).parent)
}

/// The mentions lying within chars `start..end`. Mentions are sorted and do not overlap,
/// so their ends are sorted too: two binary searches, not a pass over the document.
fn within(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    let lo = mentions.partition_point(|m| m.start < start);
    let hi = mentions.partition_point(|m| m.end <= end).max(lo);
    &mentions[lo..hi]
}

fn heading_place(
    doc: &Document,
    gaz: &Gazetteer,
    mentions: &[Mention],
    i: usize,
) -> Option<RegionId> {
    let s = &doc.sections[i];
    let end = s.start + s.heading.chars().count();
    let places = collapse(
        gaz,
        within(mentions, s.start, end)
            .iter()
            .filter_map(|m| m.region),
    );
    (places.len() == 1).then(|| places[0])
}

fn section_places(
    doc: &Document,
    gaz: &Gazetteer,
    chars: &[char],
    mentions: &[Mention],
    author: Option<RegionId>,
    prior: Option<RegionId>,
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
        let mut occ: Vec<RegionId> = within(mentions, s.start, s.end)
            .iter()
            .filter_map(|m| m.region)
            .collect();
        if let Some(a) = author {
            let text: String = chars[s.start.min(chars.len())..s.end.min(chars.len())]
                .iter()
                .collect();
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
        if !occ.is_empty() {
            // The document's own place gets one vote in every section, so a passing
            // mention of a neighbour (`邀请张掖中院`) does not move a section away from it.
            occ.extend(prior);
        }
        out[i] = dominant(gaz, &occ, 0.6, 2)
            // Only the province dominates, and it encloses the document's own place: no
            // reason to leave the document's place.
            .filter(|&d| prior.is_none_or(|p| p == d || !gaz.is_ancestor(d, p)));
    }
    out
}

/// The most specific place supported by at least `share` of the occurrences and at
/// least `min` of them, where an occurrence of a division supports its ancestors too.
fn dominant(gaz: &Gazetteer, occ: &[RegionId], share: f64, min: usize) -> Option<RegionId> {
    if occ.is_empty() {
        return None;
    }
    // Support of each division: the occurrences of it or of a division inside it.
    let mut supports: BTreeMap<RegionId, usize> = BTreeMap::new();
    for &o in occ {
        for c in std::iter::once(o).chain(strict_ancestors(gaz, o)) {
            *supports.entry(c).or_default() += 1;
        }
    }
    let total = occ.len() as f64;
    let mut best: Option<(Level, usize, RegionId)> = None;
    let mut tie = false;
    for (c, support) in supports {
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

#[cfg(test)]
mod tests {
    use super::*;
    use govmine_text::process;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn path(p: Place) -> String {
        g().facet_path(p).concat()
    }

    /// Document, its placement, and (role, path) of each doc place.
    fn run(raw: &str, hints: &Hints) -> (Document, Placement, Vec<(Role, String)>) {
        let doc = process(raw, hints);
        let placement = attribute(&doc, hints, g());
        let places = placement
            .doc_places
            .iter()
            .map(|d| (d.role, path(d.place)))
            .collect();
        (doc, placement, places)
    }

    /// Place of the first paragraph whose text starts with `prefix`.
    fn place_of(doc: &Document, placement: &Placement, prefix: &str) -> Option<String> {
        let i = doc
            .paragraphs
            .iter()
            .position(|p| doc.slice(p.start, p.end).trim().starts_with(prefix))
            .unwrap_or_else(|| panic!("no paragraph starts with {prefix}"));
        placement.paragraph_places[i].map(path)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn seed_000_author_puyang_subject_zhumadian() {
        let (doc, pl, places) = run(
            include_str!("../../../corpus/000_3f2a7be6bd882b3f.txt"),
            &Hints::default(),
        );
        assert_eq!(
            places,
            [
                (Role::Author, "河南省濮阳市".into()),
                (Role::Subject, "河南省驻马店市".into())
            ]
        );
        assert_eq!(pl.paragraph_places.len(), doc.paragraphs.len());
        assert_eq!(
            place_of(&doc, &pl, "一、驻马店市法治政府建设工作主要做法"),
            s("河南省驻马店市")
        );
        assert_eq!(
            place_of(&doc, &pl, "(一)领导重视程度高"),
            s("河南省驻马店市")
        );
        assert_eq!(
            place_of(&doc, &pl, "二、我市法治政府建设存在的问题"),
            s("河南省濮阳市")
        );
        assert_eq!(
            place_of(&doc, &pl, "(二)法治政府建设推进不平衡"),
            s("河南省濮阳市")
        );
        assert_eq!(place_of(&doc, &pl, "三、下一步工作打算"), s("河南省濮阳市"));
        assert_eq!(place_of(&doc, &pl, "四、工作建议"), s("河南省濮阳市"));
    }

    #[test]
    fn seed_001_jiuquan_from_the_title() {
        let (doc, pl, places) = run(
            include_str!("../../../corpus/001_db632a6819f2f662.txt"),
            &Hints::default(),
        );
        assert_eq!(
            places,
            [
                (Role::Author, "甘肃省酒泉市".into()),
                (Role::Subject, "甘肃省酒泉市".into())
            ]
        );
        assert!(pl
            .paragraph_places
            .iter()
            .all(|p| p.map(path).as_deref() == Some("甘肃省酒泉市")));
        assert!(!doc.paragraphs.is_empty());
    }

    #[test]
    fn seed_002_six_city_article() {
        let (doc, pl, places) = run(
            include_str!("../../../corpus/002_eee0beed65e72678.txt"),
            &Hints::default(),
        );
        let subjects: Vec<&str> = places
            .iter()
            .map(|(r, p)| {
                assert_eq!(*r, Role::Subject);
                p.as_str()
            })
            .collect();
        assert_eq!(
            subjects,
            [
                "吉林省四平市",
                "宁夏回族自治区银川市",
                "湖北省咸宁市",
                "重庆市渝北区",
                "江苏省苏州市张家港市",
                "福建省厦门市"
            ]
        );
        // The intro before the first block belongs to no single place.
        assert_eq!(place_of(&doc, &pl, "党的十八届四中全会提出"), None);
        assert_eq!(place_of(&doc, &pl, "举措:四平市政府"), s("吉林省四平市"));
        assert_eq!(
            place_of(&doc, &pl, "举措:2014年以来,银川市"),
            s("宁夏回族自治区银川市")
        );
        assert_eq!(place_of(&doc, &pl, "举措:咸宁市"), s("湖北省咸宁市"));
        assert_eq!(place_of(&doc, &pl, "扎实服务基层"), s("重庆市渝北区"));
        assert_eq!(
            place_of(&doc, &pl, "举措:张家港市"),
            s("江苏省苏州市张家港市")
        );
        assert_eq!(place_of(&doc, &pl, "执法监管过程公开"), s("福建省厦门市"));
    }

    #[test]
    fn seed_003_bazhong_from_the_first_line() {
        let (_, pl, places) = run(
            include_str!("../../../corpus/003_40199a098a244c13.txt"),
            &Hints::default(),
        );
        assert_eq!(
            places,
            [
                (Role::Author, "四川省巴中市".into()),
                (Role::Subject, "四川省巴中市".into())
            ]
        );
        assert!(pl
            .paragraph_places
            .iter()
            .all(|p| p.map(path).as_deref() == Some("四川省巴中市")));
    }

    #[test]
    fn seed_004_yuncheng_from_a_short_title_name() {
        let (_, pl, places) = run(
            include_str!("../../../corpus/004_e9e637da5608c3ff.txt"),
            &Hints::default(),
        );
        assert_eq!(
            places,
            [
                (Role::Author, "山东省菏泽市郓城县".into()),
                (Role::Subject, "山东省菏泽市郓城县".into())
            ]
        );
        assert!(pl
            .paragraph_places
            .iter()
            .all(|p| p.map(path).as_deref() == Some("山东省菏泽市郓城县")));
    }

    const NATIONAL_2025: &str = "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n\n一、2024年工作回顾\n\n过去一年，中国特色大国外交开创新局面。习近平主席等党和国家领导人出访多国，出席上海合作组织峰会。成功举办中非合作论坛北京峰会。\n\n纵深推进全国统一大市场建设。加快建立健全基础制度规则，破除地方保护和市场分割。\n";

    #[test]
    fn national_report_by_title() {
        let hints = Hints {
            title: Some("2025年中华人民共和国国务院政府工作报告".into()),
            ..Hints::default()
        };
        let (doc, pl, places) = run(NATIONAL_2025, &hints);
        assert_eq!(places, [(Role::Subject, "全国".into())]);
        assert_eq!(pl.paragraph_places.len(), doc.paragraphs.len());
        assert!(pl
            .paragraph_places
            .iter()
            .all(|&p| p == Some(Place::National)));
    }

    #[test]
    fn national_by_text_when_no_place_and_no_hint() {
        let (_, pl, places) = run(NATIONAL_2025, &Hints::default());
        assert_eq!(places, [(Role::Subject, "全国".into())]);
        assert!(pl
            .paragraph_places
            .iter()
            .all(|&p| p == Some(Place::National)));
        // A province hint keeps it local.
        let hints = Hints {
            province: Some("河南省".into()),
            ..Hints::default()
        };
        let (_, _, places) = run(NATIONAL_2025, &hints);
        assert_eq!(
            places,
            [
                (Role::Author, "河南省".into()),
                (Role::Subject, "河南省".into())
            ]
        );
    }

    #[test]
    fn hand_built_document_sections_inherit_and_dominate() {
        use govmine_text::{HeadingKind, Paragraph, Section, YearSource};
        // Lines: 0 title, 1 heading naming 驻马店, 2 nested heading, 3 body, 4 heading, 5 body with 我市.
        let lines = [
            "学习考察报告",
            "一、驻马店市的做法",
            "(一)领导重视",
            "市委高度重视。",
            "二、存在的问题",
            "我市还有差距,全市推进不平衡。",
        ];
        let text = lines.join("\n");
        let mut paragraphs = Vec::new();
        let mut pos = 0;
        for (i, l) in lines.iter().enumerate() {
            let n = l.chars().count();
            let section = match i {
                0 => None,
                1 => Some(0),
                2 | 3 => Some(1),
                _ => Some(2),
            };
            paragraphs.push(Paragraph {
                start: pos,
                end: pos + n,
                section,
                is_heading: matches!(i, 1 | 2 | 4),
            });
            pos += n + 1;
        }
        let start = |i: usize| paragraphs[i].start;
        let total = text.chars().count();
        let sections = vec![
            Section {
                heading: lines[1].into(),
                kind: HeadingKind::Numeral,
                level: 1,
                parent: None,
                start: start(1),
                end: start(4),
            },
            Section {
                heading: lines[2].into(),
                kind: HeadingKind::ParenNumeral,
                level: 2,
                parent: Some(0),
                start: start(2),
                end: start(4),
            },
            Section {
                heading: lines[4].into(),
                kind: HeadingKind::Numeral,
                level: 1,
                parent: None,
                start: start(4),
                end: total,
            },
        ];
        let doc = Document {
            text,
            title: Some(lines[0].into()),
            publish_date: None,
            year: None,
            year_source: YearSource::None,
            author: Some("濮阳市司法局".into()),
            source: None,
            sections,
            paragraphs,
            sentences: Vec::new(),
        };
        let pl = attribute(&doc, &Hints::default(), g());
        let got: Vec<Option<String>> = pl.paragraph_places.iter().map(|p| p.map(path)).collect();
        assert_eq!(
            got,
            [
                s("河南省驻马店市"),
                s("河南省驻马店市"),
                s("河南省驻马店市"),
                s("河南省驻马店市"),
                s("河南省濮阳市"),
                s("河南省濮阳市")
            ]
        );
        assert_eq!(pl.author().map(path), s("河南省濮阳市"));
        assert_eq!(
            pl.subjects().map(path).collect::<Vec<_>>(),
            ["河南省驻马店市"]
        );
    }
}
