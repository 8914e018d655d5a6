//! Times entity recognition against segmentation and tagging on a text file:
//!
//! ```text
//! cargo run --release --example ner_speed -- FILE
//! ```
//!
//! Prints the seconds spent in jieba (segmentation + POS tags, per layout
//! sentence, as the pipeline does), in [`wenxi::entities::recognize`] (tagger +
//! rules) and in [`wenxi::entities::group`].

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: ner_speed FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let text = String::from_utf8_lossy(&bytes);
    let analyzer = wenxi::Analyzer::embedded();
    let cleaned = wenxi::clean::clean(&text);
    let layout = wenxi::layout::layout(&cleaned);
    let t0 = Instant::now();
    let tokens = analyzer.lexicon().tag_sentences(&cleaned.text, &layout);
    let t_tag = t0.elapsed();
    let t1 = Instant::now();
    let found = wenxi::entities::recognize(
        wenxi::entities::embedded_model(),
        &cleaned.text,
        &tokens,
        wenxi::entities::RuleSet::ALL,
    );
    let t_ner = t1.elapsed();
    let t3 = Instant::now();
    let tagged = wenxi::entities::tag(wenxi::entities::embedded_model(), &cleaned.text, &tokens);
    let t_model = t3.elapsed();
    let t2 = Instant::now();
    let entities = wenxi::entities::group(&cleaned, &layout, &found);
    let mentions = found.mentions;
    let t_group = t2.elapsed();
    println!(
        "{} bytes: segment+tag {:.3}s, recognize {:.3}s (of which the tagger alone {:.3}s), group {:.3}s; {} mentions ({} tagged), {} entities",
        bytes.len(),
        t_tag.as_secs_f64(),
        t_ner.as_secs_f64(),
        t_model.as_secs_f64(),
        t_group.as_secs_f64(),
        mentions.len(),
        tagged.len(),
        entities.len()
    );
}
