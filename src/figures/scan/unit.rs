//! The numeral at a candidate and what follows it: a fraction (三分之一), a
//! clock time (9点30分), a marker (余, 多) and the unit or measure word.

use super::markers::{marker_str, prefix_marker};
use super::{is_int_in, numeral, Numeral, Step, Win};
use crate::figures::units::inside_phrase;
use crate::figures::units::{unit_at, Unit, UnitClass, DRAW, KUAI};
use crate::figures::{FigureKind, FigureValue};

/// A numeral with the unit read after it.
pub(super) struct Reading {
    /// The numeral (a trailing 千 that belongs to the unit left out).
    pub n: Numeral,
    /// Its value.
    pub value: f64,
    /// Char index after the numeral.
    pub j: usize,
    /// Char index where the unit starts (after a marker or a line break).
    pub k: usize,
    /// A marker inside the numeral or between it and the unit.
    pub approx: Option<&'static str>,
    /// The unit, if one follows.
    pub unit: Option<&'static Unit>,
}

/// What reading after a numeral gave.
pub(super) enum Read {
    /// A figure (or a refusal) decided while reading.
    Done(Step),
    /// A numeral and its unit, for [`super::kinds`] to classify.
    Unit(Reading),
}

/// Words after an Arabic number that make it part of a name or a reference:
/// 上接01版, 325国道, 500强, 5号线.
const NAME_AFTER_ARABIC: &[&str] = &[
    "版",
    "国道",
    "省道",
    "县道",
    "号线",
    "号楼",
    "强",
    "次列车",
    "路公交",
];

/// The numeral at char `i`, or the char index to resume from when there is
/// none or it is part of a word, a code or a name.
pub(super) fn numeral_at(w: &Win, i: usize) -> Result<Numeral, usize> {
    let c = w.ch(i);
    let prev = w.prev(i);
    // 二三十: a digit right after another Chinese digit is part of an
    // approximate range the numeral parser refused.
    if !c.is_ascii_digit()
        && numeral::starts_numeral(c)
        && numeral::digit_value(prev).is_some_and(|d| d > 1)
    {
        return Err(i + 1);
    }
    let n = match w.numeral(i) {
        Some(n) => n,
        None => bare_multiplier(w, i).ok_or(i + 1)?,
    };
    let j = w.idx(i, n.end);
    if n.flags.arabic && !n.flags.chinese {
        // Part of a code, a word or a URL: A2021, 5G, v1.2, %20.
        if prev.is_ascii_alphanumeric()
            || matches!(prev, '.' | '_' | '%' | '/' | '=' | '&' | '?' | '#')
        {
            return Err(j);
        }
        let after = &w.text[n.end..];
        if NAME_AFTER_ARABIC.iter().any(|x| after.starts_with(x)) {
            return Err(j);
        }
        // Three or more digits led by a zero are a code (08092期, 007).
        let digits = (i..j).take_while(|&k| w.ch(k).is_ascii_digit()).count();
        if w.ch(i) == '0' && digits >= 3 && w.ch(i + 1).is_ascii_digit() {
            return Err(j);
        }
    } else if !n.flags.arabic && inside_phrase(w.text, w.cs, i, n.end) {
        // Lexicalised words and set phrases.
        return Err(j);
    }
    Ok(n)
}

/// Markers before a multiplier written alone (上万, 近千, 数百, 几十万).
const BARE_MARKERS: &[char] = &['上', '近', '数', '逾', '约', '几'];

/// A round number written with its multipliers alone: 上万, 近千, 百年,
/// 千余, 百亿 (100 × 1e8). The run is one of 十/百/千, then 万, then 亿, each
/// optional; it is a number after a marker (上, 近, 数, 几), before 余/多
/// or 年, or when it ends in 亿 (no adverb ends so; 千万 and 万万 do).
fn bare_multiplier(w: &Win, i: usize) -> Option<Numeral> {
    let mut value = 1.0;
    let mut k = i;
    let mut level = 0;
    while let Some((v, l)) = match w.ch(k) {
        '十' => Some((10.0, 1)),
        '百' => Some((100.0, 1)),
        '千' => Some((1000.0, 1)),
        '万' | '萬' => Some((1e4, 2)),
        '亿' | '億' => Some((1e8, 3)),
        _ => None,
    } {
        if l <= level {
            break;
        }
        value *= v;
        level = l;
        k += 1;
    }
    let counts = BARE_MARKERS.contains(&w.prev(i))
        || matches!(w.ch(k), '余' | '多' | '年')
        || (level == 3 && k > i + 1);
    (k > i && counts).then(|| Numeral {
        start: w.cs[i].0,
        end: w.byte(k),
        value,
        flags: numeral::Flags {
            chinese: true,
            ..Default::default()
        },
    })
}

