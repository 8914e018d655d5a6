use super::*;
use crate::clean::clean;

fn body_sentences<'a>(c: &'a Cleaned, l: &Layout) -> Vec<&'a str> {
    l.sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Body)
        .map(|s| &c.text[s.clean.clone()])
        .collect()
}

#[test]
fn splits_articles_at_hash_headlines_and_sentences_at_stops() {
    let c = clean("# 标题一\n\n第一句。第二句！\n\n## 标题二\n他说：“好。”然后走了。");
    let l = layout(&c);
    assert_eq!(l.articles.len(), 2);
    assert_eq!(l.articles[0].title.as_ref().unwrap().text, "标题一");
    assert_eq!(l.articles[1].title.as_ref().unwrap().text, "标题二");
    assert_eq!(
        body_sentences(&c, &l),
        ["第一句。", "第二句！", "他说：“好。”", "然后走了。"]
    );
    let titles: Vec<&str> = l
        .sentences
        .iter()
        .filter(|s| s.kind == SentenceKind::Title)
        .map(|s| &c.text[s.clean.clone()])
        .collect();
    assert_eq!(titles, ["标题一", "标题二"]);
    let s = l
        .sentences
        .iter()
        .find(|s| &c.text[s.clean.clone()] == "他说：“好。”")
        .unwrap();
    assert_eq!(s.article, 1);
}

#[test]
fn kicker_subtitle_and_section_headings() {
    let c = clean("漯河海关\n\n## 举办专题讲座\n\n#### 副题在这里\n\n■本报记者 张军亚\n\n第一段正文。\n\n#### 小标题一\n\n第二段正文。");
    let l = layout(&c);
    assert_eq!(l.articles.len(), 1);
    let a = &l.articles[0];
    assert_eq!(a.kicker.as_ref().unwrap().text, "漯河海关");
    assert_eq!(a.title.as_ref().unwrap().text, "举办专题讲座");
    assert_eq!(a.title_level, 2);
    assert_eq!(a.subtitle.as_ref().unwrap().text, "副题在这里");
    assert_eq!(a.headings.len(), 1);
    assert_eq!(a.headings[0].text, "小标题一");
    assert_eq!(a.bylines[0].persons[0].name, "张军亚");
    assert_eq!(a.bylines[0].persons[0].role, "记者");
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn plain_headline_starts_an_article() {
    let c = clean(
        "# 第一篇\n\n正文很长的一句话在这里。\n\n禁烧说唱短视频效果好\n\n另一篇的正文在这里。",
    );
    let l = layout(&c);
    let titles: Vec<&str> = l
        .articles
        .iter()
        .map(|a| a.title.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(titles, ["第一篇", "禁烧说唱短视频效果好"]);
    assert_eq!(l.articles[1].title_level, 0);
}

#[test]
fn bylines_run_into_the_body_are_split_off() {
    let src = "# 题\n\n本报讯(记者 杨会枝 齐国 霞)6月10日,研讨会在我市召开,专家学者等50余人参加。\n\n通讯员张泽卿张争 累计开展巡察14轮,共发现问题。\n\n做到\"一村有难、村村支援\"。 邢帅刘源";
    let c = clean(src);
    let l = layout(&c);
    let a = &l.articles[0];
    let people: Vec<(&str, &str)> = a
        .bylines
        .iter()
        .flat_map(|b| b.persons.iter().map(|p| (p.name.as_str(), p.role.as_str())))
        .collect();
    assert_eq!(
        people,
        [
            ("杨会枝", "记者"),
            ("齐国霞", "记者"),
            ("张泽卿", "通讯员"),
            ("张争", "通讯员"),
            ("邢帅", ""),
            ("刘源", "")
        ]
    );
    let u: Vec<u16> = src.encode_utf16().collect();
    let p = &a.bylines[0].persons[1];
    assert_eq!(
        String::from_utf16(&u[p.span.start as usize..p.span.end as usize]).unwrap(),
        "齐国 霞"
    );
    assert!(body_sentences(&c, &l)[0].starts_with("6月10日"));
    assert!(body_sentences(&c, &l)[1].starts_with("累计开展"));
}

#[test]
fn names_split_by_surnames() {
    let s = |x: &str| names::split_names(&x.chars().collect::<Vec<_>>());
    assert_eq!(s("张泽卿张争"), Some(vec![3, 2]));
    assert_eq!(s("邢帅刘源"), Some(vec![2, 2]));
    assert_eq!(s("欧阳修"), Some(vec![3]));
    assert_eq!(s("党建品牌"), None);
    assert_eq!(s("公安局"), None);
    assert_eq!(s("高考前"), None);
}

#[test]
fn numbered_section_headings_stay_in_their_article() {
    let c = clean("# 工作报告\n\n导语写在这里，说明情况。\n\n一、加强组织领导\n\n第一段内容在这里。\n\n（二）完善工作机制\n\n第二段内容。\n\n3. 强化成果转化\n\n第三段。");
    let l = layout(&c);
    assert_eq!(l.articles.len(), 1);
    let h: Vec<&str> = l.articles[0]
        .headings
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        h,
        ["一、加强组织领导", "（二）完善工作机制", "3. 强化成果转化"]
    );
    assert!(!is_numbered_heading("2019年以来，共向184个村发放。"));
    assert!(!is_numbered_heading("1.8万余张"));
}

#[test]
fn a_long_hash_line_is_body_text_split_into_sentences() {
    // A page pasted as one line starts with `#` but is no headline.
    let body = "郾城区巡察工作坚持政治巡察定位。共发现问题4858件。".repeat(20);
    let c = clean(&format!("# 奏好四部曲{body}"));
    let l = layout(&c);
    assert!(l.articles.iter().all(|a| a.title.is_none()));
    assert!(l.sentences.len() >= 40, "{} sentences", l.sentences.len());
    // A headline of ordinary length still is one.
    let c = clean("# 奏好\"四部曲\"推动巡察工作高质量发展\n\n正文第一句。");
    assert!(layout(&c).articles[0].title.is_some());
}
