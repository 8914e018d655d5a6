//! The figure a numeral and its unit make, one function per unit class:
//! measure words and units ([`measure`]), 年 ([`year`]), 月 ([`month`]),
//! 日 ([`day`]), 时 ([`hour`]), 成 ([`tenths`]), 折 ([`discount`]) and no
//! unit at all ([`no_unit`]).

use super::markers::marker_str;
use super::unit::Reading;
use super::{is_int_in, numeral, RawFigure, Win};
use crate::figures::units::{unit_at, Unit, UnitClass, MONEY_WORDS};
use crate::figures::{FigureKind, FigureValue};

/// Markers after a month.
const MONTH_MARKERS: &[&str] = &["上旬", "中旬", "下旬", "初", "底", "末", "中"];
/// Relative years before a month.
const RELATIVE_YEARS: &[(&str, i32)] = &[("今年", 0), ("去年", -1), ("明年", 1), ("前年", -2)];

/// What classifying a numeral gave.
pub(super) enum Made {
    /// A finished figure and the char index after it.
    Done((RawFigure, usize)),
    /// A figure that a range or markers may still extend.
    Open(RawFigure),
}

/// The figure the numeral read at char `i` makes with its unit, or the char
/// index to resume from.
pub(super) fn figure(w: &Win, i: usize, r: &Reading) -> Result<Made, usize> {
    let mut approx = r.approx;
    let mut f = match r.unit.map(|u| (u, u.class)) {
        Some((u, UnitClass::Kind(kind))) => measure(w, i, r, u, kind)?,
        Some((u, UnitClass::Year)) => year(w, i, r, u)?,
        Some((_, UnitClass::Month)) if is_int_in(r.value, 1.0, 12.0) && approx.is_none() => {
            month(w, i, r)
        }
        Some((u, UnitClass::Day)) if is_int_in(r.value, 1.0, 31.0) && approx.is_none() => {
            if u.text == "号" && labels_number(w, i) {
                return Err(r.k + 1);
            }
            day(w, i, r)
        }
        Some((_, UnitClass::Hour)) if is_int_in(r.value, 0.0, 24.0) => hour(w, i, r),
        Some((_, UnitClass::Tenths)) if !tenths_word(w.ch(r.k + 1)) => tenths(w, i, r)?,
        Some((_, UnitClass::Discount)) if !discount_word(w.ch(r.k + 1)) => discount(w, i, r)?,
        _ => {
            let f = match no_unit(w, i, r)? {
                Made::Open(f) => f,
                done => return Ok(done),
            };
            approx =
                approx.or_else(|| matches!(w.ch(r.j), '余' | '多').then(|| marker_str(w.ch(r.j))));
            f
        }
    };
    if f.approx.is_none() {
        f.approx = approx;
    }
    if f.kind == FigureKind::Time {
        day_part(w, i, &mut f);
    }
    Ok(Made::Open(f))
}

/// Parts of the day printed before a clock time, and whether the hours
/// after them are afternoon or evening hours (晚上10点 → 22:00).
const DAY_PARTS: &[(&str, bool)] = &[
    ("下午", true),
    ("午后", true),
    ("傍晚", true),
    ("晚上", true),
    ("晚间", true),
    ("夜间", true),
    ("夜里", true),
    ("深夜", true),
    ("晚", true),
    ("上午", false),
    ("早上", false),
    ("早晨", false),
    ("清晨", false),
    ("凌晨", false),
    ("中午", false),
    ("早", false),
];

/// Puts a clock time after a part of the day on the 24-hour clock:
/// 下午3点 → 15:00, 晚上10点 → 22:00, 中午1点 → 13:00; 下午17时 stays.
/// Night words (夜间, 深夜) leave small hours alone (深夜2点 → 02:00).
pub(super) fn day_part(w: &Win, i: usize, f: &mut RawFigure) {
    let FigureValue::Date(t) = &f.value else {
        return;
    };
    let Some(&(word, pm)) = DAY_PARTS.iter().find(|(p, _)| w.before_is(i, p)) else {
        return;
    };
    let Some(h) = t.get(..2).and_then(|h| h.parse::<u32>().ok()) else {
        return;
    };
    let night = matches!(word, "夜间" | "夜里" | "深夜");
    let shift = if word == "中午" {
        (1..=3).contains(&h)
    } else {
        pm && h < 12 && !(night && h < 6)
    };
    if shift {
        f.value = FigureValue::Date(format!("{:02}{}", h + 12, &t[2..]));
    }
}

