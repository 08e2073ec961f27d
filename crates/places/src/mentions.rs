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

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, Level, NameKind, RegionId};

/// The word lists of `dictionaries/place_words.txt`.
pub(crate) struct PlaceWords {
    /// Division names that are ordinary words: never a mention.
    pub not_places: HashSet<&'static str>,
    /// Prefecture short names that are also words: weak, like county short names.
    pub weak_prefecture_shorts: HashSet<&'static str>,
    /// Words matched only to hide a place name inside them.
    pub blockers: Vec<&'static str>,
}

/// Parsed once from the embedded file.
pub(crate) static PLACE_WORDS: LazyLock<PlaceWords> = LazyLock::new(|| {
    let mut words = PlaceWords {
        not_places: HashSet::new(),
        weak_prefecture_shorts: HashSet::new(),
        blockers: Vec::new(),
    };
    let mut section = "";
    for line in include_str!("../../../dictionaries/place_words.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        match section {
            "not_places" => {
                words.not_places.insert(line);
            }
            "weak_prefecture_shorts" => {
                words.weak_prefecture_shorts.insert(line);
            }
            "blockers" => words.blockers.push(line),
            other => panic!("dictionaries/place_words.txt: unknown section [{other}]"),
        }
    }
    words
});

/// Characters after which a two-char short name may directly follow (`在广州`, `学大庆`);
/// after any other Han character it is treated as weak (`复合肥料`, `制定西部`).
const JOINERS: &[char] = &[
    '在', '到', '的', '和', '与', '及', '从', '至', '赴', '于', '向', '经', '对', '把', '是', '为',
    '同', '象', '像', '学', '如', '往', '去', '来', '自', '以', '由', '将', '让', '被', '比', '跟',
    '给', '省', '市', '国', '了', '有', '等', '或', '就', '都', '也', '即', '、',
];

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

/// The context of a text, counted: scoring a candidate looks at its own ancestry, not at
/// every name of the document, so a text naming places ten thousand times stays linear.
struct Anchors {
    /// How often each division is named (unambiguously, or by the caller's context).
    count: HashMap<RegionId, i64>,
    /// How many of those names lie strictly inside each division.
    inside: HashMap<RegionId, i64>,
}

impl Anchors {
    fn new(gaz: &Gazetteer, named: impl Iterator<Item = RegionId>) -> Anchors {
        let mut count: HashMap<RegionId, i64> = HashMap::new();
        for r in named {
            *count.entry(r).or_default() += 1;
        }
        let mut inside: HashMap<RegionId, i64> = HashMap::new();
        for (&r, &n) in &count {
            let mut up = gaz.region(r).parent;
            while let Some(p) = up {
                *inside.entry(p).or_default() += n;
                up = gaz.region(p).parent;
            }
        }
        Anchors { count, inside }
    }

