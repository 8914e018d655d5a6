use super::*;

#[test]
fn utf8_is_confident() {
    let d = decode("共发现问题 4858件".as_bytes(), None).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.confident && !d.had_errors);
    assert_eq!(d.format, Format::Text);
}

#[test]
fn gbk_bytes_decode_as_gb18030() {
    let text = "巡察工作高质量发展，共发现问题4858件，整改率为98%。郾城区委换届以来，郾城区巡察工作在上级巡视巡察机构的坚强领导和正确指导下，坚持政治巡察定位。";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.text, text);
    assert!(!d.had_errors);
}

#[test]
fn big5_bytes_decode_as_big5() {
    let text = "臺灣的報紙說，這個城市的經濟發展很快，政府將繼續推動產業轉型與區域合作，讓民眾的生活更好。";
    let (bytes, _, _) = encoding_rs::BIG5.encode(text);
    let d = decode(&bytes, None).unwrap();
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.text, text);
}

#[test]
fn utf16_without_bom_is_found_by_its_nuls_or_its_text() {
    let text = "Report 2021: 共发现问题4858件。";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    assert_eq!(decode(&le, None).unwrap().encoding, "UTF-16LE");
    assert_eq!(decode(&be, None).unwrap().text, text);
    let cjk = "郾城区巡察工作在上级巡视巡察机构的坚强领导和正确指导下坚持政治巡察定位";
    let le: Vec<u8> = cjk.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let d = decode(&le, None).unwrap();
    assert_eq!((d.encoding.as_str(), d.text.as_str()), ("UTF-16LE", cjk));
}

#[test]
fn bom_wins_and_is_removed() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice("文析".as_bytes());
    let d = decode(&b, None).unwrap();
    assert_eq!(d.text, "文析");
}

#[test]
fn override_label_is_used_and_unknown_label_refused() {
    let (bytes, _, _) = encoding_rs::BIG5.encode("報紙");
    let d = decode(&bytes, Some("big5")).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("報紙", "Big5"));
    assert!(d.confident);
    assert_eq!(
        decode(b"abc", Some("klingon")).unwrap_err(),
        Error::UnknownEncoding {
            label: "klingon".into()
        }
    );
}

#[test]
fn invalid_utf8_decodes_with_errors_reported() {
    let mut b = "新闻报道：".as_bytes().to_vec();
    b.extend_from_slice(&[0xFF, 0xFE, 0xFD]);
    b.extend_from_slice("今天天气很好。".as_bytes());
    let d = decode(&b, None).unwrap();
    assert_eq!(d.text, "新闻报道：\u{FFFD}\u{FFFD}\u{FFFD}今天天气很好。");
    assert_eq!(
        (d.encoding.as_str(), d.confident, d.had_errors),
        ("UTF-8", false, true)
    );
    assert!(d.diagnostics.iter().any(|x| x.code == "decode-errors"));
}

#[test]
fn binary_signatures_are_refused_by_name() {
    let cases: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG"),
        (b"GIF89a\x01\0\x01\0", "GIF"),
        (b"\x1F\x8B\x08\0\0\0\0\0", "gzip"),
        (b"\x7FELF\x02\x01\x01\0", "ELF"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", ".doc"),
    ];
    for (bytes, name) in cases {
        match decode_file(bytes, Some("notes.txt"), None) {
            Err(Error::Binary { looks_like }) => assert!(looks_like.contains(name), "{looks_like}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn pdf_and_nul_heavy_data_are_refused() {
    assert_eq!(
        decode(b"%PDF-1.7\n%\xE2\xE3", None).unwrap_err(),
        Error::Pdf
    );
    assert_eq!(
        decode_file(b"hello", Some("a.pdf"), None).unwrap_err(),
        Error::Pdf
    );
    let junk: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(matches!(decode(&junk, None), Err(Error::Binary { .. })));
}

#[test]
fn too_large_is_refused() {
    let big = vec![b'a'; MAX_BYTES + 1];
    assert!(matches!(decode(&big, None), Err(Error::TooLarge { .. })));
}

#[test]
fn empty_input_is_empty_text() {
    let d = decode_file(b"", Some("empty.txt"), None).unwrap();
    assert_eq!(d.text, "");
}

#[test]
fn html_drops_script_and_style_and_keeps_blocks() {
    let html = "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head>\
        <body><h1>标题&amp;新闻</h1><script>if (a<b) alert('x')</script><p>第一段&nbsp;文字。</p><p>第二段&#x6587;</p></body></html>";
    let d = decode_file(html.as_bytes(), Some("page.html"), None).unwrap();
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.text, "# 标题&新闻\n\n第一段 文字。\n\n第二段文");
}

#[test]
fn docx_xml_paragraphs_in_order() {
    let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
        <w:p><w:r><w:t>第一段</w:t></w:r><w:r><w:t xml:space="preserve"> A&amp;B</w:t></w:r></w:p>
        <w:p/><w:p><w:r><w:t>第三段</w:t><w:tab/><w:t>尾</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(
        container::docx_text(xml).unwrap(),
        "第一段 A&B\n\n第三段\t尾"
    );
}

#[test]
fn html_meta_charset_names_a_legacy_encoding() {
    let page = "<html><head><meta charset=\"gb2312\"></head><body><p>漯河日报</p></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let d = decode_file(&bytes, Some("page.htm"), None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.as_str()),
        ("漯河日报", "GB18030")
    );
    assert!(d.confident);
}

#[test]
fn docx_fallback_copies_are_skipped() {
    let xml = r#"<w:document xmlns:w="x" xmlns:mc="m"><w:body><w:p><w:r><mc:AlternateContent>
        <mc:Choice><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice>
        <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
        </mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(container::docx_text(xml).unwrap(), "\n框内正文");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes under any name decode or are refused; nothing panics, and
        /// the text is never longer (in characters) than the input in bytes.
        #[test]
        fn arbitrary_bytes_never_panic(
            bytes in prop::collection::vec(any::<u8>(), 0..512),
            prefix in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"MZ", b"BM", b"\xFF\xFE", b"\xEF\xBB\xBF", b"<html>", b"%PDF-"]),
            name in prop::sample::select(vec!["a.txt", "a.docx", "a.html", "a.md", "a", "a.pdf"]),
        ) {
            let mut b = prefix.to_vec();
            b.extend_from_slice(&bytes);
            if let Ok(d) = decode_file(&b, Some(name), None) {
                prop_assert!(d.text.chars().count() <= b.len());
            }
        }
    }
}

#[test]
fn replacement_characters_refuse_only_a_detected_reading() {
    // 30 of 1000 chars damaged: binary when the encoding was guessed, text
    // when the user chose it.
    let t = format!("{}{}", "中".repeat(970), "\u{FFFD}".repeat(30));
    assert!(super::looks_binary(&t, true));
    assert!(!super::looks_binary(&t, false));
    assert!(!super::looks_binary(&"中".repeat(100), true));
    // Control characters refuse either way.
    let c = format!("{}{}", "中".repeat(97), "\u{1}".repeat(3));
    assert!(super::looks_binary(&c, false));
}

#[test]
fn errors_carry_stable_codes() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let e = super::decode_file(png, Some("x.txt"), None).unwrap_err();
    assert_eq!((e.code(), e.to_string().contains("PNG")), ("binary", true));
    let e = super::decode_file(b"%PDF-1.4", None, None).unwrap_err();
    assert_eq!(e.code(), "pdf");
    let e = super::decode_file("中文".as_bytes(), None, Some("klingon")).unwrap_err();
    assert_eq!(e.code(), "unknown-encoding");
}
