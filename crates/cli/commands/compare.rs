//! `govmine compare INDICATOR`: the value each place states for an indicator, one row
//! per place, year, status and unit, with the sentence to check it by.

use std::collections::BTreeSet;
use std::process::ExitCode;

use govmine_research::{CompareRequest, Comparison};

use crate::context::Context;
use crate::output;
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `compare`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The indicator (出庭应诉率, 法律顾问, 地区生产总值): a name or alias of the indicator
    /// catalogue (`--list`) reads every way reports write it; any other phrase is read as
    /// given. Several give a panel (one row per place, year, status and indicator)
    #[arg(value_name = "INDICATOR", required_unless_present = "list")]
    pub indicator: Vec<String>,
    /// Print the indicator catalogue (official names, aliases, unit class) and stop
    #[arg(long, conflicts_with = "indicator")]
    pub list: bool,
    /// Only values in this unit or its class (人 keeps 人, 名, 位; 万元 means 元)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Only results or only targets
    #[arg(long, value_parser = ["result", "target"])]
    pub status: Option<String>,
    /// Every value found, not only the best per place, year, status and unit
    #[arg(long)]
    pub all: bool,
    /// Only documents of these years, inclusive (2016..2020); `--year` / `--years` are
    /// the years the figures are about
    #[arg(long, value_name = "A..B")]
    pub doc_years: Option<String>,
    /// Also per-head figures (人均) of an indicator that is a total
    #[arg(long)]
    pub per_capita: bool,
    /// Also figures about a part of a place (南疆四地州, 城市副中心, a city named in a
    /// provincial report), each a row of its own
    #[arg(long)]
    pub parts: bool,
    /// Order rows (results, then targets) by place (division code, then year) or by
    /// value, largest first
    #[arg(long, default_value = "place", value_parser = ["place", "value"])]
    pub sort: String,
    #[command(flatten)]
    pub scope: Scope,
    #[command(flatten)]
    pub format: Format,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    if args.indicator.is_empty() {
        return list(args.format);
    }
    for i in &args.indicator {
        super::check_length("indicator", i)?;
    }
    let pipeline = ctx.pipeline()?;
    // --year / --years ask for the year a figure is about; --doc-years picks documents.
    let mut filter = args.scope.filter(&pipeline)?;
    filter.years = args
        .doc_years
        .as_deref()
        .map(crate::scope::parse_years)
        .transpose()?;
    let searcher = ctx.searcher(&pipeline)?;
    let mut cmps = Vec::with_capacity(args.indicator.len());
    for indicator in &args.indicator {
        let req = CompareRequest {
            indicator: indicator.to_owned(),
            unit: args.unit.clone(),
            filter: filter.clone(),
            status: args.status.clone(),
            all: args.all,
            years: args.scope.year_range()?,
            per_capita: args.per_capita,
            parts: args.parts,
        };
        let mut cmp = govmine_research::compare(&searcher, &pipeline.segmenter, &req)?;
        if args.sort == "value" {
            sort_by_value(&mut cmp.rows);
        }
        cmps.push(cmp);
    }
    if let [cmp] = &cmps[..] {
        return one(cmp, args);
    }
    panel(&cmps, args)
}

/// Rows of one status and unit together, largest value first (stable).
fn sort_by_value(rows: &mut [govmine_research::CompareRow]) {
    let value = |r: &govmine_research::CompareRow| r.value.as_f64().unwrap_or(0.0);
    rows.sort_by(|a, b| {
        (a.status != "result")
            .cmp(&(b.status != "result"))
            .then(a.unit.cmp(&b.unit))
            .then(value(b).total_cmp(&value(a)))
    });
}

/// ` in 元/万元` when `--unit` was given.
fn unit_note(cmp: &Comparison) -> String {
    match &cmp.units {
        Some(u) => format!(" in {}", u.join("/")),
        None => String::new(),
    }
}

/// One indicator: its table (or rows), or why there is none.
fn one(cmp: &Comparison, args: &Args) -> anyhow::Result<ExitCode> {
    if cmp.rows.is_empty() {
        return output::nothing(args.format, &nothing_line(cmp, args));
    }
    if args.format.json {
        return output::json_lines(&cmp.rows);
    }
    output::table(&table_of(&[cmp]), args.format, &heading(cmp, args))
}

