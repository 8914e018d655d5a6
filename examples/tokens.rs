//! Prints jieba's tokens and the entities of a sentence (a debugging aid):
//! `cargo run --release --example tokens -- "句子"`.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let analyzer = wenxi::Analyzer::embedded();
    let mut tokens = Vec::new();
    analyzer
        .lexicon()
        .tag_into(&text, 0..text.len(), &mut tokens);
    for t in &tokens {
        print!("{}/{} ", &text[t.range()], t.pos);
    }
    println!();
    for e in analyzer.analyze(&text, &wenxi::Options::default()).entities {
        println!("{} {} {:?}", e.kind.code(), e.text, e.confidence);
    }
}
