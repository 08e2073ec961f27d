use std::collections::BTreeMap;
fn main() {
    let g = govmine_places::Gazetteer::embedded();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in std::env::args().skip(1) {
        for line in std::fs::read_to_string(&f).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["content"].as_str().unwrap_or("");
            let chars: Vec<char> = text.chars().collect();
            for m in g.mentions(text) {
                let ctx: String = chars[m.start.saturating_sub(3)..(m.end + 3).min(chars.len())].iter().collect();
                *counts.entry(format!("{} {:?} {:?} [{}]", m.text, m.strength, m.region.map(|r| g.full_path(r)), ctx)).or_default() += 1;
            }
        }
    }
    for (k, v) in counts { println!("{v}\t{k}"); }
}
