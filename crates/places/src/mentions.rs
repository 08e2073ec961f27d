//! Finding place names in text.
//!
//! One Aho-Corasick pass (leftmost-longest) over every name of two chars or more, then:
//!
//! 1. **Stoplist** — names that are ordinary words in government prose (和平, 合作, 城区,
//!    长安, 东方 …) are never mentions. 1-char names never match at all.
//! 2. **Strength** — full names, aliases and former names of three chars or more are
//!    [`Strength::Strong`]; short names of three chars or more, province short names and
//!    most prefecture short names are [`Strength::Medium`]; everything else (two-char
//!    county short names such as 渝北 郓城, two-char full names such as 和县, and a few
//!    prefecture short names that are also words: 大理 长治 大同 …) is [`Strength::Weak`].
//! 3. **Weak names need support** — a weak name counts only when it is not glued to a
//!    preceding Han character (start of text, after punctuation or a digit), or it
//!    directly follows another accepted place name (`重庆渝北`), or the text names its
//!    prefecture, or names it in full elsewhere. `重大理论` or `党和政府` thus give nothing.
//! 4. **Disambiguation** — each candidate scores by the other names of the same text:
//!    directly after a name of its ancestor (`江苏张家港`, `福州鼓楼`) most, then
//!    ancestors or descendants named elsewhere; with no context at all the single
//!    highest-level candidate wins, otherwise the mention stays unresolved.

use std::collections::HashSet;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, Level, NameKind, RegionId};

/// Names that are ordinary words (or too generic) and never count as mentions.
const STOPLIST: &[&str] = &[
    "城区", "郊区", "矿区", "新区", "东区", "西区", "南区", "北区", "市中", "市中区", "城中", "城关", "开发区", "高新区", "经开区",
    "河北区", "南部", "新城", "老城", "中山", "长安", "永安", "东方", "白云", "合作", "和平", "解放", "共和", "前进", "和政", "友好",
    "工农", "振兴", "民和", "新建", "复兴", "新兴", "平和", "安定", "新和", "富裕", "互助", "友谊", "同心", "方正", "兴国", "宏伟",
    "安居", "大城", "公安", "光明", "惠民", "港口", "平安", "政和", "富民", "新民", "大安", "通道", "太平", "同德", "爱民", "乐业",
    "延长", "民权", "安宁", "大新", "青山", "红旗", "惠农", "大通", "同仁", "福安", "平原", "金水", "和布", "高要", "大关", "兴和",
    "海港", "金山", "太湖", "新干", "新安", "会同", "大方", "磐石", "双城", "大丰", "金安", "资兴", "兴业", "大化", "三河", "江山",
    "同安", "运河", "三门", "来安", "三元", "清新", "三江", "威信", "比如", "江源", "宝山", "通城", "新平", "镇安", "西和", "裕民",
    "定兴", "平定", "和顺", "东风", "连云", "永定", "建安", "中方", "始兴", "金平", "平南", "金沙", "定结", "新市", "河西", "平山",
    "新乐", "开平", "信都", "南和", "清河", "宽城", "固安", "小店", "阳高", "上党", "大东", "元宝", "建平", "丰满", "通河", "建华",
    "兴安", "东山", "明水", "高港", "开化", "长乐", "大田", "进贤", "万年", "中原", "北关", "中站", "湖滨", "江海", "平远", "江城",
    "仁和", "三台", "兴文", "石棉", "通江", "金川", "沿河", "通海", "建水", "亚东", "定边", "清水", "合水", "海晏", "新青", "灯塔",
    "集宁", "上城", "下城", "海西", "长治", "大同", "安康", "三明", "朝阳", "海东", "白山", "宁安", "和田", "保山", "南岸", "江北",
    "江南", "西湖", "东湖", "龙华", "新华", "红星", "三山", "桥东", "桥西", "和县", "庐山", "泰山", "龙江", "长寿", "大观", "吉利",
    "龙山", "龙门", "南华", "青龙", "青云", "石门", "太和", "泰和", "万安", "万全", "武功", "新化", "新会", "兴隆", "阳春", "永宁",
    "永和", "永兴", "新罗", "全州",
];

/// Short names of prefectures that are also words: weak, like county short names.
const RISKY_PREFECTURE_SHORTS: &[&str] = &["大理", "中卫", "白城", "金昌", "丽江", "文山", "普洱", "红河", "临沧", "黄南", "果洛", "海南", "海北", "玉树", "吉安", "抚州", "宜春", "通化", "黄山"];

/// How much a matched name can be trusted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// Needs support from context or a boundary (2-char county short names).
    Weak,
    /// Stands on its own (驻马店, 河南).
    Medium,
    /// A full name, alias or former name of 3+ chars (驻马店市, 渝北区, 新津县).
    Strong,
}

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The name as matched.
    pub text: String,
    /// The strongest way the name refers to any candidate.
    pub kind: NameKind,
    /// Trust on its own.
    pub strength: Strength,
    /// Divisions the name can refer to, best first.
    pub candidates: Vec<RegionId>,
    /// The division chosen, when the candidates and the context allow a choice.
    pub region: Option<RegionId>,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

