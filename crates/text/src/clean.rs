//! Plain text → cleaned paragraph lines plus the page metadata found in the chrome.
//!
//! One line is one paragraph. A line is also split at a run of ≥ 3 whitespace chars
//! (space, tab, U+3000, U+00A0) when a new paragraph evidently starts there: the text
//! before ends a sentence or a quote, the text so far is a numbered heading, or the
//! text after starts with a heading marker or a metadata field. Lines are trimmed and
//! empty ones dropped; other whitespace inside a line (NBSP, U+3000, tab) becomes an
//! ASCII space.
//!
//! Web-page chrome is dropped, but only short lines (< 100 chars, most patterns
//! < 80) that match a chrome pattern: navigation crumbs (`当前位置:首页>>…`), metadata
//! field lines (`发布日期:… 作者:…`, `时间:… 来源:…`, `(责任编辑:…)`), bare numeric
//! timestamps (`10.04.2018  12:27`), footers (版权所有, ICP备, 公网安备, 主办单位,
//! 技术支持, 网站标识码, 联系我们…), link bars (`关于我们 | 联系我们 | …`,
//! `English # 网站地图 # …`), widget lines (`今天是:`, `全文搜索:`, `栏目更新`,
//! `【大 中 小】`, 打印/关闭/分享), short phone/e-mail lines, lone digit lines before
//! the first kept line (`11`, `22`), page numbers (`- 3 -`) and lines without any
//! letter or digit. The date, author and source in metadata lines are kept in
//! [`Cleaned`].

use std::sync::LazyLock;

use regex::Regex;

use crate::structure::heading_marker;

/// Cleaned text: paragraph lines plus the metadata parsed from dropped chrome lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Paragraphs in order, trimmed, non-empty, without `\n`.
    pub lines: Vec<String>,
    /// Publish date (`发布日期`/`发布时间`/`时间`/`日期`, or a bare timestamp line), ISO.
    pub publish_date: Option<String>,
    /// 作者 (None when the field is empty).
    pub author: Option<String>,
    /// 来源 (None when the field is empty).
    pub source: Option<String>,
    /// Navigation crumbs of the first crumb line (`["首页", "调查研究"]`).
    pub crumbs: Vec<String>,
    /// How many chrome lines were dropped.
    pub dropped: usize,
}

/// Metadata field keys, longest first so `发布时间` wins over `时间`.
const FIELD_KEYS: &str = r"(发布日期|发布时间|发文日期|成文日期|更新时间|更新日期|信息来源|文章来源|稿件来源|责任编辑|浏览次数|访问次数|阅读次数|点击次数|点击数|点击量|浏览量|阅读量|发布者|发布人|撰稿人|撰稿|作者|来源|编辑|审核|时间|日期|点击|浏览|阅读|字号|字体|分享到|分享|打印|关闭)\s*[:：]";
static FIELD: LazyLock<Regex> = LazyLock::new(|| Regex::new(FIELD_KEYS).unwrap());
/// A field key at the start of a text: looks no further than the key.
static FIELD_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{FIELD_KEYS}")).unwrap());

static DATE_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:[^\d]|$)").unwrap()
});
static DATE_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[^\d]|$)").unwrap());
static DATE_YM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月").unwrap());
static DATE_Y: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d{4})\s*年?\s*$").unwrap());

/// A line that is only a numeric timestamp (web-page chrome, not a signature date).
static BARE_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    )
    .unwrap()
});

/// A line made only of widget words (`【大 中 小】`, `【打印】【关闭】`, `字号:`).
static WIDGETS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\s【】\[\]|｜:：()（）/]|打印本页|关闭窗口|返回顶部|加入收藏|打印|关闭|分享到|分享|收藏|字号|默认|大|中|小|T)+$",
    )
    .unwrap()
});

static PHONE_OR_MAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{3,4}[-—－]\d{7,8}|[\w.\-]+@[\w\-]+\.[A-Za-z]{2,}").unwrap());

static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-—－–]\s*\d{1,3}\s*[-—－–]$").unwrap());

