//! Named mechanisms: quoted names of practices (“放管服”, “1211”) and unquoted
//! number-shorthand names (三项制度, 两法衔接), with a normalised key and the expansion
//! when the text spells it out.
//!
//! [`mechanisms`] reads a whole document once. Word lists live in
//! `dictionaries/mechanisms.txt` (sections named below in `[brackets]`); the rules are here.
//! All comparisons are made on folded chars (full-width → half-width, traditional →
//! simplified, ASCII lowercased); names and offsets refer to the text as written. What counts
//! follows the labelling rules of `tests/labels/README.md`: named practices, policies,
//! programmes and campaigns, quoted or number shorthand; not figures of speech, slogans used
//! for emphasis, named goals (两个一百年, 四个现代化), issue areas (三农), plan periods
//! (十三五) or congresses (十九大).
//!
//! # Quoted names
//!
//! - **Quotes**: `“…”`, `‘…’`, `「…」`, `『…』`, `﹁…﹂`, `﹃…﹄` and straight `"…"` / `＂…＂`
//!   (paired within a paragraph), at most 80 chars apart and never across a line break.
//!   A quote holding another quote is not itself a candidate (`“四平市‘行政执法监督+’工作机制”`:
//!   only the inner one is). Spaces inside the marks are trimmed; `start..end` covers the name.
//! - **Always**: `[names]` and `[quoted_names]`, the lexicon of known practices.
//! - **Candidate**: 2 to 12 chars, not counting 、 · and spaces (`“双随机、一公开”` is one), with
//!   no sentence punctuation (`。！？；，：`), dash, ellipsis, title marks `《》` or 的 inside.
//! - **Never**: `[not_names]` (figures of speech, slogans, goals, groups, places, numeral
//!   idioms: 关键少数, 牛鼻子, 四风, 三农, 两个一百年, 一心一意); what is fought or counted —
//!   a quote right after a verb of `[against_before]` (扫除“黄、赌、毒”, 防止“一刀切”) or right
//!   before a `[target_after]` word (“三假”治理, “三公”经费, “两高”行业, “准入不准营”的现象);
//!   names ending in `[not_endings]` (documents, plans, awards, theories: …方案, …规划, …奖,
//!   …论), except shorthands of several segments (两库一单一计划); Chinese numerals alone
//!   (“十四五”, “七五”, “七•一”, unless a programme word follows: “八七”扶贫攻坚计划), a run of
//!   two different digits (“五四”运动, “九二”共识: a date), congresses and plenums (“十九大”,
//!   …届…中全会); dates (`3·15`).
//! - **Evidence** for the rest, any one of:
//!   - a **head** right after the closing quote (`[heads_after]`: “放管服”改革, “1211”推进机制,
//!     “审管分离”模式 …), possibly after 等, or after 的 and up to four chars for the heads
//!     marked `*` (“年初部署、年中督查、年底考核”的工作机制). A run of adjacent quotes joined by
//!     nothing, 、, 和, 及, 与 or 或 shares the head of the last one
//!     (“三证合一”“同城通办”“先照后证”等新规);
//!   - a **verb** of adoption right before the opening quote (`[verbs_before]`: 推行, 实行, 试行);
//!   - a `+` (“互联网+政务服务”, “行政执法监督+”, “1+N”);
//!   - an **ending** of `[name_endings]` (网上审批, 诉调对接, 权力清单, 枫桥经验, 放心消费行动,
//!     希望工程, 星火计划, 法官进社区), 制 after three chars or more that is not a plain word
//!     (柜员制, 代办制; not 体制, 法制, 编制), or the 年 of a campaign year (消费促进年);
//!   - a **shape**: 先X后Y (先照后证), 谁X谁Y (谁执法谁普法), X即Y (接诉即办, 拿地即开工);
//!   - a **number shorthand** (below).
//! - **Lists** in quotes (with 、) take no ending or shape evidence: they count when every item is
//!   one char (“破、立、降”, “接、放、管”), when an item is a known name or a number shorthand
//!   (“和平统一、一国两制”, “多证合一、一照一码”; one mention, the inner name is not listed
//!   again), or with a head or verb.
//! - **Number shorthand** in quotes, the name starting with a numeral (一 … 十, 两, 双, 多,
//!   百, 千; the numeral of a `[numeral_words]` word such as 一切, 统一, 合一, 十分 does not count):
//!   - several numeral segments, each with its word (三去一降一补, 一局一章, 四天办四证,
//!     两库一单一计划, 五个一): yes, unless two one-char words are the same (一步一步) or the
//!     last is a classifier (一年一度);
//!   - one segment after 一: yes when the next char is not a classifier (一表通, 一站式审批,
//!     一窗受理); 一 + classifier is a plain phrase (一张表格) unless a head follows the quote;
//!   - one segment after 二 … 十, 两, 双: yes (三项制度, 双移送, 八大监督, 五大程序), unless a
//!     time unit follows the numeral (三月法治宣传月; a head after the quote overrides:
//!     “百日攻坚”行动), 号 follows (“二号司法建议”), the word after the classifier is a
//!     `[generic_heads]` word (两项工作, 三个作用, 三个关键, 四个聚焦, 十二连增) or there is no
//!     word (三个);
//!   - 百 or 千 alone (百废俱兴) and 多 need a head; 多 also counts with a `[name_endings]`
//!     ending (多证合一, 多规合一).
//!
//!   Numeral slogans and doctrines (三个代表, 四个全面, 一国两制) count as number shorthand; the
//!   lexicon only adds certainty.
//! - **Digits**: “1211” is a name when a head follows (推进机制) or the text spells it out
//!   (expansion below). Service numbers are not: five digits or more starting with 12, 95 or 96,
//!   seven digits or more, and 110 119 120 122 114 (“12345”热线, “12345”政务服务热线). Digits
//!   followed by other chars (“100场法治文艺演出进村居”) need a head.
//!
//! # Unquoted names
//!
//! Only number shorthands count without quotes (营改增, 河长制, 证照分离 written bare are not
//! reported). Outside accepted quotes, left to right, the longest of:
//!
//! - a `[names]` entry of three chars or more that starts with a numeral (三项制度, 一网通办,
//!   两手抓，两手都要硬); 、 · and spaces may stand between its chars (双随机、一公开);
//! - a number shorthand of three chars or more accepted in quotes elsewhere in the same document
//!   (“一站式审批” … 一站式审批效率), never inside another quote (a document longer than
//!   [`crate::WINDOW_CHARS`] is read window by window: elsewhere in the same window);
//! - numeral (二 … 十, 两, 双; not after a numeral, 第, 每, 之, 前, 后, 其) + 项/个/张/条/大 +
//!   a `[counted_heads]` word: 三项制度, 四个公开, 两个责任 (not 两个责任人: chars after `-`);
//! - numeral + 项 (up to two more chars) or 大 (up to four) + a `[programme_heads]` word:
//!   四项基本原则, 这四项原则, 八项主张, 八项行动, 三大攻坚战, 十大重点节能工程 (not the plain
//!   counts 十项经济建设方针, 三项举措);
//! - numeral + at most two chars (none of them in `[bad_middle]`: 岸 国 方 者 年 是 分 …) + a
//!   `[shorthand_heads]` word: 三统一, 两法衔接, 三证合一, 三级联动; 多 only before 合一;
//! - one-char compound: numeral + char + numeral + char (+ numeral + char): 两学一做, 三严三实,
//!   一岗双责, 三去一降一补, 两免一补 — chars not numerals nor `[bad_middle]`, the first not a
//!   classifier, no 大, not two equal chars, the last not a classifier, not a `[not_names]`
//!   idiom; 多 only after 一X (一址多照).
//!
//! The last four never fire inside any quote (a rejected quote was judged as a whole), but a
//! lexicon name inside a rejected quote is reported, unquoted. Plain quantities and markers do
//! not match: 一项制度, 三项工作, 一个月, 两个方面, 一是, 十三五规划, 两岸统一, 十分统一.
//!
//! # Expansion
//!
//! The parts of a name, when the text spells them out. A name gives slots:
//!
//! - digits: one item per digit, each starting with that Chinese numeral (`1211` → 一…, 两…, 一…,
//!   一…);
//! - number shorthand: per segment, its count of items, each holding the first char of the
//!   segment's word (三项制度 → 3 items with 制; 三去一降一补 → 去 去 去 降 补; 四个公开 → 公);
//! - other names of 2 to 4 chars: one item per char, holding it in order (放管服 → …放…, …管…,
//!   …服…).
//!
//! Lists are split at 、 (and a last item at 和, 及, 以及, 与 when one item is missing), or,
//! when they have no 、, at ；/， clauses (an item is then a clause's first ，-chunk). The
//! first item loses a leading verb or adverb (`[list_lead]`: 严格执行, 建成并规范运行, 持续推进)
//! and is cut to the first char the other items of its segment start with (严格统一登记、统一编号、
//! 统一公布 → 统一登记; 2013年…实施减程序、减时限、减费用 → 减程序). An item holding the name
//! itself is no part of it. Where to look, in order, within the paragraph:
//!
//! 1. right after the name (and its head word, up to six chars): `（…）`, `——`, `：`, `即`,
//!    `包括`, `是指` then the list: 三项制度（行政执法公示制度、…）, “放管服”即简政放权、放管结合、
//!    优化服务, “四公开”——公开…、公开…, “四个改变”：改变服务定位，…；改变服务范围，…;
//! 2. right before it, possibly joined by 为主体的 / 为核心的 / 的 / 等: “一平台、两抓手、一带动、
//!    一考核”为主体的“1211”, 公众参与、专家论证、…、集体讨论决定“五步走”程序 — not when the
//!    name is itself the last item of a list (…、公共法律知识和“三项制度”等);
//! 3. strictly matching the slots: a 、-list in the rest of the sentence, the next sentence, the
//!    previous one or the sentence's start (严格统一登记、统一编号、统一公布 for “三统一”), or a
//!    run of exactly that many clauses each holding the whole word of a one-segment shorthand in
//!    the rest of the sentence or the next one (…的必须清理，…的必须清理，…的必须清理 for
//!    “三个必须”).
//!
//! In 1 and 2 a one-segment shorthand needs only the count (the 五步走 items need not hold 步);
//! digits, plain names and shorthands of several segments always match strictly. A quoted list
//! used as an expansion is not also reported as a mechanism of its own
//! (“一平台、两抓手、一带动、一考核”). Each mention gets the expansion found near it; nothing is
//! carried to mentions elsewhere in the document.
//!
//! # Keys
//!
//! [`mechanism_key`]: quote marks, whitespace, 、 and middle dots removed, full-width forms
//! folded to ASCII, ASCII lowercased, traditional chars simplified: 双随机、一公开 and
//! 双随机一公开 → `双随机一公开`; `互联网＋` → `互联网+`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::chars::among;
use crate::lexicon::{entries, MECHANISMS};
use crate::number::{chinese_digit, fold_char};

