//! Whether one tagged mention stands: the clean-up rules that judge a
//! mention by its words, its neighbours and its type.

use super::*;
use crate::entities::{EntityType, RawMention};
use crate::lexicon::Token;

/// `领导小组会`, `领导小组会议`: a group's meeting; the organization is the group.
pub(super) fn meeting_body(text: &str, m: RawMention) -> RawMention {
    let s = &text[m.start..m.end];
    if m.kind != EntityType::Organization || !s.contains("小组会") {
        return m;
    }
    let cut = ["会议", "会"]
        .into_iter()
        .find(|c| s.ends_with(c))
        .unwrap_or("");
    RawMention {
        end: m.end - cut.len(),
        ..m
    }
}

/// `东北地区` → `东北`, `吴先生` → `吴`: the gold sets leave generic tails
/// out of places and honorifics out of persons.
pub(super) fn strip_generic_tail(text: &str, m: RawMention) -> RawMention {
    let s = &text[m.start..m.end];
    if m.kind == EntityType::Person {
        // `吴先生`, `陈小姐`, `胡老`: the person is the surname.
        for tail in ["先生", "小姐", "女士", "老"] {
            if let Some(head) = s.strip_suffix(tail) {
                if head.chars().count() == 1
                    && crate::text::is_surname(s.chars().next().unwrap_or(' '))
                {
                    return RawMention {
                        end: m.start + head.len(),
                        ..m
                    };
                }
            }
        }
        return m;
    }
    if m.kind != EntityType::Place {
        return m;
    }
    // `巴黎阴`, `西宁多云转`: a city in a weather table, run into its weather.
    let weather = s.trim_end_matches(|c| WEATHER_CHARS.contains(c));
    if weather.len() < s.len() {
        let head = weather.strip_suffix("多").unwrap_or(weather);
        if head.chars().count() >= 2 && s[head.len()..].chars().any(|c| "阴晴云雨雪转".contains(c))
        {
            return RawMention {
                end: m.start + head.len(),
                ..m
            };
        }
    }
    for tail in ["地区", "一带", "沿海", "境内", "高原", "流域"] {
        if let Some(head) = s.strip_suffix(tail) {
            if head.chars().count() >= 2 {
                return RawMention {
                    end: m.start + head.len(),
                    ..m
                };
            }
        }
    }
    m
}

/// Drops what the tagger got wrong on news pages (see the module docs).
pub(super) fn keep(text: &str, tokens: &[Token], m: &RawMention, r: RuleSet) -> bool {
    let s = &text[m.start..m.end];
    let chars: Vec<char> = s.chars().collect();
    let cover = covering(tokens, m.start, m.end);
    let j = Judged {
        text,
        tokens,
        m,
        s,
        chars: &chars,
        cover,
        r,
    };
    j.lead_ok() && j.words_ok() && !j.cut_inside_word() && j.type_ok()
}

/// A tagged mention and what the rules read about it.
struct Judged<'a> {
    text: &'a str,
    tokens: &'a [Token],
    m: &'a RawMention,
    /// The mention's text.
    s: &'a str,
    chars: &'a [char],
    /// The tokens it covers.
    cover: &'a [Token],
    r: RuleSet,
}

