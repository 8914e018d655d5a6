//! The few reasons wenxi refuses input. Analysing decoded text never fails;
//! only decoding bytes (and building the dictionary) can.

use std::fmt;

/// Why input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not text; `looks_like` names what they seem to be (PNG image, ZIP archive...).
    Binary {
        /// A human name for the detected format.
        looks_like: String,
    },
    /// A PDF: text must be copied out of it first.
    Pdf,
    /// The user asked for an encoding label that is not known.
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
    /// The input is larger than the limit.
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A container (.docx, .html) could not be read.
    Container {
        /// What went wrong, for the user.
        message: String,
    },
    /// The dictionary or a model could not be loaded.
    Dictionary {
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// A stable machine code for the kind of error (`binary`, `pdf`,
    /// `unknown-encoding`, `too-large`, `container`, `dictionary`): what the
    /// page reads to word its message, across the wasm boundary.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Binary { .. } => "binary",
            Error::Pdf => "pdf",
            Error::UnknownEncoding { .. } => "unknown-encoding",
            Error::TooLarge { .. } => "too-large",
            Error::Container { .. } => "container",
            Error::Dictionary { .. } => "dictionary",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Binary { looks_like } => write!(f, "this file is not text: it looks like {looks_like}. Open a .txt, .md, .html or .docx file, or paste the text"),
            Error::Pdf => write!(f, "PDF files cannot be read directly: open the PDF, select all text, copy it and paste it here (or save it as .txt or .docx first)"),
            Error::UnknownEncoding { label } => write!(f, "unknown text encoding \"{label}\": use one of UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE"),
            Error::TooLarge { bytes, limit } => write!(f, "the input is {:.1} MB, more than the limit of {:.0} MB", *bytes as f64 / 1e6, *limit as f64 / 1e6),
            Error::Container { message } => write!(f, "could not read the document: {message}"),
            Error::Dictionary { message } => write!(f, "could not load the dictionary: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Result with wenxi's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
