//! Any bytes, under any file name: decoding either refuses with an error or
//! returns text; never panics. Containers (.docx, .html) are read too.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in [None, Some("a.txt"), Some("a.html"), Some("a.docx"), Some("a.md")] {
        if let Ok(d) = wenxi::decode::decode_file(data, name, None) {
            assert!(!d.encoding.is_empty());
        }
    }
});