/// Reads what follows the numeral `n` at char `i`.
pub(super) fn read(w: &Win, i: usize, n: Numeral) -> Read {
    let c = w.ch(i);
    let mut j = w.idx(i, n.end);
    // 一 alone is the article "a" (一名村民), except before a unit of
    // measure, money, a month or a day (一吨, 一美元, 一月).
    let lone_yi = !n.flags.arabic && j == i + 1 && matches!(c, '一' | '壹');
    let mut value = n.value;
    let mut approx: Option<&'static str> = n.flags.approx.map(marker_str);
    if let Some(step) = fraction(w, i, j, value) {
        return Read::Done(step);
    }
    if let Some((f, _)) = clock(w, i, j).or_else(|| colon_clock(w, i, j, &n)) {
        return Read::Done(Ok(super::markers::finish(w, i, f)));
    }
    // A trailing 千/兆 that belongs to the unit: 12千米, 五十兆字节.
    let mut n = n;
    if j > i + 1 && matches!(w.cs[j - 1].1, '千' | '兆' | '百') {
        if let Some(u) = unit_at(w.rest(j - 1)) {
            if u.text.starts_with(w.cs[j - 1].1) {
                if let Some(shorter) = w.upto(j - 1).numeral(i) {
                    n = shorter;
                    value = n.value;
                    j -= 1;
                }
            }
        }
    }
    // 余 / 多 / 来 / 几 between the numeral and its unit.
    let mut k = j;
    if matches!(w.ch(k), '余' | '多' | '来' | '几') && unit_at(w.rest(k + 1)).is_some() {
        approx = Some(marker_str(w.ch(k)));
        k += 1;
    }
    // A unit broken onto the next line (OCR columns): 20\n\n天.
    if n.flags.arabic && matches!(w.ch(k), '\n' | '\r') {
        let mut m = k;
        while matches!(w.ch(m), '\n' | '\r' | ' ' | '\u{3000}') {
            m += 1;
        }
        if let Some(u) = unit_at(w.rest(m)) {
            if !u.text.is_ascii() && matches!(u.class, UnitClass::Kind(_)) {
                k = m;
            }
        }
    }
    if let Some(f) = months_with_marker(w, i, k, value, approx) {
        return Read::Done(Ok(f));
    }
    let unit = match unit_at(w.rest(k)) {
        // X大 (三大运营商) is a count of Chinese numerals; 00大董 is no count.
        Some(u) if u.text == "大" && n.flags.arabic => None,
        // 平 (a draw) only in a tally after 胜 (2胜3平); 200平 is an area.
        None if w.ch(k) == '平' && w.before_is(i, "胜") => Some(&DRAW),
        u => u,
    };
    // A Chinese digit sequence is a year (二〇二一年) or a discount (三八折);
    // two neighbouring digits before a measure word are a rough range (两三个).
    if n.flags.sequence && !n.flags.arabic {
        let keeps = unit.is_some_and(|u| matches!(u.class, UnitClass::Year | UnitClass::Discount));
        if !keeps {
            return Read::Done(rough_range(w, i, j, k, unit));
        }
    }
    if let Some(f) = stage(w, i, k, &n, unit) {
        let end = w.idx(i, f.end);
        return Read::Done(Ok((f, end)));
    }
    if lone_yi {
        if let Some(f) = half_of(w, i, j) {
            return Read::Done(Ok(super::markers::finish(w, i, f)));
        }
        if !yi_counts(w, i, k, unit) {
            return Read::Done(Err(j));
        }
    }
    // 块 alone at the end of a phrase is money: 三块 (钱).
    let unit = match unit {
        Some(u) if u.text == "块" && !crate::text::is_ideograph(w.ch(k + 1)) => Some(&KUAI),
        u => u,
    };
    Read::Unit(Reading {
        n,
        value,
        j,
        k,
        approx,
        unit,
    })
}

