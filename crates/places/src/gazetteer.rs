//! The gazetteer: divisions, their names, and lookups.
//!
//! Data (see `dictionaries/README.md`): `regions.csv` (province / prefecture / county
//! rows from JioNLP), `region_changes.csv` (old names → current division) and
//! `region_aliases.csv` (functional areas → containing division). Municipalities have
//! their districts directly under the province row, so 渝北区's path is
//! `["重庆市", "渝北区"]`.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use crate::PlaceError;

const REGIONS_CSV: &str = include_str!("../../../dictionaries/regions.csv");
const CHANGES_CSV: &str = include_str!("../../../dictionaries/region_changes.csv");
const ALIASES_CSV: &str = include_str!("../../../dictionaries/region_aliases.csv");

/// Version of the embedded data (upstream package and version).
pub const DATA_VERSION: &str = "jionlp-1.5.31";

/// Index of a [`Region`] in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RegionId(pub u32);

/// Administrative level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省 / 自治区 / 直辖市 / 特别行政区.
    Province,
    /// 地级市 / 自治州 / 地区 / 盟.
    Prefecture,
    /// 县 / 县级市 / 市辖区 / 旗 (and county-level functional zones).
    County,
}

/// One division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Six-digit division code (`410900`).
    pub code: String,
    /// Full name (`濮阳市`).
    pub name: String,
    /// Short name (`濮阳`); equal to `name` where a short form would collide.
    pub short: String,
    /// Extra unambiguous short forms (`延边州`, `宁夏自治区`).
    pub aliases: Vec<String>,
    /// Level.
    pub level: Level,
    /// Enclosing division (none for provinces).
    pub parent: Option<RegionId>,
}

/// A place a document or passage is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Place {
    /// The whole country (national documents).
    National,
    /// One division.
    Region(RegionId),
}

/// How a name refers to its division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The full name (`驻马店市`).
    Full,
    /// An alias or functional area (`延边州`, `两江新区`).
    Alias,
    /// A former name (`新津县`, `襄樊`).
    Old,
    /// The short name (`驻马店`).
    Short,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameEntry {
    pub region: RegionId,
    pub kind: NameKind,
}

/// The divisions of China with every name they go by. Build once: [`Gazetteer::embedded`].
pub struct Gazetteer {
    regions: Vec<Region>,
    by_code: HashMap<String, RegionId>,
    pub(crate) names: HashMap<String, Vec<NameEntry>>,
    /// Pattern index of the matcher → name.
    pub(crate) patterns: Vec<String>,
    pub(crate) matcher: AhoCorasick,
    hash: String,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_csv(REGIONS_CSV, CHANGES_CSV, ALIASES_CSV)
        .expect("embedded gazetteer data is valid")
});

/// Words `resolve_query` reads as the whole country.
const NATIONAL_QUERIES: &[&str] = &["全国", "national", "中国", "全中国", "china", "nation"];

