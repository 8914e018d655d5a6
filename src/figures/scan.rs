//! The figure scanner: one pass over the clean text's characters.

use super::numeral::{self, Numeral};
use super::units::{unit_at, UnitClass, NAME_AFTER_ORDINAL, PHRASES_BY_CHAR};
use super::{FigureKind, FigureValue};

/// A figure in clean byte offsets, before subjects and spans are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// First clean byte (a printed prefix marker such as 近 or 第 included).
    pub start: usize,
    /// One past the last clean byte.
    pub end: usize,
    /// Clean byte where the numeral itself starts.
    pub num_start: usize,
    /// What it states.
    pub kind: FigureKind,
    /// The value.
    pub value: FigureValue,
    /// The unit as reported.
    pub unit: &'static str,
    /// The approximation marker.
    pub approx: Option<&'static str>,
    /// A second marker printed before the figure when `approx` holds the
    /// one after it (近3000余家: 近 here, 余 in `approx`).
    pub prefix: Option<&'static str>,
    /// For dates with 今年/去年/明年: years to add to the page year.
    pub year_offset: i32,
}

impl RawFigure {
    /// The surface: the clean text of the figure without whitespace.
    pub fn surface(&self, text: &str) -> String {
        text[self.start..self.end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }
}

/// Markers before a numeral that are printed as part of the figure.
const PREFIX_IN_SURFACE: &[&str] = &["近", "约", "逾", "上", "数"];
/// Verbs before a numeral that bound it (not part of the surface).
const PREFIX_VERBS: &[&str] = &[
    "超过",
    "突破",
    "不到",
    "不足",
    "将近",
    "接近",
    "大约",
    "不少于",
    "不低于",
    "至少",
    "不超过",
    "高达",
    "多达",
    "超",
];
/// Markers after a unit.
const SUFFIX_MARKERS: &[&str] = &[
    "以上", "以下", "以内", "左右", "上下", "之多", "开外", "许", "余", "多",
];
/// Markers after a month.
const MONTH_MARKERS: &[&str] = &["上旬", "中旬", "下旬", "初", "底", "末", "中"];
/// Relative years before a month.
const RELATIVE_YEARS: &[(&str, i32)] = &[("今年", 0), ("去年", -1), ("明年", 1), ("前年", -2)];

/// Characters of context kept before a candidate.
const WINDOW_BACK: usize = 2;
/// Characters of context kept after a candidate: more than any numeral,
/// unit and marker together.
const WINDOW_AHEAD: usize = 64;

/// Finds every figure in `text`, in text order, without overlaps.
///
/// The text is walked once, char by char. Only at a candidate character
/// (a digit, a numeral character, 第, $ ...) is a small window of characters
/// decoded into a reused buffer for `figure_at`: a whole-text character
/// array would cost more than the scan itself.
pub fn find_raw(text: &str) -> Vec<RawFigure> {
    let mut out: Vec<RawFigure> = Vec::new();
    let mut win: Vec<(usize, char)> = Vec::with_capacity(WINDOW_BACK + WINDOW_AHEAD + 1);
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if !candidate(c) {
            pos += c.len_utf8();
            continue;
        }
        let mut start = pos;
        for _ in 0..WINDOW_BACK {
            if start == 0 {
                break;
            }
            start -= 1;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
        }
        win.clear();
        let mut i = 0;
        for (off, ch) in text[start..].char_indices() {
            if start + off == pos {
                i = win.len();
            }
            if win.len() > WINDOW_BACK + WINDOW_AHEAD {
                break;
            }
            win.push((start + off, ch));
        }
        let wend = win.last().map_or(text.len(), |&(b, ch)| b + ch.len_utf8());
        let byte_of = |k: usize| win.get(k).map_or(wend, |x| x.0);
        match figure_at(text, &win, i, wend) {
            Ok((mut f, next)) => {
                // A printed prefix (近, 上, 今年) must not reach into the figure before.
                let last_end = out.last().map_or(0, |p| p.end);
                if f.start < last_end && f.num_start >= last_end {
                    if f.prefix.is_some_and(|a| PREFIX_IN_SURFACE.contains(&a)) {
                        f.prefix = None;
                    } else if f.approx.is_some_and(|a| PREFIX_IN_SURFACE.contains(&a)) {
                        f.approx = None;
                    }
                    f.start = f.num_start;
                    f.year_offset = 0;
                }
                if f.start >= last_end {
                    out.push(f);
                }
                pos = byte_of(next).max(pos + c.len_utf8());
            }
            Err(skip) => pos = byte_of(skip).max(pos + c.len_utf8()),
        }
    }
    out
}

