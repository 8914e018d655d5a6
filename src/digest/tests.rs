use std::sync::LazyLock;

use super::keywords::{is_candidate, pagerank, Vocab};
use super::summary::eligible;
use super::*;
use crate::clean::clean;
use crate::layout::layout;
use crate::Analyzer;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::embedded);

/// The original text under a UTF-16 span.
fn original(text: &str, span: crate::offsets::Span) -> String {
    let u: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&u[span.start as usize..span.end as usize]).unwrap()
}

fn kwic_of(text: &str, term: &str, context: usize, limit: usize) -> Vec<KwicHit> {
    let c = clean(text);
    let l = layout(&c);
    kwic(&c, &l, term, context, limit)
}

#[test]
fn kwic_finds_a_term_split_by_an_ocr_space() {
    let text = "郾城区开展巡 察工作。巡察发现问题。";
    let hits = kwic_of(text, "巡察", 3, 10);
    assert_eq!(hits.len(), 2);
    assert_eq!(original(text, hits[0].span), "巡 察");
    assert_eq!(hits[0].hit, "巡察");
    assert_eq!(hits[0].left, "区开展");
    assert_eq!(hits[0].right, "工作。");
    assert_eq!(original(text, hits[1].span), "巡察");
    assert_eq!(hits[1].sentence, Some(1));
    assert_eq!(hits[1].article, Some(0));
}

#[test]
fn kwic_finds_a_term_broken_across_lines() {
    let text = "# 标题\n\n2019\n年以来，共向184个村发放巡\n察明白卡。";
    let hits = kwic_of(text, "巡察", 4, 0);
    assert_eq!(hits.len(), 1);
    assert_eq!(original(text, hits[0].span), "巡\n察");
    assert_eq!(hits[0].left, "个村发放");
    assert_eq!(hits[0].right, "明白卡。");
    let hits = kwic_of(text, "2019年", 2, 0);
    assert_eq!(hits.len(), 1);
    assert_eq!(original(text, hits[0].span), "2019\n年");
}

#[test]
fn kwic_cleans_the_term_and_maps_full_width_text() {
    // The original has full-width digits and an OCR space; the term too.
    let text = "共发现问题 ４８５８件，已完成整改。";
    let hits = kwic_of(text, "４８５８ 件", 2, 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(original(text, hits[0].span), "４８５８件");
    assert_eq!(hits[0].hit, "4858件");
    assert_eq!(hits[0].left, "问题");
}

#[test]
fn kwic_respects_the_limit_and_keeps_text_order() {
    let text = "巡察。巡察。巡察。巡察。巡察。";
    assert_eq!(kwic_of(text, "巡察", 2, 2).len(), 2);
    let all = kwic_of(text, "巡察", 2, 0);
    assert_eq!(all.len(), 5);
    assert!(all.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    for h in &all {
        assert_eq!(original(text, h.span), "巡察");
        assert!(h.left.chars().count() <= 2 && h.right.chars().count() <= 2);
    }
    assert!(kwic_of(text, "  ", 2, 0).is_empty());
    assert!(kwic_of(text, "整改", 2, 0).is_empty());
}

#[test]
fn kwic_context_zero_and_text_edges() {
    let hits = kwic_of("巡察", "巡察", 0, 0);
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].left.as_str(), hits[0].right.as_str()), ("", ""));
}

#[test]
fn stopwords_cover_news_boilerplate_but_not_topics() {
    for w in [
        "工作",
        "开展",
        "进行",
        "表示",
        "记者",
        "通讯员",
        "本报讯",
        "我们",
        "问题",
    ] {
        assert!(is_stopword(w), "{w} should be a stopword");
    }
    for w in ["巡察", "整改", "秸秆", "防火"] {
        assert!(!is_stopword(w), "{w} is a topic word");
    }
}

#[test]
fn candidates_are_content_words() {
    assert!(is_candidate("vn", "巡察"));
    assert!(is_candidate("nr", "王江涛"));
    assert!(is_candidate("eng", "GDP"));
    assert!(!is_candidate("v", "开展"), "stopword");
    assert!(!is_candidate("n", "村"), "one character");
    assert!(!is_candidate("m", "4858"), "numeral");
    assert!(!is_candidate("x", "，，"), "punctuation");
    assert!(!is_candidate("eng", "A1"), "not a word");
}

#[test]
fn pagerank_favours_the_hub() {
    // A star: node 0 tied to 1..=4, plus an isolated node 5.
    let edges: Vec<(u32, u32, f64)> = (1..=4).map(|v| (0, v, 1.0)).collect();
    let r = pagerank(6, &edges);
    assert!(r[0] > r[1] && (r[1] - r[4]).abs() < 1e-9);
    assert!((r[5] - 0.15).abs() < 1e-9);
}

