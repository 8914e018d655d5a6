//! Layout: articles, headlines, bylines, paragraphs and sentences.
//!
//! Works on the cleaned text, line by line (clean has already joined lines
//! broken mid-sentence, so a line is a paragraph). Each item keeps its clean
//! byte range (for the later stages, never serialized) and its original
//! [`Span`] (for the report).
//!
//! How lines are read:
//!
//! * `#`, `##`, `###` lines are headlines: each starts an article. `####` and
//!   deeper lines are the article's subtitle (when they come right after the
//!   headline) or section headings. A `#` line longer than
//!   [`HEADING_MAX_CHARS`] is body text (a page pasted as one line starts
//!   with `#` too).
//! * A short line without sentence punctuation ([`TITLE_MAX_CHARS`]) standing
//!   alone is a headline without `#` (`禁烧说唱短视频效果好`), unless it comes
//!   right before another headline (then it is the kicker, 引题:
//!   `市政府办 市二院`), right after one (the subtitle), names only persons
//!   (a byline: `孙耀克`), or is a sponsor line (`…办公室 主办`).
//! * Bylines: lines starting with `■`/`●` or a role (`本报记者 张军亚`,
//!   `■文/图 本报记者 朱 红`); a paragraph that starts with `本报讯(记者 …)`
//!   or `通讯员…` (the byline runs into the body); names after the last
//!   sentence of a paragraph (`…支援"。 邢帅刘源`). Names are split with
//!   [`names::split_names`] and the places where clean deleted a space
//!   ([`Cleaned::gap_before`]).
//! * Sentences end at `。！？；!?;…` (closing quotes and brackets stay with
//!   their sentence) and at line ends. Headlines, kickers, subtitles, headings
//!   and bylines are sentences of their own, marked by [`SentenceKind`], so
//!   the tagger sees every word of the page.

use std::ops::Range;

use serde::Serialize;

use crate::clean::{Cleaned, TITLE_MAX_CHARS};
use crate::offsets::Span;
use crate::text::is_ideograph;

pub mod names;

/// What a sentence is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Body text.
    #[default]
    Body,
    /// An article's headline.
    Title,
    /// The line above a headline (引题).
    Kicker,
    /// The subtitle (副题).
    Subtitle,
    /// A section heading inside an article.
    Heading,
    /// A byline (who wrote or photographed it).
    Byline,
}

/// One sentence of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// Where it is in the original input.
    pub span: Span,
    /// Index of the article it belongs to.
    pub article: u32,
    /// Body text, or a headline, kicker, subtitle, heading or byline.
    pub kind: SentenceKind,
    /// Clean byte range (internal).
    #[serde(skip)]
    pub clean: Range<usize>,
}

/// A person named in a byline.
#[derive(Debug, Clone, Serialize)]
pub struct BylinePerson {
    /// The name, spaces removed.
    pub name: String,
    /// 记者, 通讯员, 文/图, ... as printed, or empty.
    pub role: String,
    /// Where the name is in the original input.
    pub span: Span,
}

/// A byline: who wrote or photographed the article.
#[derive(Debug, Clone, Serialize)]
pub struct Byline {
    /// The byline text (clean).
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
    /// The persons it names.
    pub persons: Vec<BylinePerson>,
}

/// A titled piece of text: headline, kicker, subtitle or section heading.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// The text (clean, without `#`).
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
}

/// One article of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Position on the page, from 0.
    pub index: u32,
    /// The headline, if one was found.
    pub title: Option<Heading>,
    /// Number of `#` before the headline (0 when it had none).
    pub title_level: u32,
    /// The line above the headline (引题), if any.
    pub kicker: Option<Heading>,
    /// The subtitle (副题), if any.
    pub subtitle: Option<Heading>,
    /// Section headings inside the body.
    pub headings: Vec<Heading>,
    /// Bylines found in the article.
    pub bylines: Vec<Byline>,
    /// The whole article in the original input.
    pub span: Span,
    /// Paragraph spans of the body.
    pub paragraphs: Vec<Span>,
    /// Indices `[first, last)` into [`Layout::sentences`].
    pub sentences: [u32; 2],
    /// Clean byte range of the whole article (internal).
    #[serde(skip)]
    pub clean: Range<usize>,
}