/// Footer words: a short line containing one is chrome.
const FOOTER_CONTAINS: &[&str] = &[
    "版权所有",
    "ICP备",
    "ICP证",
    "公网安备",
    "网安备",
    "网站标识码",
    "主办单位",
    "承办单位",
    "技术支持",
    "运行维护",
    "网站地图",
    "联系我们",
    "关于我们",
    "免责声明",
    "版权声明",
    "隐私声明",
    "设为首页",
    "加入收藏",
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "©",
    "建议使用",
];

/// Widget/list-head words: a short line starting with one is chrome.
const CHROME_STARTS: &[&str] = &[
    "今天是",
    "全文搜索",
    "站内搜索",
    "搜索:",
    "栏目更新",
    "栏目热门",
    "热门文章",
    "热点新闻",
    "相关链接",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "扫一扫",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "地址:",
    "地址：",
    "电话:",
    "电话：",
    "传真:",
    "邮编:",
    "邮箱:",
    "E-mail",
    "联系电话",
];

const CRUMB_MARKERS: &[&str] = &["当前位置", "您的位置", "当前的位置", "所在位置", "现在位置"];

/// Clean a decoded (and HTML-stripped) text.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut meta = Meta::default();
    // A line of nothing but a zero-width space between two lines is a transcription
    // artifact inside a sentence (`达到74.4\n\u{200B}\n万亿元`): the lines around it are one.
    let mut glue = false;
    for raw in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        if !raw.is_empty() && raw.chars().all(|c| matches!(c, '\u{200b}' | '\u{feff}')) {
            glue = !out.lines.is_empty();
            continue;
        }
        split_paragraphs(raw, |seg| {
            let line = trim(seg);
            if line.is_empty() {
                return;
            }
            if is_chrome(line, out.lines.is_empty(), &mut meta) {
                out.dropped += 1;
            } else if std::mem::take(&mut glue) {
                let last = out.lines.last_mut().expect("glue follows a line");
                last.push_str(&normalize_spaces(line));
            } else {
                out.lines.push(normalize_spaces(line));
            }
        });
        if !raw.is_empty() {
            glue = false;
        }
    }
    out.publish_date = meta.date;
    out.author = meta.author.flatten();
    out.source = meta.source.flatten();
    out.crumbs = meta.crumbs.unwrap_or_default();
    out
}

/// Metadata collected from chrome lines; the first value seen wins
/// (`Some(None)` = the field was there but empty).
#[derive(Default)]
struct Meta {
    date: Option<String>,
    author: Option<Option<String>>,
    source: Option<Option<String>>,
    crumbs: Option<Vec<String>>,
}

fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Inner NBSP, U+3000, tabs and other odd spaces become ASCII spaces.
fn normalize_spaces(line: &str) -> String {
    if line.chars().all(|c| c == ' ' || !is_ws(c)) {
        return line.to_owned();
    }
    line.chars()
        .map(|c| if is_ws(c) { ' ' } else { c })
        .collect()
}

fn trim(s: &str) -> &str {
    s.trim_matches(is_ws)
}

/// Call `f` with each paragraph of one raw line (see the module doc for the rule).
fn split_paragraphs(line: &str, mut f: impl FnMut(&str)) {
    let mut seg_start = 0;
    let mut prev: Option<char> = None; // last non-space char before the current run
    let mut run_start = 0;
    let mut run_len = 0usize;
    for (i, c) in line.char_indices() {
        if is_ws(c) {
            if run_len == 0 {
                run_start = i;
            }
            run_len += 1;
            continue;
        }
        if run_len >= 3 && prev.is_some() {
            let before = &line[seg_start..run_start];
            let after = &line[i..];
            if starts_paragraph(before, prev.unwrap_or(' '), after) {
                f(before);
                seg_start = i;
            }
        }
        run_len = 0;
        prev = Some(c);
    }
    f(&line[seg_start..]);
}

fn starts_paragraph(before: &str, prev: char, after: &str) -> bool {
    matches!(
        prev,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '；'
            | ';'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '】'
    ) || heading_marker(trim(before)).is_some()
        || heading_marker(after).is_some()
        || FIELD_AT_START.is_match(after)
}