/// One mention of a named mechanism.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mechanism {
    /// The name as written, without quote marks (`双随机、一公开`).
    pub name: String,
    /// The normalised key ([`mechanism_key`]): `双随机一公开`.
    pub key: String,
    /// Char offset of the name's first char (inside the quotes when quoted).
    pub start: usize,
    /// Char offset just past the name.
    pub end: usize,
    /// The parts, when the text spells them out (`1211` → 一平台, 两抓手, 一带动, 一考核).
    pub expansion: Vec<String>,
    /// Written inside quote marks.
    pub quoted: bool,
}

/// The key of a mechanism name: quotes, spaces, 、 and · removed, full-width folded.
pub fn mechanism_key(name: &str) -> String {
    name.chars()
        .map(fold)
        .filter(|&c| !is_sep(c) && !is_quote_mark(c))
        .collect()
}

/// Every mechanism mention in `text` (a whole document, paragraphs separated by `\n`),
/// left to right, offsets in chars.
pub fn mechanisms(text: &str) -> Vec<Mechanism> {
    let orig: Vec<char> = text.chars().collect();
    let doc = Doc::new(&orig);
    doc.run()
}

// ---------------------------------------------------------------------------------------
// Lexicon

/// A word, with chars that must not follow it and whether it may come after 的.
struct Head {
    word: Vec<char>,
    bad_next: Vec<char>,
    loose: bool,
}

/// The sections of `dictionaries/mechanisms.txt`, folded.
#[derive(Default)]
struct Lexicon {
    /// `[names]` of three chars or more, longest first: matched in running text.
    running: Vec<Vec<char>>,
    /// Keys of `[names]` and `[quoted_names]`.
    known: HashSet<String>,
    not_names: HashSet<String>,
    generic_heads: Vec<Vec<char>>,
    heads_after: Vec<Head>,
    target_after: Vec<Head>,
    name_endings: Vec<Vec<char>>,
    not_endings: Vec<Vec<char>>,
    counted_heads: Vec<Head>,
    programme_heads: Vec<Head>,
    shorthand_heads: Vec<Head>,
    classifiers: FxHashSet<char>,
    time_units: Vec<Vec<char>>,
    numeral_words: Vec<Vec<char>>,
    bad_middle: FxHashSet<char>,
    verbs_before: Vec<Vec<char>>,
    against_before: Vec<Vec<char>>,
    list_lead: Vec<Vec<char>>,
}

fn parse_head(line: &str) -> Head {
    let mut parts = line.split_whitespace();
    let word = key_chars(parts.next().unwrap_or(""));
    let mut head = Head {
        word,
        bad_next: Vec::new(),
        loose: false,
    };
    for p in parts {
        if p == "*" {
            head.loose = true;
        } else if let Some(bad) = p.strip_prefix('-') {
            head.bad_next = bad.chars().map(fold).collect();
        } else {
            panic!("mechanisms.txt: bad head entry: {line}");
        }
    }
    head
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    for (section, line) in entries(MECHANISMS) {
        let word = key_chars(line);
        match section {
            "names" => {
                if word.len() >= 3 {
                    lex.running.push(word.clone());
                }
                lex.known.insert(word.iter().collect());
            }
            "quoted_names" => {
                lex.known.insert(word.iter().collect());
            }
            "not_names" => {
                lex.not_names.insert(word.iter().collect());
            }
            "generic_heads" => lex.generic_heads.push(word),
            "heads_after" => lex.heads_after.push(parse_head(line)),
            "target_after" => lex.target_after.push(parse_head(line)),
            "name_endings" => lex.name_endings.push(word),
            "not_endings" => lex.not_endings.push(word),
            "counted_heads" => lex.counted_heads.push(parse_head(line)),
            "programme_heads" => lex.programme_heads.push(parse_head(line)),
            "shorthand_heads" => lex.shorthand_heads.push(parse_head(line)),
            "classifiers" => lex
                .classifiers
                .extend(line.split_whitespace().flat_map(str::chars).map(fold)),
            "bad_middle" => lex
                .bad_middle
                .extend(line.split_whitespace().flat_map(str::chars).map(fold)),
            "time_units" => lex.time_units.push(word),
            "numeral_words" => lex.numeral_words.push(word),
            "verbs_before" => lex.verbs_before.push(word),
            "against_before" => lex.against_before.push(word),
            "list_lead" => lex.list_lead.push(word),
            _ => panic!("mechanisms.txt: entry outside a known section: {line}"),
        }
    }
    lex.running.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for heads in [
        &mut lex.heads_after,
        &mut lex.target_after,
        &mut lex.counted_heads,
        &mut lex.programme_heads,
        &mut lex.shorthand_heads,
    ] {
        heads.sort_by_key(|h| std::cmp::Reverse(h.word.len()));
    }
    for words in [
        &mut lex.name_endings,
        &mut lex.not_endings,
        &mut lex.list_lead,
    ] {
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    lex
});

