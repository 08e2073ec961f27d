//! tantivy tokenizers over folded text, with offsets into the original text.
//!
//! The tokenizers fold each char ([`crate::fold_match_char`]: full-width → half-width,
//! traditional → simplified, ASCII lowercase) and report `offset_from`/`offset_to` as
//! byte offsets of the *original* text, always on char boundaries. Positions are **char
//! offsets** in all of them, so a phrase is "these tokens at these char distances":
//!
//! - [`WordTokenizer`] (`zh_words`): jieba words, default mode, punctuation and
//!   whitespace dropped, for query text and for indexing raw text.
//! - [`PresegmentedTokenizer`] (`zh_presegmented`): the same words, read back from text
//!   that ingest already cut once ([`presegment`]): the index's word field uses it, so a
//!   text is segmented once and tantivy only splits.
//! - [`CharTokenizer`] (`zh_chars`): one token per char, whitespace included (as one
//!   space). A contiguous query string then matches exactly where its chars stand side
//!   by side, whatever jieba made of the text around it ([`CharQuery`]).
//!
//! ```
//! use govmine_segment::CharQuery;
//! let q = CharQuery::new("行政處罰");
//! let chars: Vec<(usize, &str)> = q.phrase().iter().map(|(o, c)| (*o, c.as_str())).collect();
//! assert_eq!(chars, [(0, "行"), (1, "政"), (2, "处"), (3, "罚")]);
//! ```

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::{fold_match_char, Segmenter, WordToken};

/// Name under which [`WordTokenizer`] is registered.
pub const WORD_TOKENIZER: &str = "zh_words";
/// Name under which [`PresegmentedTokenizer`] is registered.
pub const PRESEGMENTED_TOKENIZER: &str = "zh_presegmented";
/// Name under which [`CharTokenizer`] is registered.
pub const CHAR_TOKENIZER: &str = "zh_chars";

/// Folded chars of a text with the original byte offset of each (plus the end).
struct Folded {
    chars: Vec<char>,
    /// `bytes[i]` = byte offset of char `i` in the original; `bytes[len]` = text length.
    bytes: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        let mut bytes = Vec::with_capacity(text.len() / 3 + 2);
        for (b, c) in text.char_indices() {
            chars.push(fold_match_char(c));
            bytes.push(b);
        }
        bytes.push(text.len());
        Folded { chars, bytes }
    }
}

/// Is this a token char for the word field (not whitespace, not punctuation)?
fn is_word_char(c: char) -> bool {
    // Fast path for the common ideographs; `is_alphanumeric` takes a slow table lookup.
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric()
}

/// Separates words in text already segmented by [`presegment`]; a private-use char.
pub const WORD_SEPARATOR: char = '\u{E000}';

/// Write jieba's words of one text as that text with [`WORD_SEPARATOR`] after each word,
/// folded for matching (lowercase ASCII). [`PresegmentedTokenizer`] reads it back, so the
/// index gets the one segmentation of ingest without re-cutting. A separator char already
/// in the text becomes a space.
pub fn presegment(words: &[WordToken<'_>]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.word.len() + 3).sum());
    for w in words {
        out.extend(w.word.chars().map(|c| match fold_match_char(c) {
            WORD_SEPARATOR => ' ',
            c => c,
        }));
        out.push(WORD_SEPARATOR);
    }
    out
}

/// Tokens of [`presegment`]ed text: one per word with a letter, digit or ideograph;
/// position = char offset of the word in the original text. Offsets are bytes of the
/// presegmented string (the word field is not stored, so nothing highlights from them).
#[derive(Clone, Default)]
pub struct PresegmentedTokenizer;

/// The stream of [`PresegmentedTokenizer`].
pub struct PresegmentedStream<'a> {
    rest: &'a str,
    byte: usize,
    char_pos: usize,
    token: Token,
}

