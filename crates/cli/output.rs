//! Shared output helpers: stdout, text shown safely on a terminal, highlights, the
//! ingest summary line, JSON and CSV rows.

use std::borrow::Cow;
use std::io::{BufWriter, Write};

use govmine_export::csv_text_cell;
use govmine_index::{Hit, PlaceTag, Snippet};
use govmine_ingest::{Event, Summary};
use indicatif::{ProgressBar, ProgressStyle};

/// Buffered stdout.
pub fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Was this error a closed pipe (`govmine search … | head`)?
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `4.4 MB`.
pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// A char a terminal would act on rather than show: C0 controls, DEL, C1 controls
/// (U+0080–U+009F), bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069).
fn acts_on_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Push `c` as a terminal should show it: such a char as `\u{1b}`, others as they are.
fn push_shown(out: &mut String, c: char) {
    if acts_on_terminal(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// Text from documents, file names or the command line as one line for people: every
/// char a terminal would act on (ESC, BEL, a newline, a bidi override …) shown escaped,
/// `\u{1b}`. Applied to everything govmine did not write itself; JSON and CSV keep the
/// text as it is.
pub fn shown(s: &str) -> Cow<'_, str> {
    if !s.chars().any(acts_on_terminal) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        push_shown(&mut out, c);
    }
    Cow::Owned(out)
}

/// `s` shown, cut to its first `max` chars with `…`: for echoing input in an error.
pub fn brief(s: &str, max: usize) -> String {
    let cut: String = s.chars().take(max).collect();
    let more = if cut.len() < s.len() { "…" } else { "" };
    format!("{}{more}", shown(&cut))
}