/// A measure word or unit of a plain kind: 件, 元, 亩, 天, 届.
fn measure(w: &Win, i: usize, r: &Reading, u: &Unit, kind: FigureKind) -> Result<RawFigure, usize> {
    let (text, k) = (w.text, r.k);
    if u.text == "季度" {
        if let Some(f) = super::period::quarter(w, i, k, r.value) {
            return Ok(f);
        }
    }
    let mut end = k + u.text.chars().count();
    let mut v = r.value * u.mult;
    let below_zero = matches!(u.text, "℃" | "度" | "摄氏度") && w.before_is(i, "零下");
    if below_zero {
        v = -v;
    }
    let mut f = w.raw(i, end, kind, v, u.report);
    if below_zero {
        f.start -= "零下".len();
    }
    if matches!(kind, FigureKind::Quantity | FigureKind::Duration) && w.ch(end) == '半' {
        // 一吨半, 两个半小时
        f.value = FigureValue::Number(v + 0.5);
        end += 1;
        f.end = w.byte(end);
    }
    if kind == FigureKind::Money && u.text == "美元" {
        // 两美元又三美分
        let e0 = if w.ch(end) == '又' { end + 1 } else { end };
        if let Some(m) = w.numeral(e0) {
            let e = w.idx(i, m.end);
            if w.rest(e).starts_with("美分") {
                f.value = FigureValue::Number(((v + m.value / 100.0) * 100.0).round() / 100.0);
                end = e + 2;
                f.end = w.byte(end);
            }
        }
    }
    if kind == FigureKind::Money {
        // 人民币 50元: the currency printed before.
        let before = text[..w.cs[i].0].trim_end_matches([' ', '\u{3000}']);
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
            if let Some(m) = w.numeral(end) {
                let e = w.idx(i, m.end);
                if unit_c.contains(&w.ch(e)) {
                    total += m.value * scale;
                    end = e + 1;
                }
            }
        }
        f.value = FigureValue::Number((total * 100.0).round() / 100.0);
        f.end = w.byte(end);
    }
    if u.text == "两" && !r.n.flags.arabic && !r.n.flags.chinese {
        return Err(end);
    }
    Ok(f)
}

/// 年: a date for a four-digit year (with its month and day), else a duration.
fn year(w: &Win, i: usize, r: &Reading, u: &Unit) -> Result<RawFigure, usize> {
    let e = r.k + 1;
    let is_year = r.value.fract() == 0.0
        && (1000.0..3000.0).contains(&r.value)
        && (r.n.flags.arabic || r.n.flags.sequence)
        && r.approx.is_none();
    if !is_year {
        if w.ch(e) == '代' {
            return Err(e);
        }
        return Ok(w.raw(i, e, FigureKind::Duration, r.value, u.report));
    }
    let y = r.value as i32;
    let mut date = format!("{y:04}");
    let mut unit = "年";
    let mut end = e;
    let mut marker = None;
    if let Some((d, u, e2, m)) = super::period::after_year(w, e, y) {
        (date, unit, end, marker) = (d, u, e2, m);
    } else if let Some((mo, e2)) = w.num_unit(e, &['月'], 1.0, 12.0) {
        date = format!("{y:04}-{:02}", mo as u32);
        unit = "月";
        end = e2;
        if let Some((d, e3)) = w.num_unit(e2, &['日', '号'], 1.0, 31.0) {
            date = format!("{y:04}-{:02}-{:02}", mo as u32, d as u32);
            unit = "日";
            end = e3;
        }
    }
    let mut f = w.raw(i, end, FigureKind::Date, 0.0, unit);
    f.value = FigureValue::Date(date);
    f.approx = marker;
    Ok(f)
}

/// 月: a month of the year (with its day), 今年3月, 6月初.
fn month(w: &Win, i: usize, r: &Reading) -> RawFigure {
    let k = r.k;
    let mo = r.value as u32;
    let mut end = k + if w.rest(k).starts_with("月份") {
        2
    } else {
        1
    };
    let mut date = format!("--{mo:02}");
    let mut unit = "月";
    if let Some((d, e2)) = w.num_unit(end, &['日', '号'], 1.0, 31.0) {
        date = format!("--{mo:02}-{:02}", d as u32);
        unit = "日";
        end = e2;
    }
    let mut f = w.raw(i, end, FigureKind::Date, 0.0, unit);
    f.value = FigureValue::Date(date);
    if unit == "月" {
        if let Some((m, e2)) = super::markers::suffix_marker(w, end, MONTH_MARKERS) {
            f.approx = Some(m);
            f.end = w.byte(e2);
        }
    }
    anchor(w, i, &mut f);
    f
}

