//! `govmine`: mine Chinese government reports.
//!
//! A thin binary: parse the command line, dispatch to one file per subcommand in
//! `commands/`, and turn errors into one line on stderr and a non-zero exit.

mod commands;
mod context;
mod output;
mod scope;
mod table;

use std::process::ExitCode;

use clap::Parser;

/// `-郓城` (a hyphen before a non-ASCII char) is a query exclusion, never a flag: hand it
/// to clap as `－郓城` (full-width minus, which the query syntax also accepts).
fn exclusions_as_values(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    args.map(|a| match a.to_str() {
        Some(s) if s.starts_with('-') && s[1..].chars().next().is_some_and(|c| !c.is_ascii()) => {
            format!("－{}", &s[1..]).into()
        }
        _ => a,
    })
    .collect()
}

fn main() -> ExitCode {
    let cli = commands::Cli::parse_from(exclusions_as_values(std::env::args_os()));
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if output::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            // An error may quote a query, a path or a file's text: shown, one line.
            eprintln!("govmine: {}", output::shown(&msg));
            ExitCode::from(2)
        }
    }
}
