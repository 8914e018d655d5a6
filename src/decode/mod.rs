//! Decode: file bytes to text, or a clear refusal.
//!
//! The order of decisions, each one final:
//!
//! 1. **Size.** More than [`MAX_BYTES`] is [`Error::TooLarge`].
//! 2. **Signature.** Magic numbers name what is not text: a PDF is
//!    [`Error::Pdf`]; PNG, JPEG, GIF, gzip, ELF, PE and friends are
//!    [`Error::Binary`], whatever the file is called. A ZIP is read as `.docx`
//!    when it holds `word/document.xml`, and refused otherwise.
//! 3. **Encoding.** A user override label wins (its BOM, if any, is removed);
//!    then a BOM; then valid UTF-8; then UTF-16 without a BOM when the NUL
//!    bytes sit in alternate positions; then chardetng. chardetng 1.0 has no
//!    `guess_assess`, so [`Decoded::confident`] is derived: the guess must
//!    decode without errors and stay the same whether the detector is told the
//!    text comes from mainland China (`cn`), Taiwan (`tw`) or nowhere. GBK is
//!    decoded with the GB18030 decoder (a superset) and reported as `GB18030`.
//! 4. **Leftover binary.** Text decoded from NUL-heavy or control-heavy bytes
//!    is refused as binary data.
//! 5. **Container.** `.html`/`.htm` (or bytes that start like HTML) become plain
//!    text (see [`container::html_to_text`]); `.md` and `.txt` stay as they are.
//!
//! Malformed bytes never fail decoding: they become U+FFFD and set
//! [`Decoded::had_errors`], with a diagnostic saying how many.

use serde::Serialize;

/// Something the analysis noticed about the input, for the user.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    /// A stable machine code (`empty`, `no-cjk`, ...).
    pub code: String,
    /// A sentence for the user.
    pub message: String,
}

use crate::error::{Error, Result};

pub mod container;

/// The largest input accepted, in bytes (64 MB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// How many bytes the encoding detector reads at most: it is sure long before
/// that, and feeding it all of a large file would cost seconds.
const DETECT_BYTES: usize = 256 * 1024;

/// What kind of document the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (kept as is: `#` headlines are read by layout).
    Markdown,
    /// HTML, reduced to its text.
    Html,
    /// A Word `.docx` document's paragraphs.
    Docx,
}

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, Serialize)]
pub struct Decoded {
    /// The decoded text (without BOM). Every span of the report points into it.
    pub text: String,
    /// The encoding used (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, `UTF-16BE`...).
    pub encoding: String,
    /// False when the encoding was guessed without a clear winner.
    pub confident: bool,
    /// True when some bytes were malformed and became U+FFFD.
    pub had_errors: bool,
    /// The document kind the text was read from.
    pub format: Format,
    /// Notes for the user (`encoding-guessed`, `decode-errors`).
    pub diagnostics: Vec<Diagnostic>,
}

/// How a file's bytes were read, as the report tells it.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The encoding used.
    pub encoding: String,
    /// False when the encoding was guessed without a clear winner.
    pub confident: bool,
    /// True when some bytes were malformed and became U+FFFD.
    pub had_errors: bool,
    /// The document kind the text was read from.
    pub format: Format,
}

impl Decoded {
    /// How the bytes were read, without the text.
    pub fn source(&self) -> Source {
        Source {
            encoding: self.encoding.clone(),
            confident: self.confident,
            had_errors: self.had_errors,
            format: self.format,
        }
    }
}

/// Decodes `bytes` as plain text. `encoding` overrides detection when given (a WHATWG label).
///
/// Same as [`decode_file`] without a file name.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded> {
    decode_file(bytes, None, encoding)
}