/// A relative year printed right before a date figure read at char `i`
/// (今年3月, 去年下半年) joins its surface.
pub(super) fn anchor(w: &Win, i: usize, f: &mut RawFigure) {
    for (word, off) in RELATIVE_YEARS {
        if w.before_is(i, word) {
            f.start = w.byte(i) - word.len();
            f.year_offset = *off;
        }
    }
}

/// 日 / 号 alone: a day of the month.
fn day(w: &Win, i: usize, r: &Reading) -> RawFigure {
    let mut f = w.raw(i, r.k + 1, FigureKind::Date, 0.0, "日");
    f.value = FigureValue::Date(format!("---{:02}", r.value as u32));
    f
}

/// Characters before N号 that leave it a day of the month (本月5号, 于12号,
/// 截至8号): the month, prepositions, conjunctions and time words.
const DAY_BEFORE: &[char] = &[
    '月', '于', '在', '从', '到', '至', '止', '是', '和', '及', '与', '或', '、', '日', '天', '今',
    '昨', '明', '当', '每', '自', '起', '前', '后', '等',
];

/// N号 right after a noun numbers a thing, not a day: a street number
/// (北四环路66号), a product (理财5号), a player or a line.
fn labels_number(w: &Win, i: usize) -> bool {
    let prev = w.prev(i);
    crate::text::is_ideograph(prev) && !DAY_BEFORE.contains(&prev)
}

/// 时: a time of day, with its minutes.
fn hour(w: &Win, i: usize, r: &Reading) -> RawFigure {
    let mut end = r.k + 1;
    let mut minute = 0;
    let mut unit = "时";
    if let Some((mi, e2)) = w.num_unit(end, &['分'], 0.0, 59.0) {
        minute = mi as u32;
        unit = "分";
        end = e2;
    }
    let mut f = w.raw(i, end, FigureKind::Time, 0.0, unit);
    f.value = FigureValue::Date(format!("{:02}:{minute:02}", r.value as u32));
    f
}

/// Characters after 成 that make a word, not tenths (成立, 成为, 成功 ...).
fn tenths_word(c: char) -> bool {
    matches!(
        c,
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
    )
}

/// 成: tenths, a percent (三成 → 30, 八成五 → 85).
fn tenths(w: &Win, i: usize, r: &Reading) -> Result<RawFigure, usize> {
    let mut v = r.value * 10.0;
    let mut end = r.k + 1;
    if w.ch(end) == '半' {
        v += 5.0;
        end += 1;
    } else if let Some(d) = numeral::digit_value(w.ch(end)) {
        if !numeral::starts_numeral(w.ch(end + 1)) && unit_at(w.rest(end + 1)).is_none() {
            v += d as f64;
            end += 1;
        }
    }
    if v > 100.0 {
        return Err(end);
    }
    Ok(w.raw(i, end, FigureKind::Percent, v, "成"))
}

/// Characters after 折 that make a word, not a discount (折合, 折算 ...).
fn discount_word(c: char) -> bool {
    matches!(
        c,
        '合' | '算' | '扣' | '旧' | '叠' | '腾' | '射' | '磨' | '服' | '返' | '线'
    )
}

/// 折: a discount, as the percent paid (八折 → 80, 75折 → 75).
fn discount(w: &Win, i: usize, r: &Reading) -> Result<RawFigure, usize> {
    let k = r.k;
    let value = r.value;
    let v = if value < 10.0 {
        value * 10.0
    } else if value < 100.0 && value.fract() == 0.0 && (r.n.flags.arabic || r.n.flags.sequence) {
        value
    } else {
        return Err(k + 1);
    };
    if v <= 0.0 {
        return Err(k + 1);
    }
    Ok(w.raw(i, k + 1, FigureKind::Percent, v, "折"))
}

