fn main() {
    let s = std::fs::read_to_string("corpus/002_eee0beed65e72678.txt").unwrap();
    let gb = encoding_rs::GB18030.encode(&s).0.into_owned();
    let n = 2000;
    let t = std::time::Instant::now();
    for _ in 0..n { std::hint::black_box(encoding_rs::GB18030.decode_without_bom_handling(&gb)); }
    println!("decode: {:.1} MB/s", (gb.len()*n) as f64/1e6/t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    for _ in 0..n { let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny); d.feed(&gb[..16000.min(gb.len())], true); std::hint::black_box(d.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)); }
    println!("chardetng 16k: {:.1} MB/s of file", (gb.len()*n) as f64/1e6/t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    for _ in 0..n { std::hint::black_box(std::str::from_utf8(&gb).is_ok()); }
    println!("utf8 check: {:.1} MB/s", (gb.len()*n) as f64/1e6/t.elapsed().as_secs_f64());
}
