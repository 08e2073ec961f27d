//! Extraction time is linear in the document: every extractor, on generated documents of
//! N and 2N bytes (real report paragraphs from `corpus/` interleaved with dense runs of
//! what the extractors look for, varied so no two repeats are alike), as one line and as
//! many lines, takes at most 2.5 × as long on 2N as on N (see `gen::doubling`).

#[path = "../../text/tests/gen/mod.rs"]
mod gen;

use std::sync::Mutex;

use govmine_extract::{citation, date, measure, mechanism, quantities};

/// Bytes of the smaller document.
const N: usize = 300_000;

/// One timing at a time: the tests of this file would otherwise share the cores.
static SERIAL: Mutex<()> = Mutex::new(());

/// A dense run of quoted names, enumerations, citations, figures and dates, its words
/// chosen by `k`.
fn dense(k: usize) -> String {
    const HANZI: &[char] = &[
        '法', '治', '政', '府', '建', '设', '执', '监', '督', '服', '务', '改', '革', '审', '批',
        '公', '开', '清', '单', '网', '办', '窗', '证', '照', '管', '理', '考', '核', '平', '台',
    ];
    const NUMS: &[char] = &['两', '三', '四', '五', '六', '七', '八', '九', '十'];
    let h = |n: usize| HANZI[n % HANZI.len()];
    let (a, b, c) = (h(k), h(k / 7 + 3), h(k / 31 + 11));
    let n = NUMS[k % NUMS.len()];
    format!(
        "推行“{n}{a}{b}制度”，落实“放管服”“{a}{b}通办”、“最多跑一次”等改革，{n}项{a}{c}机制，\
         一是{a}{b}{c}，二是加强组织领导，三是强化{c}{a}；印发《关于{a}{b}{c}工作的意见》和\
         《{b}{c}条例》，办理事项{k}.{}万件，增长{}.5%，{}年{}月{}日，",
        k % 97,
        k % 13,
        1990 + k % 36,
        1 + k % 12,
        1 + k % 28
    )
}

/// A document of at least `bytes` bytes: seed paragraphs and dense runs in turn, joined
/// into one line or one paragraph a line.
fn document(paragraphs: &[String], bytes: usize, one_line: bool) -> String {
    let sep = if one_line { "" } else { "\n" };
    let mut out = String::with_capacity(bytes + 4096);
    let mut k = 0;
    while out.len() < bytes {
        out.push_str(&paragraphs[k % paragraphs.len()]);
        out.push_str(sep);
        out.push_str(&dense(k));
        out.push_str(sep);
        k += 1;
    }
    out
}

/// Assert `f` takes at most `gen::MAX_RATIO` × as long on 2N bytes as on N, one line
/// and many lines.
fn assert_linear(name: &str, f: fn(&str) -> usize) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let paragraphs = gen::seed_lines();
    for one_line in [true, false] {
        let small = document(&paragraphs, N, one_line);
        let big = document(&paragraphs, 2 * N, one_line);
        let shape = if one_line { "one line" } else { "many lines" };
        if let Err(e) = gen::doubling(&small, &big, |t| {
            std::hint::black_box(f(t));
        }) {
            panic!("{name}, {shape}: {e}");
        }
    }
}

#[test]
fn quantities_are_linear() {
    assert_linear("quantity", |t| quantities(t).len());
}

#[test]
fn dates_are_linear() {
    assert_linear("date", |t| date::dates(t).len());
}

#[test]
fn mechanisms_are_linear() {
    assert_linear("mechanism", |t| mechanism::mechanisms(t).len());
}

#[test]
fn measures_are_linear() {
    assert_linear("measure", |t| measure::measures(t).len());
}

#[test]
fn policy_docs_are_linear() {
    assert_linear("policy_doc", |t| citation::policy_docs(t).len());
}
