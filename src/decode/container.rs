//! Containers: the text inside `.docx` packages and HTML pages.
//!
//! A `.docx` is a ZIP package; its body is `word/document.xml`, where each
//! `<w:p>` is a paragraph and the text sits in `<w:t>` runs. We keep the
//! paragraphs in document order, one per line (`<w:tab/>` becomes a tab,
//! `<w:br/>` a line break) and ignore everything else (styles, headers,
//! footnotes, images). Any other ZIP (xlsx, pptx, odt, a plain archive) is
//! refused as binary, naming what it is.
//!
//! HTML is reduced to its text with a small, forgiving scanner rather than an
//! XML parser, because real pages are not well-formed: `script`, `style`,
//! `noscript`, `template` and `title` content is dropped, comments and tags
//! vanish, block elements become line breaks, `<h1>`..`<h6>` become `#`
//! lines (so layout finds the headlines), whitespace collapses as a browser
//! would (except in `<pre>`), and entities are decoded (numeric ones, XML's
//! five and the typographic names news pages use).

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::{Decoded, Format};
use crate::error::{Error, Result};

/// Largest `word/document.xml` read, uncompressed (guards against ZIP bombs).
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a ZIP package: the paragraphs of a `.docx`, or a refusal naming the package kind.
pub fn zip(bytes: &[u8]) -> Result<Decoded> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Container {
        message: format!("the ZIP package is damaged ({e})"),
    })?;
    let has = |a: &zip::ZipArchive<Cursor<&[u8]>>, n: &str| a.index_for_name(n).is_some();
    if !has(&archive, "word/document.xml") {
        let looks_like = if has(&archive, "xl/workbook.xml") {
            "an Excel workbook (.xlsx)"
        } else if has(&archive, "ppt/presentation.xml") {
            "a PowerPoint presentation (.pptx)"
        } else if has(&archive, "content.xml") && has(&archive, "mimetype") {
            "an OpenDocument file (.odt/.ods): save it as .docx or .txt"
        } else if has(&archive, "META-INF/container.xml") {
            "an EPUB book"
        } else {
            "a ZIP archive"
        };
        return Err(Error::Binary {
            looks_like: looks_like.into(),
        });
    }
    let file = archive
        .by_name("word/document.xml")
        .map_err(|e| Error::Container {
            message: format!("word/document.xml cannot be read ({e})"),
        })?;
    let mut xml = String::new();
    file.take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| Error::Container {
            message: format!("word/document.xml cannot be read ({e})"),
        })?;
    let text = docx_text(&xml)?;
    Ok(Decoded {
        text,
        encoding: "UTF-8".into(),
        confident: true,
        had_errors: false,
        format: Format::Docx,
        diagnostics: Vec::new(),
    })
}

/// The paragraphs of a WordprocessingML `document.xml`, one per line.
pub fn docx_text(xml: &str) -> Result<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut paragraphs = 0usize;
    let mut in_text = false;
    let err = |e: &dyn std::fmt::Display| Error::Container {
        message: format!("word/document.xml is not valid XML ({e})"),
    };
    // Depth inside <mc:Fallback>: Word repeats text boxes there for old readers.
    let mut fallback = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| err(&e))?;
        match &event {
            Event::Start(e) if e.local_name().as_ref() == "Fallback" => fallback += 1,
            Event::End(e) if e.local_name().as_ref() == "Fallback" => {
                fallback = fallback.saturating_sub(1)
            }
            Event::Eof => break,
            _ => {}
        }
        if fallback > 0 {
            continue;
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    if paragraphs > 0 {
                        out.push('\n');
                    }
                    paragraphs += 1;
                }
                "t" => in_text = true,
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "p" => {
                    if paragraphs > 0 {
                        out.push('\n');
                    }
                    paragraphs += 1;
                }
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => out.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                    out.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The encoding label an HTML page declares in its first 1024 bytes
/// (`<meta charset="gbk">` or `content="text/html; charset=gb2312"`), if known.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static str> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes()).map(|e| e.name())
}

