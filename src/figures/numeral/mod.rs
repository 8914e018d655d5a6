//! Numerals: Arabic, Chinese and mixed numerals to values.
//!
//! Two entry points:
//! - [`scan`] finds the longest numeral that starts at a byte offset of a
//!   text (the figure scanner calls it once per candidate character), and
//! - [`parse`] reads a whole string as one numeral under a [`Mode`] that
//!   follows cn2an's strict / normal / smart levels, so the colloquial forms
//!   (`三万五`, `两千六`) and the mixed ones (`1.8万`, `200亿零四千230`) can be
//!   accepted or refused on purpose.
//!
//! Both read the same token stream (`Tok`) and evaluate it with one
//! function, `eval`, which records every non-strict liberty it took in
//! [`Flags`]. The evaluator keeps a small stack of `(value, scale)` parts for
//! the big units 万/亿/兆, so `四万万`, `一万五千亿` and `三十万多亿` need no
//! special cases. Full-width digits are accepted everywhere, though cleaning
//! has usually mapped them to ASCII already.

/// How liberal [`parse`] is (cn2an's modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Formal Chinese numerals only: `一千零一`, `壹拾壹元整`, `负十一`.
    Strict,
    /// Also colloquial Chinese: `三万五`, `两千六`, `一二三`, `一百十一`.
    Normal,
    /// Also Arabic and mixed: `1.8万`, `200亿零四千230`, `-10.1`.
    Smart,
}

/// The liberties a numeral takes beyond cn2an's strict grammar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// Contains Arabic digits.
    pub arabic: bool,
    /// Contains Chinese digits or units.
    pub chinese: bool,
    /// Digit by digit, without units: `一二三`, `二〇二一`.
    pub sequence: bool,
    /// A trailing digit stands for the next lower unit: `三万五`, `两千六`.
    pub elided: bool,
    /// A unit without its digit inside the number (`一百十一`) or a leading
    /// 百/千 (`百三`).
    pub bare_unit: bool,
    /// A unit level skipped without 零 (`一千一十`), or 零 before a 千 group
    /// right after 万/亿 (`十万零一千`).
    pub loose_zero: bool,
    /// Traditional or variant characters that strict mode refuses (兩, 〇).
    pub variant: bool,
    /// The decimal part ends in a zero (`零点零`).
    pub trailing_zero: bool,
    /// 余/多/几/来 inside the numeral, before a big unit (`十多万`).
    pub approx: Option<char>,
}

impl Flags {
    fn strict_ok(&self) -> bool {
        !(self.arabic
            || self.sequence
            || self.elided
            || self.bare_unit
            || self.loose_zero
            || self.variant
            || self.trailing_zero)
    }
}

/// A numeral found by [`scan`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Its value.
    pub value: f64,
    /// How it was written.
    pub flags: Flags,
}

/// The value of a Chinese digit character (financial and variant forms included).
pub fn digit_value(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a small unit (十/百/千).
fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// The value of a big unit (万/亿/兆).
fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// ASCII value of a half- or full-width digit.
fn ascii_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// The CJK block (U+4E00..U+9FFF) as a bit set.
pub(crate) const CJK_BASE: u32 = 0x4E00;
const CJK_WORDS: usize = (0xA000 - 0x4E00) / 64;

/// Builds a bit set over the CJK block from a list of characters.
pub(crate) const fn cjk_bits(chars: &[char]) -> [u64; CJK_WORDS] {
    let mut bits = [0u64; CJK_WORDS];
    let mut k = 0;
    while k < chars.len() {
        let u = chars[k] as u32;
        if u >= CJK_BASE && u < 0xA000 {
            let o = (u - CJK_BASE) as usize;
            bits[o / 64] |= 1 << (o % 64);
        }
        k += 1;
    }
    bits
}

/// True when `c` is in the bit set.
#[inline]
pub(crate) fn in_bits(bits: &[u64; CJK_WORDS], c: char) -> bool {
    let u = c as u32;
    if !(CJK_BASE..0xA000).contains(&u) {
        return false;
    }
    let o = (u - CJK_BASE) as usize;
    bits[o / 64] & (1 << (o % 64)) != 0
}

/// Chinese characters that can start a numeral.
const NUMERAL_CHARS: [u64; CJK_WORDS] = cjk_bits(&[
    '零', '一', '壹', '幺', '二', '贰', '貳', '两', '兩', '倆', '俩', '三', '叁', '參', '四', '肆',
    '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千',
    '仟', '廿', '卅', '半',
]);

/// True for characters that can start a numeral (before context checks).
#[inline]
pub fn starts_numeral(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_bits(&NUMERAL_CHARS, c) || matches!(c, '〇' | '○' | 'Ｏ' | '０'..='９')
}

/// One piece of a numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A Chinese digit; `single` is false for 零.
    Digit(u8),
    /// An Arabic number (may carry decimals); `digits` counts its characters.
    Arabic(f64, usize),
    /// 十, 百, 千.
    Small(f64),
    /// 万, 亿, 兆.
    Big(f64),
    /// 廿 (20), 卅 (30).
    Tens(f64),
    /// 点 / 點.
    Point,
    /// 余, 多, 几, 来 before a big unit.
    Approx(char),
}

