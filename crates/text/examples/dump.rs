//! Print what the pipeline makes of a file: `cargo run -p govmine-text --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("read");
    let decoded = match govmine_text::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            println!("{}: {e}", e.reason());
            return;
        }
    };
    let hints = govmine_text::Hints {
        html: path.ends_with(".html") || path.ends_with(".htm"),
        ..Default::default()
    };
    let doc = govmine_text::process(&decoded.text, &hints);
    println!("encoding: {}", decoded.encoding.name());
    println!("title: {:?}", doc.title);
    println!(
        "date: {:?} author: {:?} source: {:?}",
        doc.publish_date, doc.author, doc.source
    );
    println!("year: {:?} ({:?})", doc.year, doc.year_source);
    for (i, s) in doc.sections.iter().enumerate() {
        println!(
            "S{i} L{} {:?} parent={:?} [{}..{}] {}",
            s.level, s.kind, s.parent, s.start, s.end, s.heading
        );
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let t: String = doc.slice(p.start, p.end).chars().take(50).collect();
        println!("P{i} sec={:?} h={} {}", p.section, p.is_heading, t);
    }
    println!("sentences: {}", doc.sentences.len());
}
