//! Throwaway timing helper (not committed).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap();
    let a = wenxi::Analyzer::embedded();
    if mode == "load" { return; }
    let t0 = Instant::now();
    let c = wenxi::clean::clean(&text);
    let l = wenxi::layout::layout(&c);
    let mut toks = Vec::new();
    if mode != "figures-only" {
        for s in &l.sentences {
            a.lexicon().tag_into(&c.text, s.clean.clone(), &mut toks);
        }
    }
    let t1 = Instant::now();
    let mut n = 0;
    if mode != "tag" {
        n = wenxi::figures::scan_tagged(&c, &l, &toks).len();
    }
    let t2 = Instant::now();
    eprintln!("{mode}: base {:?} figures {:?} ({n})", t1 - t0, t2 - t1);
}