/// Chinese characters other than numerals that can start a figure.
const OTHER_STARTS: [u64; 328] = numeral::cjk_bits(&['第', '万', '萬', '负', '負', '对', '對']);

#[inline]
fn candidate(c: char) -> bool {
    numeral::starts_numeral(c)
        || numeral::in_bits(&OTHER_STARTS, c)
        || matches!(c, '$' | '￥' | '¥' | '-' | '－')
}

/// Bare units before 分之 and the denominator they make: 百分之 → 100.
fn per_units(cs: &[(usize, char)], i: usize) -> Option<(f64, usize)> {
    let mut den = 1.0;
    let mut k = i;
    while let Some(u) = match ch(cs, k) {
        '百' | '佰' => Some(100.0),
        '千' | '仟' => Some(1000.0),
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    } {
        den *= u;
        k += 1;
    }
    (k > i && ch(cs, k) == '分' && ch(cs, k + 1) == '之').then_some((den, k + 2))
}

/// Char index of byte `b` (a char boundary), searching forward from char
/// `from`: figures are short, so this is a few steps, not a binary search
/// over the whole text.
fn idx_of(cs: &[(usize, char)], from: usize, b: usize) -> usize {
    let mut k = from.min(cs.len());
    if k < cs.len() && cs[k].0 > b {
        return cs.partition_point(|c| c.0 < b);
    }
    while k < cs.len() && cs[k].0 < b {
        k += 1;
    }
    k
}

fn byte_at(cs: &[(usize, char)], i: usize, len: usize) -> usize {
    cs.get(i).map_or(len, |c| c.0)
}

fn ch(cs: &[(usize, char)], i: usize) -> char {
    cs.get(i).map_or('\0', |c| c.1)
}

/// The text before char `i` ends with `s`.
fn before_is(text: &str, cs: &[(usize, char)], i: usize, s: &str) -> bool {
    text[..byte_at(cs, i, text.len())].ends_with(s)
}

