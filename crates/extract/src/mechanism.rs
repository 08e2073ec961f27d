//! Named mechanisms: quoted names of practices (“放管服”, “1211”) and unquoted
//! number-shorthand names (三项制度, 两法衔接), with a normalised key and the expansion
//! when the text spells it out.

use serde::Serialize;

/// One mention of a named mechanism.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mechanism {
    /// The name as written, without quote marks (`双随机、一公开`).
    pub name: String,
    /// The normalised key ([`mechanism_key`]): `双随机一公开`.
    pub key: String,
    /// Char offset of the name's first char (inside the quotes when quoted).
    pub start: usize,
    /// Char offset just past the name.
    pub end: usize,
    /// The parts, when the text spells them out (`1211` → 一平台, 两抓手, 一带动, 一考核).
    pub expansion: Vec<String>,
    /// Written inside quote marks.
    pub quoted: bool,
}

/// The key of a mechanism name: quotes, spaces, 、 and · removed, full-width folded.
pub fn mechanism_key(name: &str) -> String {
    name.to_string()
}

/// Every mechanism mention in `text` (a whole document, paragraphs separated by `\n`),
/// left to right, offsets in chars.
pub fn mechanisms(text: &str) -> Vec<Mechanism> {
    let _ = text;
    Vec::new()
}
