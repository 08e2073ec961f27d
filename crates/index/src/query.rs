//! The search syntax: space-separated terms that must all occur, `OR` between
//! alternatives, `-term` to exclude, quotes for a phrase with spaces.
//!
//! `－term` (full-width minus) excludes too. A term is matched as a contiguous string (after folding), quoted or not:
//! `行政复议` and `"行政复议"` mean the same.
//!
//! A query holds at most [`MAX_QUERY_CHARS`] chars ([`check_length`]): the cross-city
//! commands take that long a term in well under a second, and far longer ones take
//! seconds to minutes.
//!
//! ```
//! use govmine_index::ParsedQuery;
//! let q = ParsedQuery::parse("法律顾问 行政复议 OR 行政诉讼 -信访").unwrap();
//! assert_eq!(q.groups, vec![vec!["法律顾问".to_string()], vec!["行政复议".into(), "行政诉讼".into()]]);
//! assert_eq!(q.excluded, vec!["信访".to_string()]);
//! ```

/// The most chars a query (or a term, an indicator, a mechanism key) may hold: longer
/// than a long paragraph, short enough that every command answers in well under a second.
pub const MAX_QUERY_CHARS: usize = 500;

/// Refuse a query longer than [`MAX_QUERY_CHARS`], saying how long it is.
pub fn check_length(input: &str) -> Result<(), String> {
    let n = input.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(format!(
            "{n} characters, more than the {MAX_QUERY_CHARS} a query may have"
        ));
    }
    Ok(())
}

/// A parsed query: every group must match (a group matches when any of its terms does),
/// and no excluded term may occur.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Groups of alternatives, ANDed.
    pub groups: Vec<Vec<String>>,
    /// Terms that must not occur.
    pub excluded: Vec<String>,
}

#[derive(Debug, PartialEq)]
enum Tok {
    Term { text: String, negated: bool },
    Or,
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '「' => Some('」'),
        '『' => Some('』'),
        _ => None,
    }
}

fn lex(input: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' || c == '－' {
            chars.next();
            negated = true;
        }
        let Some(&c) = chars.peek() else {
            return Err("`-` must be followed by a term to exclude".into());
        };
        let mut text = String::new();
        if let Some(close) = closing_quote(c) {
            chars.next();
            loop {
                match chars.next() {
                    Some(ch) if ch == close => break,
                    Some(ch) => text.push(ch),
                    None => return Err(format!("unclosed quote {c}…{close}")),
                }
            }
            if text.trim().is_empty() {
                return Err("empty quotes".into());
            }
            toks.push(Tok::Term {
                text: text.trim().to_string(),
                negated,
            });
            continue;
        }
        while let Some(&ch) = chars.peek() {
            if ch.is_whitespace() || (closing_quote(ch).is_some() && !text.is_empty()) {
                break;
            }
            text.push(ch);
            chars.next();
        }
        if text.is_empty() {
            return Err("`-` must be followed by a term to exclude".into());
        }
        if !negated && (text == "OR" || text == "|") {
            toks.push(Tok::Or);
        } else if !negated && text == "AND" {
            // AND is what spaces mean already.
        } else {
            toks.push(Tok::Term { text, negated });
        }
    }
    Ok(toks)
}

impl ParsedQuery {
    /// Parse a query; the error says what is wrong with it (one that is too long is
    /// refused before it is read).
    pub fn parse(input: &str) -> Result<ParsedQuery, String> {
        check_length(input)?;
        let toks = lex(input)?;
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut excluded = Vec::new();
        let mut after_or = false;
        for (i, t) in toks.iter().enumerate() {
            match t {
                Tok::Or => {
                    let prev_ok = matches!(
                        toks.get(i.wrapping_sub(1)),
                        Some(Tok::Term { negated: false, .. })
                    );
                    let next_ok = matches!(toks.get(i + 1), Some(Tok::Term { negated: false, .. }));
                    if !prev_ok || !next_ok {
                        return Err("OR needs a term on each side (`放管服 OR 营商环境`)".into());
                    }
                    after_or = true;
                }
                Tok::Term {
                    text,
                    negated: true,
                } => excluded.push(text.clone()),
                Tok::Term {
                    text,
                    negated: false,
                } => {
                    match groups.last_mut() {
                        Some(g) if after_or => g.push(text.clone()),
                        _ => groups.push(vec![text.clone()]),
                    }
                    after_or = false;
                }
            }
        }
        if groups.is_empty() {
            return Err(if excluded.is_empty() {
                "empty query: give at least one term".into()
            } else {
                "a query needs at least one term to find, not only `-` exclusions".into()
            });
        }
        Ok(ParsedQuery { groups, excluded })
    }

    /// Every term to find, in query order, without repeats.
    pub fn positive_terms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.groups.iter().flatten() {
            if !out.contains(&t.as_str()) {
                out.push(t);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_or_and_exclusion() {
        let q = ParsedQuery::parse("放管服 营商环境").unwrap();
        assert_eq!(
            q.groups,
            vec![vec!["放管服".to_string()], vec!["营商环境".to_string()]]
        );
        let q = ParsedQuery::parse("\"行政执法责任制\" -信访").unwrap();
        assert_eq!(q.groups, vec![vec!["行政执法责任制".to_string()]]);
        assert_eq!(q.excluded, vec!["信访".to_string()]);
        assert_eq!(
            ParsedQuery::parse("法治 －信访").unwrap().excluded,
            vec!["信访".to_string()]
        );
        let q = ParsedQuery::parse("“法治 政府” OR 依法行政").unwrap();
        assert_eq!(
            q.groups,
            vec![vec!["法治 政府".to_string(), "依法行政".to_string()]]
        );
    }

    #[test]
    fn a_query_over_the_limit_is_refused_and_one_at_it_is_not() {
        let sentence = "行政机关负责人出庭应诉率为75%";
        let long: String = sentence.chars().cycle().take(34_000).collect();
        let err = ParsedQuery::parse(&long).unwrap_err();
        assert!(err.contains("34000") && err.contains("500"), "{err}");
        assert!(err.len() < 200, "{err}");
        let words: String = sentence
            .chars()
            .cycle()
            .take(300)
            .flat_map(|c| [c, ' '])
            .collect();
        assert!(ParsedQuery::parse(&words).is_err());
        let at_limit: String = sentence.chars().cycle().take(500).collect();
        assert!(ParsedQuery::parse(&at_limit).is_ok());
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(ParsedQuery::parse("").unwrap_err().contains("empty"));
        assert!(ParsedQuery::parse("\"行政复议")
            .unwrap_err()
            .contains("unclosed"));
        assert!(ParsedQuery::parse("OR 放管服").unwrap_err().contains("OR"));
        assert!(ParsedQuery::parse("放管服 OR").unwrap_err().contains("OR"));
        assert!(ParsedQuery::parse("-信访")
            .unwrap_err()
            .contains("exclusions"));
        assert!(ParsedQuery::parse("放管服 -")
            .unwrap_err()
            .contains("exclude"));
    }
}