/// The structure of a page.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Articles in reading order.
    pub articles: Vec<Article>,
    /// All sentences, in text order.
    pub sentences: Vec<Sentence>,
}

impl Layout {
    /// The sentence containing clean byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.clean.end <= at);
        (i < self.sentences.len() && self.sentences[i].clean.start <= at).then_some(i)
    }
}

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…')
}

/// Closing quotes and brackets that stay with the sentence before them.
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '」' | '』' | ')' | '）' | '】' | '》' | '…' | '\''
    )
}

/// Punctuation that a title line does not contain.
fn is_body_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '，' | '、' | ',' | ';' | '!' | '?' | '…'
    )
}

/// Role words of bylines, longest first, with the role they stand for.
const ROLES: [(&str, &str); 16] = [
    ("本报记者", "记者"),
    ("特约记者", "特约记者"),
    ("见习记者", "见习记者"),
    ("实习记者", "实习记者"),
    ("本报通讯员", "通讯员"),
    ("通讯员", "通讯员"),
    ("实习生", "实习生"),
    ("记者", "记者"),
    ("文/图", "文/图"),
    ("文／图", "文/图"),
    ("图/文", "文/图"),
    ("摄影", "摄影"),
    ("编辑", "编辑"),
    ("文", "文"),
    ("图", "图"),
    ("摄", "摄影"),
];

/// Line endings of sponsor and source notes, which are neither kickers nor headlines.
const SPONSOR_ENDS: [&str; 6] = ["主办", "协办", "承办", "供稿", "出品", "制作"];

/// How a line was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `#`..`###`: a headline with its level.
    Headline(u32),
    /// A headline without `#`.
    PlainHeadline,
    /// `####` and deeper.
    Subhead,
    /// A numbered section heading (`一、加强组织领导`, `（二）…`, `3. …`).
    Section,
    /// The line above a headline.
    Kicker,
    /// A line that is only a byline.
    Byline,
    /// Body text.
    Body,
}

/// One non-blank line of the clean text.
#[derive(Debug, Clone)]
struct Line {
    /// Trimmed clean byte range.
    range: Range<usize>,
    /// Start of the untrimmed line (for article spans).
    line_start: usize,
    /// A blank line (or the text's start) comes before it.
    blank_before: bool,
    /// A blank line (or the text's end) comes after it.
    blank_after: bool,
    kind: Kind,
}

/// Finds the structure of the cleaned page.
pub fn layout(cleaned: &Cleaned) -> Layout {
    let text = &cleaned.text;
    let mut lines = read_lines(text);
    classify(cleaned, &mut lines);
    let mut out = Layout::default();
    // Article starts: each headline, or its kicker.
    let mut starts: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let headline = matches!(l.kind, Kind::Headline(_) | Kind::PlainHeadline);
        if headline && !(i > 0 && lines[i - 1].kind == Kind::Kicker) || l.kind == Kind::Kicker {
            starts.push(i);
        }
    }
    if starts.first() != Some(&0) && !lines.is_empty() {
        starts.insert(0, 0);
    }
    for (n, &first) in starts.iter().enumerate() {
        let last = starts.get(n + 1).copied().unwrap_or(lines.len());
        let begin = if n == 0 { 0 } else { lines[first].line_start };
        let end = match starts.get(n + 1) {
            Some(&next) => lines[next].line_start,
            None => text.len(),
        };
        build_article(cleaned, &lines[first..last], begin..end, &mut out);
    }
    out
}