impl Gazetteer {
    /// The gazetteer built from the embedded `dictionaries/` files (built on first use).
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Build from CSV texts (`regions.csv`, `region_changes.csv`, `region_aliases.csv`).
    /// Errors name the offending line.
    pub fn from_csv(regions: &str, changes: &str, aliases: &str) -> Result<Gazetteer, String> {
        let mut out = Vec::new();
        let mut by_code = HashMap::new();
        let mut parent_codes = Vec::new();
        for (i, line) in data_lines(regions) {
            let f: Vec<&str> = line.splitn(7, ',').collect();
            if f.len() < 7 {
                return Err(format!("regions.csv line {}: expected 7 fields", i + 1));
            }
            let level = match f[1] {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                "county" => Level::County,
                other => return Err(format!("regions.csv line {}: bad level {other:?}", i + 1)),
            };
            let id = RegionId(out.len() as u32);
            if by_code.insert(f[0].to_string(), id).is_some() {
                return Err(format!(
                    "regions.csv line {}: duplicate code {}",
                    i + 1,
                    f[0]
                ));
            }
            out.push(Region {
                code: f[0].to_string(),
                name: f[2].to_string(),
                short: if f[3].is_empty() { f[2] } else { f[3] }.to_string(),
                aliases: f[6]
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
                level,
                parent: None,
            });
            parent_codes.push(f[4].to_string());
        }
        for (i, pc) in parent_codes.iter().enumerate() {
            if pc.is_empty() {
                continue;
            }
            let p = *by_code
                .get(pc)
                .ok_or_else(|| format!("regions.csv: parent {pc} of {} missing", out[i].code))?;
            out[i].parent = Some(p);
        }

        let mut names: HashMap<String, Vec<NameEntry>> = HashMap::new();
        let mut add = |name: &str, region: RegionId, kind: NameKind| {
            let v = names.entry(name.to_string()).or_default();
            match v.iter_mut().find(|e| e.region == region) {
                Some(e) => e.kind = e.kind.min(kind),
                None => v.push(NameEntry { region, kind }),
            }
        };
        for (i, r) in out.iter().enumerate() {
            let id = RegionId(i as u32);
            add(&r.name, id, NameKind::Full);
            add(&r.short, id, NameKind::Short);
            for a in &r.aliases {
                add(a, id, NameKind::Alias);
            }
        }
        for (i, line) in data_lines(changes) {
            let f: Vec<&str> = line.splitn(4, ',').collect();
            let id = f.get(3).and_then(|c| by_code.get(*c));
            match id {
                Some(&id) => add(f[1], id, NameKind::Old),
                None => return Err(format!("region_changes.csv line {}: unknown code", i + 1)),
            }
        }
        for (i, line) in data_lines(aliases) {
            let f: Vec<&str> = line.splitn(3, ',').collect();
            match f.get(1).and_then(|c| by_code.get(*c)) {
                Some(&id) => add(f[0], id, NameKind::Alias),
                None => return Err(format!("region_aliases.csv line {}: unknown code", i + 1)),
            }
        }
        let mut patterns: Vec<String> = names
            .keys()
            .filter(|n| n.chars().count() >= 2)
            .cloned()
            .collect();
        patterns.extend(
            crate::mentions::PLACE_WORDS
                .blockers
                .iter()
                .filter(|b| !names.contains_key(**b))
                .map(|b| b.to_string()),
        );
        patterns.sort();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let mut h = blake3::Hasher::new();
        for part in [regions, changes, aliases] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        Ok(Gazetteer {
            regions: out,
            by_code,
            names,
            patterns,
            matcher,
            hash: h.finalize().to_hex().to_string(),
        })
    }

