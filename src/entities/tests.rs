use super::model::{allowed, label, spans, LABELS};
use super::*;

#[test]
fn bio_labels_become_spans() {
    let (bp, ip) = (
        label(EntityType::Person, true),
        label(EntityType::Person, false),
    );
    let bl = label(EntityType::Place, true);
    let labels = [0, bp, ip, ip, bl, bl, 0, ip];
    assert_eq!(
        spans(&labels),
        vec![
            (1, 4, EntityType::Person),
            (4, 5, EntityType::Place),
            (5, 6, EntityType::Place),
            (7, 8, EntityType::Person),
        ]
    );
}

#[test]
fn inside_labels_follow_their_begin_only() {
    let ip = label(EntityType::Person, false) as usize;
    let bp = label(EntityType::Person, true) as usize;
    let bl = label(EntityType::Place, true) as usize;
    assert!(allowed(bp, ip));
    assert!(allowed(ip, ip));
    assert!(!allowed(bl, ip));
    assert!(!allowed(0, ip));
    assert!(!allowed(LABELS, ip));
}

#[test]
fn segments_end_after_sentence_marks_and_at_line_breaks() {
    let t = "甲。乙！\n丙";
    let s: Vec<&str> = segments(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(s, ["甲。", "乙！", "丙"]);
}

#[test]
fn embedded_model_reads() {
    assert!(model::Model::from_bytes(MODEL_BYTES).is_ok());
    assert!(model::Model::from_bytes(b"not a model").is_err());
}

#[cfg(all(feature = "tools", not(target_arch = "wasm32")))]
#[test]
fn pfr_lines_get_the_gold_conventions() {
    use super::train::parse_pfr_line;
    let text_of = |l: &str| {
        let d = parse_pfr_line(l);
        d.spans
            .iter()
            .map(|&(s, e, k)| {
                let t: String = d.text.chars().skip(s).take(e - s).collect();
                format!("{}:{t}", k.code())
            })
            .collect::<Vec<_>>()
    };
    // Surname + given name pairs, not one run of names.
    assert_eq!(
        text_of("19980101-01-001-002/m  江/nr  泽民/nr  李/nr  鹏/nr  会见/v"),
        ["PER:江泽民", "PER:李鹏"]
    );
    // One-char place abbreviations tagged j; X政府 is the place X.
    assert_eq!(
        text_of("19980101-01-001-003/m  中/j  美/j  关系/n  [美国/ns  政府/n]nt"),
        ["LOC:中", "LOC:美", "LOC:美国"]
    );
    // Chains of places are separate places; generic tails are left out.
    assert_eq!(
        text_of("19980101-01-001-004/m  [南京市/ns  鼓楼区/ns]ns  [南亚/ns  地区/n]ns"),
        ["LOC:南京市", "LOC:鼓楼区", "LOC:南亚"]
    );
    // Full-width digits become half-width, as the clean stage does.
    assert_eq!(
        parse_pfr_line("19980101-01-001-005/m  １９９８年/t").text,
        "1998年"
    );
}

#[test]
fn aliases_of_bodies_and_places() {
    use EntityType::*;
    assert!(is_alias(Organization, "区委", "郾城区委"));
    assert!(is_alias(Organization, "区纪委", "区纪委监委"));
    assert!(is_alias(Organization, "区监委", "区纪委监委"));
    assert!(is_alias(Organization, "市政府办", "市政府办公室"));
    assert!(!is_alias(Organization, "区委", "区委巡察工作领导小组"));
    assert!(is_alias(Place, "舞阳", "舞阳县"));
    assert!(!is_alias(Place, "舞阳", "舞阳路口"));
    assert!(!is_alias(Person, "张", "张争"));
}

#[cfg(all(feature = "tools", not(target_arch = "wasm32")))]
#[test]
fn common_words_are_what_jieba_calls_names_and_pfr_does_not() {
    let dict = "阳光 3451 nr\n江泽民 100 nr\n东南 10 ns\n麦田 133 nr\n上市 50 ns\n";
    let pfr = "1-1/m 阳光/n 江泽民/nr 东南/f 麦田/n 上市/v\n\
               1-2/m 阳光/n 江泽民/nr 东南/f 上市/v\n\
               1-3/m [阳光/n 公司/n]nt 江泽民/nr 东南/f 上市/vn\n";
    // 阳光: 3 times, all n; 麦田: once, n. 上市: v 2, vn 1 (67%, no one tag
    // holds 80%). 东南: the gold sets call it a place. 江泽民: a name.
    let tags = super::train::PfrTags::count(pfr);
    assert_eq!(super::train::common_words(dict, &tags), "阳光\n麦田\n");
}

#[cfg(all(feature = "tools", not(target_arch = "wasm32")))]
#[test]
fn person_names_are_what_jieba_calls_common_words_and_pfr_names() {
    let dict = "桥本 131 n\n轮流 694 n\n国强 20 nr\n王 9 n\n";
    let pfr = "1-1/m 桥本/nr 轮流/d 国强/nr 王/nr\n1-2/m 桥本/nr 轮流/d\n";
    // 国强: jieba already says nr. 王: one char. 轮流: PFR says d.
    let tags = super::train::PfrTags::count(pfr);
    assert_eq!(super::train::person_names(dict, &tags), "桥本\n");
}
