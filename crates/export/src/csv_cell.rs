//! The CSV injection rule (OWASP): a text cell that a spreadsheet would run as a
//! formula is written with a `'` in front, so Excel and LibreOffice show it as text.

use std::borrow::Cow;

/// What Excel and LibreOffice read as the start of a formula.
fn starts_a_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `-3.3`, `+5`, `12`: optional sign, ASCII digits, optional decimal part. Not a
/// formula, and kept as it is so it stays a number in a spreadsheet.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && all_digits(frac)
}

/// A text cell as every CSV govmine writes it: prefixed with `'` when it starts with
/// `=`, `+`, `-`, `@`, a tab or a CR, unless it is a plain number (`-3.3`).
///
/// ```
/// use govmine_export::csv_text_cell;
/// assert_eq!(csv_text_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(csv_text_cell("@全市共聘请法律顾问434人。"), "'@全市共聘请法律顾问434人。");
/// assert_eq!(csv_text_cell("-3.3"), "-3.3");
/// assert_eq!(csv_text_cell("93.33万件"), "93.33万件");
/// ```
pub fn csv_text_cell(s: &str) -> Cow<'_, str> {
    if starts_a_formula(s) && !is_plain_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_text() {
        for raw in [
            "=1+2.txt",
            "+全面推行行政执法“三项制度”。",
            "-生产总值下降3.3%。",
            "-1+cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "-",
            "-3.3%",
            "-1e5",
            "-.5",
            "+5.",
        ] {
            assert_eq!(csv_text_cell(raw), format!("'{raw}"), "{raw:?}");
        }
    }

    #[test]
    fn plain_numbers_and_other_text_stay() {
        for raw in [
            "-3.3",
            "+5",
            "-12",
            "0",
            "75",
            "",
            "行政机关",
            "'=x",
            " =1",
            "＝1",
            "93.33万件",
        ] {
            assert_eq!(csv_text_cell(raw), raw, "{raw:?}");
        }
    }
}
