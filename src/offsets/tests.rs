use super::*;

#[test]
fn identity_maps_every_boundary() {
    let t = "a共𠀀b４";
    let m = OffsetMap::identity(t);
    let mut u = 0;
    for (b, c) in t.char_indices() {
        assert_eq!(m.to_original(t, b), u);
        u += c.len_utf16() as u32;
    }
    assert_eq!(m.to_original(t, t.len()), u);
    assert_eq!(m.original_len(), 6);
}

#[test]
fn deletion_is_skipped_and_end_stops_at_last_char() {
    // original "朱 红": the cleaner keeps 朱 (0) and 红 (2), drops the space.
    let mut b = OffsetMapBuilder::new();
    b.keep('朱', 0, 1);
    b.keep('红', 2, 1);
    let m = b.finish(3);
    let clean = "朱红";
    assert_eq!(m.span(clean, 0, 6), Span::new(0, 3));
    assert_eq!(m.span(clean, 0, 3), Span::new(0, 1));
    assert_eq!(m.span(clean, 3, 6), Span::new(2, 3));
}

#[test]
fn long_text_uses_checkpoints() {
    let t: String = "共".repeat(1000) + "𠀀x";
    let m = OffsetMap::identity(&t);
    assert!(m.points.len() > 10);
    assert_eq!(m.to_original(&t, 3 * 1000), 1000);
    assert_eq!(m.to_original(&t, 3 * 1000 + 4), 1002);
    assert_eq!(m.span(&t, 3000, 3005), Span::new(1000, 1003));
}

#[test]
fn empty_text() {
    let m = OffsetMap::identity("");
    assert_eq!(m.to_original("", 0), 0);
    assert_eq!(m.span("", 0, 0), Span::new(0, 0));
}

#[test]
fn utf16_len_counts_surrogate_pairs_and_every_byte_width() {
    for s in [
        "",
        "abc",
        "é",
        "共发现问题 4858件",
        "𠀀",
        "a𠀀b😀",
        "１２３",
        "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
    ] {
        assert_eq!(utf16_len(s), s.encode_utf16().count() as u32, "{s:?}");
    }
}
