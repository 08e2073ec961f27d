//! Cited policy documents: titles inside 《》 with their kind (办法, 意见, 条例 …).
//!
//! [`policy_docs`] scans the text once for `《` and finds its matching `》`.
//!
//! # Rules
//!
//! - **Every** 《》 title is a record, books and newspapers too (`《人民日报》`): their kind
//!   is empty.
//! - **Nesting**: `〈〉` inside a title is part of it
//!   (`《关于贯彻〈中华人民共和国行政许可法〉的意见》`, kind 意见), and so is a nested `《》`
//!   written with the same marks (`《关于贯彻《行政许可法》的意见》`): the inner title is not
//!   a record of its own.
//! - **Whitespace**: trimmed; inside a title, whitespace that holds a line break or stands
//!   between two CJK chars is removed (`《\n中华人民共和国著作权法\n》`, as web pages with
//!   links are often copied), other runs become one space (`《WTO Agreement》`).
//! - **Unbalanced marks**: a `《` whose `》` is not found before a `。`, a blank line, 120
//!   title chars (whitespace not counted) or 400 chars is no record, and the scan goes on
//!   right after it, so a lone `《` never swallows the text or hides the titles after it.
//!   Empty titles and titles over 120 chars are skipped.
//! - **Kind**: the longest entry of `dictionaries/policy_kinds.txt` that the title ends with
//!   (`实施意见` over `意见`, `法` for `中华人民共和国行政许可法`), after setting aside trailing
//!   parentheticals (`（试行）`, `(2015—2020年)`, `（草案）`) and the words 草案, 征求意见稿,
//!   送审稿, 修订稿; empty when none matches.

use std::sync::LazyLock;

use serde::Serialize;

use crate::lexicon::{entries, POLICY_KINDS};

/// One cited document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyDoc {
    /// The title inside 《》.
    pub title: String,
    /// The kind from the title's ending (`意见`, `条例`), empty when none.
    pub kind: String,
    /// Char offset of 《.
    pub start: usize,
    /// Char offset just past 》.
    pub end: usize,
}

/// The lexicon of `dictionaries/policy_kinds.txt`.
struct Kinds {
    /// Kinds, longest first.
    kinds: Vec<Vec<char>>,
    /// Endings that are not kinds (方法, 做法).
    not_kinds: Vec<Vec<char>>,
}

static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let mut out = Kinds {
        kinds: Vec::new(),
        not_kinds: Vec::new(),
    };
    for (section, line) in entries(POLICY_KINDS) {
        let word = line.chars().collect();
        if section == "not_kinds" {
            out.not_kinds.push(word);
        } else {
            out.kinds.push(word);
        }
    }
    out.kinds.sort_by_key(|k| std::cmp::Reverse(k.len()));
    out.kinds.dedup();
    out
});

/// Longest title kept, in chars.
const MAX_TITLE: usize = 120;
/// Farthest a `》` is looked for, in chars from the `《`.
const MAX_SCAN: usize = 400;
/// Draft words set aside before the kind is read.
const DRAFT_WORDS: [&str; 4] = ["征求意见稿", "送审稿", "修订稿", "草案"];

/// Every cited document in `text`, left to right, offsets in chars.
pub fn policy_docs(text: &str) -> Vec<PolicyDoc> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '《' {
            i += 1;
            continue;
        }
        let Some(close) = closing(&chars, i) else {
            i += 1;
            continue;
        };
        let title = normalize(&chars[i + 1..close]);
        let len = title.chars().count();
        if len > 0 && len <= MAX_TITLE {
            out.push(PolicyDoc {
                kind: kind_of(&title),
                title,
                start: i,
                end: close + 1,
            });
        }
        i = close + 1;
    }
    out
}

fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// The `》` matching the `《` at `open`, if found within the limits of the module docs.
fn closing(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut counted = 0usize;
    let mut newline_since_text = false;
    for (k, &c) in chars.iter().enumerate().skip(open + 1).take(MAX_SCAN) {
        match c {
            '《' => depth += 1,
            '》' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            '。' => return None,
            '\n' if newline_since_text => return None, // a blank line
            _ => {}
        }
        if c == '\n' {
            newline_since_text = true;
        } else if !is_ws(c) {
            newline_since_text = false;
            counted += 1;
            if counted > MAX_TITLE {
                return None;
            }
        }
    }
    None
}

