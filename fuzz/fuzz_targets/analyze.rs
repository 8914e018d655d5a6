//! Any text: the whole analysis never panics and keeps spans inside the input.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<wenxi::Analyzer> = LazyLock::new(wenxi::Analyzer::embedded);

fuzz_target!(|text: &str| {
    let r = ANALYZER.analyze(text, &wenxi::Options::default());
    let len = wenxi::offsets::utf16_len(text);
    for f in &r.figures {
        assert!(f.span.start <= f.span.end && f.span.end <= len);
    }
    for e in &r.entities {
        for m in &e.mentions {
            assert!(m.span.start <= m.span.end && m.span.end <= len);
        }
    }
    for s in &r.sentences {
        assert!(s.span.start <= s.span.end && s.span.end <= len);
    }
});
