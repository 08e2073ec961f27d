use govmine_places::*;
fn main() {
    let t = std::time::Instant::now();
    let g = Gazetteer::embedded();
    eprintln!("load {:?}", t.elapsed());
    for f in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&f).unwrap();
        let doc = govmine_text::process(&raw, &govmine_text::Hints::default());
        println!("== {f} title={:?} author={:?}", doc.title, doc.author);
        for s in &doc.sections { println!("  sec L{} p{:?} {:?}", s.level, s.parent, s.heading.chars().take(30).collect::<String>()); }
        let p = attribute(&doc, &govmine_text::Hints::default(), g);
        for d in &p.doc_places { println!("  doc {:?} {:?}", d.role, match d.place { Place::National => "全国".into(), Place::Region(r) => g.full_path(r) }); }
        for (i, (pp, pl)) in doc.paragraphs.iter().zip(&p.paragraph_places).enumerate() {
            let s: String = doc.slice(pp.start, pp.end).chars().take(25).collect();
            println!("  p{i} {:?} {}", pl.map(|x| g.facet_path(x).concat()), s);
        }
        for m in g.mentions(&doc.text) { print!("{}{:?}→{:?} ", m.text, m.strength, m.region.map(|r| g.region(r).name.clone())); }
        println!();
    }
}