/// CJK ideographs and CJK punctuation, between which whitespace is dropped.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Trim, drop whitespace runs that hold a line break or sit between CJK chars, and
/// collapse the others to one space.
fn normalize(inner: &[char]) -> String {
    let mut s = String::new();
    let mut i = 0;
    while i < inner.len() {
        if !is_ws(inner[i]) {
            s.push(inner[i]);
            i += 1;
            continue;
        }
        let run = i;
        while i < inner.len() && is_ws(inner[i]) {
            i += 1;
        }
        let (Some(&before), Some(&after)) = (run.checked_sub(1).map(|k| &inner[k]), inner.get(i))
        else {
            continue; // leading or trailing: trimmed
        };
        let line_break = inner[run..i].iter().any(|&c| c == '\n' || c == '\r');
        let joined = line_break || (is_cjk(before) && is_cjk(after));
        if !joined {
            s.push(' ');
        }
    }
    s
}

/// The kind of a title (see the module docs).
fn kind_of(title: &str) -> String {
    let full: Vec<char> = title.chars().collect();
    let stripped = strip_qualifiers(full.clone());
    // 措施(负面清单): nothing before the parenthesis, so read inside it.
    let kind = kind_at_end(&stripped);
    if !kind.is_empty() {
        return kind;
    }
    let mut inner = full;
    while inner.last().is_some_and(|&c| "）)〕]】".contains(c)) {
        inner.pop();
    }
    kind_at_end(&inner)
}

/// The longest kind `t` ends with, unless a longer non-kind ending (方法) covers it.
fn kind_at_end(t: &[char]) -> String {
    let Some(kind) = KINDS.kinds.iter().find(|k| t.ends_with(k)) else {
        return String::new();
    };
    if KINDS
        .not_kinds
        .iter()
        .any(|n| n.len() > kind.len() && t.ends_with(n))
    {
        return String::new();
    }
    kind.iter().collect()
}

