//! Any bytes: decoding either refuses with an error or returns text; never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wenxi::decode::decode(data, None);
});
