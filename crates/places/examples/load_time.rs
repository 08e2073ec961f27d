fn main() {
    let t = std::time::Instant::now();
    let g = govmine_places::Gazetteer::embedded();
    println!("load {:?} regions {} words {}", t.elapsed(), g.regions().len(), g.words().count());
}