/// Decodes a file's bytes. `name` (the file name, for its extension) picks the
/// container; `encoding` overrides detection when given (a WHATWG label such
/// as `gbk`, `gb18030`, `big5`, `utf-16le`; empty means detect).
pub fn decode_file(bytes: &[u8], name: Option<&str>, encoding: Option<&str>) -> Result<Decoded> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let encoding = encoding.map(str::trim).filter(|l| !l.is_empty());
    match sniff(bytes) {
        Some(Sniffed::Pdf) => return Err(Error::Pdf),
        Some(Sniffed::Zip) => return container::zip(bytes),
        Some(Sniffed::Binary(what)) => {
            return Err(Error::Binary {
                looks_like: what.to_string(),
            })
        }
        None => {}
    }
    match ext.as_str() {
        "pdf" => return Err(Error::Pdf),
        "docx" if !bytes.is_empty() => return Err(Error::Container {
            message:
                "this .docx file is not a ZIP package (it may be damaged, or an old .doc renamed)"
                    .into(),
        }),
        _ => {}
    }
    // An HTML page may name its legacy encoding in a <meta> tag; a BOM or
    // valid UTF-8 still wins (decode_text checks those first).
    let meta = (matches!(ext.as_str(), "html" | "htm" | "xhtml") && encoding.is_none())
        .then(|| container::meta_charset(bytes))
        .flatten()
        .filter(|_| encoding_rs::Encoding::for_bom(bytes).is_none())
        .filter(|_| std::str::from_utf8(bytes).is_err());
    let mut d = decode_text(bytes, encoding.or(meta))?;
    if looks_binary(&d.text, encoding.is_none()) {
        return Err(Error::Binary {
            looks_like: "binary data (many control or NUL bytes)".into(),
        });
    }
    let is_html = matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || (ext.is_empty() || ext == "txt") && container::looks_like_html(&d.text);
    if is_html {
        d.text = container::html_to_text(&d.text);
        d.format = Format::Html;
    } else if matches!(ext.as_str(), "md" | "markdown") {
        d.format = Format::Markdown;
    }
    Ok(d)
}