impl Tokenizer for PresegmentedTokenizer {
    type TokenStream<'a> = PresegmentedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PresegmentedStream<'a> {
        PresegmentedStream {
            rest: text,
            byte: 0,
            char_pos: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for PresegmentedStream<'_> {
    fn advance(&mut self) -> bool {
        while !self.rest.is_empty() {
            let (word, rest) = self
                .rest
                .split_once(WORD_SEPARATOR)
                .unwrap_or((self.rest, ""));
            let len = word.chars().count();
            let (start, byte) = (self.char_pos, self.byte);
            self.char_pos += len;
            self.byte += word.len() + WORD_SEPARATOR.len_utf8();
            self.rest = rest;
            if word.chars().any(is_word_char) {
                let t = &mut self.token;
                t.text.clear();
                t.text.push_str(word);
                t.offset_from = byte;
                t.offset_to = byte + word.len();
                t.position = start;
                t.position_length = len;
                return true;
            }
        }
        false
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// jieba words of a folded text as tantivy tokens, `original_bytes[i]` being the byte
/// offset in the original text of char `i` (one extra entry for the end).
fn word_tokens(words: &[WordToken<'_>], original_bytes: &[usize]) -> Vec<Token> {
    words
        .iter()
        .filter(|w| w.word.chars().any(is_word_char))
        .map(|w| Token {
            offset_from: original_bytes[w.start],
            offset_to: original_bytes[w.end],
            position: w.start,
            text: w.word.to_lowercase(),
            position_length: w.end - w.start,
        })
        .collect()
}

/// jieba words as a tantivy tokenizer (see the module docs).
#[derive(Clone)]
pub struct WordTokenizer {
    segmenter: Segmenter,
}

impl WordTokenizer {
    /// A tokenizer sharing this segmenter's dictionary.
    pub fn new(segmenter: Segmenter) -> Self {
        WordTokenizer { segmenter }
    }
}

/// A token stream over a precomputed token list.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let folded = Folded::new(text);
        let s: String = folded.chars.iter().collect();
        let words = self.segmenter.cut(&s);
        VecTokenStream {
            tokens: word_tokens(&words, &folded.bytes),
            next: 0,
        }
    }
}

/// One token per char, with char-offset positions (see the module docs).
#[derive(Clone, Default)]
pub struct CharTokenizer;

/// The stream of [`CharTokenizer`].
pub struct CharStream<'a> {
    chars: std::str::CharIndices<'a>,
    position: usize,
    token: Token,
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = CharStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CharStream<'a> {
        CharStream {
            chars: text.char_indices(),
            position: 0,
            token: Token::default(),
        }
    }
}

/// The token text of one char: folded, any whitespace as one space.
fn char_token(c: char) -> char {
    match fold_match_char(c) {
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

impl TokenStream for CharStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((byte, c)) = self.chars.next() else {
            return false;
        };
        let t = &mut self.token;
        t.text.clear();
        t.text.push(char_token(c));
        t.offset_from = byte;
        t.offset_to = byte + c.len_utf8();
        t.position = self.position;
        t.position_length = 1;
        self.position += 1;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The char-field query for one contiguous search string: each of its chars (folded) at
/// its offset, so the phrase matches exactly where the string stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharQuery {
    phrase: Vec<(usize, String)>,
}

impl CharQuery {
    /// Build the query for `term` (trimmed; inner whitespace must be whitespace in the text).
    pub fn new(term: &str) -> Self {
        CharQuery {
            phrase: term
                .trim()
                .chars()
                .enumerate()
                .map(|(i, c)| (i, char_token(c).to_string()))
                .collect(),
        }
    }

    /// `(char offset, char)` pairs that must all match at those distances.
    pub fn phrase(&self) -> &[(usize, String)] {
        &self.phrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SegmenterBuilder;

    fn collect<T: Tokenizer>(mut tok: T, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut s = tok.token_stream(text);
        while s.advance() {
            out.push(s.token().clone());
        }
        out
    }

    #[test]
    fn chars_have_char_positions_and_original_offsets() {
        let text = "推行“三項制度”，ＧＤＰ　增长";
        let toks = collect(CharTokenizer, text);
        let texts: String = toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, "推行“三项制度”,gdp 增长");
        for (i, t) in toks.iter().enumerate() {
            assert_eq!(t.position, i);
            assert_eq!(text[..t.offset_from].chars().count(), i);
            assert_eq!(text[t.offset_from..t.offset_to].chars().count(), 1);
        }
    }

    #[test]
    fn queries_are_folded_chars_at_their_offsets() {
        let offsets = |q: &str| -> Vec<(usize, String)> { CharQuery::new(q).phrase().to_vec() };
        assert_eq!(offsets("執法"), [(0, "执".into()), (1, "法".into())]);
        // Whitespace inside a quoted phrase is a char of the phrase, as in the text.
        assert_eq!(
            offsets(" 法治　政府 "),
            [
                (0, "法".into()),
                (1, "治".into()),
                (2, " ".into()),
                (3, "政".into()),
                (4, "府".into())
            ]
        );
    }

    #[test]
    fn query_chars_are_tokens_of_the_text() {
        let text = "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度";
        let toks = collect(CharTokenizer, text);
        for q in ["行政执法公示", "法制审核", "执法全过程记录制度", "度、重"]
        {
            let start = text.find(q).map(|b| text[..b].chars().count()).unwrap();
            for (off, c) in CharQuery::new(q).phrase() {
                assert!(
                    toks.iter()
                        .any(|t| t.position == start + off && &t.text == c),
                    "{q}: {c}@{off}"
                );
            }
        }
    }

    #[test]
    fn word_tokens_skip_punctuation_and_map_offsets() {
        let seg = SegmenterBuilder::new().build().unwrap();
        let text = "推行“三項制度”，全面落實";
        let toks = collect(WordTokenizer::new(seg), text);
        let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"三项制度"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains('“') || t.contains(',')));
        for t in &toks {
            assert_eq!(text[..t.offset_from].chars().count(), t.position);
        }
    }
}