pub fn bold(s: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

pub fn dim(s: &str, color: bool) -> String {
    if color {
        format!("\x1b[2m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// The snippet [`shown`], with its highlights in bold red on a terminal.
pub fn highlight(s: &Snippet, color: bool) -> String {
    if !color {
        return shown(&s.text).into_owned();
    }
    let mut out = String::new();
    let mut hl = s.highlights.iter().peekable();
    for (i, c) in s.text.chars().enumerate() {
        if hl.peek().is_some_and(|h| h.0 == i) {
            out.push_str("\x1b[1;31m");
        }
        push_shown(&mut out, c);
        if hl.peek().is_some_and(|h| h.1 == i + 1) {
            out.push_str("\x1b[0m");
            hl.next();
        }
    }
    out
}

/// `河南省驻马店市 (subject), 河南省濮阳市 (author)`; one entry per place with all its roles.
pub fn places_line(places: &[PlaceTag]) -> String {
    let mut merged: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in places {
        let roles = match merged.iter_mut().find(|(n, _)| *n == p.name) {
            Some((_, roles)) => roles,
            None => {
                merged.push((&p.name, Vec::new()));
                &mut merged.last_mut().expect("just pushed").1
            }
        };
        if let Some(r) = &p.role {
            roles.push(r);
        }
    }
    merged
        .iter()
        .map(|(name, roles)| match roles.is_empty() {
            true => name.to_string(),
            false => format!("{name} ({})", roles.join(", ")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one summary line of an ingest.
pub fn summary_line(s: &Summary) -> String {
    let skipped = if s.skipped.is_empty() {
        "0 skipped".to_string()
    } else {
        let parts: Vec<String> = s.skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
        format!("{} skipped ({})", s.skipped_total(), parts.join(", "))
    };
    let replaced = if s.replaced > 0 {
        format!(" ({} replaced)", s.replaced)
    } else {
        String::new()
    };
    let warnings = warnings_part(s);
    format!(
        "ingest: {} files seen, {} documents indexed{replaced}, {} unchanged, {skipped}{warnings}, {} in {:.1} s, {:.1} MB/s",
        s.files,
        s.indexed,
        s.unchanged,
        mb(s.bytes),
        s.seconds,
        s.bytes as f64 / 1_000_000.0 / s.seconds.max(1e-9)
    )
}

/// `, 2 warnings (invalid bytes 1, NUL/control bytes 1)`, or nothing when there are none.
fn warnings_part(s: &Summary) -> String {
    let n = s.warnings_total();
    if n == 0 {
        return String::new();
    }
    let parts: Vec<String> = s
        .warnings
        .iter()
        .map(|(k, n)| format!("{} {n}", k.label()))
        .collect();
    let plural = if n == 1 { "" } else { "s" };
    format!(", {n} warning{plural} ({})", parts.join(", "))
}

/// `extract: 5 documents, 1234 records (document 5, quantity 800, …), 0 skipped, …`.
pub fn extract_line(
    s: &Summary,
    counts: &std::collections::BTreeMap<String, u64>,
    out: Option<&std::path::Path>,
    manifest: Option<&std::path::Path>,
) -> String {
    let total: u64 = counts.values().sum();
    let by_type: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
    let skipped = if s.skipped.is_empty() {
        "0 skipped".to_string()
    } else {
        let parts: Vec<String> = s.skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
        format!("{} skipped ({})", s.skipped_total(), parts.join(", "))
    };
    let path = |p: &std::path::Path| shown(&p.display().to_string()).into_owned();
    let whereto = match (out, manifest) {
        (Some(o), Some(m)) => format!(" → {} (manifest {})", path(o), path(m)),
        (Some(o), None) => format!(" → {}", path(o)),
        (None, Some(m)) => format!(" (manifest {})", path(m)),
        (None, None) => String::new(),
    };
    let warnings = warnings_part(s);
    format!(
        "extract: {} documents, {total} records ({}), {skipped}{warnings}, {} in {:.1} s, {:.1} MB/s{whereto}",
        s.indexed,
        by_type.join(", "),
        mb(s.bytes),
        s.seconds,
        s.bytes as f64 / 1_000_000.0 / s.seconds.max(1e-9)
    )
}

pub fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar
}

/// Print a skip on stderr (above the bar; its file name [`shown`]), advance the bar.
pub fn on_ingest_event(ev: Event, bar: Option<&ProgressBar>) {
    match ev {
        Event::Skipped(s) => match bar {
            Some(b) => b.println(format!("govmine: {}", shown(&s.message))),
            None => eprintln!("govmine: {}", shown(&s.message)),
        },
        Event::Warning(w) => match bar {
            Some(b) => b.println(format!("govmine: {}", shown(&w.message))),
            None => eprintln!("govmine: {}", shown(&w.message)),
        },
        Event::Progress { done, total } => {
            if let Some(b) = bar {
                b.set_length(total);
                b.set_position(done);
            }
        }
    }
}

/// The `--json` object of a hit.
pub fn hit_json(hit: &Hit) -> serde_json::Value {
    let d = &hit.doc;
    serde_json::json!({
        "doc": d.id,
        "path": d.path,
        "title": d.title,
        "date": d.date,
        "year": d.year,
        "places": d.places,
        "score": hit.score,
        "matched_passages": hit.matched_passages,
        "passages": hit.passages.iter().map(|p| serde_json::json!({
            "section": p.section,
            "place": p.place.as_ref().map(|pl| pl.concat()),
            "snippet": p.snippet.text,
            "highlights": p.snippet.highlights,
            "score": p.score,
            "start": p.start,
            "end": p.end,
        })).collect::<Vec<_>>(),
    })
}

/// `--csv`: UTF-8 with BOM (Excel), one row per document and passage; text cells by
/// [`csv_text_cell`] (a `'` before a formula).
pub fn hits_csv(out: &mut impl Write, hits: &[Hit]) -> anyhow::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "rank",
        "doc",
        "title",
        "date",
        "year",
        "places",
        "score",
        "section",
        "passage_place",
        "snippet",
        "start",
        "end",
    ])?;
    for (i, h) in hits.iter().enumerate() {
        for p in &h.passages {
            let text = |s: &str| csv_text_cell(s).into_owned();
            w.write_record([
                (i + 1).to_string(),
                text(&h.doc.id),
                text(h.doc.title.as_deref().unwrap_or_default()),
                text(h.doc.date.as_deref().unwrap_or_default()),
                h.doc.year.map(|y| y.to_string()).unwrap_or_default(),
                text(&places_line(&h.doc.places)),
                format!("{:.3}", h.score),
                text(&p.section.join(" › ")),
                text(&p.place.as_ref().map(|pl| pl.concat()).unwrap_or_default()),
                text(&p.snippet.text),
                p.start.to_string(),
                p.end.to_string(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// `: did you mean 三项制度 (12), 四个公开 (2)?`, or nothing.
pub fn suggestion_line(near: &[(String, usize)]) -> String {
    if near.is_empty() {
        return String::new();
    }
    let items: Vec<String> = near.iter().map(|(k, n)| format!("{k} ({n})")).collect();
    format!("; closest in the index: {}", items.join(", "))
}

/// Nothing matched: say so (with any suggestion; [`shown`]) on stdout for people, on
/// stderr for `--json` and `--csv`, whose stdout stays machine-readable.
pub fn nothing(
    format: crate::scope::Format,
    message: &str,
) -> anyhow::Result<std::process::ExitCode> {
    let message = shown(message);
    if format.json || format.csv {
        eprintln!("govmine: {message}");
    } else {
        let mut out = stdout();
        writeln!(out, "{message}")?;
        out.flush()?;
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// A year range for people: `2017`, `2016–2020`, or nothing.
pub fn year_span(first: Option<i32>, last: Option<i32>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// An optional cell.
pub fn cell<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// `--json`: each row as one JSON object a line.
pub fn json_lines<T: serde::Serialize>(rows: &[T]) -> anyhow::Result<std::process::ExitCode> {
    let mut out = stdout();
    for r in rows {
        serde_json::to_writer(&mut out, r)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// The table as CSV (`--csv`), or for people under `heading` (a blank line between;
/// each of its lines [`shown`]).
pub fn table(
    t: &crate::table::Table,
    format: crate::scope::Format,
    heading: &str,
) -> anyhow::Result<std::process::ExitCode> {
    let mut out = stdout();
    if format.csv {
        t.write_csv(&mut out)?;
    } else {
        for line in heading.split('\n') {
            writeln!(out, "{}", shown(line))?;
        }
        writeln!(out)?;
        t.write_human(&mut out, crate::table::width())?;
    }
    out.flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tester's document: a clipboard write (OSC 52), a screen clear, a bidi override.
    const HOSTILE: &str = "推进法治\u{1b}]52;c;SGVsbG8=\u{7}政府建设\u{1b}[2J，成效明显\u{202e}。";
    const SHOWN: &str = r"推进法治\u{1b}]52;c;SGVsbG8=\u{7}政府建设\u{1b}[2J，成效明显\u{202e}。";

    #[test]
    fn what_a_terminal_acts_on_is_shown_escaped() {
        assert_eq!(shown(HOSTILE), SHOWN);
        // DEL, C1 (CSI as one char), tab and newline in a one-line cell, bidi isolates.
        assert_eq!(
            shown("a\u{7f}b\u{9b}2Jc\td\ne\u{2066}f\u{2069}"),
            r"a\u{7f}b\u{9b}2Jc\u{9}d\u{a}e\u{2066}f\u{2069}"
        );
        // Report text as it is, borrowed.
        let plain = "行政机关负责人出庭应诉率为75%（全市）… › “三项制度”";
        assert!(matches!(shown(plain), Cow::Borrowed(s) if s == plain));
        assert_eq!(brief(HOSTILE, 6), r"推进法治\u{1b}]…");
        assert_eq!(brief("三项制度", 6), "三项制度");
    }

    #[test]
    fn controls_in_a_snippet_are_shown_escaped_and_highlights_kept() {
        let s = Snippet {
            text: HOSTILE.into(),
            highlights: vec![(2, 4)],
            matches: Vec::new(),
        };
        assert_eq!(highlight(&s, false), SHOWN);
        assert_eq!(
            highlight(&s, true),
            SHOWN.replacen("法治", "\x1b[1;31m法治\x1b[0m", 1)
        );
    }
}
