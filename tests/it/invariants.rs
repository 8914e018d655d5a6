//! Invariants every report must keep, whatever the input: spans within the
//! original text, on UTF-16 boundaries (never inside a surrogate pair), and
//! end-exclusive with start <= end. Checked by walking the report's JSON, so
//! every span-bearing field is covered, including ones added later.

use serde_json::Value;

/// Checks every `{start, end}` object in `report` against `text`; returns how many were checked.
pub fn check_spans(text: &str, report: &wenxi::Report) -> usize {
    let units: Vec<u16> = text.encode_utf16().collect();
    let json = serde_json::to_value(report).expect("report serializes");
    let mut n = 0;
    walk(&json, &units, &mut n, "$");
    n
}

fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

fn walk(v: &Value, units: &[u16], n: &mut usize, path: &str) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e, "{path}: start {s} > end {e}");
                assert!(
                    e <= units.len(),
                    "{path}: end {e} beyond text length {}",
                    units.len()
                );
                for at in [s, e] {
                    if at < units.len() {
                        assert!(
                            !is_low_surrogate(units[at]),
                            "{path}: offset {at} splits a surrogate pair"
                        );
                    }
                }
                *n += 1;
            }
            for (k, x) in m {
                walk(x, units, n, &format!("{path}.{k}"));
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, units, n, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// The report's JSON text parses back to the same value (no NaN, no lossy numbers).
pub fn check_json_round_trip(report: &wenxi::Report) {
    let s = serde_json::to_string(report).unwrap();
    let parsed: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(parsed, serde_json::to_value(report).unwrap());
}

#[test]
fn cjk_chars_counts_ideographs_not_full_width_punctuation() {
    let r = crate::seed::ANALYZER.analyze("你好，世界！（测试）Ａ１", &wenxi::Options::default());
    assert_eq!(r.stats.cjk_chars, 6);
}
