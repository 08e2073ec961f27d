//! `govmine regions`: the places in the index with their documents, passages and
//! records.

use std::process::ExitCode;

use crate::context::Context;
use crate::output;
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `regions`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Roll places up to provinces or prefectures (a county counts under its prefecture)
    #[arg(long, value_parser = ["province", "prefecture"])]
    pub level: Option<String>,
    #[command(flatten)]
    pub scope: Scope,
    #[command(flatten)]
    pub format: Format,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline = ctx.pipeline()?;
    let filter = args.scope.filter(&pipeline)?;
    let searcher = ctx.searcher(&pipeline)?;
    let rows = govmine_research::regions(
        &searcher,
        &filter,
        crate::scope::level(args.level.as_deref()),
    )?;
    if rows.is_empty() {
        return output::nothing(
            args.format,
            &format!("no places in the index{}", args.scope.describe()),
        );
    }
    if args.format.json {
        return output::json_lines(&rows);
    }
    let mut t = Table::new(vec![
        table::text("place"),
        table::text("level"),
        table::number("docs"),
        table::number("passages"),
        table::number("records"),
        table::number("subject of"),
        table::number("author of"),
    ]);
    for r in &rows {
        t.push(vec![
            r.place.clone(),
            r.level.clone(),
            r.documents.to_string(),
            r.passages.to_string(),
            r.records.to_string(),
            r.subject_of.to_string(),
            r.author_of.to_string(),
        ]);
    }
    let heading = format!(
        "{} places{} (docs: documents with a passage about the place)",
        rows.iter().filter(|r| !r.path.is_empty()).count(),
        args.scope.describe()
    );
    output::table(&t, args.format, &heading)
}