/// Returns the figure at char `i` and the char index after it, or the char
/// index to resume from.
/// `cs` is a window of the text's characters (absolute byte offsets) that
/// ends at byte `len`.
fn figure_at(
    text: &str,
    cs: &[(usize, char)],
    i: usize,
    len: usize,
) -> Result<(RawFigure, usize), usize> {
    if i >= cs.len() {
        return Err(i);
    }
    let rest = &text[cs[i].0..];
    let c = cs[i].1;
    let prev = if i > 0 { cs[i - 1].1 } else { '\0' };
    // A sign belongs to the number unless it joins two numbers (5-20).
    if matches!(c, '-' | '－' | '负' | '負') {
        if prev.is_ascii_alphanumeric()
            || !ch(cs, i + 1).is_ascii_digit() && !numeral::starts_numeral(ch(cs, i + 1))
        {
            return Err(i + 1);
        }
        let (f, next) = figure_at(text, cs, i + 1, len)?;
        if f.num_start != cs[i + 1].0 {
            return Err(next);
        }
        let mut f = f;
        if let FigureValue::Number(v) = f.value {
            if matches!(
                f.kind,
                FigureKind::Count | FigureKind::Quantity | FigureKind::Money | FigureKind::Percent
            ) {
                f.value = FigureValue::Number(-v);
                f.start = cs[i].0;
                f.num_start = cs[i].0;
            }
        }
        return Ok((f, next));
    }
    // 打对折.
    if matches!(c, '对' | '對') {
        return if prev == '打' && ch(cs, i + 1) == '折' {
            Ok((
                raw(cs, i, i + 2, len, FigureKind::Percent, 50.0, "折"),
                i + 2,
            ))
        } else {
            Err(i + 1)
        };
    }
    if rest.starts_with("百分之百") {
        return Ok((
            raw(cs, i, i + 4, len, FigureKind::Percent, 100.0, "%"),
            i + 4,
        ));
    }
    // 百分之五, 千分之二, 万分之三, 百万分之五.
    if let Some((den, k)) = per_units(cs, i) {
        {
            let n = numeral::scan_chars(cs, k, len)
                .or_else(|| {
                    if numeral::starts_numeral(ch(cs, k + 1)) {
                        return None;
                    }
                    let d = numeral::digit_value(ch(cs, k))?;
                    Some(Numeral {
                        start: cs[k].0,
                        end: byte_at(cs, k + 1, len),
                        value: d as f64,
                        flags: Default::default(),
                    })
                })
                .ok_or(k)?;
            let j = idx_of(cs, i, n.end);
            let mut f = raw(
                cs,
                i,
                j,
                len,
                FigureKind::Percent,
                n.value * 100.0 / den,
                "%",
            );
            if let Some((m, j2)) = suffix_marker(text, cs, j, SUFFIX_MARKERS) {
                f.approx = Some(m);
                f.end = byte_at(cs, j2, len);
            }
            prefix_marker(text, cs, i, &mut f);
            return Ok((f.clone(), idx_of(cs, i, f.end)));
        }
    }
    if matches!(c, '万' | '萬' | '佰' | '仟') {
        return Err(i + 1);
    }
    if matches!(c, '$' | '￥' | '¥') {
        let n = numeral::scan_chars(cs, i + 1, len)
            .filter(|n| n.flags.arabic)
            .ok_or(i + 1)?;
        let j = idx_of(cs, i, n.end);
        let unit = if c == '$' { "$" } else { "元" };
        let f = raw(cs, i, j, len, FigureKind::Money, n.value, unit);
        return Ok((f, j));
    }
    if c == '第' {
        let n = numeral::scan_chars(cs, i + 1, len).ok_or(i + 1)?;
        let j = idx_of(cs, i, n.end);
        let after = &text[n.end..];
        if NAME_AFTER_ORDINAL.iter().any(|w| after.starts_with(w)) {
            return Err(j);
        }
        let mut f = raw(cs, i, j, len, FigureKind::Ordinal, n.value, "");
        if let Some(u) = unit_at(after) {
            if matches!(
                u.class,
                UnitClass::Kind(FigureKind::Count | FigureKind::Ordinal | FigureKind::Duration)
            ) {
                f.unit = u.report;
                f.end = n.end + u.text.len();
            }
        }
        return Ok((f.clone(), idx_of(cs, i, f.end)));
    }
    // 半折 / 半成.
    if c == '半' {
        return match ch(cs, i + 1) {
            '折' => Ok((
                raw(cs, i, i + 2, len, FigureKind::Percent, 50.0, "折"),
                i + 2,
            )),
            '成' => Ok((
                raw(cs, i, i + 2, len, FigureKind::Percent, 5.0, "成"),
                i + 2,
            )),
            _ => Err(i + 1),
        };
    }
    // 二三十: a digit right after another Chinese digit is part of an
    // approximate range the numeral parser refused.
    if !c.is_ascii_digit()
        && numeral::starts_numeral(c)
        && numeral::digit_value(prev).is_some_and(|d| d > 1)
    {
        return Err(i + 1);
    }
    let n = match numeral::scan_chars(cs, i, len) {
        Some(n) => n,
        None => {
            // 上千次, 近百年, 百年: a bare 百/千/万 with a marker or 年.
            let prev = if i > 0 { cs[i - 1].1 } else { '\0' };
            let v = match c {
                '百' => 100.0,
                '千' => 1000.0,
                _ => return Err(i + 1),
            };
            if matches!(prev, '上' | '近' | '数') || ch(cs, i + 1) == '年' {
                Numeral {
                    start: cs[i].0,
                    end: byte_at(cs, i + 1, len),
                    value: v,
                    flags: numeral::Flags {
                        chinese: true,
                        ..Default::default()
                    },
                }
            } else {
                return Err(i + 1);
            }
        }
    };
    let mut j = idx_of(cs, i, n.end);
    if n.flags.arabic && !n.flags.chinese {
        // Part of a code, a word or a URL: A2021, 5G, v1.2, %20.
        if prev.is_ascii_alphanumeric()
            || matches!(prev, '.' | '_' | '%' | '/' | '=' | '&' | '?' | '#')
        {
            return Err(j);
        }
        // A page reference (上接01版) or a name: 325国道, 500强, 5号线.
        let after = &text[n.end..];
        if [
            "版",
            "国道",
            "省道",
            "县道",
            "号线",
            "号楼",
            "强",
            "次列车",
            "路公交",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            return Err(j);
        }
    } else if !n.flags.arabic {
        // Lexicalised words and set phrases.
        if inside_phrase(text, cs, i, n.end) {
            return Err(j);
        }
    }
    // 一 alone is the article "a" (一名村民), except before a unit of
    // measure, money, a month or a day (一吨, 一美元, 一月).
    let lone_yi = !n.flags.arabic && j == i + 1 && matches!(c, '一' | '壹');
    let mut value = n.value;
    let mut approx: Option<&'static str> = n.flags.approx.map(marker_str);
    // A fraction: 三分之一.
    if ch(cs, j) == '分' && ch(cs, j + 1) == '之' {
        let m = numeral::scan_chars(cs, j + 2, len).ok_or(j + 2)?;
        let j2 = idx_of(cs, i, m.end);
        if value == 0.0 {
            return Err(j2);
        }
        let f = raw(
            cs,
            i,
            j2,
            len,
            FigureKind::Percent,
            m.value / value * 100.0,
            "分之",
        );
        return Ok((f, j2));
    }
    // A time written 9点30分.
    if let Some(p) = (i..j).find(|&k| matches!(cs[k].1, '点' | '點')) {
        if ch(cs, j) == '分' {
            let h = numeral::scan_chars(&cs[..p], i, cs[p].0);
            let mi = numeral::scan_chars(cs, p + 1, len);
            if let (Some(h), Some(mi)) = (h, mi) {
                let f = raw(cs, i, j + 1, len, FigureKind::Time, 0.0, "分");
                let mut f = f;
                f.value =
                    FigureValue::Date(format!("{:02}:{:02}", h.value as u32, mi.value as u32));
                return Ok((f, j + 1));
            }
        }
    }
    // A trailing 千/兆 that belongs to the unit: 12千米, 五十兆字节.
    let mut n = n;
    if j > i + 1 && matches!(cs[j - 1].1, '千' | '兆' | '百') {
        if let Some(u) = unit_at(&text[cs[j - 1].0..]) {
            if u.text.starts_with(cs[j - 1].1) {
                if let Some(shorter) = numeral::scan_chars(&cs[..j - 1], i, cs[j - 1].0) {
                    n = shorter;
                    value = n.value;
                    j -= 1;
                }
            }
        }
    }
    // 余 / 多 / 来 / 几 between the numeral and its unit.
    let mut k = j;
    if matches!(ch(cs, k), '余' | '多' | '来' | '几')
        && unit_at(&text[byte_at(cs, k + 1, len)..]).is_some()
    {
        approx = Some(marker_str(ch(cs, k)));
        k += 1;
    }
    // A unit broken onto the next line (OCR columns): 20\n\n天.
    if n.flags.arabic && matches!(ch(cs, k), '\n' | '\r') {
        let mut m = k;
        while matches!(ch(cs, m), '\n' | '\r' | ' ' | '\u{3000}') {
            m += 1;
        }
        if let Some(u) = unit_at(&text[byte_at(cs, m, len)..]) {
            if !u.text.is_ascii() && matches!(u.class, UnitClass::Kind(_)) {
                k = m;
            }
        }
    }
    // 2个多月, 3个半小时: a duration with 个 and a marker inside.
    if ch(cs, k) == '个' && matches!(ch(cs, k + 1), '多' | '余' | '半') {
        let tail = &text[byte_at(cs, k + 2, len)..];
        for (d, unit) in [("月", "个月"), ("小时", "个小时"), ("星期", "个星期")] {
            if tail.starts_with(d) {
                let end = k + 2 + d.chars().count();
                let half = ch(cs, k + 1) == '半';
                let v = value + if half { 0.5 } else { 0.0 };
                let mut f = raw(cs, i, end, len, FigureKind::Duration, v, unit);
                f.approx = if half {
                    approx
                } else {
                    Some(marker_str(ch(cs, k + 1)))
                };
                prefix_marker(text, cs, i, &mut f);
                return Ok((f, end));
            }
        }
    }
    let unit = unit_at(&text[byte_at(cs, k, len)..]);
    // A Chinese digit sequence is a year (二〇二一年) or a discount (三八折);
    // two neighbouring digits before a measure word are a rough range (两三个).
    if n.flags.sequence && !n.flags.arabic {
        let keeps = unit.is_some_and(|u| matches!(u.class, UnitClass::Year | UnitClass::Discount));
        if !keeps {
            let (a, b) = (numeral::digit_value(c), numeral::digit_value(ch(cs, i + 1)));
            match (unit, a, b) {
                (Some(u), Some(a), Some(b)) if j == i + 2 && b == a + 1 && a > 0 => {
                    if let UnitClass::Kind(_) = u.class {
                        let end = k + u.text.chars().count();
                        let mut f = raw(cs, i, end, len, FigureKind::Range, 0.0, u.report);
                        f.value = FigureValue::Range([a as f64, b as f64]);
                        return Ok((f, end));
                    }
                    return Err(j);
                }
                _ => return Err(j),
            }
        }
    }
    if lone_yi
        && !unit.is_some_and(|u| {
            matches!(
                u.class,
                UnitClass::Month
                    | UnitClass::Tenths
                    | UnitClass::Discount
                    | UnitClass::Kind(FigureKind::Quantity | FigureKind::Money)
            )
        })
    {
        return Err(j);
    }
    // 块 alone at the end of a phrase is money: 三块 (钱).
    let unit = match unit {
        Some(u) if u.text == "块" && !crate::clean::is_cjk(ch(cs, k + 1)) => unit_at("块钱"),
        u => u,
    };
    let mut f;
    match unit.map(|u| (u, u.class)) {
        Some((u, UnitClass::Kind(kind))) => {
            let mut end = k + u.text.chars().count();
            let mut v = value * u.mult;
            let below_zero =
                matches!(u.text, "℃" | "度" | "摄氏度") && before_is(text, cs, i, "零下");
            if below_zero {
                v = -v;
            }
            f = raw(cs, i, end, len, kind, v, u.report);
            if below_zero {
                f.start -= "零下".len();
            }
            if matches!(kind, FigureKind::Quantity | FigureKind::Duration) && ch(cs, end) == '半' {
                // 一吨半, 两个半小时
                f.value = FigureValue::Number(v + 0.5);
                end += 1;
                f.end = byte_at(cs, end, len);
            }
            if kind == FigureKind::Money && u.text == "美元" {
                // 两美元又三美分
                let e0 = if ch(cs, end) == '又' { end + 1 } else { end };
                if let Some(m) = numeral::scan_chars(cs, e0, len) {
                    let e = idx_of(cs, i, m.end);
                    if text[byte_at(cs, e, len)..].starts_with("美分") {
                        f.value =
                            FigureValue::Number(((v + m.value / 100.0) * 100.0).round() / 100.0);
                        end = e + 2;
                        f.end = byte_at(cs, end, len);
                    }
                }
            }
            if kind == FigureKind::Money {
                // 人民币 50元: the currency printed before.
                let before = text[..cs[i].0].trim_end_matches([' ', '\u{3000}']);
                let after_number = before
                    .strip_suffix("人民币")
                    .and_then(|h| h.chars().next_back())
                    .is_some_and(numeral::starts_numeral);
                if before.ends_with("人民币") && !after_number {
                    f.start = before.len() - "人民币".len();
                }
            }
            if kind == FigureKind::Money && matches!(u.text, "元" | "圆") {
                // 五元三毛, 50元6角三分.
                let mut total = v;
                for (unit_c, scale) in [(['角', '毛'], 0.1), (['分', '分'], 0.01)] {
                    if let Some(m) = numeral::scan_chars(cs, end, len) {
                        let e = idx_of(cs, i, m.end);
                        if unit_c.contains(&ch(cs, e)) {
                            total += m.value * scale;
                            end = e + 1;
                        }
                    }
                }
                f.value = FigureValue::Number((total * 100.0).round() / 100.0);
                f.end = byte_at(cs, end, len);
            }
            if u.text == "两" && !n.flags.arabic && !n.flags.chinese {
                return Err(end);
            }
        }
        Some((u, UnitClass::Year)) => {
            let e = k + 1;
            let is_year = value.fract() == 0.0
                && (1000.0..3000.0).contains(&value)
                && (n.flags.arabic || n.flags.sequence)
                && approx.is_none();
            if !is_year {
                if ch(cs, e) == '代' {
                    return Err(e);
                }
                f = raw(cs, i, e, len, FigureKind::Duration, value, u.report);
            } else {
                let y = value as i32;
                let mut date = format!("{y:04}");
                let mut unit = "年";
                let mut end = e;
                if let Some((mo, e2)) = num_unit(cs, e, len, &['月'], 1.0, 12.0) {
                    date = format!("{y:04}-{:02}", mo as u32);
                    unit = "月";
                    end = e2;
                    if let Some((d, e3)) = num_unit(cs, e2, len, &['日', '号'], 1.0, 31.0) {
                        date = format!("{y:04}-{:02}-{:02}", mo as u32, d as u32);
                        unit = "日";
                        end = e3;
                    }
                }
                f = raw(cs, i, end, len, FigureKind::Date, 0.0, unit);
                f.value = FigureValue::Date(date);
            }
        }
        Some((_, UnitClass::Month)) if is_int_in(value, 1.0, 12.0) && approx.is_none() => {
            let mo = value as u32;
            let mut end = k + if text[byte_at(cs, k, len)..].starts_with("月份") {
                2
            } else {
                1
            };
            let mut date = format!("--{mo:02}");
            let mut unit = "月";
            if let Some((d, e2)) = num_unit(cs, end, len, &['日', '号'], 1.0, 31.0) {
                date = format!("--{mo:02}-{:02}", d as u32);
                unit = "日";
                end = e2;
            }
            f = raw(cs, i, end, len, FigureKind::Date, 0.0, unit);
            f.value = FigureValue::Date(date);
            if unit == "月" {
                if let Some((m, e2)) = suffix_marker(text, cs, end, MONTH_MARKERS) {
                    f.approx = Some(m);
                    f.end = byte_at(cs, e2, len);
                }
            }
            for (w, off) in RELATIVE_YEARS {
                if before_is(text, cs, i, w) {
                    f.start -= w.len();
                    f.year_offset = *off;
                }
            }
            return Ok((f.clone(), idx_of(cs, i, f.end)));
        }
        Some((_, UnitClass::Day)) if is_int_in(value, 1.0, 31.0) && approx.is_none() => {
            f = raw(cs, i, k + 1, len, FigureKind::Date, 0.0, "日");
            f.value = FigureValue::Date(format!("---{:02}", value as u32));
        }
        Some((_, UnitClass::Hour)) if is_int_in(value, 0.0, 24.0) => {
            let mut end = k + 1;
            let mut minute = 0;
            let mut unit = "时";
            if let Some((mi, e2)) = num_unit(cs, end, len, &['分'], 0.0, 59.0) {
                minute = mi as u32;
                unit = "分";
                end = e2;
            }
            f = raw(cs, i, end, len, FigureKind::Time, 0.0, unit);
            f.value = FigureValue::Date(format!("{:02}:{minute:02}", value as u32));
        }
        Some((_, UnitClass::Tenths))
            if !matches!(
                ch(cs, k + 1),
                '立' | '为'
                    | '功'
                    | '就'
                    | '绩'
                    | '本'
                    | '员'
                    | '果'
                    | '长'
                    | '熟'
                    | '交'
                    | '效'
                    | '都'
                    | '型'
                    | '品'
                    | '套'
                    | '批'
                    | '年'
            ) =>
        {
            let mut v = value * 10.0;
            let mut end = k + 1;
            if ch(cs, end) == '半' {
                v += 5.0;
                end += 1;
            } else if let Some(d) = numeral::digit_value(ch(cs, end)) {
                if !numeral::starts_numeral(ch(cs, end + 1))
                    && unit_at(&text[byte_at(cs, end + 1, len)..]).is_none()
                {
                    v += d as f64;
                    end += 1;
                }
            }
            if v > 100.0 {
                return Err(end);
            }
            f = raw(cs, i, end, len, FigureKind::Percent, v, "成");
        }
        Some((_, UnitClass::Discount))
            if !matches!(
                ch(cs, k + 1),
                '合' | '算' | '扣' | '旧' | '叠' | '腾' | '射' | '磨' | '服' | '返' | '线'
            ) =>
        {
            let v = if value < 10.0 {
                value * 10.0
            } else if value < 100.0 && value.fract() == 0.0 && (n.flags.arabic || n.flags.sequence)
            {
                value
            } else {
                return Err(k + 1);
            };
            if v <= 0.0 {
                return Err(k + 1);
            }
            f = raw(cs, i, k + 1, len, FigureKind::Percent, v, "折");
        }
        _ => {
            // No unit. 9点 after 上午/下午 is a time.
            if ch(cs, j) == '点'
                && is_int_in(value, 0.0, 24.0)
                && (matches!(ch(cs, j + 1), '半' | '钟' | '整' | '许')
                    || ["午", "晚", "早", "晨", "日", "天"]
                        .iter()
                        .any(|w| before_is(text, cs, i, w)))
            {
                let mut end = j + 1;
                let mut minute = 0;
                if ch(cs, end) == '半' {
                    minute = 30;
                    end += 1;
                } else if ch(cs, end) == '钟' || ch(cs, end) == '整' {
                    end += 1;
                }
                f = raw(cs, i, end, len, FigureKind::Time, 0.0, "点");
                f.value = FigureValue::Date(format!("{:02}:{minute:02}", value as u32));
            } else if n.flags.arabic && !ch(cs, j).is_ascii_alphabetic() && !list_marker(cs, i, j) {
                // A bare Arabic number: a count whose unit is not printed.
                f = raw(cs, i, j, len, FigureKind::Count, value, "");
                approx = approx
                    .or_else(|| matches!(ch(cs, j), '余' | '多').then(|| marker_str(ch(cs, j))));
                if approx.is_some() && matches!(ch(cs, j), '余' | '多') {
                    f.end = byte_at(cs, j + 1, len);
                }
            } else {
                return Err(j);
            }
        }
    }
    if f.approx.is_none() {
        f.approx = approx;
    }
    // A range: 3至5年, 20~100个.
    let fe = idx_of(cs, i, f.end);
    if matches!(
        f.kind,
        FigureKind::Count
            | FigureKind::Quantity
            | FigureKind::Money
            | FigureKind::Percent
            | FigureKind::Duration
    ) && matches!(
        ch(cs, fe),
        '至' | '到' | '~' | '～' | '-' | '—' | '–' | '－'
    ) {
        if let Ok((g, ge)) = figure_at(text, cs, fe + 1, len) {
            let low = number_of(&f.value);
            let high = number_of(&g.value);
            let same_unit = f.unit.is_empty() || f.unit == g.unit;
            if let (Some(low), Some(high)) = (low, high) {
                if g.kind == f.kind || f.unit.is_empty() && same_unit {
                    let mut r = f.clone();
                    r.kind = FigureKind::Range;
                    r.value = FigureValue::Range([low, high]);
                    r.unit = g.unit;
                    r.end = g.end;
                    r.approx = g.approx.or(f.approx);
                    return Ok((r, ge));
                }
            }
        }
    }
    // Markers after the unit: 以上, 左右, 许.
    if let Some((m, e2)) = suffix_marker(text, cs, fe, SUFFIX_MARKERS) {
        if f.approx.is_none() && f.kind != FigureKind::Date {
            f.approx = Some(m);
            f.end = byte_at(cs, e2, len);
        }
    }
    prefix_marker(text, cs, i, &mut f);
    let next = idx_of(cs, i, f.end);
    Ok((f, next))
}

