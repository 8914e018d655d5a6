use super::*;

#[test]
fn stray_space_before_figure_is_removed() {
    let c = clean("共发现问题 4858件");
    assert_eq!(c.text, "共发现问题4858件");
    let at = c.text.find("4858").unwrap();
    assert_eq!(c.span(at, at + 4), Span::new(6, 10));
}

#[test]
fn full_width_digits_become_ascii() {
    let c = clean("１９９８年");
    assert_eq!(c.text, "1998年");
    assert_eq!(c.span(0, 4), Span::new(0, 4));
}

#[test]
fn idempotent_on_seed_like_text() {
    let x = "朱 红 说, 整改率为 98% ;  ok ok";
    let once = clean(x).text;
    assert_eq!(clean(&once).text, once);
}