/// What a signature says the bytes are.
enum Sniffed {
    Pdf,
    Zip,
    Binary(&'static str),
}

/// Names the format from its magic number, if it is a known non-text one.
fn sniff(b: &[u8]) -> Option<Sniffed> {
    let starts = |m: &[u8]| b.starts_with(m);
    // A PDF may have a few bytes of junk before its header.
    if b.len() >= 5 && b[..b.len().min(24)].windows(5).any(|w| w == b"%PDF-") {
        return Some(Sniffed::Pdf);
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        return Some(Sniffed::Zip);
    }
    let what = if starts(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if starts(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if b.len() >= 12 && starts(b"RIFF") && &b[8..12] == b"WEBP" {
        "a WebP image"
    } else if starts(b"\x1F\x8B") {
        "a gzip archive"
    } else if starts(b"\x7FELF") {
        "an ELF executable"
    } else if starts(b"MZ") && is_pe(b) {
        "a Windows executable (PE/EXE)"
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        "a 7-Zip archive"
    } else if starts(b"Rar!\x1A\x07") {
        "a RAR archive"
    } else if starts(b"BZh") && b.len() > 10 && &b[4..10] == b"\x31\x41\x59\x26\x53\x59" {
        "a bzip2 archive"
    } else if starts(b"\xFD7zXZ\x00") {
        "an xz archive"
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "an old Office document (.doc/.xls/.ppt): save it as .docx or .txt"
    } else if starts(b"\x00asm") {
        "a WebAssembly module"
    } else if starts(b"SQLite format 3\x00") {
        "an SQLite database"
    } else if starts(b"ID3\x03") || starts(b"ID3\x04") {
        "an MP3 audio file"
    } else if b.len() >= 12 && &b[4..8] == b"ftyp" {
        "an MP4/MOV video or audio file"
    } else if b.len() >= 10 && starts(b"BM") && b[6..10].iter().all(|&x| x == 0) {
        "a BMP image"
    } else {
        return None;
    };
    Some(Sniffed::Binary(what))
}

/// True when `b` (starting with `MZ`) has a PE header where the DOS header says.
fn is_pe(b: &[u8]) -> bool {
    if b.len() < 0x40 {
        return b.len() >= 2 && b.contains(&0);
    }
    let off = u32::from_le_bytes([b[0x3c], b[0x3d], b[0x3e], b[0x3f]]) as usize;
    let pe = off
        .checked_add(4)
        .and_then(|end| b.get(off..end))
        .is_some_and(|h| h == b"PE\0\0");
    pe || b[..0x40].contains(&0)
}

/// Decodes bytes already known not to be a container or a known binary format.
fn decode_text(bytes: &[u8], label: Option<&str>) -> Result<Decoded> {
    if let Some(label) = label {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            Error::UnknownEncoding {
                label: label.to_string(),
            }
        })?;
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        return Ok(finish(text.into_owned(), enc, true, had_errors));
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, used, had_errors) = enc.decode(bytes);
        return Ok(finish(text.into_owned(), used, true, had_errors));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(text.to_string(), encoding_rs::UTF_8, true, false));
    }
    // Mostly UTF-8 with a few bad bytes: legacy encodings almost never form
    // valid multi-byte UTF-8 sequences by chance.
    // (Judged on a sample: decoding a large legacy file as UTF-8 is slow.)
    let (lossy, _) = encoding_rs::UTF_8.decode_without_bom_handling(head_sample(bytes, 64 * 1024));
    let bad = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
    let good = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if good > bad * 2 {
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(bytes);
        return Ok(finish(text.into_owned(), encoding_rs::UTF_8, false, true));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return Ok(finish(text.into_owned(), enc, !had_errors, had_errors));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(head_sample(bytes, DETECT_BYTES), true);
    let detected = det.guess(None, chardetng::Utf8Detection::Allow);
    let cn = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let tw = det.guess(Some(b"tw"), chardetng::Utf8Detection::Allow);
    let guess = most_readable(detected, head_sample(bytes, DETECT_BYTES));
    let (text, had_errors) = guess.decode_without_bom_handling(bytes);
    // GBK and Big5 are each other's rival: a guess is clear when the rival
    // cannot read the bytes, or when no TLD hint changes the guess.
    let rival = match guess {
        g if g == encoding_rs::GBK => Some(encoding_rs::BIG5),
        g if g == encoding_rs::BIG5 => Some(encoding_rs::GBK),
        _ => None,
    };
    let rival_fails = rival.is_some_and(|r| {
        r.decode_without_bom_handling_and_without_replacement(bytes)
            .is_none()
    });
    let confident = !had_errors
        && guess == detected
        && (guess == cn || guess == tw)
        && (rival_fails || (guess == cn && guess == tw));
    Ok(finish(text.into_owned(), guess, confident, had_errors))
}

/// The detector's guess, unless its reading of `sample` looks like binary
/// data and GB18030 or UTF-8 reads it as text. A file mixing UTF-8 and GBK
/// paragraphs makes chardetng pick windows-1252, whose reading has C1 control
/// characters and would be refused as binary; the Chinese reading keeps at
/// least one part readable (with replacement characters for the rest).
fn most_readable(
    detected: &'static encoding_rs::Encoding,
    sample: &[u8],
) -> &'static encoding_rs::Encoding {
    let reading = |e: &'static encoding_rs::Encoding| e.decode_without_bom_handling(sample).0;
    if !looks_binary(&reading(detected), false) {
        return detected;
    }
    [encoding_rs::GB18030, encoding_rs::UTF_8]
        .into_iter()
        .map(|e| (reading(e), e))
        .filter(|(t, _)| !looks_binary(t, false))
        .min_by_key(|(t, _)| t.chars().filter(|&c| c == '\u{FFFD}').count())
        .map_or(detected, |(_, e)| e)
}