/// `[names]` entries for running text.
/// Only number shorthands count in running text (三项制度, 一网通办; not 营改增).
static RUNNING: LazyLock<Names> = LazyLock::new(|| {
    let mut names = Names::default();
    for w in LEX.running.iter().filter(|w| !segments(w).is_empty()) {
        names.insert(w);
    }
    names
});

/// Names matched in running text, as a trie of folded chars: the longest name at a
/// position costs at most its length, however many names there are.
#[derive(Default)]
struct Names {
    /// Node 0 is the root (once a name is inserted).
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    next: FxHashMap<char, usize>,
    /// A name ends here.
    end: bool,
}

impl Names {
    fn insert(&mut self, word: &[char]) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut n = 0;
        for &c in word {
            n = match self.nodes[n].next.get(&c) {
                Some(&m) => m,
                None => {
                    self.nodes.push(Node::default());
                    let m = self.nodes.len() - 1;
                    self.nodes[n].next.insert(c, m);
                    m
                }
            };
        }
        self.nodes[n].end = true;
    }

    /// The end of the longest name written at `f[i..]`, separators allowed between its
    /// chars (not before the first, not counted after the last).
    fn longest(&self, f: &[char], i: usize) -> Option<usize> {
        let mut n = 0;
        let mut j = i;
        let mut best = None;
        while let Some(node) = self.nodes.get(n) {
            if j > i {
                if node.end {
                    best = Some(j);
                }
                while j < f.len() && is_sep(f[j]) {
                    j += 1;
                }
            }
            match f.get(j).and_then(|c| node.next.get(c)) {
                Some(&m) => (n, j) = (m, j + 1),
                None => break,
            }
        }
        best
    }
}

// ---------------------------------------------------------------------------------------
// Chars

/// Fold one char: traditional → simplified, full-width → ASCII, ASCII lowercase.
fn fold(c: char) -> char {
    let c = fold_char(c);
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The folded chars of a name, separators and quote marks removed.
fn key_chars(s: &str) -> Vec<char> {
    mechanism_key(s).chars().collect()
}

/// Separators inside a name: 、, middle dots, whitespace (not line breaks).
fn is_sep(c: char) -> bool {
    matches!(
        c,
        '、' | '·' | '•' | '・' | '‧' | '∙' | '･' | ' ' | '\t' | '\u{a0}' | '\u{3000}'
    )
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '﹁'
            | '﹂'
            | '﹃'
            | '﹄'
            | '"'
            | '＂'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Chars a number shorthand is built from (in quotes; running text uses [`RUN_NUMERALS`]).
const NUMERALS: &str = "一二两三四五六七八九十百千双多";
/// Numerals of unquoted shorthands.
const RUN_NUMERALS: &str = "一二两三四五六七八九十双";

fn is_numeral(c: char) -> bool {
    among(NUMERALS, c)
}

/// Any char of a written number (for boundaries).
fn is_number_char(c: char) -> bool {
    is_numeral(c) || c.is_ascii_digit() || among("零〇万亿点○", c)
}

/// Ends of sentences (folded).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\n')
}

/// Ends of clauses (folded).
fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | ';' | ':')
}

/// Delimiters of list chunks: clause ends, brackets, quote marks, dashes, title marks.
fn is_chunk_delim(c: char) -> bool {
    is_clause_end(c)
        || is_quote_mark(c)
        || matches!(
            c,
            '(' | ')' | '[' | ']' | '【' | '】' | '—' | '《' | '》' | '〈' | '〉' | '…'
        )
}

/// True when `word` is written at `f[i..]`.
fn at(f: &[char], i: usize, word: &[char]) -> bool {
    f.get(i..).is_some_and(|r| r.starts_with(word))
}

/// True when `word` ends at `f[..i]`.
fn ends_at(f: &[char], i: usize, word: &[char]) -> bool {
    i >= word.len() && &f[i - word.len()..i] == word
}

/// The longest head written at `f[i..]` whose next char is allowed; its length.
fn head_at(f: &[char], i: usize, heads: &[Head]) -> Option<usize> {
    heads.iter().find_map(|h| {
        let ok = at(f, i, &h.word)
            && f.get(i + h.word.len())
                .is_none_or(|c| !h.bad_next.contains(c));
        ok.then_some(h.word.len())
    })
}

fn chars_str(c: &[char]) -> String {
    c.iter().collect()
}

/// The value of a run of Chinese numerals up to 99 (双 = 2); `None` for 多, 百, 千 or worse.
fn numeral_value(run: &[char]) -> Option<u32> {
    let digit = |c: char| match c {
        '双' => Some(2),
        _ => chinese_digit(c).filter(|&d| d > 0 && d <= 9),
    };
    match run {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(10 * digit(*a)?),
        [a, '十', b] => Some(10 * digit(*a)? + digit(*b)?),
        _ => None,
    }
}

/// True when the char at `i` is part of a `[numeral_words]` word (一切, 统一, 十分) in `k`.
fn in_numeral_word(k: &[char], i: usize) -> bool {
    LEX.numeral_words
        .iter()
        .any(|w| (0..w.len()).any(|p| p <= i && w[p] == k[i] && at(k, i - p, w)))
}

/// A numeral segment of a shorthand name: the numeral run and the word after it.
struct Seg {
    num: (usize, usize),
    word: (usize, usize),
}

/// The numeral segments of `k`, when it starts with a numeral.
fn segments(k: &[char]) -> Vec<Seg> {
    let is_num_at = |i: usize| is_numeral(k[i]) && !in_numeral_word(k, i);
    if k.is_empty() || !is_num_at(0) {
        return Vec::new();
    }
    let mut segs = Vec::new();
    let mut i = 0;
    while i < k.len() {
        let ns = i;
        while i < k.len() && is_num_at(i) {
            i += 1;
        }
        let ws = i;
        while i < k.len() && !is_num_at(i) {
            i += 1;
        }
        segs.push(Seg {
            num: (ns, ws),
            word: (ws, i),
        });
    }
    segs
}

/// The word of a segment without a leading classifier or 大 (三项制度 → 制度, 八大监督 → 监督).
fn seg_word<'k>(k: &'k [char], s: &Seg) -> &'k [char] {
    let w = &k[s.word.0..s.word.1];
    match w.first() {
        Some(&c) if w.len() > 1 && (c == '大' || LEX.classifiers.contains(&c)) => &w[1..],
        _ => w,
    }
}

// ---------------------------------------------------------------------------------------
// Document

