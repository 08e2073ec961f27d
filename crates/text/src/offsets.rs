//! Char offsets (what every record and passage carries) turned into byte offsets of the
//! text, without a table entry per char.

/// Chars between two stored byte offsets.
const STEP: usize = 64;

/// The byte offset of every 64th char of a text: a char offset is found from the
/// nearest one by counting at most 63 chars. An eighth of a byte per char where a table
/// of every offset takes eight.
///
/// ```
/// use govmine_text::CharIndex;
///
/// let text = "全市共办理93.33万件。";
/// let idx = CharIndex::new(text);
/// assert_eq!(idx.len(), 13);
/// assert_eq!(idx.slice(5, 12), "93.33万件");
/// assert_eq!(idx.char_at(12), Some('。'));
/// assert_eq!(idx.char_at(13), None);
/// ```
pub struct CharIndex<'a> {
    text: &'a str,
    marks: Vec<usize>,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let mut chars = 0;
        for (b, _) in text.char_indices() {
            if chars % STEP == 0 {
                marks.push(b);
            }
            chars += 1;
        }
        CharIndex { text, marks, chars }
    }

    /// The length of the text in chars.
    pub fn len(&self) -> usize {
        self.chars
    }

    /// The text is empty.
    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    /// The byte offset of char `c` (the text's byte length from its char length on).
    pub fn byte(&self, c: usize) -> usize {
        if c >= self.chars {
            return self.text.len();
        }
        let from = self.marks[c / STEP];
        self.text[from..]
            .char_indices()
            .nth(c % STEP)
            .map_or(self.text.len(), |(b, _)| from + b)
    }

    /// The text between two char offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let a = self.byte(start);
        &self.text[a..self.byte(end).max(a)]
    }

    /// The char at char offset `c`.
    pub fn char_at(&self, c: usize) -> Option<char> {
        self.text[self.byte(c)..].chars().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offset_agrees_with_a_full_table() {
        // Mixed widths, longer than several steps.
        let text = "a法治é政府🙂建设1、".repeat(40);
        let idx = CharIndex::new(&text);
        let table: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        assert_eq!(idx.len(), table.len() - 1);
        for (c, &b) in table.iter().enumerate() {
            assert_eq!(idx.byte(c), b, "char {c}");
        }
        assert_eq!(idx.byte(table.len() + 5), text.len());
        assert_eq!(idx.slice(3, 1), "");
        assert!(CharIndex::new("").is_empty());
    }
}