/// A bare number that numbers a list item: `1、`, `(2)`, `3.` at a line start.
fn list_marker(cs: &[(usize, char)], i: usize, j: usize) -> bool {
    let prev = if i > 0 { cs[i - 1].1 } else { '\n' };
    let next = ch(cs, j);
    (matches!(prev, '\n' | ' ' | '\u{3000}') && matches!(next, '、' | '.' | '．' | ')' | '）'))
        || (matches!(prev, '(' | '（') && matches!(next, ')' | '）'))
}

fn number_of(v: &FigureValue) -> Option<f64> {
    match v {
        FigureValue::Number(x) => Some(*x),
        _ => None,
    }
}

fn is_int_in(v: f64, lo: f64, hi: f64) -> bool {
    v.fract() == 0.0 && v >= lo && v <= hi
}

/// A numeral at char `i` followed by one of `units`, with its value in
/// `[lo, hi]`: the value and the char index after the unit.
fn num_unit(
    cs: &[(usize, char)],
    i: usize,
    len: usize,
    units: &[char],
    lo: f64,
    hi: f64,
) -> Option<(f64, usize)> {
    let n = numeral::scan_chars(cs, i, len)?;
    let e = idx_of(cs, i, n.end);
    (units.contains(&ch(cs, e)) && is_int_in(n.value, lo, hi)).then_some((n.value, e + 1))
}