/// Reads an Arabic number at `i` (digits, thousands separators, decimals,
/// exponent, `k`). Returns its value and the char index after it.
fn arabic_at(chars: &[(usize, char)], i: usize) -> Option<(f64, usize)> {
    let digit = |j: usize| chars.get(j).and_then(|c| ascii_digit(c.1));
    let mut j = i;
    // The digits as one integer `m` with `k` decimals: m / 10^k is exactly
    // what parsing the digits gives while m has at most 15 digits.
    let mut m: u64 = 0;
    let mut k: i32 = 0;
    let mut n = 0usize;
    let push = |d: u8, m: &mut u64, n: &mut usize| {
        *n += 1;
        if *n <= 15 {
            *m = *m * 10 + d as u64;
        }
    };
    let starts_with_point = matches!(chars.get(j), Some((_, '.'))) && digit(j + 1).is_some();
    if !starts_with_point && digit(j).is_none() {
        return None;
    }
    let mut int_digits = 0;
    while let Some(d) = digit(j) {
        push(d, &mut m, &mut n);
        int_digits += 1;
        j += 1;
        // Thousands separators: groups of exactly three digits follow.
        if let Some(&(_, sep)) = chars.get(j) {
            if (sep == ',' || sep == '，') && int_digits <= 3 {
                let three = (1..=3).all(|x| digit(j + x).is_some());
                if three && digit(j + 4).is_none() {
                    j += 1;
                    int_digits = 0;
                    continue;
                }
            }
        }
    }
    // The decimal point; older typesetting uses a middle dot between digits (９３·５万).
    if matches!(chars.get(j), Some((_, '.' | '．' | '·' | '・'))) && digit(j + 1).is_some() {
        j += 1;
        while let Some(d) = digit(j) {
            push(d, &mut m, &mut n);
            k += 1;
            j += 1;
        }
    }
    let mut v: f64 = if n <= 15 {
        m as f64 / 10f64.powi(k)
    } else {
        // Too long to be exact as an integer: parse the printed digits.
        let text: String = chars[i..j]
            .iter()
            .filter_map(|&(_, c)| match c {
                '.' | '．' | '·' | '・' => Some('.'),
                _ => ascii_digit(c).map(|d| (b'0' + d) as char),
            })
            .collect();
        text.parse().ok()?
    };
    // Exponent: e5, E-1, e+14.
    if matches!(chars.get(j), Some((_, 'e' | 'E'))) {
        let mut k = j + 1;
        let mut neg = false;
        if let Some(&(_, c)) = chars.get(k) {
            if matches!(c, '+' | '-' | '－') {
                neg = c != '+';
                k += 1;
            }
        }
        let mut e = String::new();
        while let Some(d) = chars.get(k).and_then(|c| ascii_digit(c.1)) {
            e.push((b'0' + d) as char);
            k += 1;
        }
        let letter_after = chars.get(k).is_some_and(|c| c.1.is_ascii_alphabetic());
        if !e.is_empty() && !letter_after {
            let e: i32 = e.parse().ok()?;
            v *= 10f64.powi(if neg { -e } else { e });
            j = k;
        }
    } else if matches!(chars.get(j), Some((_, '^'))) {
        // Power: 2^5, 1.1^+23, 2.5^-1, -1.1^--23.
        let mut k = j + 1;
        let mut neg = false;
        while let Some(&(_, c)) = chars.get(k) {
            if matches!(c, '+' | '-') {
                if c == '-' {
                    neg = !neg;
                }
                k += 1;
            } else {
                break;
            }
        }
        let mut e = String::new();
        while let Some(d) = chars.get(k).and_then(|c| ascii_digit(c.1)) {
            e.push((b'0' + d) as char);
            k += 1;
        }
        if !e.is_empty() {
            let e: i32 = e.parse().ok()?;
            v = v.powi(if neg { -e } else { e });
            j = k;
        }
    }
    // A trailing k / K (thousand) not followed by a letter.
    if matches!(chars.get(j), Some((_, 'k' | 'K' | 'ｋ' | 'Ｋ')))
        && !chars.get(j + 1).is_some_and(|c| c.1.is_ascii_alphabetic())
    {
        v *= 1000.0;
        j += 1;
    }
    // Huge exponents or digit runs overflow to inf, and 0e999 to NaN: not a figure.
    v.is_finite().then_some((v, j))
}

