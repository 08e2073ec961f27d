//! The command line before clap reads it: in a query, `-TERM` is an exclusion, not an
//! unknown option.
//!
//! After `search`, `trend`, `compare` or `mechanism`, an argument that starts with a
//! single `-` and is not that command's short flag (`-h`) becomes `－TERM` (full-width
//! minus, which the query syntax reads as `-`). Everything after `--` is left to clap,
//! which takes it as query words. Other commands (paths, not queries) are not touched.

use std::ffi::OsString;

use clap::CommandFactory;

use crate::commands::Cli;

/// Commands whose positional arguments are a query or a term.
const QUERY_COMMANDS: [&str; 4] = ["search", "trend", "compare", "mechanism"];

/// A short flag of a command, and whether it takes a value (`-o FILE`).
struct Short {
    flag: char,
    takes_value: bool,
}

/// The short flags of `cmd` (its own, the global ones and `-h`, once built).
fn shorts(cmd: &clap::Command) -> Vec<Short> {
    cmd.get_arguments()
        .filter_map(|a| {
            a.get_short().map(|flag| Short {
                flag,
                takes_value: a.get_action().takes_values(),
            })
        })
        .collect()
}

/// Is `arg` (after its `-`) a cluster of `shorts`: `-h`, `-qo`, `-ofile`?
fn is_short_flags(arg: &str, shorts: &[Short]) -> bool {
    for c in arg.chars() {
        match shorts.iter().find(|s| s.flag == c) {
            None => return false,
            Some(s) if s.takes_value => return true,
            Some(_) => {}
        }
    }
    true
}

/// Does the global long option `--name` take a value (so the next argument is it)?
fn long_takes_value(root: &clap::Command, arg: &str) -> bool {
    let name = arg.trim_start_matches('-');
    !name.contains('=')
        && root
            .get_arguments()
            .any(|a| a.get_long() == Some(name) && a.get_action().takes_values())
}

/// Where the subcommand's name stands: the first argument that is neither a global
/// option nor its value.
fn subcommand_at(args: &[OsString], root: &clap::Command) -> Option<usize> {
    let mut i = 1;
    while let Some(a) = args.get(i) {
        let s = a.to_str()?;
        if !s.starts_with('-') {
            return Some(i);
        }
        i += if s.starts_with("--") && long_takes_value(root, s) {
            2
        } else {
            1
        };
    }
    None
}

/// `-TERM` → `－TERM` after a query command, up to `--`; everything else as it is.
pub fn exclusions_as_values(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.collect();
    let mut root = Cli::command();
    root.build();
    let Some(at) = subcommand_at(&args, &root) else {
        return args;
    };
    let name = args[at].to_str().unwrap_or_default();
    let Some(sub) = root
        .find_subcommand(name)
        .filter(|_| QUERY_COMMANDS.contains(&name))
    else {
        return args;
    };
    let shorts = shorts(sub);
    for a in &mut args[at + 1..] {
        let Some(s) = a.to_str() else { continue };
        if s == "--" {
            break;
        }
        let Some(term) = s.strip_prefix('-') else {
            continue;
        };
        if !term.is_empty() && !term.starts_with('-') && !is_short_flags(term, &shorts) {
            *a = format!("－{term}").into();
        }
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<commands::Cli, clap::Error> {
        let argv = ["govmine"].iter().chain(args).map(std::ffi::OsString::from);
        commands::Cli::try_parse_from(exclusions_as_values(argv))
    }

    fn query(args: &[&str]) -> Vec<String> {
        match parse(args)
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            .command
        {
            commands::Command::Search(a) => a.query,
            c => panic!("not a search: {c:?}"),
        }
    }

    #[test]
    fn any_term_after_a_hyphen_is_an_exclusion() {
        // The tester's reproduction: ASCII and numbers were "unexpected arguments".
        assert_eq!(query(&["search", "法治", "-GDP"]), ["法治", "－GDP"]);
        assert_eq!(query(&["search", "法治", "-2020", "--json"]).len(), 2);
        assert_eq!(query(&["search", "-x", "法治"]).len(), 2);
        assert_eq!(query(&["--index", "i", "search", "法治", "-信访"]).len(), 2);
        // `--` ends the options: `--json` after it is a query word.
        assert_eq!(
            query(&["search", "--", "法治", "--json"]),
            ["法治", "--json"]
        );
        // Options are still options.
        assert_eq!(
            parse(&["search", "-h"]).unwrap_err().kind(),
            clap::error::ErrorKind::DisplayHelp
        );
        assert!(parse(&["ingest", "-q", "corpus"]).is_ok());
        assert!(parse(&["extract", "-qo", "out.jsonl", "corpus"]).is_ok());
        assert!(parse(&["search", "法治", "--nope"]).is_err());
        // Paths are not queries: `-x.txt` is for clap to refuse (`-- -x.txt` takes it).
        assert!(parse(&["ingest", "-郓城.txt"]).is_err());
        assert!(parse(&["ingest", "--", "-郓城.txt"]).is_ok());
    }

    #[test]
    fn terms_of_trend_compare_and_mechanism_may_start_with_a_hyphen() {
        for args in [["trend", "-GDP"], ["compare", "-2020"], ["mechanism", "-x"]] {
            assert!(parse(&args).is_ok(), "{args:?}");
        }
    }
}