/// Words before N期 that count periods rather than name a phase (分三期,
/// 共两期, 每期, 连续三期).
const COUNTS_PERIODS: &[char] = &['分', '共', '每', '续', '等', '近', '前', '后', '这', '那'];

/// 一期项目, 二期工程: a Chinese numeral, 期 and a noun name a phase of a
/// project, an ordinal (the seed's 四届 is the same: a term named without
/// 第). 分三期支付 counts instalments.
fn stage(
    w: &Win,
    i: usize,
    k: usize,
    n: &Numeral,
    unit: Option<&'static Unit>,
) -> Option<super::RawFigure> {
    let named = unit.is_some_and(|u| u.text == "期")
        && !n.flags.arabic
        && crate::text::is_ideograph(w.ch(k + 1))
        && !COUNTS_PERIODS.contains(&w.prev(i));
    named.then(|| w.raw(i, k + 1, FigureKind::Ordinal, n.value, "期"))
}

/// Words before 一 that make it "the one" or "a" of a noun phrase, not a
/// length of time: 的一天, 这一年, 同一天, 每一年, 有一天.
const YI_DETERMINERS: &[char] = &[
    '的', '这', '那', '哪', '每', '某', '同', '另', '有', '上', '下', '前', '后',
];

/// Whether a lone 一 before `unit` states a number. Before a measure word
/// for things or people it is the article "a" (一名村民, 一种补充); before
/// a unit of measure, money, a month, tenths or a discount it is a number
/// (一吨, 一美元, 一月, 一成); before a unit of time it is a length of time
/// (一年内) unless a determiner makes it "the one" (最凉的一天, 这一年); 一倍
/// is a multiple and 一季度 the first quarter; 一位是 ("one of them is")
/// counts. 一度 is the adverb "once" (temperatures are printed in digits).
fn yi_counts(w: &Win, i: usize, k: usize, unit: Option<&'static Unit>) -> bool {
    let Some(u) = unit else {
        return false;
    };
    match u.class {
        UnitClass::Month
        | UnitClass::Tenths
        | UnitClass::Discount
        | UnitClass::Kind(FigureKind::Quantity | FigureKind::Money) => u.text != "度",
        UnitClass::Year | UnitClass::Kind(FigureKind::Duration) => {
            u.text == "季度" || !YI_DETERMINERS.contains(&w.prev(i))
        }
        // 一位是女建筑师: "one of them is", a count of one.
        UnitClass::Kind(FigureKind::Count) => {
            u.text == "倍" || w.ch(k + u.text.chars().count()) == '是'
        }
        _ => false,
    }
}

/// 一半: half, a share of 50 (其中一半, 裁减一半); 一半以上 keeps its marker.
fn half_of(w: &Win, i: usize, j: usize) -> Option<super::RawFigure> {
    if w.ch(j) != '半' || unit_at(w.rest(j + 1)).is_some() || numeral::starts_numeral(w.ch(j + 1))
    {
        return None;
    }
    Some(w.raw(i, j + 1, FigureKind::Percent, 50.0, ""))
}

/// A fraction: 三分之一 (a percent), when 分之 follows the numeral.
fn fraction(w: &Win, i: usize, j: usize, value: f64) -> Option<Step> {
    if w.ch(j) != '分' || w.ch(j + 1) != '之' {
        return None;
    }
    let Some(m) = w.numeral(j + 2) else {
        return Some(Err(j + 2));
    };
    let j2 = w.idx(i, m.end);
    if value == 0.0 {
        return Some(Err(j2));
    }
    let f = w.raw(i, j2, FigureKind::Percent, m.value / value * 100.0, "分之");
    Some(Ok((f, j2)))
}

