//! HTML → plain text, hand-written and forgiving: scripts, styles, `<noscript>`,
//! comments and `<head>` dropped (its `<title>` kept as the first line), block
//! elements turned into line breaks, entities decoded, source whitespace collapsed.

/// Elements whose content is never text.
const RAW: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object",
];

/// Elements that start or end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "form",
    "center",
    "caption",
    "figure",
    "figcaption",
    "address",
    "body",
    "html",
    "option",
    "fieldset",
    "legend",
];

/// Strip tags from an HTML page and return its text, one block per line.
///
/// The `<title>` text (if any) comes first on its own line. Table cells are separated
/// by a space. Never panics; a `<` that does not start a tag is kept as text.
pub fn strip(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut title = String::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let mut in_head = false;
    let mut in_title = false;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let lt = i + off;
        // Flush text before the tag.
        let target = if in_title { &mut title } else { &mut out };
        if !in_head || in_title {
            push_text(target, &html[text_start..lt]);
        }
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            let end = find(&bytes[lt + 4..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            i = end;
            text_start = end;
            continue;
        }
        if rest.len() >= 2 && (rest[1] == b'!' || rest[1] == b'?') {
            let end = find(&bytes[lt..], b">").map_or(bytes.len(), |e| lt + e + 1);
            i = end;
            text_start = end;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // Not a tag: keep the `<` as text.
            i = lt + 1;
            text_start = lt;
            if i >= bytes.len() {
                break;
            }
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let Some(tag_end) = tag_end(bytes, name_start + name_len) else {
            // Unterminated tag: the rest is not text.
            text_start = bytes.len();
            break;
        };
        i = tag_end;
        text_start = tag_end;
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if !closing && RAW.iter().any(|r| is(r)) {
            // Skip to the matching close tag.
            let end = find_close(bytes, tag_end, name).unwrap_or(bytes.len());
            i = end;
            text_start = end;
            continue;
        }
        if is("title") {
            in_title = !closing;
            if closing {
                title.push(' ');
            }
            continue;
        }
        if is("head") {
            in_head = !closing;
            continue;
        }
        if is("body") {
            in_head = false;
        }
        if in_head {
            continue;
        }
        if BLOCK.iter().any(|b| is(b)) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
        } else if (is("td") || is("th")) && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }
    if text_start < bytes.len() && (!in_head || in_title) {
        let target = if in_title { &mut title } else { &mut out };
        push_text(target, &html[text_start..]);
    }
    let title = title.trim();
    if title.is_empty() {
        out
    } else {
        let mut with_title = String::with_capacity(title.len() + 1 + out.len());
        with_title.push_str(title);
        with_title.push('\n');
        with_title.push_str(&out);
        with_title
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// End (one past `>`) of a tag whose name ends at `from`, honouring quoted attribute
/// values; an unbalanced quote falls back to the first `>`.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'>') => return Some(from + k + 1),
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            _ => {}
        }
    }
    bytes[from..]
        .iter()
        .position(|&b| b == b'>')
        .map(|k| from + k + 1)
}

/// One past the `>` of `</name …>` at or after `from` (case-insensitive).
fn find_close(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    let mut k = from;
    while let Some(off) = find(&bytes[k..], b"</") {
        let s = k + off + 2;
        if bytes.len() >= s + n && bytes[s..s + n].eq_ignore_ascii_case(name.as_bytes()) {
            let after = bytes.get(s + n).copied();
            if !after.is_some_and(|b| b.is_ascii_alphanumeric()) {
                return Some(
                    bytes[s + n..]
                        .iter()
                        .position(|&b| b == b'>')
                        .map_or(bytes.len(), |e| s + n + e + 1),
                );
            }
        }
        k = s;
    }
    None
}

/// Append text, collapsing ASCII whitespace runs to one space and decoding entities.
fn push_text(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run = 0; // start of the pending verbatim run
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            out.push_str(&s[run..i]);
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if !(out.is_empty() || out.ends_with([' ', '\n'])) {
                out.push(' ');
            }
            i = j;
            run = j;
        } else if b == b'&' {
            out.push_str(&s[run..i]);
            match entity(&s[i..]) {
                Some((c, len)) => {
                    out.push(c);
                    i += len;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            }
            run = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[run..]);
}

