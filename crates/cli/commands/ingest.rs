//! `govmine ingest PATH...`: index folders of reports.

use std::path::PathBuf;
use std::process::ExitCode;

use govmine_ingest::IngestOptions;

use crate::context::{Context, Show};
use crate::output;

/// Options of `ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to ingest
    #[arg(required_unless_present = "rebuild", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Text field of JSONL/CSV records [default: content, text, full_text or body]
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// Build the index anew from PATH and every input it has recorded (after a change
    /// of --dict, or to drop documents whose files are gone)
    #[arg(long)]
    pub rebuild: bool,
    /// No progress bar
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let missing: Vec<_> = args.paths.iter().filter(|p| !p.exists()).collect();
    if !missing.is_empty() && missing.len() == args.paths.len() {
        anyhow::bail!("{}: no such file or directory", missing[0].display());
    }
    let pipeline = ctx.pipeline()?;
    let opts = IngestOptions {
        text_field: args.text_field.clone(),
        threads: ctx.threads,
    };
    let show = if args.quiet {
        Show::Notes
    } else {
        Show::Progress
    };
    let summary = ctx.ingest(&pipeline, &args.paths, &opts, args.rebuild, show)?;
    eprintln!("{}", output::summary_line(&summary));
    Ok(ExitCode::SUCCESS)
}