    /// The division with this id.
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id.0 as usize]
    }

    /// All divisions, in code order (ids are indices).
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The division with this six-digit code.
    pub fn by_code(&self, code: &str) -> Option<RegionId> {
        self.by_code.get(code).copied()
    }

    /// Divisions whose full name, short name, alias or former name is exactly `name`,
    /// higher levels first, then by code.
    pub fn lookup(&self, name: &str) -> Vec<RegionId> {
        let mut ids: Vec<RegionId> = self
            .names
            .get(name.trim())
            .map(|v| v.iter().map(|e| e.region).collect())
            .unwrap_or_default();
        ids.sort_by_key(|&id| (self.region(id).level, id));
        ids.dedup();
        ids
    }

    /// Resolve a user's `--region` value: `全国`/`national` → [`Place::National`]; a name
    /// (or a path such as `福建福州鼓楼`) matching one division → it; several →
    /// [`PlaceError::Ambiguous`]; none → [`PlaceError::Unknown`] with suggestions.
    pub fn resolve_query(&self, name: &str) -> Result<Place, PlaceError> {
        let q = name.trim();
        if NATIONAL_QUERIES.iter().any(|n| n.eq_ignore_ascii_case(q)) {
            return Ok(Place::National);
        }
        let ids = self.lookup(q);
        match ids.len() {
            1 => return Ok(Place::Region(ids[0])),
            0 => {}
            _ => {
                return Err(PlaceError::Ambiguous {
                    name: q.to_string(),
                    candidates: ids.iter().map(|&id| self.full_path(id)).collect(),
                })
            }
        }
        // A path of names (`福建福州鼓楼`, `重庆/渝北`): each name narrows the next.
        if let Some(ids) = self.resolve_path(q) {
            return match ids.len() {
                1 => Ok(Place::Region(ids[0])),
                _ => Err(PlaceError::Ambiguous {
                    name: q.to_string(),
                    candidates: ids.iter().map(|&id| self.full_path(id)).collect(),
                }),
            };
        }
        Err(PlaceError::Unknown {
            name: q.to_string(),
            suggestions: self.suggestions(q),
        })
    }

    fn resolve_path(&self, q: &str) -> Option<Vec<RegionId>> {
        let text: String = q
            .chars()
            .filter(|c| !matches!(c, '/' | ' ' | ',' | '-' | '>' | '、'))
            .collect();
        let mut pos = 0;
        let mut current: Option<Vec<RegionId>> = None;
        for m in self.matcher.find_iter(&text) {
            if m.start() != pos {
                return None;
            }
            pos = m.end();
            let cands = self.lookup(&self.patterns[m.pattern().as_usize()]);
            current = Some(match current {
                None => cands,
                Some(prev) => {
                    let narrowed: Vec<RegionId> = cands
                        .into_iter()
                        .filter(|&c| prev.iter().any(|&p| self.is_ancestor(p, c)))
                        .collect();
                    if narrowed.is_empty() {
                        return None;
                    }
                    narrowed
                }
            });
        }
        if pos != text.len() {
            return None;
        }
        current.filter(|c| !c.is_empty())
    }

    fn suggestions(&self, q: &str) -> Vec<String> {
        if q.chars().count() < 2 {
            return Vec::new();
        }
        let stem: String = q.chars().take(2).collect();
        let mut ids: Vec<RegionId> = self
            .names
            .iter()
            .filter(|(n, _)| {
                n.contains(q)
                    || (n.chars().count() >= 2 && q.contains(n.as_str()))
                    || n.starts_with(&stem)
            })
            .flat_map(|(_, v)| v.iter().map(|e| e.region))
            .collect();
        ids.sort_by_key(|&id| (self.region(id).level, id));
        ids.dedup();
        ids.truncate(8);
        ids.into_iter().map(|id| self.full_path(id)).collect()
    }

    /// Names from the province down: `["河南省", "驻马店市"]`, `["重庆市", "渝北区"]`;
    /// [`Place::National`] → `["全国"]`.
    pub fn facet_path(&self, place: Place) -> Vec<String> {
        match place {
            Place::National => vec!["全国".to_string()],
            Place::Region(id) => self
                .ancestry(id)
                .into_iter()
                .map(|a| self.region(a).name.clone())
                .collect(),
        }
    }

    /// The place whose [`Gazetteer::facet_path`] is `path` (`["河南省", "驻马店市"]`,
    /// `["全国"]`), if any.
    pub fn by_path(&self, path: &[String]) -> Option<Place> {
        if path.len() == 1 && path[0] == "全国" {
            return Some(Place::National);
        }
        self.lookup(path.last()?)
            .into_iter()
            .map(Place::Region)
            .find(|&p| self.facet_path(p) == path)
    }

    /// `national`, `province`, `prefecture` or `county`.
    pub fn level_name(&self, place: Place) -> &'static str {
        match place {
            Place::National => "national",
            Place::Region(id) => match self.region(id).level {
                Level::Province => "province",
                Level::Prefecture => "prefecture",
                Level::County => "county",
            },
        }
    }

    /// The facet path as one string: `福建省福州市鼓楼区`.
    pub fn full_path(&self, id: RegionId) -> String {
        self.facet_path(Place::Region(id)).concat()
    }

    /// The division and its ancestors, province first.
    pub fn ancestry(&self, id: RegionId) -> Vec<RegionId> {
        let mut v = vec![id];
        let mut cur = self.region(id).parent;
        while let Some(p) = cur {
            v.push(p);
            cur = self.region(p).parent;
        }
        v.reverse();
        v
    }

    /// `a` is `b` or encloses it.
    pub fn is_ancestor(&self, a: RegionId, b: RegionId) -> bool {
        let mut cur = Some(b);
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            cur = self.region(c).parent;
        }
        false
    }

    /// The province a division lies in.
    pub fn province(&self, id: RegionId) -> RegionId {
        self.ancestry(id)[0]
    }

    /// Every name, short name, alias and former name (each once), for the segmenter's
    /// user dictionary.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let mut v: Vec<&str> = self.names.keys().map(String::as_str).collect();
        v.sort_unstable();
        v.into_iter()
    }

    /// Version of the embedded data.
    pub fn version(&self) -> &str {
        DATA_VERSION
    }

    /// blake3 (hex) of the data files the gazetteer was built from.
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