/// No unit: 9点 after 上午 is a time; a bare Arabic number is a count whose
/// unit is not printed when it states an amount ([`amount_alone`]); any
/// other bare numeral is a figure only as the low end of a range (`1至10月`,
/// `三到五年`).
fn no_unit(w: &Win, i: usize, r: &Reading) -> Result<Made, usize> {
    let (j, value) = (r.j, r.value);
    if w.ch(j) == '点'
        && is_int_in(value, 0.0, 24.0)
        && (matches!(w.ch(j + 1), '半' | '钟' | '整' | '许')
            || ["午", "晚", "早", "晨", "日", "天"]
                .iter()
                .any(|x| w.before_is(i, x))
            || DAY_PARTS.iter().any(|(x, _)| w.before_is(i, x)))
    {
        let mut end = j + 1;
        let mut minute = 0;
        if w.ch(end) == '半' {
            minute = 30;
            end += 1;
        } else if w.ch(end) == '钟' || w.ch(end) == '整' {
            end += 1;
        }
        let mut f = w.raw(i, end, FigureKind::Time, 0.0, "点");
        f.value = FigureValue::Date(format!("{:02}:{minute:02}", value as u32));
        return Ok(Made::Open(f));
    }
    if w.ch(j).is_ascii_alphabetic() || list_marker(w, i, j) {
        return Err(j);
    }
    let mut f = w.raw(i, j, FigureKind::Count, value, "");
    if amount_alone(w, r) {
        if matches!(w.ch(j), '余' | '多') {
            f.end = w.byte(j + 1);
        }
        if r.n.flags.chinese && money_clause(w, i) {
            f.kind = FigureKind::Money;
        }
        return Ok(Made::Open(f));
    }
    if exchange_rate(w, i, r) {
        f.kind = FigureKind::Money;
        return Ok(Made::Open(f));
    }
    f.approx = r.approx;
    super::range::range(w, i, &f).map(Made::Done).ok_or(j)
}

/// An Arabic number with no unit states an amount only when it carries a
/// multiplier (50万, 1.2亿), a marker (300余), or ends a line that lost its
/// unit (a truncated column). Otherwise it is a code, a model, a title or a
/// label (超级7, 2号, 80后, 3:10).
///
/// A Chinese numeral with no unit is an amount before 余/多 and a noun
/// (千余网友) or when it ends in 亿 (百亿).
fn amount_alone(w: &Win, r: &Reading) -> bool {
    let j = r.j;
    if !r.n.flags.arabic {
        return matches!(w.ch(j), '余' | '多') && crate::text::is_ideograph(w.ch(j + 1))
            || matches!(w.ch(j - 1), '亿' | '億');
    }
    r.n.flags.chinese
        || r.approx.is_some()
        || matches!(w.ch(j), '余' | '多')
        || matches!(w.ch(j), '\n' | '\r')
}

/// A decimal with no unit in a clause quoting an exchange rate (澳元兑美元
/// 从0.73降到0.63, 汇率6.45) is the rate: money with no currency printed.
fn exchange_rate(w: &Win, i: usize, r: &Reading) -> bool {
    let decimal = r.n.flags.arabic && !r.n.flags.chinese && r.value.fract() != 0.0;
    decimal && {
        let clause = clause_before(w, i);
        clause.contains('兑') || clause.contains("汇率")
    }
}

/// Characters of a clause read before a figure for its topic.
const CLAUSE_BACK: usize = 16;

/// The clause before char `i`, back to a clause break, at most
/// [`CLAUSE_BACK`] characters.
fn clause_before(w: &Win, i: usize) -> String {
    let before = &w.text[..w.byte(i)];
    let mut clause: Vec<char> = before
        .chars()
        .rev()
        .take(CLAUSE_BACK)
        .take_while(|c| {
            !matches!(
                c,
                '，' | '。' | '；' | '！' | '？' | ',' | ';' | '!' | '?' | '\n'
            )
        })
        .collect();
    clause.reverse();
    clause.into_iter().collect()
}

/// The clause before char `i` names money.
fn money_clause(w: &Win, i: usize) -> bool {
    let clause = clause_before(w, i);
    MONEY_WORDS.iter().any(|m| clause.contains(m))
}

/// A bare number that numbers a list item: `1、`, `(2)`, `3.` at a line start.
fn list_marker(w: &Win, i: usize, j: usize) -> bool {
    let prev = if i > 0 { w.ch(i - 1) } else { '\n' };
    let next = w.ch(j);
    (matches!(prev, '\n' | ' ' | '\u{3000}') && matches!(next, '、' | '.' | '．' | ')' | '）'))
        || (matches!(prev, '(' | '（') && matches!(next, ')' | '）'))
}
