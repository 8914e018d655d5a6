//! Property tests over whole analyses: whatever the text, every span stays in
//! bounds and on UTF-16 boundaries, the JSON round-trips, and the same input
//! gives the same report.

use proptest::prelude::*;

use super::invariants::{check_json_round_trip, check_spans};
use super::seed::ANALYZER;
use wenxi::Options;

/// Characters that exercise every stage: CJK, numerals and multipliers,
/// approximation markers, units, OCR spaces and line breaks, full-width
/// forms, supplementary-plane characters and headline marks.
const POOL: &[char] = &[
    '共', '发', '现', '问', '题', '件', '人', '名', '元', '万', '亿', '千', '百', '十', '余', '多',
    '近', '约', '年', '月', '日', '第', '王', '江', '涛', '市', '县', '镇', '村', '局', '委', '公',
    '司', '记', '者', '通', '讯', '员', '一', '二', '三', '两', '零', '0', '1', '2', '5', '9', '.',
    '%', '％', '４', ' ', ' ', '\u{3000}', '\n', '\n', '#', '■', '。', '，', '、', '“', '”', '(',
    ')', '😀', '𠀀', 'a', '\u{FFFD}',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..160).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn spans_stay_in_bounds_and_on_boundaries(t in text()) {
        let r = ANALYZER.analyze(&t, &Options::default());
        check_spans(&t, &r);
        check_json_round_trip(&r);
    }

    #[test]
    fn analysis_is_deterministic(t in text()) {
        let a = serde_json::to_string(&ANALYZER.analyze(&t, &Options::default())).unwrap();
        let b = serde_json::to_string(&ANALYZER.analyze(&t, &Options::default())).unwrap();
        prop_assert_eq!(a, b);
    }
}