/// Is this trimmed line page chrome? Parses metadata out of it on the way.
fn is_chrome(line: &str, at_top: bool, meta: &mut Meta) -> bool {
    // Body paragraphs are long; only short lines are ever chrome.
    let n = line.chars().take(100).count();
    if n >= 100 {
        return false;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    if at_top && n <= 4 && line.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if PAGE_NUMBER.is_match(line) {
        return true;
    }
    if let Some(crumbs) = crumbs(line) {
        meta.crumbs.get_or_insert(crumbs);
        return true;
    }
    if fields(line, meta) {
        return true;
    }
    if BARE_TIMESTAMP.is_match(line) {
        if meta.date.is_none() {
            meta.date = normalize_date(line);
        }
        return true;
    }
    if n >= 80 {
        return false;
    }
    if FOOTER_CONTAINS.iter().any(|w| line.contains(w))
        || CHROME_STARTS.iter().any(|w| line.starts_with(w))
        || WIDGETS.is_match(line)
        || is_link_bar(line)
    {
        return true;
    }
    n <= 40 && !line.contains('。') && PHONE_OR_MAIL.is_match(line)
}

/// `当前位置: 首页>>调查研究` → `["首页", "调查研究"]`.
fn crumbs(line: &str) -> Option<Vec<String>> {
    let pos = CRUMB_MARKERS
        .iter()
        .filter_map(|m| line.find(m).map(|p| p + m.len()))
        .min()?;
    if line[..pos].chars().count() > 8 {
        return None;
    }
    let rest = &line[pos..];
    let rest = rest
        .trim_start_matches(is_ws)
        .strip_prefix([':', '：'])
        .unwrap_or(rest);
    let parts: Vec<String> = rest
        .split(['>', '»', '›', '→', '＞', '/', '|', '｜'])
        .map(|p| trim(p.trim_matches(['-', '='])).to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    Some(parts)
}

/// A metadata field line (`发布日期:2020-12-14 作者:濮阳市司法局`): record its values.
fn fields(line: &str, meta: &mut Meta) -> bool {
    let body = line.trim_start_matches(['【', '[', '(', '（', ' ', '\u{3000}', '\u{a0}']);
    let matches: Vec<_> = FIELD.captures_iter(body).collect();
    let Some(first) = matches.first() else {
        return false;
    };
    if first.get(0).map_or(1, |m| m.start()) != 0 {
        return false;
    }
    let mut date = None;
    let mut generic_date_only = true;
    let mut author = None;
    let mut source = None;
    for (k, cap) in matches.iter().enumerate() {
        let (Some(all), Some(key)) = (cap.get(0), cap.get(1)) else {
            continue;
        };
        let end = matches
            .get(k + 1)
            .and_then(|c| c.get(0))
            .map_or(body.len(), |m| m.start());
        let value = clean_value(&body[all.end()..end]);
        let key = key.as_str();
        match key {
            "时间" | "日期" => {
                if date.is_none() {
                    date = normalize_date(value);
                }
            }
            "发布日期" | "发布时间" | "发文日期" | "成文日期" | "更新时间" | "更新日期" =>
            {
                generic_date_only = false;
                if date.is_none() {
                    date = normalize_date(value);
                }
            }
            "作者" | "撰稿" | "撰稿人" | "发布者" | "发布人" => {
                generic_date_only = false;
                author.get_or_insert((!value.is_empty()).then(|| value.to_owned()));
            }
            "来源" | "信息来源" | "文章来源" | "稿件来源" => {
                generic_date_only = false;
                source.get_or_insert((!value.is_empty()).then(|| value.to_owned()));
            }
            _ => generic_date_only = false,
        }
    }
    // `时间:上午9时` in a notice is body text, not a timestamp.
    if generic_date_only && date.is_none() {
        return false;
    }
    if meta.date.is_none() {
        meta.date = date;
    }
    if meta.author.is_none() {
        meta.author = author;
    }
    if meta.source.is_none() {
        meta.source = source;
    }
    true
}

/// A field value without surrounding space, brackets and separators.
fn clean_value(v: &str) -> &str {
    v.trim_matches(|c: char| {
        is_ws(c)
            || matches!(
                c,
                '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '|' | '｜'
            )
    })
}

/// `关于我们 | 联系我们 | 版权声明` or `English # 网站地图 # 旧版回顾 #`.
fn is_link_bar(line: &str) -> bool {
    let mut parts = 0;
    for p in line.split(['|', '｜', '#', '丨']) {
        let p = trim(p);
        if p.is_empty() {
            continue;
        }
        if p.chars().count() > 12 || p.contains(['。', '，', ',']) {
            return false;
        }
        parts += 1;
    }
    parts >= 3
}

/// Normalise a written date to ISO: `2020-12-14`, `2020年12月14日`,
/// `2018-09-07 16:02:19`, `10.04.2018 12:27` (DD.MM.YYYY; MM.DD.YYYY when the second
/// number cannot be a month) → `YYYY-MM-DD`; `2020年12月` → `YYYY-MM`; `2020` → `YYYY`.
/// The first date found in `s` is used; None if there is none.
pub fn normalize_date(s: &str) -> Option<String> {
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    let ymd = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    if let Some(c) = DATE_YMD.captures(s) {
        if let (Some(y), Some(m), Some(d)) = (num(c.get(1)), num(c.get(2)), num(c.get(3))) {
            if let Some(iso) = ymd(y, m, d) {
                return Some(iso);
            }
        }
    }
    if let Some(c) = DATE_DMY.captures(s) {
        if let (Some(a), Some(b), Some(y)) = (num(c.get(1)), num(c.get(2)), num(c.get(3))) {
            let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            if let Some(iso) = ymd(y, m, d) {
                return Some(iso);
            }
        }
    }
    if let Some(c) = DATE_YM.captures(s) {
        if let (Some(y), Some(m)) = (num(c.get(1)), num(c.get(2))) {
            if (1900..=2100).contains(&y) && (1..=12).contains(&m) {
                return Some(format!("{y:04}-{m:02}"));
            }
        }
    }
    let y = num(DATE_Y.captures(s)?.get(1))?;
    (1900..=2100).contains(&y).then(|| format!("{y:04}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeds;

    #[test]
    fn seed_000_metadata_and_chrome() {
        let c = clean(seeds::S000);
        assert_eq!(c.publish_date.as_deref(), Some("2020-12-14"));
        assert_eq!(c.author.as_deref(), Some("濮阳市司法局"));
        assert_eq!(c.source, None);
        assert_eq!(c.crumbs, ["首页", "调查研究"]);
        assert_eq!(c.lines[0], "2020年调研第6期");
        assert_eq!(c.lines[1], "学习先进地区经验  推进法治政府建设");
        assert!(!c
            .lines
            .iter()
            .any(|l| l == "11" || l == "22" || l.contains("当前位置")));
        assert!(!c.lines.iter().any(|l| l.contains("发布日期")));
        // A body line that names an author stays.
        assert_eq!(
            c.lines.last().map(String::as_str),
            Some("(本文作者:娄建广系濮阳市二级巡视员、市司法局党委书记)")
        );
        // Five drops: 11, 22, 11, the crumb line, the metadata line; the lone NBSP line is empty.
        assert_eq!(c.dropped, 5);
    }

    #[test]
    fn a_zero_width_line_inside_a_sentence_joins_its_neighbours() {
        // The 2017 national report on Wikisource.
        for nl in ["\n", "\r\n"] {
            let text =
                format!("国内生产总值达到74.4{nl}\u{200b}{nl}万亿元，增长6.7%。{nl}{nl}下一段。");
            let c = clean(&text);
            assert_eq!(
                c.lines,
                ["国内生产总值达到74.4万亿元，增长6.7%。", "下一段。"]
            );
        }
    }

    #[test]
    fn seed_001_bare_timestamp_is_the_date() {
        let c = clean(seeds::S001);
        assert_eq!(c.publish_date.as_deref(), Some("2018-04-10"));
        assert_eq!(c.lines[0], "酒泉市2017年度法治政府建设工作报告");
        assert_eq!(c.lines[1], "酒泉市2017年度法治政府建设工作报告");
        assert!(c.lines[2].starts_with("2017年,在省委"));
        assert_eq!(c.lines[3], "一、加强组织领导,统筹谋划推动落实");
    }

    #[test]
    fn seed_002_empty_fields_and_footer() {
        let c = clean(seeds::S002);
        assert_eq!(c.publish_date.as_deref(), Some("2017-01-18"));
        assert_eq!((c.author.as_deref(), c.source.as_deref()), (None, None));
        assert_eq!(c.crumbs, ["首页", "新闻资讯", "最新要闻"]);
        assert_eq!(c.lines[0], "新时代下地方如何推进基层治理法治化");
        for chrome in [
            "栏目更新",
            "栏目热门",
            "关于我们 | 联系我们 | 版权声明 | 广告服务",
        ] {
            assert!(!c.lines.iter().any(|l| l == chrome), "{chrome}");
        }
        assert!(c
            .lines
            .last()
            .is_some_and(|l| l.starts_with("成效:截至2016年3月")));
    }

    #[test]
    fn seed_003_contact_footer_dropped() {
        let c = clean(seeds::S003);
        assert_eq!(c.lines[0], "四川省巴中市");
        assert!(c
            .lines
            .last()
            .is_some_and(|l| l.starts_with("自觉接受人大监督")));
        assert!(!c
            .lines
            .iter()
            .any(|l| l.contains("010-") || l.contains('@')));
    }

    #[test]
    fn seed_004_long_line_is_split() {
        let c = clean(seeds::S004);
        assert_eq!(c.publish_date.as_deref(), Some("2018-09-07"));
        assert_eq!(c.lines[0], "县区动态");
        assert_eq!(c.lines[1], "郓城发力法治政府建设创新多措施实效果好");
        assert!(
            c.lines[2].starts_with("2018年以来,郓城县") && c.lines[2].ends_with("成效突出明显。")
        );
        assert_eq!(
            c.lines[3],
            "一、扣好第一粒“扣子”,描绘法治政府建设“郓城蓝图”"
        );
        assert!(c.lines[4].starts_with("“奉法者强,则国强。”"));
        assert_eq!(c.lines[9], "四、“破冰”执法监督, 打造监督工作“郓城亮点”");
        assert_eq!(c.lines.len(), 15);
        for l in &c.lines {
            for chrome in [
                "今天是",
                "English",
                "全文搜索",
                "访问次数",
                "字号",
                "责任编辑",
                "版权所有",
                "ICP备",
                "地址:",
            ] {
                assert!(!l.contains(chrome), "{chrome} in {l}");
            }
        }
    }

    #[test]
    fn body_lines_mentioning_fields_stay() {
        let text = "来源:国务院办公厅\n\
                    时间:上午9时在市政府会议室召开\n\
                    本次检查的数据来源:市统计局年报和各县区上报材料,作者单位为市司法局。\n\
                    来源于群众的意见建议共128条,已全部办结并反馈,群众满意率达到98%以上,取得良好的社会效果,受到上级充分肯定。\n\
                    2020年12月14日\n\
                    中\n";
        let c = clean(text);
        assert_eq!(c.source.as_deref(), Some("国务院办公厅"));
        assert_eq!(
            c.lines,
            [
                "时间:上午9时在市政府会议室召开",
                "本次检查的数据来源:市统计局年报和各县区上报材料,作者单位为市司法局。",
                "来源于群众的意见建议共128条,已全部办结并反馈,群众满意率达到98%以上,取得良好的社会效果,受到上级充分肯定。",
                "2020年12月14日",
            ]
        );
    }

    #[test]
    fn line_breaks_and_widgets() {
        let c = clean(
            "第一段\r\n第二段\r第三段\u{2028}第四段\n【大 中 小】\n【打印】 【关闭】\n- 3 -\n|\n",
        );
        assert_eq!(c.lines, ["第一段", "第二段", "第三段", "第四段"]);
        assert_eq!(c.dropped, 4);
    }

    #[test]
    fn dates_normalise() {
        for (input, want) in [
            ("2020-12-14", Some("2020-12-14")),
            ("2020年12月14日", Some("2020-12-14")),
            ("2018-09-07 16:02:19", Some("2018-09-07")),
            ("10.04.2018  12:27", Some("2018-04-10")),
            ("04.23.2018", Some("2018-04-23")),
            ("2018/9/7", Some("2018-09-07")),
            ("2020年12月", Some("2020-12")),
            ("2020", Some("2020")),
            ("2020-13-01", None),
            ("上午9时", None),
            ("", None),
        ] {
            assert_eq!(normalize_date(input).as_deref(), want, "{input}");
        }
    }
}
