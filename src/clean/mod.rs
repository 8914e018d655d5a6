//! Clean: repair OCR and layout damage without losing the way back.
//!
//! The output is a [`Cleaned`]: the repaired text plus an
//! [`OffsetMap`](crate::offsets::OffsetMap) from its byte offsets to the
//! original input's UTF-16 offsets. Cleaning only deletes characters or
//! replaces one character by another of the same UTF-16 length, which keeps
//! the map exact. The original text is never changed.
//!
//! What is repaired:
//!
//! * **Full-width forms.** Full-width digits, Latin letters, `％` and `．`
//!   become ASCII ([`half_width`]). Full-width `，：；（）！？` stay as they
//!   are: they are the normal Chinese punctuation, the sentence splitter and
//!   the figure scanner read them as such, and mapping them would make
//!   Chinese text look like Latin text to every later rule.
//! * **Broken lines.** A line break is deleted (the lines joined) when the text
//!   so far on the line is at least [`JOIN_MIN_CHARS`] characters long and ends
//!   inside a sentence (a CJK character, a digit or `，、：`), and the next line
//!   goes straight on (no indent, no blank line, no `#`, no byline marker).
//!   Neither line may be title-like (at most [`TITLE_MAX_CHARS`] characters
//!   without sentence punctuation, and shorter than the wrap width when the
//!   text is hard-wrapped): in a document with one paragraph per line a
//!   headline after an unfinished paragraph must stay a line of its own.
//!   Real paragraph breaks (blank lines, lines ending in `。！？` or a closing
//!   quote) and headlines (`#` lines, short lines) stay.
//! * **Stray spaces.** In body lines every run of spaces between two CJK
//!   characters, between CJK and a digit, or after ASCII `,;:!?)` before CJK is
//!   deleted (`共发现问题 4858件`, `郾城 区`, `何国 旭`, `14轮, 共`). In title-like
//!   lines (`#` lines and short lines without sentence punctuation) spaces
//!   between two words are meaningful (`学党史 办实事 塑品牌`) and stay, unless
//!   one side is a single character (`朱 红` → `朱红`).
//!
//! Later stages can see where a space was deleted through [`Cleaned::gap_before`]
//! (layout uses it to split bylines such as `杨会枝 齐国 霞`).
//!
//! Idempotent by construction: the deleting pass is repeated until it deletes
//! nothing, so `clean(&clean(x).text).text == clean(x).text`.

use crate::offsets::{OffsetMap, OffsetMapBuilder, Span};
use crate::text::{half_width, is_cjk, is_ideograph};

/// Shortest line (in non-space characters) that may be joined with the next one.
pub const JOIN_MIN_CHARS: usize = 12;

/// Longest line (in non-space characters) read as a title when it has no sentence punctuation.
pub const TITLE_MAX_CHARS: usize = 30;

/// The cleaned text and its way back to the original.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The repaired text that every later stage reads.
    pub text: String,
    /// Clean byte offsets to original UTF-16 offsets.
    pub map: OffsetMap,
}

impl Cleaned {
    /// The original span of the clean byte range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.map.span(&self.text, start, end)
    }

    /// True when cleaning deleted something (a space, a line break) just
    /// before the clean character at byte `at`. `at` must be a char boundary.
    pub fn gap_before(&self, at: usize) -> bool {
        if at == 0 || at >= self.text.len() {
            return false;
        }
        let prev = self.text[..at].chars().next_back().expect("at > 0");
        let p = self.map.to_original(&self.text, at - prev.len_utf8());
        self.map.to_original(&self.text, at) > p + prev.len_utf16() as u32
    }
}

/// Spaces inside a line (the line break is handled apart).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\r' | '\u{A0}')
}

/// Sentence punctuation: a line holding one is not a title.
fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '，' | ',' | ';' | '!' | '?' | '…'
    )
}

/// A line may be continued after this character.
fn open_end(c: char) -> bool {
    is_ideograph(c) || c.is_ascii_digit() || matches!(c, '，' | '、' | '：' | ',' | '“' | '《')
}

/// A line may continue the previous one when it starts with this character.
fn continues_with(c: char) -> bool {
    is_ideograph(c)
        || c.is_ascii_digit()
        || matches!(
            c,
            '，' | '。' | '、' | '：' | '；' | '！' | '？' | '”' | '》' | '）' | '%'
        )
}

/// Lines starting like this begin something new (a byline or a headline).
const NEW_LINE_MARKERS: [&str; 6] = ["#", "■", "●", "本报讯", "本报记者", "通讯员"];

/// CJK characters plus the punctuation Chinese text shares with Western text
/// (curly quotes, ellipsis, dash, middle dot): no space belongs next to them
/// inside Chinese text.
fn is_cjk_like(c: char) -> bool {
    is_cjk(c) || matches!(c, '…' | '—' | '“' | '”' | '‘' | '’' | '·')
}

