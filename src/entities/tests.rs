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
