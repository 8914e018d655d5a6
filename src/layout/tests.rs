use super::*;
use crate::clean::clean;

#[test]
fn splits_articles_at_hash_headlines_and_sentences_at_stops() {
    let c = clean("# 标题一\n\n第一句。第二句！\n\n## 标题二\n他说：“好。”然后走了。");
    let l = layout(&c);
    assert_eq!(l.articles.len(), 2);
    assert_eq!(l.articles[0].title.as_ref().unwrap().text, "标题一");
    assert_eq!(l.articles[1].title.as_ref().unwrap().text, "标题二");
    let s: Vec<&str> = l
        .sentences
        .iter()
        .map(|s| &c.text[s.clean.clone()])
        .collect();
    assert_eq!(s, ["第一句。", "第二句！", "他说：“好。”", "然后走了。"]);
    assert_eq!(l.sentences[2].article, 1);
}