/// A pair of quote marks: `open` and `close` are the marks, `start..end` the trimmed content.
#[derive(Clone, Copy, Debug)]
struct Quote {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
}

/// Longest distance between two quote marks.
const MAX_QUOTE: usize = 80;
/// Longest candidate name in quotes, separators not counted.
const MAX_NAME: usize = 12;

/// The quotes of a text, by opening mark.
fn find_quotes(f: &[char]) -> Vec<Quote> {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in f.iter().enumerate() {
        let closer = match c {
            '“' => '”',
            '‘' => '’',
            '「' => '」',
            '『' => '』',
            '﹁' => '﹂',
            '﹃' => '﹄',
            _ => continue,
        };
        let mut depth = 0;
        let window = f.iter().enumerate().take(i + MAX_QUOTE + 1).skip(i + 1);
        for (j, &d) in window {
            if d == '\n' {
                break;
            } else if d == c {
                depth += 1;
            } else if d == closer {
                if depth == 0 {
                    marks.push((i, j));
                    break;
                }
                depth -= 1;
            }
        }
    }
    let mut open: Option<usize> = None;
    for (i, &c) in f.iter().enumerate() {
        match (c, open) {
            ('\n', _) => open = None,
            ('"', None) => open = Some(i),
            ('"', Some(o)) => {
                if i - o <= MAX_QUOTE {
                    marks.push((o, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    marks.sort_unstable();
    marks
        .into_iter()
        .map(|(open, close)| {
            let (mut start, mut end) = (open + 1, close);
            while start < end && is_space(f[start]) {
                start += 1;
            }
            while end > start && is_space(f[end - 1]) {
                end -= 1;
            }
            Quote {
                open,
                start,
                end,
                close,
            }
        })
        .collect()
}

/// Per quote (by index), just past the run of adjacent quotes it starts: the next quote
/// follows right after it (spaces and one joint — 、, 和, 及, 与, 或, 以及 — between them
/// allowed), and so on. Computed from the last quote back, so each is followed once.
fn chain_ends(f: &[char], quotes: &[Quote], by_open: &HashMap<usize, usize>) -> Vec<usize> {
    let mut ends = vec![0; quotes.len()];
    for qi in (0..quotes.len()).rev() {
        let p = quotes[qi].close + 1;
        ends[qi] = match next_in_chain(f, p, by_open) {
            Some(next) => ends[next],
            None => p,
        };
    }
    ends
}

/// The quote that joins the chain at `p`, if any.
fn next_in_chain(f: &[char], p: usize, by_open: &HashMap<usize, usize>) -> Option<usize> {
    let mut r = p;
    while r < f.len() && is_space(f[r]) {
        r += 1;
    }
    for joint in [
        &['、'][..],
        &['和'],
        &['及'],
        &['与'],
        &['或'],
        &['以', '及'],
    ] {
        if at(f, r, joint) && by_open.contains_key(&(r + joint.len())) {
            r += joint.len();
            break;
        }
    }
    by_open.get(&r).copied()
}

/// What a quote was judged to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Yes,
    No,
    /// Only when the text spells it out (digit names with no head).
    IfExpanded,
}

/// How a name's parts are recognised in a list.
#[derive(Clone, Debug)]
enum Slots {
    /// Each item starts with the Chinese numeral of one digit.
    Digits(Vec<u32>),
    /// (count, word without classifier) per segment.
    Segs(Vec<(u32, Vec<char>)>),
    /// Item i holds char i.
    Chars(Vec<char>),
}

impl Slots {
    fn total(&self) -> usize {
        match self {
            Slots::Digits(d) => d.len(),
            Slots::Segs(s) => s.iter().map(|&(n, _)| n as usize).sum(),
            Slots::Chars(c) => c.len(),
        }
    }
}

/// The slots of a name (its folded key chars).
fn slots(k: &[char]) -> Option<Slots> {
    let slots = if k.iter().all(char::is_ascii_digit) {
        let d: Vec<u32> = k.iter().filter_map(|c| c.to_digit(10)).collect();
        if d.contains(&0) {
            return None;
        }
        Slots::Digits(d)
    } else if !segments(k).is_empty() {
        let mut out = Vec::new();
        for s in segments(k) {
            let n = numeral_value(&k[s.num.0..s.num.1])?;
            out.push((n, seg_word(k, &s).to_vec()));
        }
        Slots::Segs(out)
    } else if (2..=4).contains(&k.len()) && k.iter().all(|&c| is_cjk(c)) {
        Slots::Chars(k.to_vec())
    } else {
        return None;
    };
    (2..=12).contains(&slots.total()).then_some(slots)
}

/// A mention before expansion.
struct Found {
    start: usize,
    end: usize,
    quoted: bool,
    /// Outer bounds: the quote marks when quoted.
    outer: (usize, usize),
}

/// Where an expansion list came from: a quote's content, or anything else.
struct Expansion {
    items: Vec<String>,
    quote_source: Option<(usize, usize)>,
}

/// How far from a name its expansion is looked for, in chars.
const EXPANSION_WINDOW: usize = 600;

struct Doc<'a> {
    orig: &'a [char],
    f: Vec<char>,
    quotes: Vec<Quote>,
    /// Quote index by closing mark.
    by_close: HashMap<usize, usize>,
    /// Quote index by opening mark.
    by_open: HashMap<usize, usize>,
    /// Per quote, just past the run of adjacent quotes it starts ([`Doc::after_chain`]).
    chain_end: Vec<usize>,
}

/// What the quotes of a document gave, for the pass over running text.
struct Quoted {
    found: Vec<Found>,
    /// Chars of accepted quotes, marks included.
    taken: Vec<bool>,
    /// Chars of any quote, marks included.
    in_quote: Vec<bool>,
    /// Number shorthands of three chars or more accepted in quotes.
    names: Names,
}

impl<'a> Doc<'a> {
    fn new(orig: &'a [char]) -> Self {
        let f: Vec<char> = orig.iter().map(|&c| fold(c)).collect();
        let quotes = find_quotes(&f);
        let by_close = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.close, i))
            .collect();
        let by_open = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.open, i))
            .collect();
        let chain_end = chain_ends(&f, &quotes, &by_open);
        Doc {
            orig,
            f,
            quotes,
            by_close,
            by_open,
            chain_end,
        }
    }

    fn key_of(&self, s: usize, e: usize) -> Vec<char> {
        self.f[s..e]
            .iter()
            .copied()
            .filter(|&c| !is_sep(c) && !is_quote_mark(c))
            .collect()
    }

    fn run(&self) -> Vec<Mechanism> {
        let quoted = self.quoted();
        let running = self.running(&quoted);
        let mut found = quoted.found;
        found.extend(running);
        found.sort_by_key(|m| m.start);
        self.finish(found)
    }

    /// The accepted quotes, in order, and what they cover.
    fn quoted(&self) -> Quoted {
        let mut out = Quoted {
            found: Vec::new(),
            taken: vec![false; self.f.len()],
            in_quote: vec![false; self.f.len()],
            names: Names::default(),
        };
        for q in &self.quotes {
            out.in_quote[q.open..=q.close].fill(true);
            if !self.accepted(q) || out.taken[q.open..=q.close].contains(&true) {
                continue;
            }
            out.taken[q.open..=q.close].fill(true);
            let k = self.key_of(q.start, q.end);
            if k.len() >= 3 && !segments(&k).is_empty() && !self.plain_yi(&k) {
                out.names.insert(&k);
            }
            out.found.push(Found {
                start: q.start,
                end: q.end,
                quoted: true,
                outer: (q.open, q.close + 1),
            });
        }
        out
    }

    /// A quote is a name: judged so, or a digit name the text spells out.
    fn accepted(&self, q: &Quote) -> bool {
        match self.judge(q) {
            Verdict::Yes => true,
            Verdict::No => false,
            Verdict::IfExpanded => {
                let k = self.key_of(q.start, q.end);
                slots(&k).is_some_and(|s| self.expand(&k, (q.open, q.close + 1), &s).is_some())
            }
        }
    }

    /// Unquoted names, left to right, outside the accepted quotes: the longest at each
    /// position.
    fn running(&self, quoted: &Quoted) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.f.len() {
            let best = if quoted.taken[i] {
                None
            } else if quoted.in_quote[i] {
                self.match_running(i, None)
            } else {
                [
                    self.match_running(i, Some(&quoted.names)),
                    self.compound_at(i),
                    self.counted_at(i),
                    self.shorthand_at(i),
                ]
                .into_iter()
                .flatten()
                .max()
            };
            match best {
                Some(end) if !quoted.taken[i..end].contains(&true) => {
                    found.push(Found {
                        start: i,
                        end,
                        quoted: false,
                        outer: (i, end),
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
        found
    }

    /// Expansions, and dropping quoted lists that are another name's expansion.
    fn finish(&self, found: Vec<Found>) -> Vec<Mechanism> {
        let mut out = Vec::new();
        let mut sources: HashSet<(usize, usize)> = HashSet::new();
        for m in &found {
            let k = self.key_of(m.start, m.end);
            let exp = slots(&k).and_then(|s| self.expand(&k, m.outer, &s));
            let items = match exp {
                Some(e) => {
                    sources.extend(e.quote_source);
                    e.items
                }
                None => Vec::new(),
            };
            out.push(Mechanism {
                name: chars_str(&self.orig[m.start..m.end]),
                key: chars_str(&k),
                start: m.start,
                end: m.end,
                expansion: items,
                quoted: m.quoted,
            });
        }
        out.retain(|m| !(m.quoted && sources.contains(&(m.start, m.end))));
        out
    }

    // ---- quoted names -------------------------------------------------------------------

    fn judge(&self, q: &Quote) -> Verdict {
        let f = &self.f;
        let content = &f[q.start..q.end];
        if content.iter().any(|&c| is_quote_mark(c) || c == '\n') {
            return Verdict::No;
        }
        let k = self.key_of(q.start, q.end);
        let key = chars_str(&k);
        if LEX.known.contains(&key) {
            return Verdict::Yes;
        }
        if k.len() < 2
            || k.len() > MAX_NAME
            || LEX.not_names.contains(&key)
            || content.iter().any(|&c| {
                matches!(
                    c,
                    '。' | '!' | '?' | ';' | ',' | ':' | '《' | '》' | '—' | '…' | '的'
                )
            })
        {
            return Verdict::No;
        }
        let after = self.after_chain(q);
        let segs = segments(&k);
        let target_de = f.get(after) == Some(&'的')
            && LEX
                .target_after
                .iter()
                .any(|h| h.loose && at(f, after + 1, &h.word));
        if target_de
            || head_at(f, after, &LEX.target_after).is_some()
            || LEX.against_before.iter().any(|v| ends_at(f, q.open, v))
            || segs.len() < 2 && LEX.not_endings.iter().any(|w| k.ends_with(w))
        {
            return Verdict::No;
        }
        let head = self.head_after(after);
        let yes = |b: bool| if b { Verdict::Yes } else { Verdict::No };
        if k.contains(&'+') && k.iter().any(|&c| c != '+') {
            return Verdict::Yes;
        }
        if content.iter().any(|&c| among("·•・", c)) && k.iter().all(|&c| is_number_char(c)) {
            return Verdict::No; // 3·15, 七•一
        }
        if k.iter().all(char::is_ascii_digit) {
            return digits_verdict(&k, head);
        }
        if k[0].is_ascii_digit() {
            return yes(head);
        }
        if !segs.is_empty() && k.iter().all(|&c| is_numeral(c)) {
            // “八七”扶贫攻坚计划, but not “十五”计划, “七一”讲话.
            return yes(k.last() != Some(&'五') && self.programme_after(after));
        }
        if !segs.is_empty() {
            return yes(self.shorthand_ok(&k, head));
        }
        if content.contains(&'、') {
            // A quoted list: “破、立、降”, “和平统一、一国两制”.
            let items: Vec<Vec<char>> = content
                .split(|&c| c == '、')
                .map(|w| w.iter().copied().filter(|&c| !is_sep(c)).collect())
                .collect();
            let singles = items.len() <= 6 && items.iter().all(|w| w.len() == 1);
            let named = items.iter().any(|w| {
                LEX.known.contains(&chars_str(w))
                    || !segments(w).is_empty() && self.shorthand_ok(w, false)
            });
            return yes(singles || named || head || self.verb_before(q));
        }
        yes(head || self.verb_before(q) || has_ending(&k) || has_shape(&k))
    }

    /// A programme word (计划, 工程, 行动, 战略) within eight chars after `p`.
    fn programme_after(&self, p: usize) -> bool {
        let f = &self.f;
        (p..f.len().min(p + 8))
            .take_while(|&j| is_cjk(f[j]))
            .any(|j| {
                ["计划", "工程", "行动", "战略"]
                    .iter()
                    .any(|w| at(f, j, &key_chars(w)))
            })
    }

    /// 一 + classifier: a plain phrase (一张表格, 一件事).
    fn plain_yi(&self, k: &[char]) -> bool {
        k.len() >= 2 && k[0] == '一' && LEX.classifiers.contains(&k[1])
    }

    /// The number-shorthand rules for a quoted name starting with a numeral.
    fn shorthand_ok(&self, k: &[char], head: bool) -> bool {
        let segs = segments(k);
        let words: Vec<&[char]> = segs.iter().map(|s| &k[s.word.0..s.word.1]).collect();
        if words.iter().all(|w| w.is_empty()) {
            return false; // 十四五, 七一
        }
        if k.contains(&'届') || ends_at(k, k.len(), &['全', '会']) {
            return false;
        }
        let first_num = &k[segs[0].num.0..segs[0].num.1];
        if first_num.len() >= 2
            && !first_num.iter().any(|c| among("十百千", *c))
            && first_num.iter().any(|&c| c != first_num[0])
        {
            return false; // 五四运动, 九二共识: a date or a year
        }
        if segs.len() >= 2 {
            let last = words[words.len() - 1];
            if last.is_empty() {
                // 五个一
                return words.len() == 2 && words[0] == ['个'];
            }
            if words.iter().any(|w| w.is_empty()) {
                return false;
            }
            if words.iter().all(|w| w.len() == 1) && words.windows(2).any(|p| p[0] == p[1]) {
                return false; // 一步一步
            }
            if last.len() == 1 && LEX.classifiers.contains(&last[0]) {
                return head; // 一年一度
            }
            return true;
        }
        let word = words[0];
        if word[0] == '号' {
            return false; // 二号司法建议: a designation
        }
        if first_num == ['多'] {
            return head || has_ending(k);
        }
        if LEX.time_units.iter().any(|t| word.starts_with(t)) {
            return head; // 三月法治宣传月, 百日攻坚
        }
        if word.starts_with(&['分', '之']) {
            return false;
        }
        if first_num == ['百'] || first_num == ['千'] {
            return head; // 百废俱兴
        }
        if first_num == ['一'] {
            return if LEX.classifiers.contains(&word[0]) || word.len() < 2 {
                head
            } else {
                true
            };
        }
        if word.len() == 1 && (word[0] == '大' || LEX.classifiers.contains(&word[0])) {
            return false; // 三个, 十九大
        }
        let rest = seg_word(k, &segs[0]);
        !LEX.generic_heads.iter().any(|g| rest.starts_with(g))
    }

    /// Just past the run of adjacent quotes that ends with `q` (“A”“B”、“C”和“D”).
    fn after_chain(&self, q: &Quote) -> usize {
        self.chain_end[self.by_open[&q.open]]
    }

    /// A practice head at `p` (after 等, or after 的 and up to four chars for loose heads).
    fn head_after(&self, p: usize) -> bool {
        let f = &self.f;
        let mut p = p;
        while p < f.len() && is_space(f[p]) {
            p += 1;
        }
        if at(f, p, &['等', '等']) {
            p += 2;
        } else if at(f, p, &['等']) {
            p += 1;
        }
        if head_at(f, p, &LEX.heads_after).is_some() {
            return true;
        }
        if f.get(p) == Some(&'的') {
            let loose: Vec<&Head> = LEX.heads_after.iter().filter(|h| h.loose).collect();
            for skip in 0..=4 {
                let s = p + 1 + skip;
                if s > f.len() || f[p + 1..s].iter().any(|&c| !is_cjk(c)) {
                    break;
                }
                if loose.iter().any(|h| at(f, s, &h.word)) {
                    return true;
                }
            }
        }
        false
    }

    fn verb_before(&self, q: &Quote) -> bool {
        let f = &self.f;
        let mut p = q.open;
        if p > 0 && f[p - 1] == '了' {
            p -= 1;
        }
        LEX.verbs_before.iter().any(|v| ends_at(f, p, v))
    }

    // ---- running text ---------------------------------------------------------------------

    /// The end of the longest known name (lexicon, and this document's quoted names when
    /// given) at `i`.
    fn match_running(&self, i: usize, doc_names: Option<&Names>) -> Option<usize> {
        let f = &self.f;
        let c = f[i];
        if is_numeral(c) && i > 0 && (is_number_char(f[i - 1]) || among("第每之前后其", f[i - 1]))
        {
            return None;
        }
        let doc = doc_names.and_then(|d| d.longest(f, i));
        RUNNING.longest(f, i).max(doc)
    }

    /// True when an unquoted shorthand may start at `i`: a numeral not inside a longer number,
    /// an ordinal or a numeral word.
    fn numeral_start(&self, i: usize) -> bool {
        let f = &self.f;
        among(RUN_NUMERALS, f[i])
            && !(i > 0 && (is_number_char(f[i - 1]) || among("第每之前后其进", f[i - 1])))
            && !in_numeral_word(f, i)
    }

    /// The numeral run at `i` and its value.
    fn run_at(&self, i: usize) -> Option<(usize, u32)> {
        let f = &self.f;
        let mut j = i;
        while j < f.len() && among(RUN_NUMERALS, f[j]) && j - i < 3 {
            j += 1;
        }
        Some((j, numeral_value(&f[i..j])?))
    }

    /// 三项制度, 四个公开, 两个责任; 四项基本原则, 八项行动, 十大重点节能工程.
    fn counted_at(&self, i: usize) -> Option<usize> {
        if !self.numeral_start(i) {
            return None;
        }
        let f = &self.f;
        let (j, n) = self.run_at(i)?;
        let cls = *f.get(j)?;
        if !(2..=10).contains(&n) || !among("项个张条大", cls) {
            return None;
        }
        let a = j + 1;
        if let Some(len) = head_at(f, a, &LEX.counted_heads) {
            return Some(a + len);
        }
        let max_mods = match cls {
            '大' => 4,
            '项' => 2,
            _ => return None,
        };
        for m in 0..=max_mods {
            let mods = f.get(a..a + m)?;
            if mods
                .iter()
                .any(|&c| !is_cjk(c) || is_numeral(c) || among("的和与及", c))
            {
                return None;
            }
            if let Some(len) = head_at(f, a + m, &LEX.programme_heads) {
                return Some(a + m + len);
            }
        }
        None
    }

    /// 三统一, 两法衔接, 三证合一, 三级联动, 多证合一.
    fn shorthand_at(&self, i: usize) -> Option<usize> {
        let f = &self.f;
        let (j, duo) = if f[i] == '多' && !(i > 0 && among("许很更最较诸众繁", f[i - 1])) {
            (i + 1, true)
        } else {
            if !self.numeral_start(i) {
                return None;
            }
            let (j, n) = self.run_at(i)?;
            if n < 2 {
                return None;
            }
            (j, false)
        };
        for x in 0..=2 {
            let mid = f.get(j..j + x)?;
            if mid.iter().any(|&c| {
                !is_cjk(c)
                    || is_number_char(c)
                    || LEX.bad_middle.contains(&c)
                    || among("项个张条", c)
            }) {
                return None;
            }
            if let Some(len) = head_at(f, j + x, &LEX.shorthand_heads) {
                if duo && !at(f, j + x, &['合', '一']) {
                    return None;
                }
                return Some(j + x + len);
            }
        }
        None
    }

    /// One-char compounds: 两学一做, 三严三实, 一岗双责, 三去一降一补.
    fn compound_at(&self, i: usize) -> Option<usize> {
        let f = &self.f;
        if !self.numeral_start(i) {
            return None;
        }
        let word_ok = |c: char| is_cjk(c) && !is_number_char(c) && !LEX.bad_middle.contains(&c);
        let mut words: Vec<char> = Vec::new();
        let mut p = i;
        loop {
            let n = *f.get(p)?;
            let num_ok = if words.is_empty() {
                true
            } else {
                among(RUN_NUMERALS, n) && !in_numeral_word(f, p)
                    || n == '多' && f[i] == '一' && words.len() == 1
            };
            let w = f.get(p + 1).copied();
            match w {
                Some(w) if num_ok && word_ok(w) => {
                    words.push(w);
                    p += 2;
                }
                _ => break,
            }
            if words.len() == 3 {
                break;
            }
        }
        if words.len() < 2 {
            return None;
        }
        let end = i + 2 * words.len();
        let last = words[words.len() - 1];
        if words.windows(2).any(|w| w[0] == w[1])
            || LEX.classifiers.contains(&last)
            || LEX.classifiers.contains(&words[0])
            || words.contains(&'大')
        {
            return None;
        }
        let key = chars_str(&f[i..end]);
        if LEX.not_names.contains(&key) {
            return None;
        }
        Some(end)
    }

    // ---- expansion ------------------------------------------------------------------------

    /// The expansion of the name `k` (outer bounds `outer`), if the text spells it out.
    fn expand(&self, k: &[char], outer: (usize, usize), slots: &Slots) -> Option<Expansion> {
        self.list_after(outer.1, k, slots)
            .or_else(|| self.list_before(outer.0, k, slots))
            .or_else(|| self.list_near(outer, k, slots))
    }

    /// The paragraph around `i`, clipped to [`EXPANSION_WINDOW`] chars on each side: an
    /// expansion stands near its name, and a page that is one huge line stays linear.
    fn para_bounds(&self, i: usize) -> (usize, usize) {
        let f = &self.f;
        let i = i.min(f.len());
        let floor = i.saturating_sub(EXPANSION_WINDOW);
        let ceil = (i + EXPANSION_WINDOW).min(f.len());
        let mut s = i;
        while s > floor && f[s - 1] != '\n' {
            s -= 1;
        }
        let mut e = i;
        while e < ceil && f[e] != '\n' {
            e += 1;
        }
        (s, e)
    }

    /// A list right after the name (and a head of up to six chars): （…）, ——, ：, 即, 包括.
    fn list_after(&self, p: usize, k: &[char], slots: &Slots) -> Option<Expansion> {
        let f = &self.f;
        let (_, pe) = self.para_bounds(p);
        for p in p..=p + 6 {
            if p >= pe {
                return None;
            }
            if f[p] == '(' {
                let close = (p + 1..pe.min(p + 300)).find(|&j| f[j] == ')')?;
                let items = split_items(f, p + 1, close, true);
                return self.accept(items, k, slots, true, None);
            }
            if let Some(w) = INTROS.iter().find(|w| at(f, p, w)) {
                let mut a = p + w.len();
                while a < pe && (f[a] == '—' || f[a] == ':' || is_space(f[a])) {
                    a += 1;
                }
                let end = (a..pe).find(|&j| is_sentence_end(f[j])).unwrap_or(pe);
                return self.accept(clause_items(f, a, end), k, slots, true, None);
            }
            if !is_cjk(f[p]) {
                return None;
            }
        }
        None
    }

    /// A list right before the name, possibly joined by 为主体的, 的, 等; not when the name
    /// is itself the last item of a list (…、公共法律知识和“三项制度”等).
    fn list_before(&self, p: usize, k: &[char], slots: &Slots) -> Option<Expansion> {
        let f = &self.f;
        let (ps, _) = self.para_bounds(p);
        if p > 0 && among("和及与或、", f[p - 1]) {
            return None;
        }
        let mut p = p;
        if let Some(conn) = CONNECTORS
            .iter()
            .find(|w| ends_at(f, p, w) && p - w.len() > ps)
        {
            p -= conn.len();
        }
        if p <= ps {
            return None;
        }
        if let Some(&qi) = self.by_close.get(&(p - 1)) {
            let q = self.quotes[qi];
            let items = split_items(f, q.start, q.end, false);
            return self.accept(items, k, slots, true, Some((q.start, q.end)));
        }
        let mut s = p;
        while s > ps && !is_chunk_delim(f[s - 1]) {
            s -= 1;
        }
        let items = split_items(f, s, p, false);
        if items.len() < 2 {
            return None;
        }
        self.accept(items, k, slots, true, None)
    }

    /// A list matching the slots strictly: in the rest of the sentence or the next one (a
    /// 、-list or a run of clauses), else in the previous sentence or the sentence's start (a
    /// 、-list).
    fn list_near(&self, outer: (usize, usize), k: &[char], slots: &Slots) -> Option<Expansion> {
        let f = &self.f;
        let (ps, pe) = self.para_bounds(outer.0);
        let sent_end = |i: usize| {
            (i..pe)
                .find(|&j| is_sentence_end(f[j]))
                .map_or(pe, |j| j + 1)
        };
        let sent_start = |i: usize| {
            (ps..i)
                .rev()
                .find(|&j| is_sentence_end(f[j]))
                .map_or(ps, |j| j + 1)
        };
        let cur_s = sent_start(outer.0);
        let cur_e = sent_end(outer.1);
        let mut ranges = vec![(outer.1, cur_e, true)];
        if cur_e < pe {
            ranges.push((cur_e, sent_end(cur_e), true));
        }
        if cur_s > ps {
            ranges.push((sent_start(cur_s - 1), cur_s, false));
        }
        ranges.push((cur_s, outer.0, false));
        ranges
            .into_iter()
            .find_map(|(a, b, clauses)| self.list_in(a, b, k, slots, clauses))
    }

    /// A strict list inside `a..b`: a 、-chunk, or (`clauses`) a run of clauses each holding
    /// the word of a one-segment shorthand (三个必须 → 必须), or the chars of a plain name.
    fn list_in(
        &self,
        a: usize,
        b: usize,
        k: &[char],
        slots: &Slots,
        clauses: bool,
    ) -> Option<Expansion> {
        let f = &self.f;
        let mut s = a;
        while s < b {
            let e = (s..b).find(|&j| is_chunk_delim(f[j])).unwrap_or(b);
            if f[s..e].contains(&'、') {
                let src = s
                    .checked_sub(1)
                    .and_then(|o| self.by_open.get(&o))
                    .map(|&qi| self.quotes[qi])
                    .filter(|q| q.end == e)
                    .map(|q| (q.start, q.end));
                let items = split_items(f, s, e, false);
                if let Some(x) = self.accept(items, k, slots, false, src) {
                    return Some(x);
                }
            }
            s = e + 1;
        }
        if !clauses {
            return None;
        }
        let spans = clause_spans(f, a, b);
        let total = slots.total();
        if spans.len() < total {
            return None;
        }
        let texts: Vec<&[char]> = spans.iter().map(|&(s, e)| &f[s..e]).collect();
        let holds = |t: &[char], w: &[char]| t.windows(w.len()).any(|x| x == w);
        let run = match slots {
            Slots::Segs(segs) if segs.len() == 1 && segs[0].1.len() >= 2 => {
                let word = &segs[0].1;
                let has: Vec<bool> = texts.iter().map(|t| holds(t, word)).collect();
                // A maximal run of exactly `total` clauses holding the word.
                (0..has.len()).find(|&i| {
                    has[i]
                        && (i == 0 || !has[i - 1])
                        && has.get(i..i + total).is_some_and(|r| r.iter().all(|&h| h))
                        && !has.get(i + total).copied().unwrap_or(false)
                })
            }
            Slots::Chars(cs) => (0..=texts.len() - total)
                .find(|&i| cs.iter().enumerate().all(|(n, c)| texts[i + n].contains(c))),
            _ => None,
        }?;
        let items = spans[run..run + total].to_vec();
        if items.iter().any(|&(s, e)| holds(&self.key_of(s, e), k)) {
            return None;
        }
        Some(Expansion {
            items: self.orig_items(&items),
            quote_source: None,
        })
    }

    fn orig_items(&self, spans: &[(usize, usize)]) -> Vec<String> {
        spans
            .iter()
            .map(|&(s, e)| clean(&self.orig[s..e]))
            .collect()
    }

    /// Check a list against the slots. `loose`: a one-segment shorthand needs only the count.
    /// An item holding the name itself is no part of it.
    fn accept(
        &self,
        items: Vec<(usize, usize)>,
        k: &[char],
        slots: &Slots,
        loose: bool,
        quote_source: Option<(usize, usize)>,
    ) -> Option<Expansion> {
        let f = &self.f;
        let total = slots.total();
        let mut items = items;
        if items.len() + 1 == total {
            // 公示制度、记录制度和审核制度
            let &(s, e) = items.last()?;
            let split = (s + 1..e.saturating_sub(1)).find_map(|j| {
                [&['以', '及'][..], &['和'], &['及'], &['与']]
                    .into_iter()
                    .find(|w| at(f, j, w))
                    .map(|w| (j, j + w.len()))
            });
            if let Some((a, b)) = split {
                items.pop();
                items.push((s, a));
                items.push((b, e));
            }
        }
        if items.len() != total || items.iter().any(|&(s, e)| e <= s || e - s > 40) {
            return None;
        }
        trim_first(f, &mut items, slots);
        let texts: Vec<Vec<char>> = items.iter().map(|&(s, e)| self.key_of(s, e)).collect();
        if texts
            .iter()
            .any(|t| t.is_empty() || t.windows(k.len()).any(|w| w == k))
        {
            return None;
        }
        let ok = match slots {
            Slots::Digits(ds) => ds.iter().zip(&texts).all(|(&d, t)| {
                let run: Vec<char> = t
                    .iter()
                    .take_while(|&&c| among(RUN_NUMERALS, c))
                    .copied()
                    .collect();
                numeral_value(&run) == Some(d)
            }),
            Slots::Chars(cs) => cs.iter().zip(&texts).all(|(c, t)| t.contains(c)),
            Slots::Segs(segs) if loose && segs.len() == 1 => true,
            Slots::Segs(segs) => {
                let mut n = 0;
                segs.iter().all(|(count, word)| {
                    let part = &texts[n..n + *count as usize];
                    n += *count as usize;
                    word.first()
                        .is_none_or(|c| part.iter().all(|t| t.contains(c)))
                })
            }
        };
        ok.then(|| Expansion {
            items: self.orig_items(&items),
            quote_source,
        })
    }
}

/// What opens a list right after a name.
const INTROS: [&[char]; 9] = [
    &['—'],
    &[':'],
    &[',', '即'],
    &['即'],
    &[',', '包', '括'],
    &['包', '括'],
    &['是', '指'],
    &[',', '也', '就', '是'],
    &['也', '就', '是'],
];

/// What may join a list to the name after it (“一平台、…”为主体的“1211”).
const CONNECTORS: [&[char]; 10] = [
    &['为', '主', '要', '内', '容', '的'],
    &['为', '主', '体', '的'],
    &['为', '核', '心', '的'],
    &['为', '重', '点', '的'],
    &['为', '主', '的'],
    &['等', '等'],
    &['这', '一'],
    &['的'],
    &['等'],
    &['这'],
];

/// Items of `f[s..e]` split at 、 (or, when `clauses` and there is none, at ，/；).
fn split_items(f: &[char], s: usize, e: usize, clauses: bool) -> Vec<(usize, usize)> {
    if clauses && !f[s..e].contains(&'、') {
        return clause_items(f, s, e);
    }
    let mut out = Vec::new();
    let mut a = s;
    for j in (s..e).filter(|&j| f[j] == '、').chain([e]) {
        out.push(trim_span(f, a, j));
        a = j + 1;
    }
    out
}

/// Items of a region with no brackets: the first chunk's 、-list, else clauses (the first
/// ，-chunk of each ；-clause, or each ，-chunk).
fn clause_items(f: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let first_end = (s..e).find(|&j| is_clause_end(f[j])).unwrap_or(e);
    if f[s..first_end].contains(&'、') {
        return split_items(f, s, first_end, false);
    }
    let mut semis: Vec<(usize, usize)> = Vec::new();
    let mut a = s;
    for j in (s..e).filter(|&j| f[j] == ';').chain([e]) {
        semis.push((a, j));
        a = j + 1;
    }
    if semis.len() >= 2 {
        return semis
            .into_iter()
            .map(|(a, b)| {
                let c = (a..b).find(|&j| f[j] == ',').unwrap_or(b);
                trim_span(f, a, c)
            })
            .collect();
    }
    clause_spans(f, s, e)
}

/// The ，/；/：-clauses of `f[a..b]`, trimmed, empty ones dropped.
fn clause_spans(f: &[char], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = a;
    for j in (a..b).filter(|&j| is_clause_end(f[j])).chain([b]) {
        let (x, y) = trim_span(f, s, j);
        if y > x {
            out.push((x, y));
        }
        s = j + 1;
    }
    out
}

/// Trim spaces, quote marks and a trailing 等 from a span.
fn trim_span(f: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    let junk = |c: char| is_space(c) || is_quote_mark(c);
    while s < e && junk(f[s]) {
        s += 1;
    }
    while e > s && junk(f[e - 1]) {
        e -= 1;
    }
    if ends_at(&f[..e], e, &['等', '等']) && e >= s + 4 {
        e -= 2;
    } else if e > s + 2 && f[e - 1] == '等' && !among("平对同均相何高初中上下次劣优", f[e - 2])
    {
        e -= 1;
    }
    (s, e)
}

/// Cut a leading verb from the first item, then the part before the prefix the other
/// items share (or, for digit names, before its numeral).
fn trim_first(f: &[char], items: &mut [(usize, usize)], slots: &Slots) {
    let Some(&(s0, e0)) = items.first() else {
        return;
    };
    let mut s = s0;
    for _ in 0..2 {
        match LEX.list_lead.iter().find(|w| at(f, s, w)) {
            Some(w) if e0 >= s + w.len() + 2 => s += w.len(),
            _ => break,
        }
    }
    if let Slots::Digits(_) = slots {
        if !among(RUN_NUMERALS, f[s]) {
            if let Some(j) = (s..e0.min(s + 10)).find(|&j| among(RUN_NUMERALS, f[j])) {
                s = j;
            }
        }
    } else if items.len() >= 2 {
        // The items sharing the first item's segment (all of them for plain names).
        let peers = match slots {
            Slots::Segs(segs) if segs[0].0 >= 2 => segs[0].0 as usize,
            _ => items.len(),
        };
        let c = f[items[1].0];
        if peers >= 2 && items[1..peers].iter().all(|&(a, _)| f[a] == c) && f[s] != c {
            if let Some(j) = (s + 1..e0).find(|&j| f[j] == c && e0 - j >= 2) {
                s = j;
            }
        }
    }
    items[0].0 = s;
}

/// An item as reported: trimmed of spaces, quote marks and a trailing 等.
fn clean(c: &[char]) -> String {
    let folded: Vec<char> = c.iter().map(|&c| fold(c)).collect();
    let (s, e) = trim_span(&folded, 0, c.len());
    chars_str(&c[s..e])
}

fn digits_verdict(k: &[char], head: bool) -> Verdict {
    let s = chars_str(k);
    let service = (k.len() >= 5 && ["12", "95", "96"].iter().any(|p| s.starts_with(p)))
        || k.len() >= 7
        || ["110", "119", "120", "122", "114"].contains(&s.as_str());
    if service {
        Verdict::No
    } else if head {
        Verdict::Yes
    } else {
        Verdict::IfExpanded
    }
}

/// A `[name_endings]` ending, 制 after a non-plain char (柜员制, not 体制), or the 年 of a
/// campaign year (消费促进年, not 两个一百年).
fn has_ending(k: &[char]) -> bool {
    let n = k.len();
    if LEX
        .name_endings
        .iter()
        .any(|w| n > w.len() && k.ends_with(w))
    {
        return true;
    }
    (n >= 3
        && k[n - 1] == '制'
        && !among(
            "体法机专编控抵限管强节克压遏牵研定复规建学税币兵官宪帝",
            k[n - 2],
        ))
        || (n >= 4 && k[n - 1] == '年' && !is_number_char(k[n - 2]) && !among("多几每", k[n - 2]))
}

/// 先X后Y, 谁X谁Y, X即Y.
fn has_shape(k: &[char]) -> bool {
    let n = k.len();
    (n == 4 && k[0] == '先' && k[2] == '后')
        || (k[0] == '谁' && k[2..].contains(&'谁'))
        || (n <= 7 && k[1..n - 1].contains(&'即'))
}

#[cfg(test)]
#[path = "mechanism_tests.rs"]
mod tests;