fn marker_str(c: char) -> &'static str {
    match c {
        '余' => "余",
        '多' => "多",
        '来' => "来",
        '几' | '幾' => "几",
        _ => "约",
    }
}

/// A marker from `list` at char `i`.
fn suffix_marker(
    text: &str,
    cs: &[(usize, char)],
    i: usize,
    list: &[&'static str],
) -> Option<(&'static str, usize)> {
    let rest = &text[byte_at(cs, i, text.len())..];
    let m = list.iter().find(|m| rest.starts_with(**m))?;
    // 多 / 余 after a unit only when no other word follows (3年多, not 3人多次).
    if matches!(*m, "多" | "余")
        && rest[m.len()..].starts_with(|c: char| unit_at(&c.to_string()).is_some() || c == '万')
    {
        return None;
    }
    Some((m, i + m.chars().count()))
}

/// Records a marker printed before the figure starting at char `i`.
fn prefix_marker(text: &str, cs: &[(usize, char)], i: usize, f: &mut RawFigure) {
    if f.kind == FigureKind::Date || f.kind == FigureKind::Ordinal {
        return;
    }
    let before = &text[..f.start.min(byte_at(cs, i, text.len()))];
    let found = if let Some(v) = PREFIX_VERBS.iter().find(|v| before.ends_with(**v)) {
        Some((*v, false))
    } else if let Some(p) = PREFIX_IN_SURFACE.iter().find(|p| before.ends_with(**p)) {
        // 上 and 数 only before a round 十/百/千/万 (上千次, 数十人), not 上午.
        if matches!(*p, "上" | "数") && !matches!(ch(cs, i), '十' | '百' | '千' | '万') {
            None
        } else {
            Some((*p, true))
        }
    } else {
        None
    };
    if let Some((p, in_surface)) = found {
        if in_surface {
            f.start -= p.len();
        }
        if f.approx.is_none() {
            f.approx = Some(p);
        } else {
            f.prefix = Some(p);
        }
    }
}

/// True when the numeral `[cs[i], end)` lies inside a listed phrase.
pub(crate) fn inside_phrase(text: &str, cs: &[(usize, char)], i: usize, end: usize) -> bool {
    let (at, c) = cs[i];
    let Some(list) = PHRASES_BY_CHAR.get(&c) else {
        return false;
    };
    list.iter().any(|&(p, off)| {
        off <= at && {
            let s = at - off;
            text.is_char_boundary(s) && text[s..].starts_with(p) && end <= s + p.len()
        }
    })
}

/// A figure spanning chars `[i, j)`.
fn raw(
    cs: &[(usize, char)],
    i: usize,
    j: usize,
    len: usize,
    kind: FigureKind,
    value: f64,
    unit: &'static str,
) -> RawFigure {
    RawFigure {
        start: cs[i].0,
        end: byte_at(cs, j, len),
        num_start: cs[i].0,
        kind,
        value: FigureValue::Number(value),
        unit,
        approx: None,
        prefix: None,
        year_offset: 0,
    }
}