/// A time written 9点30分 (the numeral parser read 9点30 as one number).
fn clock(w: &Win, i: usize, j: usize) -> Option<(super::RawFigure, usize)> {
    let p = (i..j).find(|&k| matches!(w.cs[k].1, '点' | '點'))?;
    if w.ch(j) != '分' {
        return None;
    }
    let h = w.upto(p).numeral(i)?;
    let mi = w.numeral(p + 1)?;
    let mut f = w.raw(i, j + 1, FigureKind::Time, 0.0, "分");
    f.value = FigureValue::Date(format!("{:02}:{:02}", h.value as u32, mi.value as u32));
    super::kinds::day_part(w, i, &mut f);
    Some((f, j + 1))
}

/// A time written 18:05 or 01：30: an hour of one or two digits, a colon
/// and two digits of minutes, with no letter or digit after (3:10toyuma is
/// a title, 2:1 a score).
fn colon_clock(w: &Win, i: usize, j: usize, n: &Numeral) -> Option<(super::RawFigure, usize)> {
    let plain = n.flags.arabic && !n.flags.chinese && n.value.fract() == 0.0;
    if !plain || j - i > 2 || !matches!(w.ch(j), ':' | '：') || !is_int_in(n.value, 0.0, 24.0) {
        return None;
    }
    if w.byte(j + 1) == w.text.len() && super::range::JOINERS.contains(&w.prev(i)) {
        // The text was cut after the colon of a range's high end
        // (…12:00-13:): the hour alone.
        let mut f = w.raw(i, j, FigureKind::Time, 0.0, "时");
        f.value = FigureValue::Date(format!("{:02}:00", n.value as u32));
        return Some((f, j));
    }
    let (a, b) = (w.ch(j + 1).to_digit(10)?, w.ch(j + 2).to_digit(10)?);
    let after = w.ch(j + 3);
    if !w.ch(j + 1).is_ascii_digit() || a > 5 || after.is_ascii_alphanumeric() {
        return None;
    }
    let mut f = w.raw(i, j + 3, FigureKind::Time, 0.0, "分");
    f.value = FigureValue::Date(format!("{:02}:{a}{b}", n.value as u32));
    super::kinds::day_part(w, i, &mut f);
    Some((f, j + 3))
}

/// 2个多月, 3个半小时: a duration with 个 and a marker inside.
fn months_with_marker(
    w: &Win,
    i: usize,
    k: usize,
    value: f64,
    approx: Option<&'static str>,
) -> Option<(super::RawFigure, usize)> {
    if w.ch(k) != '个' || !matches!(w.ch(k + 1), '多' | '余' | '半') {
        return None;
    }
    let tail = w.rest(k + 2);
    let (d, unit) = [("月", "个月"), ("小时", "个小时"), ("星期", "个星期")]
        .into_iter()
        .find(|(d, _)| tail.starts_with(d))?;
    let end = k + 2 + d.chars().count();
    let half = w.ch(k + 1) == '半';
    let v = value + if half { 0.5 } else { 0.0 };
    let mut f = w.raw(i, end, FigureKind::Duration, v, unit);
    f.approx = if half {
        approx
    } else {
        Some(marker_str(w.ch(k + 1)))
    };
    prefix_marker(w, i, &mut f);
    Some((f, end))
}

/// Two neighbouring Chinese digits before a measure word (两三个村): a
/// rough range; any other digit sequence without a year or 折 is refused.
fn rough_range(w: &Win, i: usize, j: usize, k: usize, unit: Option<&'static Unit>) -> Step {
    let (a, b) = (
        numeral::digit_value(w.ch(i)),
        numeral::digit_value(w.ch(i + 1)),
    );
    match (unit, a, b) {
        (Some(u), Some(a), Some(b)) if j == i + 2 && b == a + 1 && a > 0 => {
            if let UnitClass::Kind(_) = u.class {
                let end = k + u.text.chars().count();
                let mut f = w.raw(i, end, FigureKind::Range, 0.0, u.report);
                f.value = FigureValue::Range([a as f64, b as f64]);
                return Ok((f, end));
            }
            Err(j)
        }
        _ => Err(j),
    }
}