/// The first `limit` bytes, cut after an ASCII byte so that no multi-byte
/// character is cut in two (all of `bytes` when shorter).
fn head_sample(bytes: &[u8], limit: usize) -> &[u8] {
    if bytes.len() <= limit {
        return bytes;
    }
    let cut = bytes[..limit]
        .iter()
        .rposition(|&b| b < 0x80)
        .map_or(limit, |i| i + 1);
    &bytes[..cut]
}

/// Builds a [`Decoded`] with the diagnostics its flags call for.
fn finish(
    text: String,
    enc: &'static encoding_rs::Encoding,
    confident: bool,
    had_errors: bool,
) -> Decoded {
    let encoding = if enc == encoding_rs::GBK {
        "GB18030".to_string()
    } else {
        enc.name().to_string()
    };
    let mut diagnostics = Vec::new();
    if !confident {
        diagnostics.push(Diagnostic {
            code: "encoding-guessed".into(),
            message: format!("The encoding was guessed as {encoding} without certainty; if the text looks wrong, choose the encoding by hand."),
        });
    }
    if had_errors {
        let n = text.chars().filter(|&c| c == '\u{FFFD}').count();
        diagnostics.push(Diagnostic {
            code: "decode-errors".into(),
            message: format!(
                "{n} malformed byte sequence(s) in {encoding} were replaced by \u{FFFD}."
            ),
        });
    }
    Decoded {
        text,
        encoding,
        confident,
        had_errors,
        format: Format::Text,
        diagnostics,
    }
}

/// UTF-16 without a BOM: NUL bytes in alternate positions (ASCII-heavy text),
/// or an even-length input that decodes cleanly as UTF-16 into mostly CJK while
/// it is not valid in the legacy encodings.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 3 && even_nul * 20 <= pairs {
        return Some(encoding_rs::UTF_16LE);
    }
    if even_nul * 10 >= pairs * 3 && odd_nul * 20 <= pairs {
        return Some(encoding_rs::UTF_16BE);
    }
    if even_nul + odd_nul > 0 {
        return None;
    }
    // No NULs: CJK in UTF-16. Accept only a clean, overwhelmingly textual
    // decode that reads clearly better than the legacy Chinese encodings.
    let legacy = [encoding_rs::GBK, encoding_rs::BIG5]
        .iter()
        .map(|e| textual_share(&e.decode_without_bom_handling(head).0))
        .fold(0.0f64, f64::max);
    [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .find(|e| {
            e.decode_without_bom_handling_and_without_replacement(head)
                .is_some_and(|t| {
                    let share = textual_share(&t);
                    share >= 0.95 && share > legacy + 0.02
                })
        })
}

/// The share of characters that are usual in Chinese or Latin text.
fn textual_share(t: &str) -> f64 {
    let mut n = 0usize;
    let mut ok = 0usize;
    for c in t.chars().take(4096) {
        n += 1;
        if c.is_ascii_graphic()
            || c.is_whitespace()
            || matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF | 0x2000..=0x206F)
        {
            ok += 1;
        }
    }
    if n == 0 {
        1.0
    } else {
        ok as f64 / n as f64
    }
}

/// True when decoded text is not text: more than 1% control characters or
/// NULs; or, when the encoding was `detected` rather than chosen by the user,
/// more than 2% C0 controls and U+FFFD replacement characters together,
/// and at least 16 (binary bytes read as text; a few bad bytes in a short
/// text are reported as decode errors instead). An encoding the user chose is taken at
/// their word for the second test.
fn looks_binary(t: &str, detected: bool) -> bool {
    let (mut n, mut control, mut damaged) = (0usize, 0usize, 0usize);
    for c in t.chars().take(65536) {
        n += 1;
        let allowed = matches!(c, '\t' | '\n' | '\r' | '\x0C');
        if c == '\0' || (c.is_control() && !allowed) {
            control += 1;
        }
        if (c < ' ' && !allowed) || c == '\u{FFFD}' {
            damaged += 1;
        }
    }
    n > 0 && (control * 100 > n || (detected && damaged >= 16 && damaged * 50 > n))
}

#[cfg(test)]
mod tests;
