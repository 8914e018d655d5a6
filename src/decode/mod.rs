//! Decode: bytes to text. A BOM wins, then valid UTF-8, then the detector.

use serde::Serialize;

use crate::error::{Error, Result};

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, Serialize)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The encoding used (`UTF-8`, `GBK`, `UTF-16LE`...).
    pub encoding: String,
    /// False when the encoding was guessed without a clear winner.
    pub confident: bool,
    /// True when some bytes were malformed and became U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`. `encoding` overrides detection when given (a WHATWG label).
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded> {
    if let Some(label) = encoding.filter(|l| !l.is_empty()) {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            Error::UnknownEncoding {
                label: label.to_string(),
            }
        })?;
        let (text, used, had_errors) = enc.decode(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: used.name().to_string(),
            confident: true,
            had_errors,
        });
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, used, had_errors) = enc.decode(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: used.name().to_string(),
            confident: true,
            had_errors,
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8".into(),
            confident: true,
            had_errors: false,
        });
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let confident = false;
    let (text, used, had_errors) = enc.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: used.name().to_string(),
        confident,
        had_errors,
    })
}
