//! `govmine mechanism KEY`: one mechanism place by place, with the sentence that names
//! it and its expansion where a report spells it out.

use std::collections::BTreeSet;
use std::process::ExitCode;

use crate::context::Context;
use crate::output;
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `mechanism`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The mechanism (三项制度, 1211, “放管服”; quotes and spaces do not matter)
    #[arg(value_name = "KEY")]
    pub key: String,
    /// One row per mention, not per place and document
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub scope: Scope,
    #[command(flatten)]
    pub format: Format,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    super::check_length("mechanism", &args.key)?;
    let pipeline = ctx.pipeline()?;
    let filter = args.scope.filter(&pipeline)?;
    let searcher = ctx.searcher(&pipeline)?;
    let report = govmine_research::mechanism(&searcher, &args.key, &filter, args.all)?;
    if report.rows.is_empty() {
        return output::nothing(
            args.format,
            &format!(
                "no mechanism {} in the index{}{}",
                report.key,
                args.scope.describe(),
                output::suggestion_line(&report.suggestions)
            ),
        );
    }
    if args.format.json {
        return output::json_lines(&report.rows);
    }
    let mut t = Table::new(vec![
        table::text("place"),
        table::text("date"),
        table::text("document"),
        table::number("mentions"),
        table::text("expansion"),
        table::csv_only("year"),
        table::csv_only("doc"),
        table::csv_only("title"),
        table::csv_only("section"),
        table::csv_only("name"),
        table::csv_only("sentence"),
        table::csv_only("start"),
    ]);
    for r in &report.rows {
        let cells = vec![
            r.place.clone(),
            r.date.clone().unwrap_or_default(),
            r.doc_id.clone(),
            r.mentions.to_string(),
            r.expansion.join("、"),
            output::cell(r.year),
            r.doc.clone(),
            r.title.clone().unwrap_or_default(),
            r.section.join(" › "),
            r.name.clone(),
            r.sentence.clone(),
            r.start.to_string(),
        ];
        let detail = if r.expansion.is_empty() {
            r.sentence.clone()
        } else {
            format!("= {} · {}", r.expansion.join("、"), r.sentence)
        };
        t.push_with_detail(cells, detail);
    }
    let places: BTreeSet<&str> = report.rows.iter().map(|r| r.place.as_str()).collect();
    let docs: BTreeSet<&str> = report.rows.iter().map(|r| r.doc_id.as_str()).collect();
    let mentions: usize = report.rows.iter().map(|r| r.mentions).sum();
    let heading = format!(
        "{}: {} places, {} documents, {} mentions{}",
        output::shown(&report.key),
        places.len(),
        docs.len(),
        mentions,
        args.scope.describe()
    );
    output::table(&t, args.format, &heading)
}