/// Splits the numeral characters starting at `i` into tokens, stopping at
/// the first character that cannot continue a numeral. Returns the tokens
/// with the char index just past each.
/// At most this many tokens per numeral (longer runs are cut).
const MAX_TOKS: usize = 40;

/// A fixed buffer of tokens: scanning allocates nothing.
#[derive(Clone, Copy)]
struct Toks {
    buf: [(Tok, usize); MAX_TOKS],
    len: usize,
}

impl Toks {
    fn new() -> Toks {
        Toks {
            buf: [(Tok::Point, 0); MAX_TOKS],
            len: 0,
        }
    }
    fn push(&mut self, t: (Tok, usize)) -> bool {
        if self.len == MAX_TOKS {
            return false;
        }
        self.buf[self.len] = t;
        self.len += 1;
        true
    }
    fn as_slice(&self) -> &[(Tok, usize)] {
        &self.buf[..self.len]
    }
    fn last(&self) -> Option<&(Tok, usize)> {
        self.as_slice().last()
    }
    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

fn tokenize(chars: &[(usize, char)], mut i: usize, allow_arabic: bool) -> Toks {
    let mut out = Toks::new();
    while let Some(&(_, c)) = chars.get(i) {
        // 两 after a numeral and before no unit is the weight unit: 三十两, 两万两.
        if matches!(c, '两' | '兩')
            && !out.is_empty()
            && !chars
                .get(i + 1)
                .is_some_and(|n| small_unit(n.1).is_some() || big_unit(n.1).is_some())
        {
            break;
        }
        let tok = if let Some(d) = digit_value(c) {
            Tok::Digit(d)
        } else if let Some(u) = small_unit(c) {
            Tok::Small(u)
        } else if let Some(u) = big_unit(c) {
            Tok::Big(u)
        } else if c == '廿' {
            Tok::Tens(20.0)
        } else if c == '卅' {
            Tok::Tens(30.0)
        } else if (c == '点' || c == '點')
            && !out.is_empty()
            && chars.get(i + 1).is_some_and(|n| {
                (digit_value(n.1).is_some() && !matches!(n.1, '两' | '兩' | '倆' | '俩'))
                    || (allow_arabic && ascii_digit(n.1).is_some())
            })
        {
            Tok::Point
        } else if matches!(c, '余' | '多' | '几' | '幾' | '来')
            && matches!(
                out.last(),
                Some((
                    Tok::Small(_) | Tok::Big(_) | Tok::Arabic(..) | Tok::Digit(0) | Tok::Tens(_),
                    _
                ))
            )
            && chars.get(i + 1).is_some_and(|n| big_unit(n.1).is_some())
        {
            Tok::Approx(c)
        } else if allow_arabic && (ascii_digit(c).is_some() || c == '.') {
            match arabic_at(chars, i) {
                Some((v, j)) => {
                    if !out.push((Tok::Arabic(v, j - i), j)) {
                        break;
                    }
                    i = j;
                    continue;
                }
                None => break,
            }
        } else {
            break;
        };
        i += 1;
        if !out.push((tok, i)) {
            break;
        }
    }
    out
}

/// Evaluates a token stream. `None` when it is not one well-formed numeral.
fn eval(toks: &[Tok]) -> Option<(f64, Flags)> {
    let mut f = Flags::default();
    if toks.is_empty() {
        return None;
    }
    for t in toks {
        match t {
            Tok::Arabic(..) => f.arabic = true,
            Tok::Approx(c) => f.approx = Some(*c),
            _ => f.chinese = true,
        }
    }
    // Split at the decimal point.
    let point = toks.iter().position(|t| *t == Tok::Point);
    let (int_toks, frac_toks) = match point {
        Some(p) => (&toks[..p], &toks[p + 1..]),
        None => (toks, &toks[..0]),
    };
    if point.is_some() && int_toks.is_empty() {
        return None;
    }
    let has_units = int_toks
        .iter()
        .any(|t| matches!(t, Tok::Small(_) | Tok::Big(_) | Tok::Tens(_)));
    let digits_only = int_toks.iter().all(|t| matches!(t, Tok::Digit(_)));
    let mut value = if digits_only && int_toks.len() >= 2 {
        // 一二三, 二〇〇二: digit by digit.
        f.sequence = true;
        int_toks.iter().fold(0.0, |acc, t| match t {
            Tok::Digit(d) => acc * 10.0 + *d as f64,
            _ => acc,
        })
    } else if !has_units && int_toks.len() == 1 {
        match int_toks[0] {
            Tok::Digit(d) => d as f64,
            Tok::Arabic(v, _) => v,
            _ => return None,
        }
    } else {
        eval_units(int_toks, &mut f)?
    };
    // The decimal part: digits, then at most one big unit (三点五万).
    if point.is_some() {
        let mut scale = 0.1;
        let mut n = 0;
        let mut last_zero = false;
        let mut big = None;
        for (k, t) in frac_toks.iter().enumerate() {
            match *t {
                Tok::Digit(d) if big.is_none() => {
                    value += d as f64 * scale;
                    scale /= 10.0;
                    n += 1;
                    last_zero = d == 0;
                }
                Tok::Arabic(v, len) if big.is_none() && k == 0 && v.fract() == 0.0 => {
                    // 一百点123
                    value += v / 10f64.powi(len as i32);
                    n += len;
                    f.arabic = true;
                }
                Tok::Big(b) if n > 0 && big.is_none() => big = Some(b),
                _ => return None,
            }
        }
        if n == 0 {
            return None;
        }
        // Round away binary noise from summing tenths.
        value = round_to(value, n as i32);
        f.trailing_zero = last_zero;
        if let Some(b) = big {
            value *= b;
        }
    }
    Some((value, f))
}

fn round_to(v: f64, places: i32) -> f64 {
    let m = 10f64.powi(places.min(15));
    let r = (v * m).round() / m;
    if (r - v).abs() < 1e-9 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

/// Evaluates an integer part that uses units.
fn eval_units(toks: &[Tok], f: &mut Flags) -> Option<f64> {
    let mut parts: Vec<(f64, f64)> = Vec::new();
    let mut seg = 0.0;
    let mut cur: Option<(f64, bool)> = None; // (value, single character)
    let mut last_small = 0.0; // last small unit in this segment, 0 = none
    let mut zero = false; // a 零 since the last unit
    let mut prev: Option<Tok> = None;
    let mut after_big = false;
    let mut zero_digit_pending = false;
    for (k, t) in toks.iter().enumerate() {
        match *t {
            Tok::Digit(0) => {
                if cur.is_some() {
                    return None;
                }
                if matches!(prev, Some(Tok::Digit(0))) {
                    return None;
                }
                zero = true;
            }
            Tok::Digit(d) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((d as f64, true));
                zero_digit_pending = zero;
            }
            Tok::Arabic(v, len) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((v, len == 1));
                zero_digit_pending = zero;
            }
            Tok::Tens(v) => {
                if cur.is_some() || last_small != 0.0 {
                    return None;
                }
                seg += v;
                last_small = 10.0;
                zero = false;
            }
            Tok::Small(u) => {
                if last_small != 0.0 && u >= last_small {
                    return None;
                }
                match cur {
                    Some((v, _)) => {
                        if u == 1000.0 && zero_digit_pending && after_big {
                            f.loose_zero = true;
                        }
                        seg += v * u;
                    }
                    None => {
                        // A unit without its digit: fine for a leading 十
                        // and after 零; colloquial elsewhere (百三, 一百十一).
                        let ok = if k == 0 {
                            u == 10.0
                        } else {
                            matches!(prev, Some(Tok::Digit(0)))
                        };
                        if !ok {
                            f.bare_unit = true;
                        }
                        seg += u;
                    }
                }
                let expected = if last_small != 0.0 {
                    last_small / 10.0
                } else if after_big {
                    1000.0
                } else {
                    u
                };
                if u != expected && !zero {
                    f.loose_zero = true;
                }
                last_small = u;
                cur = None;
                zero = false;
                zero_digit_pending = false;
            }
            Tok::Big(b) => {
                apply_big_unit(&mut parts, seg + cur.map_or(0.0, |c| c.0), b, prev)?;
                seg = 0.0;
                cur = None;
                last_small = 0.0;
                zero = false;
                zero_digit_pending = false;
                after_big = true;
            }
            Tok::Approx(_) => {
                if !matches!(toks.get(k + 1), Some(Tok::Big(_))) {
                    return None;
                }
            }
            Tok::Point => return None,
        }
        prev = Some(*t);
    }
    // A trailing single digit right after a unit stands for the next lower
    // unit: 三万五 = 35000, 两千六 = 2600, 一百二 = 120.
    if let Some((v, single)) = cur {
        let unit = match prev_unit(toks) {
            Some(u) if single && !zero_digit_pending => u,
            _ => 0.0,
        };
        if unit >= 100.0 {
            f.elided = true;
            seg += v * unit / 10.0;
        } else {
            seg += v;
        }
    }
    Some(parts.iter().map(|p| p.0).sum::<f64>() + seg)
}