/// The non-blank lines of `text`, with their blank neighbours noted.
fn read_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut pos = 0;
    let mut blank = true;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        if t.is_empty() {
            blank = true;
            if let Some(l) = lines.last_mut() {
                l.blank_after = true;
            }
        } else {
            let s = pos + (body.len() - body.trim_start().len());
            lines.push(Line {
                range: s..s + t.len(),
                line_start: pos,
                blank_before: blank,
                blank_after: false,
                kind: Kind::Body,
            });
            blank = false;
        }
        pos += raw.len();
    }
    if let Some(l) = lines.last_mut() {
        l.blank_after = true;
    }
    lines
}

/// Text of a heading line without its `#` marks.
/// Longest `#` line (in non-space characters) read as a headline or heading.
pub const HEADING_MAX_CHARS: usize = 120;

fn strip_hashes(t: &str) -> &str {
    t.trim_start_matches('#').trim()
}

/// Reads each line as headline, kicker, byline or body (see the module docs).
fn classify(cleaned: &Cleaned, lines: &mut [Line]) {
    let text = &cleaned.text;
    // First the lines that say what they are.
    let mut short = vec![false; lines.len()];
    for (i, l) in lines.iter_mut().enumerate() {
        let t = &text[l.range.clone()];
        let hashes = t.chars().take_while(|&c| c == '#').count();
        let heading = strip_hashes(t);
        if hashes > 0
            && !heading.is_empty()
            && heading
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(HEADING_MAX_CHARS + 1)
                .count()
                <= HEADING_MAX_CHARS
        {
            l.kind = if hashes <= 3 {
                Kind::Headline(hashes as u32)
            } else {
                Kind::Subhead
            };
        } else if is_numbered_heading(t) {
            l.kind = Kind::Section;
        } else if is_byline_line(t)
            || names_only(cleaned, l.range.clone()).is_some()
            || paren_byline(cleaned, l.range.clone()) == Some(l.range.clone())
        {
            l.kind = Kind::Byline;
        } else {
            let visible = t.chars().filter(|c| !c.is_whitespace()).count();
            let ideographs = t.chars().filter(|&c| is_ideograph(c)).count();
            short[i] = visible <= TITLE_MAX_CHARS
                && ideographs >= 2
                && !t.chars().any(is_body_punct)
                && !SPONSOR_ENDS.iter().any(|e| t.ends_with(e));
        }
    }
    // One paragraph per line (most long lines end a sentence): every line
    // stands alone. Hard-wrapped text needs a blank line or a finished
    // sentence before a headline.
    let (ended, long) = lines
        .iter()
        .zip(&short)
        .filter(|(l, &s)| !s && l.kind == Kind::Body)
        .fold((0usize, 0usize), |(e, n), (l, _)| {
            let last = text[l.range.clone()].chars().next_back();
            (
                e + usize::from(last.is_some_and(|c| ends_sentence(c) || closes(c))),
                n + 1,
            )
        });
    let lines_are_paragraphs = long > 0 && ended * 2 >= long;
    // Then the short lines, from the end: a kicker needs to know the line after it.
    for i in (0..lines.len()).rev() {
        if !short[i] {
            continue;
        }
        let t = &text[lines[i].range.clone()];
        let next_is_headline = lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Headline(_) | Kind::PlainHeadline));
        let prev_is_headline =
            i > 0 && matches!(lines[i - 1].kind, Kind::Headline(_) | Kind::PlainHeadline);
        let standalone = lines[i].blank_before && lines[i].blank_after
            || lines_are_paragraphs
            || i == 0
            || short[i - 1]
            || lines[i - 1].kind == Kind::Byline
            || text[..lines[i].range.start]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| ends_sentence(c) || closes(c));
        let ideographs = t.chars().filter(|&c| is_ideograph(c)).count();
        if next_is_headline && t.chars().count() <= 20 {
            lines[i].kind = Kind::Kicker;
        } else if prev_is_headline {
            lines[i].kind = Kind::Subhead;
        } else if standalone && ideographs >= 5 {
            lines[i].kind = Kind::PlainHeadline;
        }
    }
}