/// True when text starts like an HTML document (a doctype or an `<html>` tag).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements whose content is not text for the reader.
const DROPPED: [&str; 6] = ["script", "style", "noscript", "template", "title", "head"];

/// Elements that start and end a block (a line of their own).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "blockquote"
            | "pre"
            | "hr"
            | "dd"
            | "dt"
            | "dl"
            | "figure"
            | "figcaption"
            | "address"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "body"
            | "html"
            | "form"
            | "fieldset"
            | "caption"
    )
}

/// The text of an HTML page (see the module docs).
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut pending_space = false;
    let mut pre = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, rest, &mut pending_space, pre > 0);
            break;
        };
        push_text(&mut out, &rest[..lt], &mut pending_space, pre > 0);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let closing = rest[1..].starts_with('/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // A lone '<' is text.
            push_text(&mut out, "<", &mut pending_space, pre > 0);
            rest = &rest[1..];
            continue;
        }
        let tag_end = tag_end(rest);
        let self_closing = rest[..tag_end].ends_with("/>");
        rest = &rest[tag_end..];
        if !closing && DROPPED.contains(&name.as_str()) && !self_closing {
            // Skip to the matching close tag (script text may contain '<').
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(i) => {
                    let r = &rest[i..];
                    r.find('>').map_or("", |j| &r[j + 1..])
                }
                // An unclosed script or style hides the rest, as in a browser;
                // an unclosed head or title hides nothing.
                None if matches!(name.as_str(), "head" | "title") => rest,
                None => "",
            };
            continue;
        }
        if name == "pre" {
            if closing {
                pre = pre.saturating_sub(1);
            } else {
                pre += 1;
            }
        }
        if is_block(&name) {
            let breaks = if matches!(name.as_str(), "br" | "li" | "tr" | "div" | "dd" | "dt") {
                1
            } else {
                2
            };
            line_break(&mut out, breaks);
            pending_space = false;
            if !closing {
                if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<usize>().ok()) {
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                }
            }
        } else if matches!(name.as_str(), "td" | "th") && !closing {
            pending_space = !out.is_empty() && !out.ends_with('\n');
        }
    }
    // Trim spaces at line ends and the text's ends.
    let lines: Vec<&str> = out.lines().map(|l| l.trim_end()).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// The byte after the `>` that ends the tag starting `s` (quotes respected).
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Ends the current line with up to `n` line breaks in a row.
fn line_break(out: &mut String, n: usize) {
    while out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() {
        return;
    }
    let have = out.len() - out.trim_end_matches('\n').len();
    for _ in have..n {
        out.push('\n');
    }
}

/// Appends text with entities decoded and whitespace collapsed (unless in `<pre>`).
fn push_text(out: &mut String, raw: &str, pending_space: &mut bool, pre: bool) {
    let text = decode_entities(raw);
    if pre {
        out.push_str(&text);
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{3000}' && c != '\u{A0}' {
            *pending_space = true;
        } else {
            if *pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            *pending_space = false;
            out.push(if c == '\u{A0}' { ' ' } else { c });
        }
    }
}

/// The named HTML entities news pages use (XML's five plus typography and
/// spaces). The full HTML5 table would add tens of kilobytes to the wasm
/// module for names nobody writes in Chinese news.
fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{A0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "laquo" => "«",
        "raquo" => "»",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "bull" => "•",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "plusmn" => "±",
        "yen" => "¥",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "permil" => "‰",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "zwj" => "\u{200D}",
        "zwnj" => "\u{200C}",
        "shy" => "\u{AD}",
        _ => return quick_xml::escape::resolve_xml_entity(name),
    })
}

/// Decodes `&name;`, `&#n;` and `&#xh;`; unknown or unterminated references stay as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 33);
        let resolved = semi.and_then(|j| {
            let name = &rest[1..j];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                n.and_then(char::from_u32)
                    .filter(|&c| c != '\0')
                    .map(|c| c.to_string())
            } else {
                html_entity(name).map(str::to_string)
            };
            c.map(|c| (c, j + 1))
        });
        match resolved {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}