/// Set aside trailing parentheticals and draft words (see the module docs).
fn strip_qualifiers(mut t: Vec<char>) -> Vec<char> {
    loop {
        let before = t.len();
        strip_parenthetical(&mut t);
        for w in DRAFT_WORDS {
            let w: Vec<char> = w.chars().collect();
            if t.len() > w.len() && t.ends_with(&w) {
                t.truncate(t.len() - w.len());
            }
        }
        while t.last().is_some_and(|&c| is_ws(c)) {
            t.pop();
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Remove one trailing `（…）`, `(…)`, `〔…〕`, `[…]` or `【…】` group, if the title has
/// text before it.
fn strip_parenthetical(t: &mut Vec<char>) {
    let Some(&last) = t.last() else {
        return;
    };
    let opens: &[char] = match last {
        '）' | ')' => &['（', '('],
        '〕' => &['〔'],
        ']' => &['['],
        '】' => &['【'],
        _ => return,
    };
    if let Some(p) = t.iter().rposition(|c| opens.contains(c)) {
        if p > 0 {
            t.truncate(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{pairs, seed};

    /// `(title, kind)` of each citation, after checking the offsets point at `《…》`.
    fn found(text: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let docs = policy_docs(text);
        let mut last = 0;
        for d in &docs {
            assert!(d.start >= last, "{d:?}");
            last = d.end;
            assert_eq!(chars[d.start], '《');
            assert_eq!(chars[d.end - 1], '》');
            let inner: String = chars[d.start + 1..d.end - 1]
                .iter()
                .filter(|c| !is_ws(**c))
                .collect();
            let title: String = d.title.chars().filter(|c| !is_ws(*c)).collect();
            assert_eq!(inner, title, "{d:?}");
        }
        docs.into_iter().map(|d| (d.title, d.kind)).collect()
    }

    #[test]
    fn titles_and_kinds_from_reports() {
        // 003 (巴中) and 001 (酒泉).
        let text = "对照《法治政府建设实施纲要(2015—2020年)》,细化举措。印发《巴中市加快推进“最多跑一次”改革工作方案》《巴中市加快推进“互联网+政务服务”工作方案》等文件;印发《关于加强乡镇政府能力建设的实施意见》;坚持《重大行政决策程序暂行条例》规定的“五大程序”;印发《关于进一步加强行政规范性文件备案工作的通知》;编制《巴中市市级部门责任清单(2020年本)》;市长何平要求对《规定》要不折不扣落实到位。";
        assert_eq!(
            found(text),
            pairs(&[
                ("法治政府建设实施纲要(2015—2020年)", "纲要"),
                ("巴中市加快推进“最多跑一次”改革工作方案", "工作方案"),
                ("巴中市加快推进“互联网+政务服务”工作方案", "工作方案"),
                ("关于加强乡镇政府能力建设的实施意见", "实施意见"),
                ("重大行政决策程序暂行条例", "暂行条例"),
                ("关于进一步加强行政规范性文件备案工作的通知", "通知"),
                ("巴中市市级部门责任清单(2020年本)", "清单"),
                ("规定", "规定"),
            ])
        );
        let docs = policy_docs(text);
        assert_eq!((docs[0].start, docs[0].end), (2, 26));
    }

    #[test]
    fn nested_titles() {
        assert_eq!(
            found("印发《关于贯彻〈中华人民共和国行政许可法〉的意见》。"),
            pairs(&[("关于贯彻〈中华人民共和国行政许可法〉的意见", "意见")])
        );
        assert_eq!(
            found("印发《关于贯彻《行政许可法》的意见》和《通知》"),
            pairs(&[("关于贯彻《行政许可法》的意见", "意见"), ("通知", "通知")])
        );
    }

    #[test]
    fn whitespace_inside_titles() {
        // Wikisource copies of links: line breaks inside the marks (nat41, nat15).
        assert_eq!(
            found("根据《\n中华人民共和国著作权法\n》第五条"),
            pairs(&[("中华人民共和国著作权法", "法")])
        );
        assert_eq!(
            found("《 国民经济和社会发展第十四个五年规划和2035年远景目标纲要（草案）\n》"),
            pairs(&[(
                "国民经济和社会发展第十四个五年规划和2035年远景目标纲要（草案）",
                "纲要"
            )])
        );
        assert_eq!(
            found("加入《Paris  Agreement》和《巴黎 协定》"),
            pairs(&[("Paris Agreement", ""), ("巴黎协定", "协定")])
        );
    }

    #[test]
    fn kinds() {
        let kind = |t: &str| kind_of(t);
        assert_eq!(kind("中华人民共和国行政许可法"), "法");
        assert_eq!(kind("关于加快建设法治政府的实施意见"), "实施意见");
        assert_eq!(kind("关于深化行政管理体制和机构改革的意见"), "意见");
        assert_eq!(kind("驻马店市行政复议行政应诉工作考核暂行办法"), "暂行办法");
        assert_eq!(kind("农村人民公社工作条例（试行草案）"), "条例");
        assert_eq!(kind("中华人民共和国企业所得税法（草案）"), "法");
        assert_eq!(kind("纲要草案"), "纲要");
        // 002: only the parenthetical names a kind.
        assert_eq!(
            kind("咸宁市高新技术产业园区内资工业企业市场准入特别管理措施(负面清单)"),
            "清单"
        );
        assert_eq!(kind("人民日报"), "");
        assert_eq!(kind("党委会的工作方法"), "");
        assert_eq!(kind("毛泽东选集"), "");
    }

    #[test]
    fn seeds() {
        // Every 《》 of the five reports is balanced and a title.
        let counts: Vec<usize> = ["000", "001", "002", "003", "004"]
            .iter()
            .map(|n| found(&seed(n)).len())
            .collect();
        assert_eq!(counts, vec![3, 32, 11, 24, 4]);
        let d = found(&seed("000"));
        assert_eq!(
            d[0],
            (
                "驻马店市行政复议行政应诉工作考核暂行办法".into(),
                "暂行办法".into()
            )
        );
        let d = found(&seed("001"));
        assert!(d.contains(&("酒泉市湿地保护条例".into(), "条例".into())));
        assert!(d.contains(&("依法行政工作动态".into(), String::new())));
        let d = found(&seed("004"));
        assert_eq!(
            d[2],
            ("郓城县行政执法社会监督员管理办法".into(), "管理办法".into())
        );
    }

    #[test]
    fn unbalanced_and_odd_marks() {
        // A lone 《 does not swallow the sentence nor hide the next title.
        assert_eq!(
            found("印发《关于开展全市行政执法主体执法人员清理工作的通知,对行政执法主体资格进行清理。制定了《办案程序规定》"),
            pairs(&[("办案程序规定", "规定")])
        );
        assert_eq!(
            found("《《听证程序规定》"),
            pairs(&[("听证程序规定", "规定")])
        );
        assert_eq!(found("《》《  》《\n》》》"), vec![]);
        let long = format!("《{}条例》", "很".repeat(121));
        assert_eq!(found(&long), vec![]);
        let ok = format!("《{}条例》", "很".repeat(118));
        assert_eq!(found(&ok).len(), 1);
        for s in ["", "《", "》", "〈〉", "《a", "Ünïcödé《Ĳ》"] {
            found(s);
        }
        let big = "《".repeat(300_000) + &"字".repeat(300_000) + "《规定》";
        assert_eq!(found(&big), pairs(&[("规定", "规定")]));
        let many = "印发《办法》".repeat(100_000);
        assert_eq!(found(&many).len(), 100_000);
    }
}