/// Chinese numeral characters (simplified, traditional and financial forms)
/// and the words inside numbers (`点`, `余`, `分之`, `又`).
fn is_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万亿两点余多几半萬億兩點壹贰貳叁參肆伍陆陸柒捌玖拾佰仟分之又"
        .contains(c)
}

/// Chinese numeral digits proper: a space after one (`一百五十 个百分点`)
/// separates a number from its unit.
fn is_digit_word(c: char) -> bool {
    "零〇一二三四五六七八九十百千万亿两萬億兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
}

/// Digits and the units glued to them.
fn is_digitish(c: char) -> bool {
    c.is_ascii_digit() || c == '%'
}

/// Cleans `original`. Idempotent: `clean(&clean(x).text).text == clean(x).text`.
pub fn clean(original: &str) -> Cleaned {
    let mut chars: Vec<(char, u32)> = Vec::with_capacity(original.len() / 2);
    let mut u = 0u32;
    for c in original.chars() {
        chars.push((half_width(c), u));
        u += c.len_utf16() as u32;
    }
    let total = u;
    // Each pass only deletes; repeat until nothing changes (at most a few times).
    loop {
        let next = pass(&chars);
        if next.len() == chars.len() {
            break;
        }
        chars = next;
    }
    let mut text = String::with_capacity(original.len());
    let mut map = OffsetMapBuilder::new();
    for &(c, at) in &chars {
        text.push(c);
        map.keep(c, at, c.len_utf16() as u32);
    }
    Cleaned {
        text,
        map: map.finish(total),
    }
}

/// One deleting pass: joins broken lines, then removes stray spaces.
fn pass(chars: &[(char, u32)]) -> Vec<(char, u32)> {
    let n = chars.len();
    let c = |i: usize| chars[i].0;
    let mut keep = vec![true; n];
    // Physical lines as [start, end) without the '\n'.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    for i in 0..n {
        if c(i) == '\n' {
            lines.push((s, i));
            s = i + 1;
        }
    }
    lines.push((s, n));
    // Title-like lines (short, no sentence punctuation: headlines, kickers,
    // bylines, sponsor notes) are never joined to a neighbour. This also keeps
    // the join decisions the same on the cleaned text (idempotence).
    // A line as long as the wrap width of hard-wrapped text is a fragment,
    // not a title, even without punctuation.
    let width = wrap_width(chars, &lines);
    let full_width = |(s, e): (usize, usize)| width.is_some_and(|w| e - s + 2 >= w);
    let title_like: Vec<bool> = lines
        .iter()
        .map(|&(s, e)| {
            let visible = (s..e).filter(|&i| !is_space(c(i))).count();
            let wrapped = full_width((s, e));
            visible <= TITLE_MAX_CHARS && !wrapped && !(s..e).any(|i| is_sentence_punct(c(i)))
        })
        .collect();
    // Group physical lines into logical lines.
    let mut logical: Vec<(usize, usize)> = Vec::new();
    let mut li = 0;
    while li < lines.len() {
        let (ls, mut le) = lines[li];
        let mut count = (ls..le).filter(|&i| !is_space(c(i))).count();
        let first = (ls..le).map(c).find(|&x| !is_space(x));
        let starts_marked = first.is_some_and(|f| f == '#' || f == '■' || f == '●');
        while li + 1 < lines.len() {
            let (bs, be) = lines[li + 1];
            let last = (ls..le).rev().find(|&i| !is_space(c(i)));
            let b_first = (bs < be).then(|| c(bs));
            let b_text = || {
                chars[bs..be.min(bs + 4)]
                    .iter()
                    .map(|x| x.0)
                    .collect::<String>()
            };
            // A full-width line of wrapped text goes on unless it ends a
            // sentence, whatever comes next; other lines need an open end, a
            // continuing start, and no title on either side.
            let wrapped = full_width(lines[li]);
            let ends = last.map(&c);
            let join = count >= JOIN_MIN_CHARS
                && !starts_marked
                && b_first.is_some_and(|b| !is_space(b) && b != '#')
                && !NEW_LINE_MARKERS.iter().any(|m| b_text().starts_with(m))
                && if wrapped {
                    ends.is_some_and(|e| !matches!(e, '。' | '！' | '？' | '!' | '?'))
                } else {
                    !title_like[li]
                        && !title_like[li + 1]
                        && ends.is_some_and(open_end)
                        && b_first.is_some_and(continues_with)
                };
            if !join {
                break;
            }
            let last = last.expect("checked");
            for k in keep.iter_mut().take(le + 1).skip(last + 1) {
                *k = false; // trailing spaces and the line break
            }
            count += (bs..be).filter(|&i| !is_space(c(i))).count();
            le = be;
            li += 1;
        }
        logical.push((ls, le));
        li += 1;
    }
    for &(ls, le) in &logical {
        remove_spaces(chars, &mut keep, ls, le);
    }
    chars
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(&x, _)| x)
        .collect()
}

