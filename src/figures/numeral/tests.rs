use super::*;

fn smart(s: &str) -> Option<f64> {
    parse(s, Mode::Smart)
}

#[test]
fn chinese_formal() {
    assert_eq!(parse("一千零一万零一", Mode::Strict), Some(10010001.0));
    assert_eq!(parse("十一", Mode::Strict), Some(11.0));
    assert_eq!(parse("负十一", Mode::Strict), Some(-11.0));
    assert_eq!(
        parse("四亿五千六百四十二万零一十五", Mode::Strict),
        Some(456420015.0)
    );
}

#[test]
fn colloquial_only_in_normal() {
    assert_eq!(parse("三万五", Mode::Normal), Some(35000.0));
    assert_eq!(parse("两千六", Mode::Normal), Some(2600.0));
    assert_eq!(parse("三万五", Mode::Strict), None);
    assert_eq!(parse("二十多", Mode::Smart), None);
}

#[test]
fn mixed_only_in_smart() {
    assert_eq!(smart("1.8万"), Some(18000.0));
    assert_eq!(smart("10.1万"), Some(101000.0));
    assert_eq!(smart("200亿零四千230"), Some(20000004230.0));
    assert_eq!(parse("10.1万", Mode::Normal), None);
}

#[test]
fn full_width_and_separators() {
    assert_eq!(smart("４８５８"), Some(4858.0));
    assert_eq!(smart("1,050,000"), Some(1050000.0));
}

#[test]
fn scan_longest() {
    let t = "共发现问题4858件";
    let n = scan(t, t.find('4').unwrap()).unwrap();
    assert_eq!(n.value, 4858.0);
    assert_eq!(&t[n.start..n.end], "4858");
    let t = "二十多人";
    let n = scan(t, 0).unwrap();
    assert_eq!(n.value, 20.0);
    assert_eq!(&t[n.start..n.end], "二十");
    let t = "十多万人";
    let n = scan(t, 0).unwrap();
    assert_eq!((n.value, n.flags.approx), (100000.0, Some('多')));
}

#[test]
fn context_only_digits_need_a_neighbour() {
    assert!(scan("陆地", 0).is_none());
    assert_eq!(scan("肆佰陸拾", 0).map(|n| n.value), Some(460.0));
}

/// Found by fuzzing (fuzz/fuzz_targets/numeral.rs): `0e140101` gave 0 × inf = NaN.
#[test]
fn fuzz_overflowing_exponent_is_not_a_number() {
    for mode in [Mode::Strict, Mode::Normal, Mode::Smart] {
        assert!(parse("\u{c}0e140101", mode).is_none_or(|v| v.is_finite()));
        assert!(parse("0e140101", mode).is_none_or(|v| v.is_finite()));
        assert!(parse(&"9".repeat(400), mode).is_none_or(|v| v.is_finite()));
    }
    for n in find_all("0e140101 1e999 2^99999") {
        assert!(n.value.is_finite(), "{n:?}");
    }
}