/// Applies a big unit `b` (万, 亿) to the integer `own` before it since the
/// last big unit: the smaller parts before join it (`三亿五千万`), and a
/// bare repeat multiplies the part before (万万 = 亿). `None` when the
/// numeral is malformed (a unit twice in a row at one scale).
fn apply_big_unit(parts: &mut Vec<(f64, f64)>, own: f64, b: f64, prev: Option<Tok>) -> Option<()> {
    let mut x = own;
    let mut scale = b;
    if own == 0.0 {
        // 万万 = 亿: the part before takes the unit again.
        let (v, s) = parts.pop()?;
        if !matches!(prev, Some(Tok::Big(_)) | Some(Tok::Approx(_))) {
            return None;
        }
        x = v;
        scale = s * b;
        if s * b > 1e16 {
            return None;
        }
    } else {
        while let Some(&(v, s)) = parts.last() {
            if s < b {
                x += v;
                parts.pop();
            } else {
                break;
            }
        }
        if let Some(&(_, s)) = parts.last() {
            if s == b {
                return None;
            }
        }
    }
    parts.push((x * b, scale));
    Some(())
}

/// The unit right before the last token, if the last token is a digit.
fn prev_unit(toks: &[Tok]) -> Option<f64> {
    match toks.len().checked_sub(2).map(|i| toks[i]) {
        Some(Tok::Small(u)) => Some(u),
        Some(Tok::Big(b)) => Some(b),
        _ => None,
    }
}