impl Judged<'_> {
    /// Generic words, laws, lone bodies and chars, and places led by a
    /// function word.
    fn lead_ok(&self) -> bool {
        let Judged {
            text,
            tokens,
            m,
            s,
            chars,
            r,
            ..
        } = *self;
        if r.on(Rule::Generic) && GENERIC.contains(&s) {
            return false;
        }
        // `市农村`, `县城区`: an admin char before a generic word is no name.
        if r.on(Rule::Generic)
            && chars.len() >= 3
            && "市县区省镇乡".contains(chars[0])
            && GENERIC.contains(&&s[chars[0].len_utf8()..])
        {
            return false;
        }
        // `土地管理|法`, `环境保护|法`: `法` after a noun or verb phrase is a law,
        // not France.
        if r.on(Rule::Law)
            && m.kind == EntityType::Place
            && s == "法"
            && token_at(tokens, m.start.saturating_sub(1)).is_some_and(|t| {
                t.end as usize == m.start
                    && text[t.range()].chars().count() >= 2
                    && matches!(t.pos, "n" | "vn" | "v")
            })
        {
            return false;
        }
        if r.on(Rule::LoneBody) && m.kind == EntityType::Organization && chars.len() == 1 {
            return false;
        }
        if r.on(Rule::AbbreviationChar)
            && m.kind == EntityType::Place
            && chars.len() == 1
            && !place_abbr(chars[0])
        {
            return false;
        }
        // `向村(社区)`, `每轮村`: a preposition or a determiner opens no place name.
        if r.on(Rule::PlaceLead)
            && m.kind == EntityType::Place
            && chars.len() >= 2
            && !crate::entities::gazetteer::is_place(s)
            && ("每各该本这那此其全向在从对往于把被".contains(chars[0])
                || token_at(tokens, m.start)
                    .is_some_and(|t| t.start as usize == m.start && t.pos == "p"))
        {
            return false;
        }
        true
    }

    /// Common words jieba files as names, and organizations without a body.
    fn words_ok(&self) -> bool {
        let Judged {
            m,
            s,
            chars,
            cover,
            r,
            ..
        } = *self;
        // One common word that jieba files as a name (`阳光`, `麦田`) names
        // nothing, unless it is a body (`宣传部`) or a party or army jieba files
        // as one (`共产党`, `新四军` nt; PFR tags them as common nouns).
        if r.on(Rule::CommonWord)
            && cover.len() == 1
            && common_word(s)
            && !(m.kind == EntityType::Organization
                && (ORG_SUFFIXES.iter().any(|x| s.ends_with(x))
                    || (cover[0].pos == "nt" && s.ends_with(|c| WORD_BODY_HEADS.contains(c)))))
        {
            return false;
        }
        // An organization names a body: it ends in a body char (`局`, `院`,
        // `公司`, `委员会` ...) unless jieba knows it whole as a name or short form;
        // `党建工作格局` is an abstract noun phrase.
        if r.on(Rule::OrgHead)
            && m.kind == EntityType::Organization
            && !(cover.len() == 1
                && matches!(
                    cover[0].pos,
                    "nt" | "j" | "nz" | "ns" | "nr" | "nrt" | "x" | "eng"
                ))
            && !chars.last().is_some_and(|&c| ORG_HEADS.contains(c))
        {
            return false;
        }
        true
    }

    /// True when the mention starts or ends inside a common word.
    fn cut_inside_word(&self) -> bool {
        let Judged {
            text,
            tokens,
            m,
            chars,
            r,
            ..
        } = *self;
        // A mention that starts or ends inside a common word is cut wrongly
        // (`美丽乡` of `美丽乡村`, `史·铸魂` of `党史`).
        // A cut that leaves two or more chars of the word on each side
        // (`法国|总理`, `马克思|主义`) splits a compound of a name and a head,
        // not a common word (`美丽乡|村`).
        let inside_word = |at: usize| {
            let k = tokens.partition_point(|t| (t.end as usize) <= at);
            tokens.get(k).is_some_and(|t| {
                let (ts, te) = (t.start as usize, t.end as usize);
                ts < at
                && at < te
                && (text[ts..at].chars().count() < 2 || text[at..te].chars().count() < 2)
                && !TITLES.contains(&&text[at..t.end as usize])
                // `司法部|长` (a minister), `法国|人` (a people)
                && !(at == m.end
                    && te == at + 3
                    && matches!(
                        (m.kind, &text[at..te]),
                        (EntityType::Organization, "长") | (EntityType::Place, "人")
                    ))
                && !TITLES.contains(&&text[t.start as usize..at])
                && matches!(
                    t.pos,
                    "n" | "v" | "a" | "vn" | "ad" | "d" | "l" | "i" | "an"
                )
            })
        };
        // One-char places are judged by their word below (`访华`, `驻京`).
        let one_char_place = m.kind == EntityType::Place && chars.len() == 1;
        r.on(Rule::InsideWord) && !one_char_place && (inside_word(m.start) || inside_word(m.end))
    }

    /// The rules of the mention's type.
    fn type_ok(&self) -> bool {
        let Judged {
            tokens,
            m,
            s,
            chars,
            r,
            ..
        } = *self;
        match m.kind {
            EntityType::Person => self.person_ok(),
            EntityType::Place if r.on(Rule::OneCharPlace) && chars.len() == 1 => {
                self.one_char_place_ok()
            }
            EntityType::Organization
                if r.on(Rule::VillageOrg) && (s.starts_with('村') || s.starts_with("机关")) =>
            {
                false
            }
            EntityType::Place
                if r.on(Rule::CommonStem)
                    && chars.len() >= 3
                    && PLACE_SUFFIXES.contains(&chars[chars.len() - 1])
                    && !ZONE_SUFFIXES.iter().any(|z| s.ends_with(z)) =>
            {
                // `帮扶村`, `每轮村`: a common word before the suffix is no name.
                let stem_end = m.end - chars[chars.len() - 1].len_utf8();
                let a = tokens.partition_point(|t| (t.start as usize) < m.start);
                !tokens[a..]
                    .iter()
                    .take_while(|t| (t.end as usize) <= stem_end)
                    .any(|t| {
                        let many = t.end - t.start > 3;
                        matches!(t.pos, "r" | "m" | "q" | "p")
                            || (many && matches!(t.pos, "v" | "vn" | "a" | "ad" | "d"))
                    })
            }
            EntityType::Organization if r.on(Rule::NumeralOrg) => {
                let numeral = chars
                    .first()
                    .is_some_and(|c| "二三四五六七八九".contains(*c));
                !(numeral && chars.len() <= 3)
            }
            _ => true,
        }
    }

    /// Lone surnames, quoted titles, nicknames and common words are no persons.
    fn person_ok(&self) -> bool {
        let Judged {
            text,
            m,
            s,
            chars,
            cover,
            r,
            ..
        } = *self;
        if r.on(Rule::LoneSurname)
            && chars.len() == 1
            && !next_char(text, m.end)
                .is_some_and(|c| "某老总先女小同局书主市省县部教外".contains(c))
            && prev_char(text, m.start) != Some('姓')
        {
            return false; // 任(组长), 史: a lone char is a name only before 某/老/局长/教授 ... or after 姓
        }
        let quoted = |c: Option<char>| c.is_some_and(|c| matches!(c, '"' | '“' | '”'));
        if r.on(Rule::QuotedName)
            && quoted(prev_char(text, m.start))
            && (quoted(next_char(text, m.end)) || s.contains('·'))
        {
            return false; // "党史·铸魂": a quoted name is a title, not a person
        }
        if r.on(Rule::Nickname) && chars.len() == 2 && matches!(chars[0], '小' | '老') {
            return false; // 小张, 老李: nicknames
        }
        // A common word that jieba knows as such is not a name (`小麦`,
        // `轮流`). jieba's dictionary also files some names as nouns or
        // idioms (`严义埙` n, `厉无畏` i, `桥本` n): three chars led by a
        // surname, and the names PFR tags `nr`, stay names.
        let full_name = (chars.len() == 3 && crate::text::is_surname(chars[0])) || person_name(s);
        if r.on(Rule::PersonCommonWord)
            && cover.len() == 1
            && chars.len() >= 2
            && (matches!(cover[0].pos, "v" | "vn" | "a" | "l" | "d")
                || (matches!(cover[0].pos, "n" | "i" | "m") && !full_name))
        {
            return false;
        }
        true
    }

    /// A one-char place inside a longer common word (`美丽`, `出台`, `法律`)
    /// is none, unless the word is `访华`-like.
    fn one_char_place_ok(&self) -> bool {
        let Judged {
            text, tokens, m, s, ..
        } = *self;
        let a = tokens.partition_point(|t| (t.end as usize) <= m.start);
        match tokens.get(a) {
            Some(t)
                if t.end - t.start > m.end as u32 - m.start as u32
                    && (t.start as usize) <= m.start =>
            {
                let w = &text[t.range()];
                let before = &text[t.start as usize..m.start];
                let after = &text[m.end..t.end as usize];
                matches!(t.pos, "j" | "ns" | "nz" | "nt")
                    || (t.pos == "x" && !made_up_function_word(w, t.pos))
                    // `驻华`, `来华`, `在京举行`
                    // (not `非`, mostly a negation: `对非教徒`)
                    || (before.chars().next_back().is_some_and(to_place) && s != "非")
                    // `中日`, `黄淮`, `中葡`: two abbreviations
                    || (w.chars().count() == 2 && w.chars().all(pair_char))
                    // `俄总统`, `中方`, `美军`: a country's office or side
                    || (before.is_empty()
                        && PLACE_HEADS.iter().any(|h| after.starts_with(h)))
            }
            _ => true,
        }
    }
}