/// Non-empty lines after the header, with their 0-based line numbers.
fn data_lines(csv: &str) -> impl Iterator<Item = (usize, &str)> {
    csv.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| (i, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn names(ids: &[RegionId]) -> Vec<String> {
        ids.iter().map(|&id| g().full_path(id)).collect()
    }

    #[test]
    fn level_counts_and_hierarchy() {
        let count = |l: Level| g().regions().iter().filter(|r| r.level == l).count();
        assert_eq!(count(Level::Province), 34);
        assert_eq!(count(Level::Prefecture), 339);
        assert_eq!(count(Level::County), 2996);
        // No placeholders, no municipality repeated as its own prefecture.
        assert!(g()
            .regions()
            .iter()
            .all(|r| !r.name.contains("直辖") && r.name != "市辖区"));
        let chongqing = g().lookup("重庆市");
        assert_eq!(chongqing.len(), 1);
        assert_eq!(g().region(chongqing[0]).level, Level::Province);
    }

    #[test]
    fn lookup_full_short_alias_and_old_names() {
        assert_eq!(names(&g().lookup("河南")), ["河南省"]);
        assert_eq!(names(&g().lookup("河南省")), ["河南省"]);
        assert_eq!(names(&g().lookup("驻马店")), ["河南省驻马店市"]);
        assert_eq!(names(&g().lookup("渝北")), ["重庆市渝北区"]);
        assert_eq!(names(&g().lookup("张家港")), ["江苏省苏州市张家港市"]);
        assert_eq!(names(&g().lookup("延边州")), ["吉林省延边朝鲜族自治州"]);
        assert_eq!(names(&g().lookup("宁夏")), ["宁夏回族自治区"]);
        // Former names resolve to today's division.
        assert_eq!(names(&g().lookup("新津县")), ["四川省成都市新津区"]);
        assert_eq!(names(&g().lookup("襄樊")), ["湖北省襄阳市"]);
        // Functional areas resolve to their containing division.
        assert_eq!(names(&g().lookup("两江新区")), ["重庆市"]);
        let gulou = names(&g().lookup("鼓楼"));
        assert_eq!(
            gulou,
            [
                "江苏省南京市鼓楼区",
                "江苏省徐州市鼓楼区",
                "福建省福州市鼓楼区",
                "河南省开封市鼓楼区"
            ]
        );
        assert!(g().lookup("火星").is_empty());
    }

    #[test]
    fn resolve_query_national_unique_ambiguous_unknown() {
        assert_eq!(g().resolve_query("全国"), Ok(Place::National));
        assert_eq!(g().resolve_query("national"), Ok(Place::National));
        let yubei = g().resolve_query("渝北").unwrap();
        assert_eq!(g().facet_path(yubei), ["重庆市", "渝北区"]);
        match g().resolve_query("鼓楼") {
            Err(PlaceError::Ambiguous { name, candidates }) => {
                assert_eq!(name, "鼓楼");
                assert_eq!(candidates.len(), 4);
                assert!(candidates.contains(&"福建省福州市鼓楼区".to_string()));
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
        // A path narrows an ambiguous name.
        let fz = g().resolve_query("福州鼓楼").unwrap();
        assert_eq!(g().facet_path(fz), ["福建省", "福州市", "鼓楼区"]);
        let fz2 = g().resolve_query("福建/福州/鼓楼").unwrap();
        assert_eq!(fz, fz2);
        match g().resolve_query("驻马镇") {
            Err(PlaceError::Unknown { suggestions, .. }) => {
                assert!(
                    suggestions.contains(&"河南省驻马店市".to_string()),
                    "{suggestions:?}"
                )
            }
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    #[test]
    fn facet_paths() {
        let p = |n: &str| g().resolve_query(n).unwrap();
        assert_eq!(g().facet_path(Place::National), ["全国"]);
        assert_eq!(g().facet_path(p("驻马店")), ["河南省", "驻马店市"]);
        assert_eq!(g().facet_path(p("渝北区")), ["重庆市", "渝北区"]);
        assert_eq!(g().facet_path(p("北京朝阳")), ["北京市", "朝阳区"]);
        assert_eq!(g().facet_path(p("郓城")), ["山东省", "菏泽市", "郓城县"]);
        assert_eq!(g().facet_path(p("仙桃")), ["湖北省", "仙桃市"]);
        assert_eq!(g().facet_path(p("北京")), ["北京市"]);
    }

    #[test]
    fn words_version_hash() {
        let words: Vec<&str> = g().words().collect();
        for w in ["驻马店", "驻马店市", "延边州", "两江新区", "新津县", "渝北"] {
            assert!(words.contains(&w), "{w}");
        }
        assert_eq!(g().version(), "jionlp-1.5.31");
        assert_eq!(g().hash().len(), 64);
        assert!(g().hash().chars().all(|c| c.is_ascii_hexdigit()));
    }
}