/// True for a short numbered section heading: `一、…`, `（二）…`, `(3)…`,
/// `3. …` or `3、…`. The
/// rest of the line has no sentence punctuation and at most 30 characters.
fn is_numbered_heading(t: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let rest = if let Some(r) = t.strip_prefix(['（', '(']) {
        let n = r
            .chars()
            .take_while(|&c| NUMERALS.contains(c) || c.is_ascii_digit())
            .count();
        let after: String = r.chars().skip(n).collect();
        match (n, after.chars().next()) {
            (1..=3, Some('）' | ')')) => after.chars().skip(1).collect::<String>(),
            _ => return false,
        }
    } else {
        let n = t
            .chars()
            .take_while(|&c| NUMERALS.contains(c) || c.is_ascii_digit())
            .count();
        let mut after = t.chars().skip(n);
        match (n, after.next()) {
            (1..=3, Some('、' | '.' | '．')) => after.collect::<String>(),
            _ => return false,
        }
    };
    let rest = rest.trim();
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false; // 1.8万, 3.5%
    }
    let visible = rest.chars().filter(|c| !c.is_whitespace()).count();
    (2..=TITLE_MAX_CHARS).contains(&visible)
        && rest.chars().filter(|&c| is_ideograph(c)).count() >= 2
        && !rest
            .chars()
            .any(|c| is_body_punct(c) || c == '：' || c == ':')
}

/// True for a line that is only a byline: `■…`, `●…` or a role word with names.
fn is_byline_line(t: &str) -> bool {
    if t.starts_with('■') || t.starts_with('●') {
        return true;
    }
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    visible <= 30
        && !t.chars().any(is_body_punct)
        && [
            "本报记者",
            "记者",
            "通讯员",
            "特约记者",
            "文/图",
            "本报通讯员",
        ]
        .iter()
        .any(|r| t.starts_with(r))
}

