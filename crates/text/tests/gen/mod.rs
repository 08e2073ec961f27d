//! Generated text that looks like a report to the stages that read one: the pieces they
//! look for (list markers, headings, quotes, book titles, figures, units, dates, end
//! marks, line breaks and runs of spaces, HTML tags, metadata fields, place names) mixed
//! with random figures, random Chinese chars and any char at all; the lines of the seed
//! reports; and the doubling measure of the linearity tests. Shared by the tests of the
//! text and extract crates (`#[path]`), so both read the same kind of text.

// Each test crate that includes this uses a part of it.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use proptest::prelude::*;

/// What the stages look for.
const PIECES: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "第一章",
    "第二部分",
    "一、",
    "十二、",
    "（二）",
    "(3)",
    "1.",
    "2、",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "「",
    "」",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "。",
    "；",
    ";",
    "，",
    "、",
    "：",
    ":",
    "！",
    "？",
    "?",
    "……",
    "\n",
    "\n\n",
    "\r\n",
    "   ",
    "\u{3000}",
    "\t",
    "\u{a0}",
    "放管服",
    "三项制度",
    "一网通办",
    "最多跑一次",
    "双随机、一公开",
    "1+N",
    "机制",
    "改革",
    "制度",
    "模式",
    "工程",
    "行动",
    "计划",
    "增长",
    "下降",
    "提高",
    "达到",
    "目标",
    "预期",
    "以上",
    "左右",
    "约",
    "近",
    "超过",
    "万",
    "亿",
    "千",
    "百",
    "十",
    "两",
    "元",
    "万元",
    "亿元",
    "人",
    "件",
    "个",
    "项",
    "%",
    "％",
    "个百分点",
    "倍",
    "公里",
    "吨",
    "年",
    "月",
    "日",
    "2025年",
    "2026年",
    "12月31日",
    "十四五",
    "十五五",
    "3.5",
    "93.33",
    "１２",
    "-",
    "—",
    "～",
    "至",
    "到",
    "关于",
    "意见",
    "条例",
    "办法",
    "通知",
    "发布日期：",
    "来源：",
    "作者:",
    "<p>",
    "</p>",
    "<br>",
    "&nbsp;",
    "<script>",
    "</script>",
    "北京市",
    "广东省",
    "深圳",
    "县",
    "区",
    "市",
    "省",
    "全国",
    "政府工作报告",
    "法治政府建设",
    "《关于加强法治政府建设的意见》",
    "《中华人民共和国行政许可法》",
    "印发《",
    "。一是加强组织领导；二是完善制度机制；三是强化监督考核。",
    "\n（一）加强领导。",
    "“好房子”",
    "“三项制度”改革",
    "增长5.2%",
    "下降0.1%",
    "达到1.2万亿元",
];

/// The chars most frequent in the shared corpus (national and provincial reports), most
/// frequent first: the text of a report, not the rare chars a random code point gives.
const COMMON: &str = concat!(
    "的和国业发一大民人展中要主进建会加政经工在产有是制全化力社设作年实我生不地改济行",
    "重新强义增革了高们持动体各为资农对以方能保理法现合家基面成定同党提务度推分上平个",
    "开本出坚用治这好企部等长到代区关五文步多学利事系机性结市于决共十技入量来育公就完",
    "善级续施教时自科领点三策导支过规外管放活调必创品水更深应立积得取项造内快计府极质",
    "稳正场特收权城服下种划安总群统构效任争战金题期向万继术目二整前投众问解四心际所比",
    "之把村护优须百明促可当费命九思使第通益族程都些阶路员位世础也防形亿商反严界标与两",
    "军后件扩他财源域营干想求元着表从斗切小广信其相健组运意而条口环做式消集原格变还职",
    "团确精障转办央物需局别今起落及交融由将门价监批努根依境认少线并协风道范准势流略型",
    "八联去色数间达子执备节情先观织适升供险六论断指研控态乡然劳较神已真无议挥识处难税",
    "最引责七充专果电者次律历低医减贯维贸预居才彻证率逐则复困史因针千速打台固措互值验",
    "很队模具配镇抓助况食紧院接层但老毛兴类伟督养单克海美究华培突易综志视按粮又显住核",
    "破康近存据卫试受料排常采列东算励日样段约降均校席委够西审说清只奋走省帮给负传胜举",
    "参富素超习许贫手鼓案非房港土查照巩带包注围知搞额",
);

/// A text of up to `max_pieces` pieces.
pub fn report_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => "[0-9]{1,6}(\\.[0-9]{1,3})?",
        2 => prop::char::range('\u{4e00}', '\u{9fa5}').prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|v| v.concat())
}

/// A text of report pieces and common Chinese chars only: no control chars but line
/// breaks, at least `min_han` Chinese chars.
pub fn chinese_text(min_han: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => prop::sample::select(COMMON.chars().collect::<Vec<_>>()).prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..200)
        .prop_map(|v| v.concat().replace(['\r', '\t'], ""))
        .prop_filter("enough Chinese", move |s| {
            s.chars()
                .filter(|c| ('\u{4e00}'..='\u{9fa5}').contains(c))
                .count()
                >= min_han
        })
}

/// The lines of the seed reports in `corpus/`, trimmed, empty ones dropped.
pub fn seed_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .expect("seed text")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Time on `big` over time on `small` may be at most this (per byte).
pub const MAX_RATIO: f64 = 2.5;
/// A measurement runs each text at least this often and this long (the fastest run
/// counts), and is taken up to this many times before the test fails.
const MIN_REPS: usize = 3;
const MIN_TIME: Duration = Duration::from_millis(60);
const ATTEMPTS: usize = 5;

/// `Err` (the measurements) when `f` takes more than [`MAX_RATIO`] × as long per byte on
/// `big` as on `small` in each of [`ATTEMPTS`] measurements. A measurement is the
/// fastest of at least [`MIN_REPS`] runs on each text, taken in turn after a warm-up and
/// for at least [`MIN_TIME`]: a noisy machine slows some runs, not every run, so only a
/// real growth faster than the text fails.
pub fn doubling(small: &str, big: &str, f: impl Fn(&str)) -> Result<(), String> {
    let scale = 2.0 * small.len() as f64 / big.len() as f64;
    f(small);
    let mut seen = Vec::new();
    for _ in 0..ATTEMPTS {
        let [t1, t2] = fastest([small, big], &f);
        let ratio = t2.as_secs_f64() / t1.as_secs_f64() * scale;
        if ratio <= MAX_RATIO {
            return Ok(());
        }
        seen.push(format!("{t1:?} → {t2:?} (×{ratio:.2})"));
    }
    Err(format!(
        "time grows faster than the text from {} to {} bytes: {}",
        small.len(),
        big.len(),
        seen.join(", ")
    ))
}

/// The fastest run of `f` on each text, the texts taken in turn, at least [`MIN_REPS`]
/// times and for at least [`MIN_TIME`].
fn fastest(texts: [&str; 2], f: &impl Fn(&str)) -> [Duration; 2] {
    let mut best = [Duration::MAX; 2];
    let start = Instant::now();
    let mut reps = 0;
    while reps < MIN_REPS || start.elapsed() < MIN_TIME {
        for (i, t) in texts.into_iter().enumerate() {
            let run = Instant::now();
            f(t);
            best[i] = best[i].min(run.elapsed());
        }
        reps += 1;
    }
    best
}