fn tagged(text: &str) -> (crate::clean::Cleaned, crate::layout::Layout, Vec<Token>) {
    let c = clean(text);
    let l = layout(&c);
    let tokens = ANALYZER.lexicon().tag_sentences(&c.text, &l);
    (c, l, tokens)
}

#[test]
fn keywords_rank_rare_repeated_terms_over_common_ones() {
    let text = "区委开展巡察工作。巡察组发现问题并督促整改。整改工作进行得很好。\
                巡察组表示，整改要到位。我们将继续开展工作。";
    let (c, _, tokens) = tagged(text);
    let mut vocab = Vocab::new(&c.text, &tokens, ANALYZER.lexicon());
    let ranked = vocab.rank(0..tokens.len());
    let top = vocab.top(&ranked, 3);
    let terms: Vec<&str> = top.iter().map(|k| k.term.as_str()).collect();
    assert!(
        terms.contains(&"巡察") && terms.contains(&"整改"),
        "{terms:?}"
    );
    assert_eq!(top[0].weight, 1.0);
    assert!(top.windows(2).all(|w| w[0].weight >= w[1].weight));
    let all = vocab.top(&ranked, 100);
    assert!(all.iter().all(|k| !is_stopword(&k.term)));
    let kw = all.iter().find(|k| k.term == "巡察").unwrap();
    assert_eq!(kw.count, 3);
}

#[test]
fn dictionary_idf_orders_common_and_rare_words() {
    let lex = ANALYZER.lexicon();
    let common = dictionary_idf(lex, "工作");
    let rare = dictionary_idf(lex, "整改");
    assert!(common < rare, "{common} < {rare}");
    assert!((1.0..=MAX_IDF).contains(&dictionary_idf(lex, "的")));
    assert_eq!(dictionary_idf(lex, "滕寺村帮扶"), OOV_IDF);
    // The news words override the main dictionary, as in jieba.
    assert_eq!(lex.freqs().get("巡察"), Some(2000));
    assert_eq!(lex.freqs().get("工作"), Some(66367));
    assert!(lex.freqs().len() > 340_000);
    assert!(lex.freqs().size_bytes() <= 4 << 20);
}

#[test]
fn summary_skips_headings_bylines_and_captions() {
    let text = "# 奏好四部曲推动巡察工作高质量发展\n\n■本报记者 张军亚\n\n\
                累计开展巡察14轮，共发现问题4858件，已完成整改4761件。\n\
                （新华社记者兰红光摄）\n漯河市农村乱占耕地整治领导小组办公室 主办\n";
    let c = clean(text);
    let l = layout(&c);
    let a = &l.articles[0];
    let shown: Vec<(bool, &str)> = l
        .sentences
        .iter()
        .map(|s| {
            let t = &c.text[s.clean.clone()];
            (eligible(t, s.span, a), t)
        })
        .collect();
    let ok: Vec<&str> = shown.iter().filter(|s| s.0).map(|s| s.1).collect();
    assert_eq!(
        ok,
        ["累计开展巡察14轮，共发现问题4858件，已完成整改4761件。"],
        "{shown:?}"
    );
}

fn digest_of(text: &str, n: usize) -> (Vec<String>, Digest) {
    let (c, l, tokens) = tagged(text);
    let mentions = crate::entities::recognize(
        crate::entities::embedded_model(),
        &c.text,
        &tokens,
        crate::entities::RuleSet::ALL,
    )
    .mentions;
    let figures = crate::figures::scan(&c, &l);
    let d = digest(
        DigestInput {
            cleaned: &c,
            layout: &l,
            tokens: &tokens,
            mentions: &mentions,
            figures: &figures,
        },
        ANALYZER.lexicon(),
        DigestOptions {
            summary_sentences: n,
            keywords: 5,
        },
    );
    let sentences = l
        .sentences
        .iter()
        .map(|s| c.text[s.clean.clone()].to_string())
        .collect();
    (sentences, d)
}

const TWO_ARTICLES: &str =
    "# 巡察工作综述\n\n郾城区累计开展巡察14轮，共发现问题4858件，整改率为98%。\
    巡察组深入村组走访群众。各镇积极配合巡察整改。会议还强调了其他事项。\
    巡察整改要抓实抓细，巡察成果要用好。\n\n\
    # 麦收防火\n\n市消防救援支队组建麦收防火轻骑兵，在乡村开展防火巡查。\
    轻骑兵共发放消防宣传资料2000余份。村民纷纷点赞。防火巡查持续到麦收结束。\n";