/// The names of a range holding nothing but person names (`孙耀克`,
/// `赵明奇 谷晓媛 陈帅鹏`, `邢帅刘源`), as clean byte ranges.
fn names_only(cleaned: &Cleaned, range: Range<usize>) -> Option<Vec<Range<usize>>> {
    let text = &cleaned.text;
    let t = &text[range.clone()];
    if t.is_empty()
        || !t
            .chars()
            .all(|c| is_ideograph(c) || c == ' ' || c == '\u{3000}')
    {
        return None;
    }
    let ideographs = t.chars().filter(|&c| is_ideograph(c)).count();
    if !(3..=12).contains(&ideographs) {
        return None;
    }
    let mut out = Vec::new();
    for chunk in chunks(cleaned, range) {
        let chars: Vec<char> = text[chunk.clone()].chars().collect();
        let lens = names::split_names(&chars)?;
        push_names(text, chunk.start, &lens, &mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// Splits a range of ideographs at spaces and at deleted spaces.
fn chunks(cleaned: &Cleaned, range: Range<usize>) -> Vec<Range<usize>> {
    let text = &cleaned.text;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if !is_ideograph(c) {
            if let Some(s) = start.take() {
                out.push(s..at);
            }
            continue;
        }
        match start {
            Some(s) if cleaned.gap_before(at) => {
                out.push(s..at);
                start = Some(at);
            }
            Some(_) => {}
            None => start = Some(at),
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
    // `齐国 霞`, `朱 红`: a one-character chunk belongs to the chunk before.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for c in out {
        let one = text[c.clone()].chars().count() == 1;
        match merged.last_mut() {
            Some(prev)
                if prev.end == c.start
                    && (one || text[prev.clone()].chars().count() == 1)
                    && text[prev.start..c.end].chars().count() <= 3 =>
            {
                prev.end = c.end
            }
            _ => merged.push(c),
        }
    }
    merged
}

/// Pushes the name ranges given by `lens` (in chars) from byte `start`.
fn push_names(text: &str, start: usize, lens: &[usize], out: &mut Vec<Range<usize>>) {
    let mut at = start;
    for &len in lens {
        let end = at
            + text[at..]
                .chars()
                .take(len)
                .map(char::len_utf8)
                .sum::<usize>();
        out.push(at..end);
        at = end;
    }
}

/// Reads the persons of a byline range: role words set the role of the names after them.
fn parse_byline(cleaned: &Cleaned, range: Range<usize>) -> Byline {
    parse_byline_full(cleaned, range).0
}

/// [`parse_byline`], plus how many ideographs were neither a role word nor a name.
fn parse_byline_full(cleaned: &Cleaned, range: Range<usize>) -> (Byline, usize) {
    let text = &cleaned.text;
    let mut leftover = 0usize;
    let mut persons = Vec::new();
    let mut role = String::new();
    let mut role_open = false;
    let mut i = range.start;
    while i < range.end {
        let rest = &text[i..range.end];
        if let Some((word, r)) = ROLES.iter().find(|(w, _)| rest.starts_with(w)) {
            // A one-character role (文, 图, 摄) only counts before a space or a name start.
            let after = &rest[word.len()..];
            let standalone =
                word.chars().count() > 1 || after.starts_with([' ', '/', '　']) || after.is_empty();
            if standalone || role.is_empty() {
                if role_open {
                    role.push(' ');
                    role.push_str(r);
                } else {
                    role = r.to_string();
                }
                role_open = true;
                i += word.len();
                continue;
            }
        }
        let c = rest.chars().next().expect("i < end");
        if !is_ideograph(c) {
            i += c.len_utf8();
            continue;
        }
        // A run of ideographs up to the next non-ideograph or role word.
        let mut end = i;
        for (j, d) in rest.char_indices() {
            if !is_ideograph(d)
                || (j > 0
                    && ROLES
                        .iter()
                        .any(|(w, _)| w.chars().count() > 1 && rest[j..].starts_with(w)))
            {
                break;
            }
            end = i + j + d.len_utf8();
        }
        for chunk in chunks(cleaned, i..end) {
            let chars: Vec<char> = text[chunk.clone()].chars().collect();
            let lens = match names::split_names(&chars) {
                Some(l) => l,
                None if (2..=3).contains(&chars.len()) && !role.is_empty() => vec![chars.len()],
                None => {
                    leftover += chars.len();
                    continue;
                }
            };
            let mut ranges = Vec::new();
            push_names(text, chunk.start, &lens, &mut ranges);
            for r in ranges {
                persons.push(BylinePerson {
                    name: text[r.clone()].to_string(),
                    role: role.clone(),
                    span: cleaned.span(r.start, r.end),
                });
            }
        }
        role_open = false;
        i = end.max(i + c.len_utf8());
    }
    let byline = Byline {
        text: text[range.clone()].to_string(),
        span: cleaned.span(range.start, range.end),
        persons,
    };
    (byline, leftover)
}

/// True when `range` holds only role words and names, naming at least one person.
fn only_byline(cleaned: &Cleaned, range: Range<usize>) -> bool {
    let t = &cleaned.text[range.clone()];
    if t.chars().any(|c| is_body_punct(c) || c.is_ascii_digit()) {
        return false;
    }
    let (b, leftover) = parse_byline_full(cleaned, range);
    !b.persons.is_empty() && leftover == 0
}

/// A parenthesized byline ending a paragraph or making a line: `（记者 张三 李四）`.
fn paren_byline(cleaned: &Cleaned, range: Range<usize>) -> Option<Range<usize>> {
    let text = &cleaned.text;
    let t = &text[range.clone()];
    let close = t.chars().next_back().filter(|&c| c == ')' || c == '）')?;
    let inner_end = range.end - close.len_utf8();
    let open = text[range.start..inner_end].rfind(['(', '（'])?;
    let open_len = text[range.start + open..]
        .chars()
        .next()
        .map_or(1, char::len_utf8);
    let inner = range.start + open + open_len..inner_end;
    if inner.is_empty() || text[inner.clone()].chars().count() > 24 {
        return None;
    }
    only_byline(cleaned, inner).then_some(range.start + open..range.end)
}

/// The byline at the start of a body paragraph (`本报讯(记者 …)`, `通讯员…`), as a clean range.
fn leading_byline(cleaned: &Cleaned, range: Range<usize>) -> Option<Range<usize>> {
    let text = &cleaned.text;
    let t = &text[range.clone()];
    let head: String = t.chars().take(40).collect();
    // 本报讯(记者 X Y) / 新华社北京6月10日电(记者 X)
    let open = head
        .find("讯(")
        .or_else(|| head.find("讯（"))
        .or_else(|| head.find("电(").or_else(|| head.find("电（")))
        .filter(|&i| i <= 30 && (head.starts_with("本报") || head[..i].chars().count() <= 14));
    if let Some(i) = open {
        let after = i + "讯".len();
        if let Some(close) = t[after..].find([')', '）']) {
            let close_len = t[after + close..].chars().next().map_or(1, char::len_utf8);
            return Some(range.start..range.start + after + close + close_len);
        }
    }
    if head.starts_with("本报讯") {
        return Some(range.start..range.start + "本报讯".len());
    }
    // 通讯员张泽卿张争 累计… : role word, names, then a deleted space or punctuation.
    let role = ["本报记者", "本报通讯员", "通讯员", "记者"]
        .iter()
        .find(|r| t.starts_with(*r))?;
    let base = range.start + role.len();
    let mut end = base;
    let mut saw = false;
    for (j, c) in text[base..range.end].char_indices() {
        let at = base + j;
        if !is_ideograph(c) || (saw && cleaned.gap_before(at)) {
            end = at;
            break;
        }
        saw = true;
        if j > 20 {
            return None;
        }
        end = at + c.len_utf8();
    }
    let names = &text[range.start + role.len()..end];
    let chars: Vec<char> = names.chars().collect();
    (saw && names::split_names(&chars).is_some()).then_some(range.start..end)
}

/// Names after the last sentence of a paragraph (`…支援"。 邢帅刘源`), as a clean range.
fn trailing_byline(cleaned: &Cleaned, range: Range<usize>) -> Option<Range<usize>> {
    if let Some(r) = paren_byline(cleaned, range.clone()) {
        return Some(r);
    }
    let text = &cleaned.text;
    let t = &text[range.clone()];
    let cut = t
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_sentence(c) || closes(c))
        .map(|(i, c)| i + c.len_utf8())?;
    let tail = t[cut..].trim_start();
    if tail.is_empty() {
        return None;
    }
    let start = range.start + (t.len() - tail.len());
    names_only(cleaned, start..range.end).map(|_| start..range.end)
}

/// Builds one article from its lines (the first may be a kicker or a headline).
fn build_article(cleaned: &Cleaned, lines: &[Line], clean: Range<usize>, out: &mut Layout) {
    let text = &cleaned.text;
    if lines.is_empty() {
        return;
    }
    let index = out.articles.len() as u32;
    let first_sentence = out.sentences.len() as u32;
    let mut a = Article {
        index,
        title: None,
        title_level: 0,
        kicker: None,
        subtitle: None,
        headings: Vec::new(),
        bylines: Vec::new(),
        span: cleaned.span(clean.start, clean.end),
        paragraphs: Vec::new(),
        sentences: [first_sentence, first_sentence],
        clean: clean.clone(),
    };
    let heading = |r: Range<usize>| {
        let t = &text[r.clone()];
        let s = strip_hashes(t);
        let start = r.start + t.find(s).unwrap_or(0);
        (
            Heading {
                text: s.to_string(),
                span: cleaned.span(start, start + s.len()),
            },
            start..start + s.len(),
        )
    };
    let mut seen_body = false;
    let push = |out: &mut Layout, r: Range<usize>, kind: SentenceKind| {
        if r.end > r.start {
            out.sentences.push(Sentence {
                span: cleaned.span(r.start, r.end),
                article: index,
                kind,
                clean: r,
            });
        }
    };
    for (i, l) in lines.iter().enumerate() {
        let r = l.range.clone();
        match l.kind {
            Kind::Kicker if i == 0 => {
                let (h, hr) = heading(r);
                a.kicker = Some(h);
                push(out, hr, SentenceKind::Kicker);
            }
            Kind::Headline(_) | Kind::PlainHeadline if a.title.is_none() && !seen_body => {
                let (h, hr) = heading(r);
                a.title = Some(h);
                a.title_level = match l.kind {
                    Kind::Headline(n) => n,
                    _ => 0,
                };
                push(out, hr, SentenceKind::Title);
            }
            Kind::Subhead | Kind::Headline(_) | Kind::PlainHeadline | Kind::Kicker => {
                let (h, hr) = heading(r);
                let subtitle = a.subtitle.is_none()
                    && a.headings.is_empty()
                    && !seen_body
                    && a.bylines.is_empty()
                    && a.title.is_some()
                    && i > 0
                    && lines[i - 1].kind != Kind::Byline;
                if subtitle {
                    a.subtitle = Some(h);
                    push(out, hr, SentenceKind::Subtitle);
                } else {
                    a.headings.push(h);
                    push(out, hr, SentenceKind::Heading);
                }
            }
            Kind::Section => {
                let (h, hr) = heading(r);
                a.headings.push(h);
                push(out, hr, SentenceKind::Heading);
            }
            Kind::Byline => {
                a.bylines.push(parse_byline(cleaned, r.clone()));
                push(out, r, SentenceKind::Byline);
            }
            Kind::Body => {
                seen_body = true;
                a.paragraphs.push(cleaned.span(r.start, r.end));
                let mut body = r.clone();
                if let Some(b) = leading_byline(cleaned, body.clone()) {
                    let by = parse_byline(cleaned, b.clone());
                    if !by.persons.is_empty() {
                        a.bylines.push(by);
                        push(out, b.clone(), SentenceKind::Byline);
                        body.start = b.end;
                    }
                }
                let tail = trailing_byline(cleaned, body.clone());
                if let Some(t) = &tail {
                    body.end = t.start;
                }
                split_sentences(text, body, index, cleaned, &mut out.sentences);
                if let Some(t) = tail {
                    a.bylines.push(parse_byline(cleaned, t.clone()));
                    push(out, t, SentenceKind::Byline);
                }
            }
        }
    }
    a.sentences[1] = out.sentences.len() as u32;
    if a.sentences[1] > a.sentences[0] || a.title.is_some() {
        out.articles.push(a);
    }
}

/// Splits the clean range into body sentences (appended to `out`).
fn split_sentences(
    text: &str,
    range: Range<usize>,
    article: u32,
    cleaned: &Cleaned,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut iter = text[range.clone()].char_indices().peekable();
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let t = &text[s..e];
        let ts = s + (t.len() - t.trim_start().len());
        let te = s + t.trim_end().len();
        if te > ts {
            out.push(Sentence {
                span: cleaned.span(ts, te),
                article,
                kind: SentenceKind::Body,
                clean: ts..te,
            });
        }
    };
    while let Some((i, c)) = iter.next() {
        let at = range.start + i;
        if c == '\n' {
            push(start, at, out);
            start = at + 1;
        } else if ends_sentence(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if closes(n) || ends_sentence(n) {
                    end = range.start + j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            push(start, end, out);
            start = end;
        }
    }
    push(start, range.end, out);
}

#[cfg(test)]
mod tests;