/// Parses a whole string as one numeral under `mode`, as cn2an does:
/// a sign (负, -), a numeral, and for money 元/圆 with 角, 分 and 整/正.
pub fn parse(s: &str, mode: Mode) -> Option<f64> {
    let s = s.trim();
    let (neg, rest) = if let Some(r) = s.strip_prefix('负').or_else(|| s.strip_prefix('負')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('－')) {
        if mode != Mode::Smart {
            return None;
        }
        (true, r)
    } else {
        (false, s)
    };
    let (v, flags) = parse_money(rest).or_else(|| parse_plain(rest))?;
    let ok = match mode {
        Mode::Strict => flags.strict_ok(),
        Mode::Normal => !flags.arabic,
        Mode::Smart => true,
    };
    if !ok || flags.approx.is_some() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// A whole string as a plain numeral.
fn parse_plain(s: &str) -> Option<(f64, Flags)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let toks = tokenize(&chars, 0, true);
    let end = toks.last()?.1;
    if end != chars.len() {
        return None;
    }
    let toks: Vec<Tok> = toks.as_slice().iter().map(|t| t.0).collect();
    let (v, mut f) = eval(&toks)?;
    if s.contains(['兩', '〇', '倆']) {
        f.variant = true;
    }
    Some((v, f))
}

