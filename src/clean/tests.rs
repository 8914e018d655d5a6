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
    assert_eq!(
        clean("## 学党史 办实事 塑品牌").text,
        "## 学党史 办实事 塑品牌"
    );
    assert_eq!(clean("市政府办 市二院").text, "市政府办 市二院");
    assert_eq!(clean("■文/图 本报记者 朱 红").text, "■文/图 本报记者朱红");
    assert_eq!(clean("三千 八百 九十六 万").text, "三千八百九十六万");
}

#[test]
fn lines_broken_mid_sentence_are_joined() {
    let c = clean("为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019\n年以来，共向184个村群众发放巡察卡，坚持政治巡察定位，严\n格按照要求。\n\n第二段。");
    assert_eq!(
        c.text,
        "为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019年以来，共向184个村群众发放巡察卡，坚持政治巡察定位，严格按照要求。\n\n第二段。"
    );
    let at = c.text.find("年以来").unwrap();
    let u: Vec<u16> = "为提升群众对巡察工作的知晓率，进村入户走访时向群众发放。2019\n"
        .encode_utf16()
        .collect();
    assert_eq!(c.span(at, at + "年".len()).start, u.len() as u32);
}

#[test]
fn paragraph_ends_headlines_and_bylines_are_not_joined() {
    let x = "这是一段完整的句子，到这里就结束了。\n下一段开始了，也是完整的句子。\n# 标题\n正文第一句话在这里，继续写下去\n本报讯(记者 王五)今天";
    assert_eq!(clean(x).text, x);
    let short = "漯河海关\n举办专题讲座";
    assert_eq!(clean(short).text, short);
}

mod props {
    use super::*;
    use crate::layout::layout;
    use proptest::prelude::*;

    /// Text made of the pieces OCR'd Chinese news is made of.
    fn messy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[郾城区巡察工作张军亚朱红何国旭问题整改率]{1,6}",
            2 => Just(" ".to_string()),
            1 => Just("\u{3000}".to_string()),
            2 => Just("\n".to_string()),
            1 => Just("\n\n".to_string()),
            1 => Just("\r\n".to_string()),
            2 => "[0-9]{1,4}",
            1 => "[０-９％．Ａ-Ｚａ-ｚ]{1,3}",
            2 => prop::sample::select(vec!["。", "，", ",", "、", "；", "！", "？", "…", "\"", "“", "”", "%", "(", ")", "（", "）", ":"]).prop_map(str::to_string),
            1 => prop::sample::select(vec!["# ", "## ", "#### ", "■本报记者 ", "本报讯(记者 ", "通讯员", "文/图 "]).prop_map(str::to_string),
            1 => "[a-z]{1,5}",
            1 => Just("𠀀𠮷".to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn utf16_boundary(units: &[u16], at: u32) -> bool {
        let at = at as usize;
        at == 0 || at >= units.len() || !(0xDC00..=0xDFFF).contains(&units[at])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn clean_is_idempotent(x in messy_text()) {
            let once = clean(&x).text;
            prop_assert_eq!(clean(&once).text, once);
        }

        #[test]
        fn offset_map_is_monotonic_and_points_at_the_same_char(x in messy_text()) {
            let c = clean(&x);
            let units: Vec<u16> = x.encode_utf16().collect();
            let mut last: Option<u32> = None;
            for (b, ch) in c.text.char_indices() {
                let o = c.map.to_original(&c.text, b);
                if let Some(l) = last {
                    prop_assert!(o > l, "map not increasing at byte {}", b);
                }
                last = Some(o);
                let n = ch.len_utf16();
                prop_assert!(o as usize + n <= units.len());
                let orig = String::from_utf16(&units[o as usize..o as usize + n]).unwrap();
                let oc = orig.chars().next().unwrap();
                prop_assert!(oc == ch || half_width(oc) == ch, "{:?} maps to {:?}", ch, oc);
            }
            prop_assert!(c.map.to_original(&c.text, c.text.len()) as usize <= units.len());
        }

        #[test]
        fn layout_spans_are_in_bounds_on_utf16_boundaries(x in messy_text()) {
            let c = clean(&x);
            let l = layout(&c);
            let units: Vec<u16> = x.encode_utf16().collect();
            let mut spans: Vec<Span> = l.sentences.iter().map(|s| s.span).collect();
            for a in &l.articles {
                spans.push(a.span);
                spans.extend(a.paragraphs.iter().copied());
                spans.extend(a.title.iter().chain(&a.kicker).chain(&a.subtitle).chain(&a.headings).map(|h| h.span));
                for b in &a.bylines {
                    spans.push(b.span);
                    spans.extend(b.persons.iter().map(|p| p.span));
                }
                prop_assert!(a.sentences[0] <= a.sentences[1]);
                prop_assert!(a.sentences[1] as usize <= l.sentences.len());
            }
            for s in spans {
                prop_assert!(s.start <= s.end && s.end as usize <= units.len(), "{:?} of {}", s, units.len());
                prop_assert!(utf16_boundary(&units, s.start) && utf16_boundary(&units, s.end), "{:?}", s);
            }
            for w in l.sentences.windows(2) {
                prop_assert!(w[0].clean.end <= w[1].clean.start, "sentences overlap");
            }
        }
    }
}

/// One paragraph per line with many headlines of about the same length (a
/// news corpus): the headlines are not a column width, so nothing is joined.
/// (They were read as a 10-character wrap width, which joined paragraphs and
/// made `clean` repeat its pass 26 times on 1 MB of such text.)
#[test]
fn headlines_of_one_length_are_not_a_wrap_width() {
    let heads = [
        "北京举行新年音乐会",
        "李鹏在北京考察企业",
        "延安供水工程建成通水",
        "归来的雁阵飞过渭水",
        "国务院侨办发表新年贺词",
        "胜利海上油田产油创新高",
    ];
    let mut text = String::new();
    for h in heads {
        text.push_str(h);
        text.push('\n');
        text.push_str("本市各界群众在广场上举行联欢活动，大家说“新年新气象”\n");
        text.push_str("记者在现场看到，演出持续了两个多小时，观众反响热烈。\n");
        text.push_str("主办方介绍，今年的活动规模超过往年”\n");
        text.push_str("不少市民带着孩子前来观看。\n");
    }
    let c = clean(&text);
    assert_eq!(c.text.lines().count(), text.lines().count(), "{}", c.text);
}