/// Several indicators, a panel: JSON and CSV give every row (each names its indicator),
/// one row per place, year, status, form and indicator; the terminal a table each.
fn panel(cmps: &[Comparison], args: &Args) -> anyhow::Result<ExitCode> {
    if args.format.json {
        let rows: Vec<&govmine_research::CompareRow> = cmps.iter().flat_map(|c| &c.rows).collect();
        return output::json_lines(&rows);
    }
    if args.format.csv {
        return output::table(
            &table_of(cmps.iter().collect::<Vec<_>>().as_slice()),
            args.format,
            "",
        );
    }
    for cmp in cmps {
        if cmp.rows.is_empty() {
            println!("{}\n", nothing_line(cmp, args));
        } else {
            output::table(&table_of(&[cmp]), args.format, &heading(cmp, args))?;
            println!();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why an indicator has no row: its values are in other units, or none is stated.
fn nothing_line(cmp: &Comparison, args: &Args) -> String {
    let unit_note = unit_note(cmp);
    if !cmp.other_units.is_empty() {
        let units: Vec<String> = cmp
            .other_units
            .iter()
            .map(|(u, n)| format!("{u} ({n})"))
            .collect();
        return format!(
            "no value of {}{unit_note}{}; its values are in {}: try --unit {}",
            cmp.indicator,
            args.scope.describe(),
            units.join(", "),
            cmp.other_units[0].0
        );
    }
    format!(
        "no value stated for {}{unit_note}{} {}{}",
        cmp.indicator,
        args.scope.describe(),
        tried_note(cmp),
        output::suggestion_line(&cmp.suggestions)
    )
}

/// The columns of a comparison table (the first six on the terminal, every one in CSV).
fn columns() -> Vec<table::Column> {
    let mut cols = vec![
        table::text("place"),
        table::number("year"),
        table::number("value"),
        table::text("unit"),
        table::text("status"),
        table::text("as written"),
    ];
    cols.extend(
        [
            "indicator",
            "code",
            "period_from",
            "period_to",
            "period_source",
            "doc_year",
            "aggregation",
            "form",
            "basis",
            "direction",
            "scope",
            "value_to",
            "approx",
            "qualifier",
            "subject",
            "relation",
            "score",
            "doc_id",
            "doc",
            "sentence",
            "start",
        ]
        .map(table::csv_only),
    );
    cols
}

/// The rows of `cmps` as one table, each with the clause that holds its value beneath.
fn table_of(cmps: &[&Comparison]) -> Table {
    let mut t = Table::new(columns());
    for r in cmps.iter().flat_map(|c| &c.rows) {
        let detail = format!(
            "{} — {}",
            clause_of(&r.sentence, &r.text, &r.subject),
            r.doc_id
        );
        t.push_with_detail(cells(r), detail);
    }
    t
}

/// One row's cells, in [`columns`] order.
fn cells(r: &govmine_research::CompareRow) -> Vec<String> {
    vec![
        r.place.clone(),
        r.year.map_or("?".to_string(), |y| y.to_string()),
        r.value.to_string(),
        r.unit.clone(),
        r.status.clone(),
        r.text.clone(),
        r.indicator.clone(),
        r.code.clone().unwrap_or_default(),
        output::cell(r.period_from),
        output::cell(r.period_to),
        r.period_source.map_or("", |p| p.as_str()).to_owned(),
        output::cell(r.doc_year),
        r.aggregation.as_str().to_owned(),
        r.form.as_str().to_owned(),
        r.basis.as_str().to_owned(),
        r.direction.map_or("", |d| d.as_str()).to_owned(),
        r.scope_text.clone().unwrap_or_default(),
        output::cell(r.value_to.as_ref()),
        r.approx.to_string(),
        r.qualifier.clone(),
        r.subject.clone(),
        r.relation.as_str().to_string(),
        format!("{:.1}", r.score),
        r.doc_id.clone(),
        r.doc.clone(),
        r.sentence.clone(),
        r.start.to_string(),
    ]
}

/// The lines above a table: what was asked, how many places and values.
fn heading(cmp: &Comparison, args: &Args) -> String {
    let places: BTreeSet<&str> = cmp.rows.iter().map(|r| r.place.as_str()).collect();
    let results = cmp.rows.iter().filter(|r| r.status == "result").count();
    let best = if args.all {
        "every value found"
    } else {
        "best match per place, year, status and unit (--all: every value)"
    };
    let few = if places.len() < 3 {
        format!("\n{}", tried_note(cmp))
    } else {
        String::new()
    };
    format!(
        "{}{}{}: {} places, {} values ({} results, {} targets){few}\n{best}",
        output::shown(&cmp.indicator),
        unit_note(cmp),
        args.scope.describe(),
        places.len(),
        cmp.rows.len(),
        results,
        cmp.rows.len() - results,
    )
}

/// One indicator of the catalogue, as `--list --json` prints it.
#[derive(serde::Serialize)]
struct Listed<'a> {
    name: &'a str,
    scope: &'a str,
    aliases: Vec<String>,
    unit_class: &'a str,
    basis: &'a str,
}

/// `compare --list`: the indicator catalogue.
fn list(format: Format) -> anyhow::Result<ExitCode> {
    let rows: Vec<Listed> = govmine_research::catalogue::catalogue()
        .iter()
        .map(|i| Listed {
            name: &i.name,
            scope: &i.scope,
            aliases: i
                .aliases
                .iter()
                .map(|a| match a.form {
                    Some(f) => format!("{}@{}", a.word, f.as_str()),
                    None => a.word.clone(),
                })
                .collect(),
            unit_class: &i.unit_class,
            basis: &i.basis,
        })
        .collect();
    if format.json {
        return output::json_lines(&rows);
    }
    let mut t = Table::new(vec![
        table::text("indicator"),
        table::text("unit class"),
        table::text("aliases"),
        table::csv_only("scope"),
        table::csv_only("basis"),
    ]);
    for r in &rows {
        t.push(vec![
            r.name.to_owned(),
            r.unit_class.to_owned(),
            r.aliases.join(" "),
            r.scope.to_owned(),
            r.basis.to_owned(),
        ]);
    }
    let heading = format!(
        "{} indicators (dictionaries/indicators.tsv): compare reads each by its name and aliases",
        rows.len()
    );
    output::table(&t, format, &heading)
}

/// The clause of `sentence` that holds `value` as written (from the clause break before
/// it to the one after), so that the check line under a row shows the number; where the
/// value is written more than once, the clause that also names `subject`.
fn clause_of<'s>(sentence: &'s str, value: &str, subject: &str) -> &'s str {
    let sentence = sentence.trim();
    let clauses: Vec<&str> = sentence
        .match_indices(value)
        .map(|(at, _)| clause_at(sentence, at, value.len()))
        .collect();
    let tail: String = subject
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    clauses
        .iter()
        .find(|c| !tail.is_empty() && c.contains(&tail))
        .or(clauses.first())
        .copied()
        .unwrap_or(sentence)
}

