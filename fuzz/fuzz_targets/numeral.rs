//! Any text: the numeral parser and scanner never panic, and what they
//! return is a finite number inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wenxi::figures::numeral::{self, Mode};

fuzz_target!(|text: &str| {
    for mode in [Mode::Strict, Mode::Normal, Mode::Smart] {
        if let Some(v) = numeral::parse(text, mode) {
            assert!(v.is_finite(), "{v}");
        }
    }
    for n in numeral::find_all(text) {
        let _ = format!("{n:?}");
    }
});