#[test]
fn summaries_respect_the_count_and_text_order() {
    for n in [1, 2, 3] {
        let (_, d) = digest_of(TWO_ARTICLES, n);
        assert_eq!(d.articles.len(), 2);
        for a in &d.articles {
            assert!(!a.summary.is_empty() && a.summary.len() <= n);
            assert!(a.summary.windows(2).all(|w| w[0] < w[1]));
            assert!(!a.keywords.is_empty() && a.keywords.len() <= 5);
        }
        assert!(!d.summary.is_empty() && d.summary.len() <= n);
    }
    let (_, d) = digest_of(TWO_ARTICLES, 0);
    assert!(d.summary.is_empty() && d.articles.iter().all(|a| a.summary.is_empty()));
}

#[test]
fn summary_prefers_the_sentence_with_key_terms_and_figures() {
    let (sentences, d) = digest_of(TWO_ARTICLES, 1);
    let first = &sentences[d.articles[0].summary[0] as usize];
    assert!(first.contains("4858件"), "{first}");
    // The page summary takes one sentence per article before a second one.
    let (_, d) = digest_of(TWO_ARTICLES, 2);
    let articles: Vec<u32> = d
        .summary
        .iter()
        .map(|&s| if s < d.articles[1].summary[0] { 0 } else { 1 })
        .collect();
    assert_eq!(articles, [0, 1]);
    let page: Vec<&str> = d.keywords.iter().map(|k| k.term.as_str()).collect();
    assert!(page.contains(&"巡察") && page.contains(&"防火"), "{page:?}");
}

#[test]
fn an_article_of_headings_only_still_gets_a_summary() {
    // Only a short body line, too short to be eligible: it stands in.
    let (sentences, d) = digest_of("# 标题一\n\n大家好。\n", 3);
    assert_eq!(d.articles[0].summary.len(), 1);
    assert_eq!(sentences[d.articles[0].summary[0] as usize], "大家好。");
    assert_eq!(d.summary, d.articles[0].summary);
    // Only headings: the first one stands in rather than nothing.
    let (sentences, d) = digest_of("# 标题一\n", 3);
    assert_eq!(d.articles[0].summary.len(), 1);
    assert_eq!(sentences[d.articles[0].summary[0] as usize], "标题一");
    let (_, d) = digest_of("", 3);
    assert!(d.articles.is_empty() && d.summary.is_empty() && d.keywords.is_empty());
}

#[test]
fn a_long_article_is_summarized_from_bounded_candidates() {
    // 3000 sentences in one article: scoring is linear, TextRank sees CANDIDATES.
    let mut text = String::from("# 长文\n\n");
    let what = ["巡察", "审计", "督查", "调研", "检查", "评估", "考核"];
    let then = ["整改", "销号", "问责", "反馈", "通报"];
    for i in 0..3000 {
        let (a, b) = (what[i % 7], then[i % 5]);
        text.push_str(&format!("第{i}轮{a}发现问题{i}件并督促{b}。"));
    }
    let (sentences, d) = digest_of(&text, 3);
    assert!(sentences.len() >= 3000);
    assert_eq!(d.articles[0].summary.len(), 3);
    let 督促 = d.keywords.iter().find(|k| k.term == "督促").unwrap();
    assert_eq!(督促.count, 3000);
}

#[test]
fn word_counts_drop_punctuation_and_classify() {
    let (c, _, tokens) = tagged("王江涛在漯河市开展巡察，发现问题4858件！“好。”");
    let words = word_counts(&c.text, &tokens);
    assert!(words.iter().all(|w| !is_punctuation(&w.word)));
    assert!(!words
        .iter()
        .any(|w| ["，", "！", "“", "。", "”"].contains(&w.word.as_str())));
    let class = |word: &str| words.iter().find(|w| w.word == word).map(|w| w.class);
    assert_eq!(class("漯河市"), Some(PosClass::Place));
    assert_eq!(class("巡察"), Some(PosClass::Verb));
    assert_eq!(PosClass::of("nr"), PosClass::Name);
    assert_eq!(PosClass::of("nt"), PosClass::Org);
    assert_eq!(PosClass::of("m"), PosClass::Number);
    assert_eq!(PosClass::of("a"), PosClass::Adj);
    assert_eq!(PosClass::of("n"), PosClass::Noun);
    assert_eq!(PosClass::of("t"), PosClass::Time);
    assert_eq!(PosClass::of("uj"), PosClass::Other);
    assert_eq!(
        serde_json::to_string(&PosClass::Place).unwrap(),
        "\"place\""
    );
}

