fn main() {
    let a = wenxi::Analyzer::embedded();
    let t = std::env::args().nth(1).unwrap();
    let c = wenxi::clean::clean(&t);
    let mut v = Vec::new();
    a.lexicon().tag_into(&c.text, 0..c.text.len(), &mut v);
    for k in v {
        print!("{}/{} ", &c.text[k.range()], k.pos);
    }
    println!();
}