#[cfg(test)]
mod presegmented_tests {
    use super::*;
    use crate::SegmenterBuilder;

    #[test]
    fn presegmented_tokens_equal_word_tokenizer_tokens() {
        let seg = SegmenterBuilder::new().build().unwrap();
        for text in [
            include_str!("../../../corpus/004_e9e637da5608c3ff.txt"),
            "推行“三項制度”，ＧＤＰ增長１２％\u{E000}私用字",
        ] {
            let mut direct = Vec::new();
            let mut wt = WordTokenizer::new(seg.clone());
            let mut s = wt.token_stream(text);
            while s.advance() {
                direct.push((
                    s.token().text.clone(),
                    s.token().position,
                    s.token().position_length,
                ));
            }
            let folded = crate::fold(text);
            let pre = presegment(&seg.cut(&folded));
            let mut via = Vec::new();
            let mut pt = PresegmentedTokenizer;
            let mut s = pt.token_stream(&pre);
            while s.advance() {
                via.push((
                    s.token().text.clone(),
                    s.token().position,
                    s.token().position_length,
                ));
            }
            assert_eq!(via, direct);
        }
    }
}

#[cfg(test)]
mod seed_tests {
    //! Both tokenizers over whole real texts: offsets on char boundaries, positions in order.
    use super::*;
    use crate::SegmenterBuilder;

    const SEEDS: [&str; 5] = [
        include_str!("../../../corpus/000_3f2a7be6bd882b3f.txt"),
        include_str!("../../../corpus/001_db632a6819f2f662.txt"),
        include_str!("../../../corpus/002_eee0beed65e72678.txt"),
        include_str!("../../../corpus/003_40199a098a244c13.txt"),
        include_str!("../../../corpus/004_e9e637da5608c3ff.txt"),
    ];
    /// Full-width digits and punctuation, traditional characters (as in the 1950s reports).
    const MIXED: &str =
        "一九五四年國務院報告：糧食產量達到３.３９億噸，增長１２％；ＧＤＰ“翻一番”。";

    fn check<T: Tokenizer>(mut tok: T, text: &str) -> usize {
        let mut s = tok.token_stream(text);
        let mut last = 0;
        let mut n = 0;
        while s.advance() {
            let t = s.token();
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
            assert_eq!(text[..t.offset_from].chars().count(), t.position);
            assert_eq!(
                text[t.offset_from..t.offset_to].chars().count(),
                t.position_length
            );
            assert!(t.position >= last, "positions go forward");
            last = t.position;
            n += 1;
        }
        n
    }

    #[test]
    fn tokenizers_keep_offsets_true_on_the_seeds() {
        let seg = SegmenterBuilder::new().build().unwrap();
        for text in SEEDS.iter().chain([&MIXED]) {
            let words = check(WordTokenizer::new(seg.clone()), text);
            let chars = check(CharTokenizer, text);
            assert!(words > 0 && chars > words, "{words} words, {chars} chars");
        }
    }

    #[test]
    fn every_seed_word_is_found_where_it_stands() {
        // The exactness the search relies on: for jieba's own words of a seed, the char
        // phrase of the word matches at the word's offset.
        let seg = SegmenterBuilder::new().build().unwrap();
        let text = SEEDS[1];
        let mut tok = CharTokenizer;
        let mut at: std::collections::HashMap<(usize, String), ()> = Default::default();
        let mut s = tok.token_stream(text);
        while s.advance() {
            at.insert((s.token().position, s.token().text.clone()), ());
        }
        let folded = crate::fold(text);
        for w in seg.cut(&folded).iter().filter(|w| w.end - w.start >= 2) {
            for (off, c) in CharQuery::new(w.word).phrase() {
                assert!(
                    at.contains_key(&(w.start + off, c.clone())),
                    "{}@{}",
                    w.word,
                    w.start
                );
            }
        }
    }
}