/// The wrap width of hard-wrapped text, in characters: the length most lines
/// that stop mid-sentence share (within one character). `None` when no length
/// is shared by at least three such lines, 30% of them and a quarter of all
/// non-empty lines (in a hard-wrapped column most lines are full; in text with
/// one paragraph per line, headlines of similar length are not a column).
fn wrap_width(chars: &[(char, u32)], lines: &[(usize, usize)]) -> Option<usize> {
    let open: Vec<usize> = lines
        .iter()
        .filter(|&&(s, e)| {
            (s..e)
                .rev()
                .map(|i| chars[i].0)
                .find(|&x| !is_space(x))
                .is_some_and(open_end)
        })
        .map(|&(s, e)| {
            let trail = (s..e).rev().take_while(|&i| chars[i].0 == '\r').count();
            e - s - trail
        })
        .filter(|&n| n >= 8)
        .collect();
    let mut hist: std::collections::BTreeMap<usize, usize> = Default::default();
    for &n in &open {
        *hist.entry(n).or_default() += 1;
    }
    let mut best: Option<(usize, usize)> = None;
    for &len in hist.keys() {
        let score: usize = hist
            .range(len.saturating_sub(1)..=len + 1)
            .map(|(_, n)| n)
            .sum();
        if best.is_none_or(|(b, l)| score > b || (score == b && len > l)) {
            best = Some((score, len));
        }
    }
    let (score, len) = best?;
    let non_empty = lines
        .iter()
        .filter(|&&(s, e)| (s..e).any(|i| !is_space(chars[i].0)))
        .count();
    (score >= 3 && score * 10 >= open.len() * 3 && score * 4 >= non_empty).then_some(len + 1)
}

/// Deletes the stray spaces of one logical line `[ls, le)` (joined breaks already unkept).
fn remove_spaces(chars: &[(char, u32)], keep: &mut [bool], ls: usize, le: usize) {
    let idx: Vec<usize> = (ls..le)
        .filter(|&i| keep[i] && chars[i].0 != '\n')
        .collect();
    let c = |k: usize| chars[idx[k]].0;
    let visible = idx.iter().filter(|&&i| !is_space(chars[i].0)).count();
    let first = idx.iter().map(|&i| chars[i].0).find(|&x| !is_space(x));
    let title = first == Some('#')
        || (visible <= TITLE_MAX_CHARS && !idx.iter().any(|&i| is_sentence_punct(chars[i].0)));
    // Length (non-space chars) of the whitespace-separated token around position k.
    let token_len = |mut k: usize, step_back: bool| {
        let mut len = 0;
        loop {
            if is_space(c(k)) {
                break;
            }
            len += 1;
            if step_back {
                if k == 0 {
                    break;
                }
                k -= 1;
            } else {
                k += 1;
                if k >= idx.len() {
                    break;
                }
            }
        }
        len
    };
    let mut k = 0;
    while k < idx.len() {
        if !is_space(c(k)) {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < idx.len() && is_space(c(k)) {
            k += 1;
        }
        if run_start == 0 || k >= idx.len() {
            continue; // indentation and trailing spaces stay
        }
        let p = c(run_start - 1);
        let q = c(k);
        let cjk_digit = (is_cjk(p) && is_digitish(q)) || (is_digitish(p) && is_cjk(q));
        let punct_cjk = matches!(p, ',' | ';' | ':' | '!' | '?' | ')') && is_cjk(q);
        // An ASCII quote between CJK text on the side away from the space:
        // `开展 "巡后直督"` and `工作。" 郾城`.
        let quote_cjk = (is_cjk(p) && q == '"' && k + 1 < idx.len() && is_cjk_like(c(k + 1)))
            || (p == '"' && run_start >= 2 && is_cjk_like(c(run_start - 2)) && is_cjk(q));
        let cjk_cjk = is_cjk_like(p) && is_cjk_like(q);
        // Chinese numerals never take a space, even in a title: `三千 八百`.
        let numerals = is_numeral(p) && is_numeral(q) || (is_digit_word(p) && is_cjk(q));
        let delete = cjk_digit
            || punct_cjk
            || numerals
            || (quote_cjk && !title)
            || (cjk_cjk
                && (!title || token_len(run_start - 1, true) == 1 || token_len(k, false) == 1));
        if delete {
            for &i in &idx[run_start..k] {
                keep[i] = false;
            }
        }
    }
}

#[cfg(test)]
mod tests;
