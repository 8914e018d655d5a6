//! Any text: the figure scanner never panics; figures are in text order,
//! inside the input, and their values are numbers, dates or ordered ranges.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wenxi::figures::FigureValue;

fuzz_target!(|text: &str| {
    let cleaned = wenxi::clean::clean(text);
    let layout = wenxi::layout::layout(&cleaned);
    let figures = wenxi::figures::scan(&cleaned, &layout);
    let len = wenxi::offsets::utf16_len(text);
    let mut last = 0;
    for f in &figures {
        assert!(f.span.start >= last && f.span.start <= f.span.end && f.span.end <= len);
        last = f.span.start;
        if let FigureValue::Range([lo, hi]) = f.value {
            assert!(!lo.is_nan() && !hi.is_nan());
        }
    }
});
