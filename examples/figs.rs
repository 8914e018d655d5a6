fn main() {
    let t = std::env::args().nth(1).unwrap();
    let c = wenxi::clean::clean(&t);
    let l = wenxi::layout::layout(&c);
    for f in wenxi::figures::scan(&c, &l) {
        println!(
            "{} {:?} {:?} {} {:?}",
            f.surface, f.kind, f.value, f.unit, f.approx
        );
    }
}