/// Decode one entity at the start of `s` (which starts with `&`): the char and the
/// byte length consumed.
fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let len = b[start..]
            .iter()
            .take(8)
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&s[start..start + len], if hex { 16 } else { 10 }).ok()?;
        let c = match code {
            0 => '\u{fffd}',
            // Windows-1252 quotes and dashes written as numeric references.
            0x93 => '“',
            0x94 => '”',
            0x91 => '‘',
            0x92 => '’',
            0x96 => '–',
            0x97 => '—',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        let semi = usize::from(b.get(start + len) == Some(&b';'));
        return Some((c, start + len + semi));
    }
    let len = b[1..]
        .iter()
        .take(10)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = &s[1..1 + len];
    let c = named(name)?;
    let semi = b.get(1 + len) == Some(&b';');
    // Without `;` only the very common ones (`&nbsp` in sloppy pages).
    if !semi && !matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot") {
        return None;
    }
    Some((c, 1 + len + usize::from(semi)))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "emsp" => '\u{2003}',
        "ensp" => '\u{2002}',
        "thinsp" => '\u{2009}',
        "times" => '×',
        "divide" => '÷',
        "deg" => '°',
        "plusmn" => '±',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "permil" => '‰',
        "rarr" => '→',
        "larr" => '←',
        "uarr" => '↑',
        "darr" => '↓',
        "radic" => '√',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "infin" => '∞',
        "alpha" => 'α',
        "beta" => 'β',
        "micro" => 'µ',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8"><title>郓城发力法治政府建设 - 山东省司法厅</title>
<style>body { font-size: 14px; } p > a { color: red; }</style>
<script type="text/javascript">var x = "<p>not text</p>"; if (a < b) { go(); }</script>
</head>
<body>
<!-- 导航 <p>hidden</p> -->
<div class="nav"><a href="/">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="/xw">县区动态</a></div>
<noscript>请开启JavaScript</noscript>
<h1>郓城发力法治政府建设</h1>
<p>发布时间：2018-09-07&nbsp;&nbsp;来源：郓城县</p>
<p>&emsp;&emsp;2018年以来，郓城县突出重点、<b>精准施策</b>，狠抓&ldquo;纲要&rdquo;落实&hellip;</p>
<P CLASS='x'>一、扣好第一粒&#8220;扣子&#x201D;<br/>A &amp; B &lt;C&gt; &quot;D&quot; &copy;</P>
<table><tr><td>县区</td><td>件数</td></tr><tr><td>郓城</td><td>12</td></tr></table>
<ul><li>第一项</li><li>第二项</li></ul>
<p>broken <a href="x>tag</p>
</body></html>"#;

    #[test]
    fn strips_a_gov_page_into_lines() {
        let text = strip(PAGE);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "郓城发力法治政府建设 - 山东省司法厅",
                "首页\u{a0}>>\u{a0}县区动态",
                "郓城发力法治政府建设",
                "发布时间：2018-09-07\u{a0}\u{a0}来源：郓城县",
                "2018年以来，郓城县突出重点、精准施策，狠抓“纲要”落实…",
                "一、扣好第一粒“扣子”",
                "A & B <C> \"D\" ©",
                "县区 件数",
                "郓城 12",
                "第一项",
                "第二项",
                "broken tag",
            ]
        );
        assert!(
            !text.contains("font-size") && !text.contains("not text") && !text.contains("hidden")
        );
        assert!(!text.contains("JavaScript"));
    }

    #[test]
    fn malformed_input_never_panics() {
        for s in [
            "<",
            "<<",
            "<a",
            "<a href='x",
            "</",
            "<!--",
            "<!-- x",
            "<script>",
            "<script>x</scr",
            "a < b > c",
            "&",
            "&#",
            "&#x;",
            "&#99999999;",
            "&#xD800;",
            "&nbsp",
            "&amp x",
            "<p",
            "<title>t",
            "<head><title>t</title>x",
            "文字<文字>文字",
            "<1>",
            "&#0;",
        ] {
            let _ = strip(s);
        }
        assert_eq!(strip("a < b and c > d"), "a < b and c > d");
        assert_eq!(strip("x &nbsp y &unknown; z"), "x \u{a0} y &unknown; z");
        assert_eq!(strip("<head><title>T</title><meta></head>x"), "T\nx");
    }

    #[test]
    fn process_html_keeps_title_first_and_drops_chrome() {
        let hints = crate::Hints {
            html: true,
            ..Default::default()
        };
        let doc = crate::process(PAGE, &hints);
        assert_eq!(doc.publish_date.as_deref(), Some("2018-09-07"));
        assert_eq!(doc.source.as_deref(), Some("郓城县"));
        assert_eq!(
            doc.title.as_deref(),
            Some("郓城发力法治政府建设 - 山东省司法厅")
        );
        assert!(doc
            .sections
            .iter()
            .any(|s| s.heading == "一、扣好第一粒“扣子”"));
    }
}
