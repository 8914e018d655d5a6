use super::*;

#[test]
fn stray_space_before_figure_is_removed() {
    let c = clean("共发现问题 4858件");
    assert_eq!(c.text, "共发现问题4858件");
    let at = c.text.find("4858").unwrap();
    assert_eq!(c.span(at, at + 4), Span::new(6, 10));
    assert!(c.gap_before(at));
    assert!(!c.gap_before(at + 1));
}

#[test]
fn full_width_digits_become_ascii() {
    let c = clean("１９９８年，增长５０％");
    assert_eq!(c.text, "1998年，增长50%");
    assert_eq!(c.span(0, 4), Span::new(0, 4));
}

#[test]
fn idempotent_on_seed_like_text() {
    let x = "朱 红 说, 整改率为 98% ;  ok ok";
    let once = clean(x).text;
    assert_eq!(clean(&once).text, once);
}

#[test]
fn spaces_in_body_lines_go() {
    let c = clean("累计开展巡察14轮, 共发现问题 4858件,整改率为 98%; 移交问题线索 915 件, 郾城区委常委何国 旭表示。");
    assert_eq!(
        c.text,
        "累计开展巡察14轮,共发现问题4858件,整改率为98%;移交问题线索915件,郾城区委常委何国旭表示。"
    );
}

#[test]
fn title_lines_keep_word_spaces_but_join_single_characters() {
    assert_eq!(clean("## 学党史 办实事 塑品牌").text, "## 学党史 办实事 塑品牌");
    assert_eq!(clean("市政府办 市二院").text, "市政府办 市二院");
    assert_eq!(clean("■文/图 本报记者 朱 红").text, "■文/图 本报记者朱红");
}

#[test]
fn lines_broken_mid_sentence_are_joined() {
    let c = clean("为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019\n年以来，共向184个村群众发放巡察卡，坚持政治巡察定位，严\n格按照要求。\n\n第二段。");
    assert_eq!(
        c.text,
        "为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019年以来，共向184个村群众发放巡察卡，坚持政治巡察定位，严格按照要求。\n\n第二段。"
    );
    let at = c.text.find("年以来").unwrap();
    let u: Vec<u16> = "为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019\n".encode_utf16().collect();
    assert_eq!(c.span(at, at + "年".len()).start, u.len() as u32);
}

#[test]
fn paragraph_ends_headlines_and_bylines_are_not_joined() {
    let x = "这是一段完整的句子，到这里就结束了。\n下一段开始了，也是完整的句子。\n# 标题\n正文第一句话在这里，继续写下去\n本报讯(记者 王五)今天";
    assert_eq!(clean(x).text, x);
    let short = "漯河海关\n举办专题讲座";
    assert_eq!(clean(short).text, short);
}
