fn main() {
    let mut files = Vec::new();
    for e in std::fs::read_dir("corpus").unwrap() {
        files.push(std::fs::read(e.unwrap().path()).unwrap());
    }
    let total: usize = files.iter().map(|f| f.len()).sum();
    let mut gb = Vec::new();
    for f in &files {
        let s = std::str::from_utf8(f).unwrap();
        gb.push(encoding_rs::GB18030.encode(s).0.into_owned());
    }
    let big: String = files.iter().map(|f| std::str::from_utf8(f).unwrap()).collect::<Vec<_>>().join("\n").repeat(200);
    for (name, set) in [("utf8", &files), ("gb18030", &gb)] {
        let t = std::time::Instant::now();
        let n = 200;
        for _ in 0..n {
            for f in set.iter() {
                let d = govmine_text::decode(f).unwrap();
                let doc = govmine_text::process(&d.text, &Default::default());
                std::hint::black_box(doc);
            }
        }
        let mb = (total * n) as f64 / 1e6;
        println!("{name}: {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    }
    let t = std::time::Instant::now();
    let doc = govmine_text::process(&big, &Default::default());
    println!("one big doc {} MB: {:.1} MB/s, {} sections", big.len() / 1_000_000, big.len() as f64 / 1e6 / t.elapsed().as_secs_f64(), doc.sections.len());
    let html = format!("<html><body>{}</body></html>", big.replace('\n', "</p><p>"));
    let t = std::time::Instant::now();
    let s = govmine_text::html::strip(&html);
    println!("html strip: {:.1} MB/s {}", html.len() as f64 / 1e6 / t.elapsed().as_secs_f64(), s.len());
}