/// The clause of `sentence` around bytes `at..at + len`.
fn clause_at(sentence: &str, at: usize, len: usize) -> &str {
    let breaks = |c: char| matches!(c, '，' | '；' | '。' | '：' | ',' | ';' | '！' | '？');
    let from = sentence[..at]
        .char_indices()
        .rfind(|&(_, c)| breaks(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = at + len;
    let to = sentence[after..]
        .char_indices()
        .find(|&(_, c)| breaks(c))
        .map_or(sentence.len(), |(i, _)| after + i);
    &sentence[from..to]
}

/// What was read for the indicator, when a query finds few places: the catalogue's name
/// and aliases (cut to fit 80 columns), or the one exact string.
fn tried_note(cmp: &govmine_research::Comparison) -> String {
    match &cmp.official {
        Some(_) => format!("(read as {})", output::brief(&cmp.tried.join("、"), 32)),
        None => "(not in the indicator catalogue, compare --list: read as written)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::clause_of;

    #[test]
    fn the_check_line_is_the_clause_holding_the_value() {
        let s = "各位代表，刚刚过去的2025年，全省地区生产总值增长5.3%，高于全国0.3个百分点。";
        assert_eq!(clause_of(s, "5.3%", ""), "全省地区生产总值增长5.3%");
        assert_eq!(clause_of("增长5%", "5%", ""), "增长5%");
        assert_eq!(clause_of("无", "5%", ""), "无");
        let twice = "社会消费品零售总额增长4%左右；城镇居民人均可支配收入增长4%左右。";
        assert_eq!(
            clause_of(twice, "4%左右", "城镇居民人均可支配收入"),
            "城镇居民人均可支配收入增长4%左右"
        );
    }
}
