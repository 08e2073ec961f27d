//! The text model every later stage reads: a cleaned document with its sections,
//! paragraphs and sentences, all addressed by **char** offsets into [`Document::text`].

use serde::Serialize;

/// Metadata a source already knows before the text is read (JSONL/CSV columns,
/// or nothing for a plain file). Values here win over what cleaning finds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Hints {
    /// Title column of a record corpus.
    pub title: Option<String>,
    /// Year column (already parsed).
    pub year: Option<i32>,
    /// Date column as written (`2020-12-14`, `2020年12月14日`…).
    pub date: Option<String>,
    /// Province column, as written.
    pub province: Option<String>,
    /// City column, as written.
    pub city: Option<String>,
    /// URL column.
    pub url: Option<String>,
    /// The input is HTML (by extension), so tags are stripped before cleaning.
    pub html: bool,
}

/// Where [`Document::year`] came from, so `stats` can explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// A year column of a record corpus.
    Hint,
    /// The title names it (`酒泉市2017年度法治政府建设工作报告` → 2017).
    Title,
    /// The publish date (`发布日期:2020-12-14`).
    PublishDate,
    /// A year stated near the top of the text.
    Text,
    /// No year found.
    None,
}

/// A cleaned, structured document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Cleaned text: page chrome removed, one paragraph per line (`\n`-separated),
    /// lines trimmed. All offsets in this model are char offsets into it.
    pub text: String,
    /// Title (a hint, or the first title-like line).
    pub title: Option<String>,
    /// Publish date, ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub publish_date: Option<String>,
    /// The year the document is about (see [`YearSource`]).
    pub year: Option<i32>,
    /// How `year` was found.
    pub year_source: YearSource,
    /// 作者 from the page chrome (often the authoring office: `濮阳市司法局`).
    pub author: Option<String>,
    /// 来源 from the page chrome.
    pub source: Option<String>,
    /// Sections in document order; a section's children follow it.
    pub sections: Vec<Section>,
    /// Paragraphs in document order (headings included, flagged).
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in document order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
}

/// The kind of heading marker that opened a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingKind {
    /// 第一章 / 第一部分 / 第一节
    Chapter,
    /// 一、
    Numeral,
    /// （一） or (一)
    ParenNumeral,
    /// 1. / 1、 / 1．
    Arabic,
    /// （1） or (1)
    ParenArabic,
    /// A short line with no end punctuation standing alone as a title (bold-title block).
    Plain,
}

/// A section: a heading and everything up to the next heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading as written (marker included: `一、驻马店市法治政府建设工作主要做法`).
    pub heading: String,
    /// Marker kind.
    pub kind: HeadingKind,
    /// Depth, 1 = top level. Assigned by order of first appearance of each kind.
    pub level: u8,
    /// Enclosing section (index into [`Document::sections`]).
    pub parent: Option<usize>,
    /// Char offset where the heading starts.
    pub start: usize,
    /// Char offset where the section ends (exclusive): the next heading of the same
    /// or a higher level, or the end of the text.
    pub end: usize,
}

/// A paragraph: one line of the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Char offset of its first char.
    pub start: usize,
    /// Char offset one past its last char.
    pub end: usize,
    /// Innermost section containing it (for a heading: the section it opens).
    pub section: Option<usize>,
    /// It is the heading line of `section`.
    pub is_heading: bool,
}

/// A sentence, ended by 。！？；!? (or the paragraph end).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// Char offset of its first char.
    pub start: usize,
    /// Char offset one past its last char (end punctuation included).
    pub end: usize,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

impl Document {
    /// The text between two char offsets.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let mut it = self
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(self.text.len()));
        let b0 = it.by_ref().nth(start).unwrap_or(self.text.len());
        let b1 = if end > start {
            it.nth(end - start - 1).unwrap_or(self.text.len())
        } else {
            b0
        };
        &self.text[b0..b1]
    }

    /// Heading path of a section, outermost first (`["一、…", "（二）…"]`).
    pub fn heading_path(&self, section: Option<usize>) -> Vec<&str> {
        let mut path = Vec::new();
        let mut cur = section;
        while let Some(i) = cur {
            path.push(self.sections[i].heading.as_str());
            cur = self.sections[i].parent;
        }
        path.reverse();
        path
    }
}
