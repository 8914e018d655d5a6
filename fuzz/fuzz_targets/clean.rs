//! Any text: clean keeps an exact, monotonic offset map and is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let c = wenxi::clean::clean(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for (b, ch) in c.text.char_indices() {
        let s = c.span(b, b + ch.len_utf8());
        assert!(s.start >= last && s.end as usize <= units.len());
        last = s.start;
    }
    assert_eq!(wenxi::clean::clean(&c.text).text, c.text);
});