/// `壹拾壹元整`, `玖仟陆佰陆拾伍圆壹角捌分`.
fn parse_money(s: &str) -> Option<(f64, Flags)> {
    let yuan = s.find(['元', '圆'])?;
    let (int, rest) = (&s[..yuan], &s[yuan + '元'.len_utf8()..]);
    let (mut v, mut f) = parse_plain(int)?;
    match rest {
        "" => f.variant = true, // 壹拾壹元: normal mode only
        "整" | "正" => {}
        _ => {
            let mut r = rest;
            for (unit, scale) in [('角', 0.1), ('分', 0.01)] {
                if let Some(i) = r.find(unit) {
                    let (d, _) = parse_plain(&r[..i])?;
                    v += d * scale;
                    r = &r[i + unit.len_utf8()..];
                }
            }
            if !r.is_empty() {
                return None;
            }
            v = round_to(v, 2);
        }
    }
    Some((v, f))
}

/// Reads a numeral digit by digit, keeping leading zeros (cn2an's "direct"
/// mode): `零零三` → `003`, `一二点三零` → `12.30`, `负零一` → `-01`.
pub fn direct(s: &str) -> Option<String> {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if let Some(d) = ascii_digit(c).or_else(|| digit_value(c)) {
            out.push((b'0' + d) as char);
        } else if (c == '点' || c == '.') && i > 0 {
            out.push('.');
        } else if (c == '负' || c == '-') && i == 0 {
            out.push('-');
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Finds the longest numeral starting at byte `start` of `text`.
///
/// Accepts Arabic (`4,858`, `1.8`, `2e5`), Chinese (`一千零一万零一`,
/// `二十`, `两千六`) and mixed forms (`1.8万`, `3万4000`). A sign (负, -)
/// right before is included. Single characters that are numerals only in
/// context (伍, 陆, 拾, 肆 ... alone) are refused here; words such as 一些
/// are the caller's business.
pub fn scan(text: &str, start: usize) -> Option<Numeral> {
    // Numerals are short: look at a bounded window.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(24);
    for (i, c) in text[start..].char_indices().take(40) {
        chars.push((start + i, c));
    }
    scan_chars(&chars, 0, text.len())
}

/// [`scan`] over pre-split characters; `text_len` is the byte length of the text.
pub(crate) fn scan_chars(chars: &[(usize, char)], i: usize, text_len: usize) -> Option<Numeral> {
    let (&(start, c0), _) = (chars.get(i)?, ());
    let (neg, first) = if matches!(c0, '负' | '負' | '-' | '－')
        && chars
            .get(i + 1)
            .is_some_and(|c| starts_numeral(c.1) || c.1 == '.')
    {
        (true, i + 1)
    } else {
        (false, i)
    };
    let toks = tokenize(chars, first, true);
    if toks.is_empty() {
        return None;
    }
    let toks = toks.as_slice();
    // 二三十, 三四百: two digits before a unit give an approximate range, not a number.
    if toks.windows(3).any(|w| {
        matches!(
            (w[0].0, w[1].0, w[2].0),
            (Tok::Digit(a), Tok::Digit(b), Tok::Small(_) | Tok::Big(_)) if a != 0 && b != 0
        )
    }) {
        return None;
    }
    // The longest prefix that evaluates.
    let mut plain = [Tok::Point; MAX_TOKS];
    for (p, t) in plain.iter_mut().zip(toks) {
        *p = t.0;
    }
    let mut n = toks.len();
    while n > 0 {
        let ts = &plain[..n];
        if matches!(ts.last(), Some(Tok::Approx(_) | Tok::Point)) {
            n -= 1;
            continue;
        }
        if let Some((v, mut f)) = eval(ts) {
            let end_i = toks[n - 1].1;
            let end = chars.get(end_i).map_or(text_len, |c| c.0);
            if !f.arabic && end_i - first == 1 && !standalone_ok(chars[first].1) {
                return None;
            }
            if chars[first..end_i]
                .iter()
                .any(|c| matches!(c.1, '兩' | '〇' | '倆'))
            {
                f.variant = true;
            }
            return Some(Numeral {
                start,
                end,
                value: if neg { -v } else { v },
                flags: f,
            });
        }
        n -= 1;
    }
    None
}

/// Characters that are numerals on their own (伍, 陆, 拾, 肆 ... need a neighbour).
fn standalone_ok(c: char) -> bool {
    !matches!(
        c,
        '伍' | '陆'
            | '陸'
            | '拾'
            | '肆'
            | '柒'
            | '捌'
            | '玖'
            | '佰'
            | '仟'
            | '百'
            | '千'
            | '幺'
            | '俩'
            | '倆'
            | '半'
    )
}

#[cfg(test)]
mod tests;

/// Every numeral in `text`, in order, as a reader would list them: plain
/// numerals plus fractions (`五分之一`, `3/5`, `1 3/5`, `三百五又三分之一`).
/// Lexicalised words and set phrases ([`super::units::NOT_FIGURES`])
/// are skipped. Unlike the figure scanner, a lone 一 counts.
pub fn find_all(text: &str) -> Vec<Numeral> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let len = text.len();
    // Char index of byte `b`, searching forward from the numeral's start.
    let idx = |from: usize, b: usize| {
        let mut k = from;
        while k < cs.len() && cs[k].0 < b {
            k += 1;
        }
        k
    };
    let ch = |i: usize| cs.get(i).map_or('\0', |c| c.1);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i].1;
        if !(starts_numeral(c) || matches!(c, '-' | '－' | '负' | '負' | '.')) {
            i += 1;
            continue;
        }
        let prev = if i > 0 { cs[i - 1].1 } else { ' ' };
        if (c.is_ascii_digit() && prev.is_ascii_alphanumeric())
            || (matches!(c, '-' | '－')
                && (prev.is_ascii_alphanumeric() || matches!(prev, '.' | '-' | '－')))
            || (c == '.' && prev == '.')
        {
            i += 1;
            continue;
        }
        // 半百: fifty.
        if c == '半' && ch(i + 1) == '百' {
            out.push(Numeral {
                start: cs[i].0,
                end: cs.get(i + 2).map_or(len, |c| c.0),
                value: 50.0,
                flags: Flags {
                    chinese: true,
                    ..Flags::default()
                },
            });
            i += 2;
            continue;
        }
        let Some(mut n) = scan_chars(&cs, i, len) else {
            i += 1;
            continue;
        };
        let mut j = idx(i, n.end);
        if !n.flags.arabic && super::units::inside_phrase(text, &cs, i, n.end) {
            i = j.max(i + 1);
            continue;
        }
        // X分之Y
        let fraction_at = |j: usize| -> Option<(f64, usize)> {
            if ch(j) == '分' && ch(j + 1) == '之' {
                match scan_chars(&cs, j + 2, len) {
                    Some(m) => Some((m.value, idx(i, m.end))),
                    // 萬分之肆: a financial digit standing alone.
                    None => digit_value(ch(j + 2)).map(|d| (d as f64, j + 3)),
                }
            } else {
                None
            }
        };
        if let Some((num, e)) = fraction_at(j) {
            if n.value != 0.0 {
                n.value = num / n.value;
                n.end = cs.get(e).map_or(len, |c| c.0);
                j = e;
            }
        } else if ch(j) == '又' {
            // 三百五又三分之一, 3又一千分之23
            if let Some(d) = scan_chars(&cs, j + 1, len) {
                let dj = idx(i, d.end);
                if let Some((num, e)) = fraction_at(dj) {
                    if d.value != 0.0 {
                        // 负一又二分之一 = -1.5
                        n.value += num / d.value * n.value.signum();
                        n.end = cs.get(e).map_or(len, |c| c.0);
                        j = e;
                    }
                }
            }
        } else if n.flags.arabic && matches!(ch(j), '/' | '／') {
            if let Some(d) =
                scan_chars(&cs, j + 1, len).filter(|d| d.flags.arabic && d.value != 0.0)
            {
                n.value /= d.value;
                n.end = d.end;
                j = idx(i, d.end);
            }
        } else if n.flags.arabic && ch(j) == ' ' && ch(j + 1).is_ascii_digit() {
            // 1 3/5: a whole number and a fraction.
            if let Some(a) = scan_chars(&cs, j + 1, len) {
                let aj = idx(i, a.end);
                if matches!(ch(aj), '/' | '／') {
                    if let Some(d) = scan_chars(&cs, aj + 1, len).filter(|d| d.value != 0.0) {
                        n.value += a.value / d.value;
                        n.end = d.end;
                        j = idx(i, d.end);
                    }
                }
            }
        }
        out.push(n);
        i = j.max(i + 1);
    }
    out
}