impl Gazetteer {
    /// Every place name in `text` (char offsets), filtered and disambiguated; see the
    /// module documentation for the rules.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_in_context(text, &[])
    }

    /// Like [`Gazetteer::mentions`], with divisions known from elsewhere (the rest of the
    /// document) added to the context used for support and disambiguation.
    pub fn mentions_in_context(&self, text: &str, context: &[RegionId]) -> Vec<Mention> {
        let raw = self.raw_mentions(text);
        // Context: divisions named unambiguously by non-weak mentions, plus given ones.
        let mut anchors: Vec<RegionId> = context.to_vec();
        for (m, _) in &raw {
            if m.strength > Strength::Weak && m.candidates.len() == 1 {
                anchors.push(m.candidates[0]);
            }
        }
        let mut anchor_set: HashSet<RegionId> = HashSet::new();
        for &a in &anchors {
            anchor_set.extend(self.ancestry(a));
        }
        let mut out: Vec<Mention> = Vec::with_capacity(raw.len());
        for (mut m, glued) in raw {
            let prev = out.last().filter(|p| p.end == m.start);
            if m.strength == Strength::Weak {
                if prev.is_some() || !glued {
                    // keep all candidates
                } else {
                    let supported: Vec<RegionId> = m
                        .candidates
                        .iter()
                        .copied()
                        .filter(|&c| {
                            anchor_set.contains(&c)
                                || self.region(c).parent.is_some_and(|p| {
                                    anchor_set.contains(&p)
                                        && (self.region(p).level == Level::Prefecture
                                            || self.region(c).level == Level::Prefecture)
                                })
                        })
                        .collect();
                    if supported.is_empty() {
                        continue;
                    }
                    m.candidates = supported;
                }
            }
            self.rank(&mut m, prev, &anchors);
            out.push(m);
        }
        out
    }

    /// Score candidates and set `region`.
    fn rank(&self, m: &mut Mention, prev: Option<&Mention>, anchors: &[RegionId]) {
        if m.candidates.len() == 1 {
            m.region = Some(m.candidates[0]);
            return;
        }
        let prev_regions: Vec<RegionId> = match prev {
            Some(p) => p.region.map(|r| vec![r]).unwrap_or_else(|| p.candidates.clone()),
            None => Vec::new(),
        };
        let score = |c: RegionId| -> i64 {
            let mut s = 0i64;
            if prev_regions.iter().any(|&p| p != c && self.is_ancestor(p, c)) {
                s += 100;
            }
            for &a in anchors {
                if a == c {
                    s += 3;
                } else if self.is_ancestor(a, c) {
                    s += if self.region(a).level == Level::Province { 2 } else { 4 };
                } else if self.is_ancestor(c, a) {
                    s += 1;
                }
            }
            s
        };
        let mut scored: Vec<(i64, RegionId)> = m.candidates.iter().map(|&c| (score(c), c)).collect();
        scored.sort_by_key(|&(s, c)| (-s, self.region(c).level, c));
        m.candidates = scored.iter().map(|&(_, c)| c).collect();
        let (best, best_id) = scored[0];
        m.region = if best > 0 {
            (scored[1].0 < best).then_some(best_id)
        } else {
            // No context: the single highest-level candidate, if there is one.
            let top = self.region(best_id).level;
            (scored.iter().filter(|&&(_, c)| self.region(c).level == top).count() == 1).then_some(best_id)
        };
    }

    /// All matches with their candidates and strength, before support and ranking, each
    /// with whether a Han character directly precedes it.
    fn raw_mentions(&self, text: &str) -> Vec<(Mention, bool)> {
        let mut out = Vec::new();
        let mut char_pos = 0usize;
        let mut byte_pos = 0usize;
        for mat in self.matcher.find_iter(text) {
            char_pos += text[byte_pos..mat.start()].chars().count();
            let name = &self.patterns[mat.pattern().as_usize()];
            let len = name.chars().count();
            let start = char_pos;
            char_pos += len;
            byte_pos = mat.end();
            if STOPLIST.contains(&name.as_str()) {
                continue;
            }
            let entries = &self.names[name];
            let kind = entries.iter().map(|e| e.kind).min().unwrap_or(NameKind::Short);
            let strength = if kind != NameKind::Short {
                if len >= 3 {
                    Strength::Strong
                } else {
                    Strength::Weak
                }
            } else if len >= 3 {
                Strength::Medium
            } else {
                let best_level = entries.iter().map(|e| self.region(e.region).level).min().unwrap_or(Level::County);
                match best_level {
                    Level::Province => Strength::Medium,
                    Level::Prefecture if !RISKY_PREFECTURE_SHORTS.contains(&name.as_str()) => Strength::Medium,
                    _ => Strength::Weak,
                }
            };
            let mut candidates: Vec<RegionId> = entries.iter().map(|e| e.region).collect();
            candidates.sort_by_key(|&c| (self.region(c).level, c));
            candidates.dedup();
            let glued = text[..mat.start()].chars().next_back().is_some_and(is_han);
            out.push((
                Mention {
                start,
                end: start + len,
                text: name.clone(),
                kind,
                strength,
                candidates,
                region: None,
            },
                glued,
            ));
        }
        out
    }
}