#[test]
fn word_counts_flag_stop_words() {
    let (c, _, tokens) = tagged("我们的巡察员和群众在县里开展了巡察，发现了问题、隐患等。");
    let words = word_counts(&c.text, &tokens);
    let stop = |word: &str| words.iter().find(|w| w.word == word).map(|w| w.stop);
    assert_eq!(stop("的"), Some(true));
    assert_eq!(stop("了"), Some(true));
    assert_eq!(stop("和"), Some(true));
    assert_eq!(stop("等"), Some(true));
    assert_eq!(stop("巡察"), Some(false));
    assert!(is_stop("在", "p") && is_stop("工作", "vn") && !is_stop("巡察员", "n"));
}

#[test]
fn a_place_with_and_without_its_suffix_is_one_keyword() {
    let text = "郑州市举办夏粮收购会。郑州的粮商来到郑州。郑州市粮食局介绍收购价格。\
                开发区企业参与收购。开发新的收购渠道。";
    let (_, d) = digest_of(text, 1);
    let terms: Vec<&str> = d.keywords.iter().map(|k| k.term.as_str()).collect();
    let both = terms
        .iter()
        .filter(|t| ["郑州", "郑州市"].contains(t))
        .count();
    assert_eq!(both, 1, "{terms:?}");
    let zz = d
        .keywords
        .iter()
        .find(|k| k.term.starts_with("郑州"))
        .unwrap();
    assert_eq!(zz.count, 4, "{zz:?}");
}

#[test]
fn summaries_skip_cut_and_interleaved_sentences_and_carry_clean_text() {
    // A column break cuts the second sentence (真实故 | 事), a line read
    // across two columns splits a date (6月 ... 10日), and OCR left spaces.
    let text = "# 县里召开夏粮收购工作会议\n\n\
        县粮食局召开夏粮收购会议，共收购小麦 4858吨，收购率为 98%。\n\n\
        会上，局长结合全县粮食生产情况，用大量的数据和农户的真实故\n\n\
        事，阐释了夏粮收购工作对全县粮食安全的重要意义和具体安排。\n\n\
        6月 品安全宣传资料，以及粮食收购 10日，县粮食局在各乡镇设立收购点二十个。\n\n\
        各收购点公布收购价格，接受群众监督，确保农户卖粮顺畅。\n";
    let (sentences, d) = digest_of(text, 3);
    let picked: Vec<&str> = d.articles[0]
        .summary
        .iter()
        .map(|&i| sentences[i as usize].as_str())
        .collect();
    assert!(!picked.is_empty());
    for s in &picked {
        assert!(
            !s.contains("真实故") && !s.starts_with("事") && !s.contains("6月品"),
            "{picked:?}"
        );
    }
    assert_eq!(
        d.articles[0].summary_text.len(),
        d.articles[0].summary.len()
    );
    assert_eq!(d.summary_text.len(), d.summary.len());
    assert!(
        d.articles[0]
            .summary_text
            .iter()
            .any(|s| s.contains("共收购小麦4858吨，收购率为98%")),
        "{:?}",
        d.articles[0].summary_text
    );
}

#[test]
fn one_line_joins_broken_lines() {
    assert_eq!(
        super::one_line(" 巡察\n组发现 GDP  growth\n问题 "),
        "巡察组发现 GDP growth 问题"
    );
}

#[test]
fn a_line_continuing_a_cut_line_elsewhere_is_not_summarized() {
    // OCR read the columns out of order: the line cut at 深 continues two
    // lines later with 入 (深入); the line between is whole.
    let text = "# 县里召开夏粮收购工作会议\n\n\
        县粮食局召开夏粮收购会议，全县共设立收购点二十个，收购小麦四千多吨。\n\n\
        会后，县粮食局组织工作人员深\n\n\
        各收购点公布收购价格，接受群众监督，确保农户卖粮顺畅。\n\n\
        入农户家中宣传收购政策，帮助农户联系收购点，解答农户提出的各种问题。\n\n\
        在县城的收购点，农户排队卖粮的时间比去年缩短了一半。\n";
    let (c, l, tokens) = tagged(text);
    let input = DigestInput {
        cleaned: &c,
        layout: &l,
        tokens: &tokens,
        mentions: &[],
        figures: &[],
    };
    let flags = super::summary::continuations(input, ANALYZER.lexicon());
    let flagged: Vec<&str> = flags
        .iter()
        .enumerate()
        .filter(|(_, &f)| f)
        .map(|(i, _)| &c.text[l.sentences[i].clean.clone()])
        .collect();
    assert_eq!(
        flagged,
        ["入农户家中宣传收购政策，帮助农户联系收购点，解答农户提出的各种问题。"],
        "在 opens a sentence: not a continuation"
    );
    let (sentences, d) = digest_of(text, 3);
    for &i in &d.articles[0].summary {
        assert!(
            !sentences[i as usize].starts_with('入'),
            "{}",
            sentences[i as usize]
        );
    }
}