    /// The context score of candidate `c`: 3 for each name of it, 4 for each name of an
    /// enclosing prefecture (1 of an enclosing province), 1 for each name inside it.
    fn score(&self, gaz: &Gazetteer, c: RegionId) -> i64 {
        let count = |r: RegionId| self.count.get(&r).copied().unwrap_or(0);
        let mut s = 3 * count(c) + self.inside.get(&c).copied().unwrap_or(0);
        let mut up = gaz.region(c).parent;
        while let Some(a) = up {
            let weight = if gaz.region(a).level == Level::Province {
                1
            } else {
                4
            };
            s += weight * count(a);
            up = gaz.region(a).parent;
        }
        s
    }
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
        let strong = raw
            .iter()
            .filter(|(m, _)| m.strength > Strength::Weak && m.candidates.len() == 1)
            .map(|(m, _)| m.candidates[0]);
        let anchors = Anchors::new(self, context.iter().copied().chain(strong));
        let mut out: Vec<Mention> = Vec::with_capacity(raw.len());
        for (mut m, glued) in raw {
            let prev = out.last().filter(|p| p.end == m.start);
            if m.strength == Strength::Weak && prev.is_none() && glued {
                let supported = self.supported(&m.candidates, &anchors);
                if supported.is_empty() {
                    continue;
                }
                m.candidates = supported;
            }
            self.rank(&mut m, prev, &anchors);
            out.push(m);
        }
        out
    }

    /// The candidates of a weak name the context supports: named, or inside a prefecture
    /// named (themselves or by a division inside them).
    fn supported(&self, candidates: &[RegionId], anchors: &Anchors) -> Vec<RegionId> {
        let named = |r: RegionId| anchors.count.contains_key(&r) || anchors.inside.contains_key(&r);
        candidates
            .iter()
            .copied()
            .filter(|&c| {
                named(c)
                    || self
                        .region(c)
                        .parent
                        .is_some_and(|p| named(p) && self.region(p).level == Level::Prefecture)
            })
            .collect()
    }

    /// Score candidates and set `region`.
    fn rank(&self, m: &mut Mention, prev: Option<&Mention>, anchors: &Anchors) {
        if m.candidates.len() == 1 {
            m.region = Some(m.candidates[0]);
            return;
        }
        let prev_regions: Vec<RegionId> = match prev {
            Some(p) => p
                .region
                .map(|r| vec![r])
                .unwrap_or_else(|| p.candidates.clone()),
            None => Vec::new(),
        };
        let score = |c: RegionId| -> i64 {
            let mut s = 0i64;
            if prev_regions
                .iter()
                .any(|&p| p != c && self.is_ancestor(p, c))
            {
                s += 100;
            }
            s + anchors.score(self, c)
        };
        let mut scored: Vec<(i64, RegionId)> =
            m.candidates.iter().map(|&c| (score(c), c)).collect();
        let has_context = scored.iter().any(|&(s, _)| s > 0);
        if has_context {
            // A higher level is the likelier reading of a shared name (西安 → 西安市 even
            // where 吉林 is named), unless closer context outweighs it.
            for (s, c) in scored.iter_mut() {
                *s = *s * 2
                    + match self.region(*c).level {
                        Level::Province => 4,
                        Level::Prefecture => 3,
                        Level::County => 0,
                    };
            }
        }
        scored.sort_by_key(|&(s, c)| (-s, self.region(c).level, c));
        m.candidates = scored.iter().map(|&(_, c)| c).collect();
        let (best, best_id) = scored[0];
        m.region = if has_context {
            (scored[1].0 < best).then_some(best_id)
        } else {
            // No context: the single highest-level candidate, if there is one.
            let top = self.region(best_id).level;
            (scored
                .iter()
                .filter(|&&(_, c)| self.region(c).level == top)
                .count()
                == 1)
                .then_some(best_id)
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
            let prev = text[..mat.start()].chars().next_back();
            let glued = prev.is_some_and(is_han);
            if PLACE_WORDS.not_places.contains(name.as_str()) {
                continue;
            }
            let Some(entries) = self.names.get(name) else {
                continue; // a blocker
            };
            let kind = entries
                .iter()
                .map(|e| e.kind)
                .min()
                .unwrap_or(NameKind::Short);
            let strength = if kind != NameKind::Short {
                if len >= 3 {
                    Strength::Strong
                } else {
                    Strength::Weak
                }
            } else if len >= 3 {
                Strength::Medium
            } else {
                match entries
                    .iter()
                    .map(|e| self.region(e.region).level)
                    .min()
                    .unwrap_or(Level::County)
                {
                    Level::Province => Strength::Medium,
                    Level::Prefecture
                        if !PLACE_WORDS.weak_prefecture_shorts.contains(name.as_str()) =>
                    {
                        Strength::Medium
                    }
                    _ => Strength::Weak,
                }
            };
            let best_level = entries
                .iter()
                .map(|e| self.region(e.region).level)
                .min()
                .unwrap_or(Level::County);
            let loose = kind == NameKind::Short && len == 2 && best_level != Level::Province;
            let strength = if strength == Strength::Medium
                && loose
                && glued
                && !prev.is_some_and(|c| JOINERS.contains(&c))
            {
                Strength::Weak
            } else {
                strength
            };
            let mut candidates: Vec<RegionId> = entries.iter().map(|e| e.region).collect();
            candidates.sort_by_key(|&c| (self.region(c).level, c));
            candidates.dedup();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    /// (matched text, full path of the chosen division or "?").
    fn found(text: &str) -> Vec<(String, String)> {
        g().mentions(text)
            .into_iter()
            .map(|m| {
                (
                    m.text.clone(),
                    m.region.map_or("?".to_string(), |r| g().full_path(r)),
                )
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn char_offsets_and_strength() {
        let ms = g().mentions("——濮阳市司法局赴驻马店市学习考察报告");
        assert_eq!(ms.len(), 2);
        assert_eq!(
            (ms[0].start, ms[0].end, ms[0].strength),
            (2, 5, Strength::Strong)
        );
        assert_eq!(
            (ms[1].start, ms[1].end, ms[1].text.as_str()),
            (9, 13, "驻马店市")
        );
        let ms = g().mentions("与驻马店有关负责同志座谈");
        assert_eq!(
            (ms[0].text.as_str(), ms[0].strength),
            ("驻马店", Strength::Medium)
        );
    }

    #[test]
    fn headings_of_the_six_city_article() {
        // Headings from corpus/002: a province short name then a city or county short name.
        assert_eq!(
            found("吉林四平:“行政执法监督+”破解基层执法难题"),
            pairs(&[("吉林", "吉林省"), ("四平", "吉林省四平市")])
        );
        assert_eq!(
            found("宁夏银川:“审管分离”助推行政执法效率提升"),
            pairs(&[("宁夏", "宁夏回族自治区"), ("银川", "宁夏回族自治区银川市")])
        );
        assert_eq!(
            found("重庆渝北:建设法治政府,打造依法治区新格局、新常态"),
            pairs(&[("重庆", "重庆市"), ("渝北", "重庆市渝北区")])
        );
        assert_eq!(
            found("江苏张家港:社区协商激发基层法治建设原动力"),
            pairs(&[("江苏", "江苏省"), ("张家港", "江苏省苏州市张家港市")])
        );
    }

    #[test]
    fn ambiguous_names_follow_context() {
        assert_eq!(
            found("福州鼓楼区委"),
            pairs(&[("福州", "福建省福州市"), ("鼓楼区", "福建省福州市鼓楼区")])
        );
        assert_eq!(found("鼓楼区"), pairs(&[("鼓楼区", "?")]));
        let m = &g().mentions("鼓楼区")[0];
        assert_eq!(m.candidates.len(), 4);
        // 西安 is the city unless its 辽源 district is in context.
        assert_eq!(
            found("吉林省代表团赴西安考察"),
            pairs(&[("吉林省", "吉林省"), ("西安", "陕西省西安市")])
        );
        assert_eq!(
            found("辽源市西安区"),
            pairs(&[("辽源市", "吉林省辽源市"), ("西安区", "吉林省辽源市西安区")])
        );
        // Old names.
        assert_eq!(
            found("原新津县"),
            pairs(&[("新津县", "四川省成都市新津区")])
        );
    }

    #[test]
    fn weak_short_names_need_support() {
        // Title start: a two-char county short name with nothing glued before it.
        assert_eq!(
            found("郓城发力法治政府建设创新多措施实效果好"),
            pairs(&[("郓城", "山东省菏泽市郓城县")])
        );
        // Glued inside words: nothing.
        for text in [
            "加强重大理论研究",
            "发挥沿海城市作用",
            "提高复合肥料产量",
            "制定西部大开发规划",
            "坚持党和政府领导",
            "实施创新乡村振兴",
        ] {
            assert!(g().mentions(text).is_empty(), "{text}: {:?}", found(text));
        }
        // Stoplisted words and generic units: nothing.
        for text in [
            "全县开发区和高新区建设",
            "城区和郊区",
            "市中心",
            "维护和平与发展",
            "南京路步行街",
            "长治久安",
        ] {
            assert!(g().mentions(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn no_false_positives_in_the_national_report() {
        // Paragraphs of the 2025 national government work report (national-work-reports.jsonl).
        let clean = [
            "六是持续加强生态环境保护，提升绿色低碳发展水平。强化生态环境综合治理，主要污染物排放量继续下降。深入实施重要生态系统保护和修复重大工程，荒漠化、沙化土地面积持续“双缩减”。生物多样性保护取得积极成效，大量珍稀濒危野生动植物种群稳步增长。推动重点行业节能降碳改造，推进新能源开发利用，非化石能源发电量占总发电量的比重接近40%。启动全国温室气体自愿减排交易市场。全国碳排放权交易更趋活跃。",
            "纵深推进全国统一大市场建设。加快建立健全基础制度规则，破除地方保护和市场分割，打通市场准入退出、要素配置等方面制约经济循环的卡点堵点，综合整治“内卷式”竞争。实施全国统一大市场建设指引，修订出台新版市场准入负面清单，优化新业态新领域市场准入环境。制定重点领域公平竞争合规指引，改革完善招标投标体制机制。出台健全社会信用体系的政策，构建统一的信用修复制度。完善企业简易退出制度，逐步推广经营主体活动发生地统计。加快建设统一开放的交通运输市场，实施降低全社会物流成本专项行动。",
            "提升行政效能和水平。坚持求真务实，从实际出发解决问题。善于把党中央决策部署与自身实际结合起来，谋划牵引性、撬动性强的工作抓手和载体，提高创造性贯彻落实能力。加快数字政府建设，健全“高效办成一件事”重点事项清单管理和常态化推进机制，完善覆盖全国的一体化在线政务服务平台。强化正向激励，完善考核评价体系，持续整治形式主义为基层减负，切实把面向基层的多头重复、指标细碎、方式繁琐的督查检查考核减下来，让广大干部把更多时间和精力用到干实事上。各级政府工作人员要坚持干字当头、脚踏实地，创造更多经得起历史和人民检验的发展业绩。",
            "我们要坚持独立自主的和平外交政策，坚持走和平发展道路，坚定奉行互利共赢的开放战略，反对霸权主义和强权政治，反对一切形式的单边主义、保护主义，维护国际公平正义。中国愿同国际社会一道，倡导平等有序的世界多极化、普惠包容的经济全球化，推动落实全球发展倡议、全球安全倡议、全球文明倡议，积极参与全球治理体系改革和建设，推动构建人类命运共同体，共创世界和平发展的美好未来。",
        ];
        for p in clean {
            assert!(g().mentions(p).is_empty(), "{:?}", found(p));
        }
        let diplomacy = "过去一年，中国特色大国外交开创新局面。习近平主席等党和国家领导人出访多国，出席上海合作组织峰会、金砖国家领导人会晤、亚太经合组织领导人非正式会议、二十国集团领导人峰会、东亚合作领导人系列会议等重大多双边活动。成功举办中非合作论坛北京峰会、和平共处五项原则发表70周年纪念大会、中阿合作论坛部长级会议等重大主场外交活动。";
        assert_eq!(found(diplomacy), pairs(&[("北京", "北京市")]));
    }
}
