//! Person names in bylines: surnames and splitting runs of names.
//!
//! Bylines print names run together (`通讯员张泽卿张争`) or split by spaces
//! (`齐国 霞`). A chunk of ideographs is split into 2–3 character names (4
//! with a compound surname), each starting with a known surname, preferring
//! the fewest names and then the longest first name.

/// Compound surnames (two characters).
const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙", "宇文",
    "司徒", "夏侯", "端木", "西门",
];

/// Surnames that are also everyday word characters: accepted in a chunk on
/// their own (`卿` in 卿某) but never where a run of names must be split.
const WEAK: &str = "卿国平计来都和原门云容敬相初信展元于明";

/// Characters that (almost) never occur in a given name: place and body
/// suffixes, time words, particles. A "name" ending in one is a word
/// (`公安局`, `高考前`).
const NOT_GIVEN: &str = "局院委会部厅所站处科办队组前后里上下省市县区镇乡村街路号楼室馆园场厂店司报社网年时分个件次们的了与及或在是为有不这那就都也被把从向对于等说表示称内";

use crate::text::is_surname;

/// Length in characters of the surname `name` starts with (0 when none).
fn surname_len(chars: &[char], split: bool) -> usize {
    if chars.len() >= 2 {
        let two: String = chars[..2].iter().collect();
        if COMPOUND_SURNAMES.contains(&two.as_str()) {
            return 2;
        }
    }
    match chars.first() {
        Some(&c) if is_surname(c) && !(split && WEAK.contains(c)) => 1,
        _ => 0,
    }
}

/// True when `chars` reads as one full name (surname + one or two characters).
pub fn is_name(chars: &[char]) -> bool {
    let s = surname_len(chars, false);
    s > 0 && (s + 1..=s + 2).contains(&chars.len()) && given_ok(&chars[s..])
}

/// True when no character of a given name is one names never hold.
fn given_ok(given: &[char]) -> bool {
    !given.iter().any(|&c| NOT_GIVEN.contains(c))
}

/// Splits a run of ideographs into names; returns the lengths (in chars) of
/// each name, or `None` when the run cannot be read as names only.
pub fn split_names(chars: &[char]) -> Option<Vec<usize>> {
    if is_name(chars) {
        return Some(vec![chars.len()]);
    }
    // best[i] = (names, lengths) for chars[i..]; fewer names win, then a longer first name.
    let n = chars.len();
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for i in (0..n).rev() {
        let s = surname_len(&chars[i..], true);
        if s == 0 {
            continue;
        }
        for len in (s + 1..=s + 2).rev() {
            if i + len > n || !given_ok(&chars[i + s..i + len]) {
                continue;
            }
            if let Some(rest) = &best[i + len] {
                let better = match &best[i] {
                    None => true,
                    Some(cur) => rest.len() + 1 < cur.len(),
                };
                if better {
                    let mut v = vec![len];
                    v.extend_from_slice(rest);
                    best[i] = Some(v);
                }
            }
        }
    }
    best[0].take()
}
