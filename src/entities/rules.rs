//! Rules over the tagger's output: what local news pages need and a model
//! trained on 1998 national news cannot know.
//!
//! * **Clean-up**: mentions are trimmed to word characters; generic words
//!   (`本报`, `我市`, `党组织`), products (`微信`) and nicknames (`小张`,
//!   `赵大爷`) are dropped; a one-character place (`中`, `美`) is kept only
//!   where such abbreviations occur (`中美`, `访华`, `在京`).
//!   Roles are no persons (`申请人`); an admin char before a generic word is
//!   no place (`市农村`); an organization ends in a body char (`局`, `院`, `会`).
//! * **Organizations** end in a body suffix (`局`, `分局`, `区委`, `支队`,
//!   `有限公司`, `领导小组`, `党支部` ...) and extend left over the words of
//!   their name until a function word, a verb of the sentence or a person.
//!   A name must start with something specific (a place, `市`/`区`/`县`, a
//!   proper noun, a quoted name), so `村党支部` and a bare `巡察工作领导小组`
//!   stay generic. A Party unit before a job title (`…公司党支部书记`) is
//!   read as the body plus the title.
//! * **Places** end in an administrative suffix (`县`, `镇`, `村`, `路` ...)
//!   after a name that is not a common word; chains (`临颍县王岗镇滕寺村`)
//!   give one place per link. Lists of short forms before `N个镇` are places.
//! * **Persons**: anonymized names (`吴某某`).
//!
//! Rule mentions win over the tagger's where they overlap, and the longest
//! (maximal) mention is kept, as the gold counts maximal mentions only.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{features, EntityType, RawMention};
use crate::lexicon::Token;

/// The rules, each switchable so that what it is worth can be measured
/// (`wenxi eval ner --without-rule NAME`); [`RuleSet::ALL`] is what ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Rule {
    /// Drop generic words (`本报`, `我市`) and an admin char before one (`市农村`).
    Generic,
    /// `法` after a noun or verb phrase is a law, not France.
    Law,
    /// Drop a mention that is one common word jieba files as a name (`阳光`).
    CommonWord,
    /// An organization must end in a body char unless jieba knows it whole.
    OrgHead,
    /// Drop a mention that starts or ends inside a common word.
    InsideWord,
    /// A lone-char person only before `某`/`老`/titles or after `姓`.
    LoneSurname,
    /// A quoted name is a title, not a person.
    QuotedName,
    /// `小张`, `老李`: nicknames are no persons.
    Nickname,
    /// A person that jieba knows as a common word is none (`小麦`).
    PersonCommonWord,
    /// A one-char place only where abbreviations occur (`中美`, `访华`).
    OneCharPlace,
    /// An organization starting with `村` or `机关` is generic.
    VillageOrg,
    /// A place whose stem holds a pronoun, numeral or long verb (`每轮村`) is none.
    CommonStem,
    /// A short organization led by a numeral (`二院`) is none.
    NumeralOrg,
    /// `东北地区` -> `东北`, `吴先生` -> `吴`, `巴黎阴` -> `巴黎`.
    StripTail,
    /// `吴某某`: anonymized names are persons.
    Anonymized,
    /// Places ending in an administrative suffix, and listed short forms.
    RulePlaces,
    /// Organizations ending in a body suffix, walked left over their name.
    RuleOrgs,
    /// The tagger's organization wins over a rule organization inside it.
    TaggerOrgWins,
    /// The tagger's `place + body` organization wins over the place (`薛埠镇党委`).
    PlaceAndBody,
    /// A periodical in title marks is an organization (`《天津日报》`).
    Periodicals,
    /// One-char places in `中方`, `美军`, `访华`, `驻京`.
    Abbreviations,
    /// Parties, armies, ministries jieba tags `nt` fill gaps (`致公党`).
    KnownBodies,
    /// `中共` before an organization is part of it.
    CpcPrefix,
    /// `青藏` -> `青` + `藏`.
    SplitPair,
    /// An organization loses leading particles and bare numbers.
    OrgLead,
    /// A place before a place-led organization stands alone (`长沙市` + `芙蓉区人民法院`).
    PlaceBeforeOrg,
    /// `舞阳` where the page also says `舞阳县` is the same place.
    ShortForms,
    /// A one-char organization (`部`, `局`) names no body.
    LoneBody,
    /// A one-char place is one of the closed class of place abbreviations.
    AbbreviationChar,
    /// A place led by a preposition or a determiner (`向村`, `每轮村`) is none,
    /// unless the gazetteer knows it (`本溪`).
    PlaceLead,
    /// `领导小组会`: a group's meeting names the group.
    Meeting,
    /// A place, its descriptors and a zone suffix are one place (`郑州航空港经济综合实验区`).
    Zones,
    /// `中部地区`: a region named by its direction is a place.
    Regions,
}

/// Every rule with its name (kebab-case, for the command line).
pub const RULES: &[(Rule, &str)] = &[
    (Rule::Generic, "generic"),
    (Rule::Law, "law"),
    (Rule::CommonWord, "common-word"),
    (Rule::OrgHead, "org-head"),
    (Rule::InsideWord, "inside-word"),
    (Rule::LoneSurname, "lone-surname"),
    (Rule::QuotedName, "quoted-name"),
    (Rule::Nickname, "nickname"),
    (Rule::PersonCommonWord, "person-common-word"),
    (Rule::OneCharPlace, "one-char-place"),
    (Rule::VillageOrg, "village-org"),
    (Rule::CommonStem, "common-stem"),
    (Rule::NumeralOrg, "numeral-org"),
    (Rule::StripTail, "strip-tail"),
    (Rule::Anonymized, "anonymized"),
    (Rule::RulePlaces, "rule-places"),
    (Rule::RuleOrgs, "rule-orgs"),
    (Rule::TaggerOrgWins, "tagger-org-wins"),
    (Rule::PlaceAndBody, "place-and-body"),
    (Rule::Periodicals, "periodicals"),
    (Rule::Abbreviations, "abbreviations"),
    (Rule::KnownBodies, "known-bodies"),
    (Rule::CpcPrefix, "cpc-prefix"),
    (Rule::SplitPair, "split-pair"),
    (Rule::OrgLead, "org-lead"),
    (Rule::PlaceBeforeOrg, "place-before-org"),
    (Rule::ShortForms, "short-forms"),
    (Rule::LoneBody, "lone-body"),
    (Rule::AbbreviationChar, "abbreviation-char"),
    (Rule::PlaceLead, "place-lead"),
    (Rule::Meeting, "meeting"),
    (Rule::Zones, "zones"),
    (Rule::Regions, "regions"),
];

/// A set of [`Rule`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet(u64);

impl RuleSet {
    /// Every rule: what ships.
    pub const ALL: RuleSet = RuleSet(u64::MAX);
    /// No rule: the bare tagger.
    pub const NONE: RuleSet = RuleSet(0);
    /// True when `r` is on.
    pub fn on(self, r: Rule) -> bool {
        self.0 & (1 << r as u8) != 0
    }
    /// This set without `r`.
    pub fn without(self, r: Rule) -> RuleSet {
        RuleSet(self.0 & !(1 << r as u8))
    }
    /// The rule named `name` (see [`RULES`]).
    pub fn rule(name: &str) -> Option<Rule> {
        RULES.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }
}

/// Body suffixes that end an organization name, longest first within a family.
const ORG_SUFFIXES: &[&str] = &[
    "有限责任公司",
    "有限公司",
    "股份公司",
    "公司",
    "领导小组办公室",
    "领导小组",
    "办公室",
    "政府办",
    "人民政府",
    "分局",
    "局",
    "支队",
    "大队",
    "中队",
    "海关",
    "党支部",
    "党总支",
    "党委",
    "党工委",
    "纪委监委",
    "纪委",
    "监委",
    "区委",
    "市委",
    "县委",
    "省委",
    "镇委",
    "常委会",
    "组织部",
    "宣传部",
    "统战部",
    "服务中心",
    "中心",
    "纪念馆",
    "博物馆",
    "学院",
    "小学",
    "中学",
    "大学",
    "医院",
    "二院",
    "研究院",
    "研究所",
    "法院",
    "检察院",
    "委员会",
    "协会",
    "银行",
    "集团",
    "合作社",
    "供电所",
    "派出所",
    "街道办事处",
    "残联",
    "妇联",
    "侨联",
    "文联",
    "工商联",
    "科协",
    "总工会",
    "团委",
    "红十字会",
    "促进会",
    "联合会",
    "研究会",
    "基金会",
    "商会",
    "日报社",
    "报社",
    "电视台",
    "广播电台",
    "出版社",
];

/// First chars of made-up jieba words (`由原`, `逼平`) that are no part of a name.
const LEADING_FUNCTION: &str = "由正在被把将从向对为与和及逼经于以往据使让给跟同了";

/// Last chars of made-up jieba words (`需向`, `均在`) that are no part of a name.
const TRAILING_FUNCTION: &str = "向在对从把被给于与和";

/// Words that end in a body suffix but name no body, nor does a word ending
/// in one (`新格局`; `印度当局` is the place `印度`).
const NOT_BODIES: &[&str] = &[
    "格局", "大局", "当局", "政局", "时局", "结局", "布局", "全局", "僵局", "残局", "开局", "败局",
    "终局", "骗局", "困局", "危局", "变局", "棋局", "战局", "牌局", "一局", "赛局",
];

/// Job titles: a Party unit before them is read as part of the title.
pub(super) const TITLES: &[&str] = &[
    "书记",
    "副书记",
    "主任",
    "副主任",
    "委员",
    "常委",
    "院长",
    "副院长",
    "局长",
    "副局长",
    "部长",
    "副部长",
    "组长",
    "副组长",
    "队长",
    "支队长",
    "主席",
    "副主席",
    "县长",
    "副县长",
    "区长",
    "副区长",
    "市长",
    "副市长",
    "镇长",
    "副镇长",
    "村长",
    "所长",
    "站长",
    "经理",
    "总经理",
    "董事长",
    "馆长",
    "校长",
    "记者",
    "通讯员",
    "干部",
    "负责人",
    "工作人员",
    "党员",
];

/// Words that are never an entity on their own.
const GENERIC: &[&str] = &[
    "本报",
    "我市",
    "我省",
    "我县",
    "我区",
    "该县",
    "该区",
    "该市",
    "该镇",
    "全市",
    "全区",
    "全县",
    "全镇",
    "全省",
    "党组织",
    "党支部",
    "村党支部",
    "机关党支部",
    "企业党支部",
    "村支部",
    "党委",
    "微信",
    "抖音",
    "支部",
    "政府",
    "中心",
    "村委",
    "村委会",
    "居委会",
    "社区",
    "村民",
    "城镇",
    "乡镇",
    "城市",
    "农村",
    "城区",
    "市区",
    "郊区",
    "山区",
    "景区",
    "园区",
    "辖区",
    "城乡",
    "乡村",
    "街道",
    "道路",
    "小区",
    "铁路",
    "高速铁路",
    "公路",
    "大街",
    "小城镇",
    "大城市",
    "文明城市",
    "卫生城市",
    "沿海",
    "北南",
    "南北",
    "雷阵雨",
    "阵雨",
    "多云",
    "小雨",
    "中雨",
    "大雨",
    "暴雨",
    "晴",
    "阴",
];

/// Last chars of organization names: the body a name ends in.
const ORG_HEADS: &str = "省体阁篮足排局委会部院社厅办组队军党团行所校厂站台报馆司处心署室庭园盟协府场店宫系班营连师旅网刊矿业国织约关大央学志份联)";

/// Administrative suffixes of places.
const PLACE_SUFFIXES: &[char] = &['省', '市', '县', '区', '镇', '乡', '村', '路', '街'];

/// Chars before a one-char place abbreviation that make it one (`访华`, `在京`).
/// The trainer's list (`train::TO_PLACE`) also has `出`: right for reading
/// PFR's tags, but as an inference rule it adds a wrong place on the seed page.
const TO_PLACE: &str = "访驻来在对旅离援侵抵赴进返回留";

/// One-char abbreviations of countries and provinces that pair up (`中美`,
/// `青藏`, `港台`), each a place of its own.
/// One-character abbreviations of countries, provinces and cities (`中`,
/// `美`, `京`, `沪`): the closed class a one-char place comes from.
pub(super) const PLACE_ABBR: &str = "中俄京美巴伊阿港日英哈华欧以法泰昆藏德台印亚罗加韩黎塔沪吉澳乌越意马菲朝晋川孟津捷滇杭鄂湘渝柬匈闽辽赣粤豫蜀冀黔陕陇葡荷穗浙桂叙芬琼甬挪瑞墨埃希苏蒙宁疆贵";

/// True for a one-char place abbreviation ([`PLACE_ABBR`] or [`PAIR_CHARS`]).
fn place_abbr(c: char) -> bool {
    static S: OnceLock<features::CharSet> = OnceLock::new();
    S.get_or_init(|| features::CharSet::new(&format!("{PLACE_ABBR}{PAIR_CHARS}")))
        .contains(c)
}

pub(super) const PAIR_CHARS: &str = "中俄京美巴伊阿港日英哈华欧以法泰藏德台印亚韩沪澳越意菲朝晋川津滇杭鄂湘渝闽辽赣粤豫冀黔陕陇葡荷穗浙桂琼青黄淮江苏蒙宁疆非";

/// True for a char of [`PAIR_CHARS`] (a bitmap test: the rules ask per token).
fn pair_char(c: char) -> bool {
    static S: OnceLock<features::CharSet> = OnceLock::new();
    S.get_or_init(|| features::CharSet::new(PAIR_CHARS))
        .contains(c)
}

/// True for a char of [`TO_PLACE`].
fn to_place(c: char) -> bool {
    static S: OnceLock<features::CharSet> = OnceLock::new();
    S.get_or_init(|| features::CharSet::new(TO_PLACE))
        .contains(c)
}

/// What follows a one-char country abbreviation to make a word of it that
/// still names the country: `俄总统`, `中方`, `美军`, `日首相`.
const PLACE_HEADS: &[&str] = &[
    "总统",
    "总理",
    "首相",
    "外长",
    "外交部",
    "政府",
    "方",
    "军",
    "籍",
    "两国",
    "双方",
    "议会",
];

/// Particles, conjunctions, adverbs, pronouns, measure words and other
/// grammatical tags: no part of a name.
fn grammatical_pos(pos: &str) -> bool {
    matches!(
        pos,
        "p" | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ud"
            | "ug"
            | "uv"
            | "c"
            | "d"
            | "r"
            | "rr"
            | "rz"
            | "f"
            | "q"
            | "y"
            | "e"
            | "o"
            | "t"
            | "k"
            | "m"
    )
}

/// Parts of speech that end the leftward walk of an organization name.
fn stops_org(pos: &str) -> bool {
    grammatical_pos(pos) || matches!(pos, "ad" | "a" | "z" | "df" | "mq")
}

/// Verbs that end a name even though names may hold verbs (`整治工作领导小组`).
const PREDICATES: &[&str] = &[
    "成立",
    "开展",
    "组织",
    "召开",
    "来到",
    "到",
    "在",
    "由",
    "带领",
    "联合",
    "举办",
    "是",
    "为",
    "对",
    "向",
    "经",
    "据",
    "任",
    "担任",
    "参加",
    "协调",
    "会同",
    "督促",
    "要求",
    "指导",
    "推动",
    "深入",
    "走进",
    "邀请",
    "积极",
    "发挥",
    "依托",
    "通过",
    "根据",
    "按照",
    "结合",
    "针对",
    "发布",
    "印发",
    "作为",
    "会议",
    "表示",
    "介绍",
    "说",
    "配合",
    "牵头",
    "抽调",
    "有",
    "被",
    "帮助",
    "打造",
    "建立",
    "构建",
    "学习",
    "加强",
    "落实",
    "推进",
    "完善",
    "实行",
    "实施",
    "建设",
    "讯",
    "如",
    "本报讯",
    "批准",
    "所属",
    "属于",
    "隶属",
    "注重",
    "培养",
    "走",
    "出",
    "刚出",
    "设立",
    "创办",
    "宣布",
    "称",
    "认为",
    "日电",
    "原",
    "两国",
    "双方",
    "有关",
    "特邀",
    "代表",
    "指出",
    "加入",
    "访问",
    "会见",
    "给",
    "让",
    "请",
    "仍",
    "会",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Trims a mention to word characters (parentheses and quotes inside are kept).
fn trim(text: &str, m: RawMention) -> Option<RawMention> {
    let s = &text[m.start..m.end];
    let lead = s.len() - s.trim_start_matches(|c: char| !is_word_char(c)).len();
    let trail = s.len()
        - s.trim_end_matches(|c: char| !is_word_char(c) && c != ')')
            .len();
    if lead + trail >= s.len() {
        return None;
    }
    let t = RawMention {
        start: m.start + lead,
        end: m.end - trail,
        kind: m.kind,
    };
    let body = &text[t.start..t.end];
    if body.contains(|c: char| c.is_whitespace() || c == '#') {
        return None;
    }
    Some(t)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The tokens exactly covering `[start, end)`, if the range is on token boundaries.
fn covering(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    let a = tokens.partition_point(|t| (t.start as usize) < start);
    let b = tokens.partition_point(|t| (t.start as usize) < end);
    let toks = &tokens[a..b];
    match (toks.first(), toks.last()) {
        (Some(f), Some(l)) if f.start as usize == start && l.end as usize == end => toks,
        _ => &[],
    }
}

/// The token holding byte `at`.
fn token_at(tokens: &[Token], at: usize) -> Option<Token> {
    let k = tokens.partition_point(|t| (t.end as usize) <= at);
    tokens.get(k).filter(|t| t.start as usize <= at).copied()
}

/// `领导小组会`, `领导小组会议`: a group's meeting; the organization is the group.
fn meeting_body(text: &str, m: RawMention) -> RawMention {
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
fn strip_generic_tail(text: &str, m: RawMention) -> RawMention {
    let s = &text[m.start..m.end];
    if m.kind == EntityType::Person {
        // `吴先生`, `陈小姐`, `胡老`: the person is the surname.
        for tail in ["先生", "小姐", "女士", "老"] {
            if let Some(head) = s.strip_suffix(tail) {
                if head.chars().count() == 1
                    && features::is_surname(s.chars().next().unwrap_or(' '))
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

/// Chars of weather words (`多云转晴`, `阴转小雨`) that a tagger runs into a
/// city's name in a weather table.
const WEATHER_CHARS: &str = "阴晴云雨雪转小中大阵雷";

/// True for a common word that jieba's dictionary tags as a name (`阳光`
/// nr, `加油站` nt): the list `wenxi-train-ner` derives from PFR.
fn common_word(w: &str) -> bool {
    static S: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| COMMON_WORDS.lines().collect()).contains(w)
}

/// `assets/ner.common.txt`, written by `wenxi-train-ner` next to the model.
const COMMON_WORDS: &str = include_str!("../../assets/ner.common.txt");

/// True for a person's name that jieba's dictionary tags as a common word
/// (`桥本` n): the list `wenxi-train-ner` derives from PFR.
fn person_name(w: &str) -> bool {
    static S: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| PERSON_NAMES.lines().collect()).contains(w)
}

/// `assets/ner.names.txt`, written by `wenxi-train-ner` next to the model.
const PERSON_NAMES: &str = include_str!("../../assets/ner.names.txt");

/// Drops what the tagger got wrong on news pages (see the module docs).
fn keep(text: &str, tokens: &[Token], m: &RawMention, r: RuleSet) -> bool {
    let s = &text[m.start..m.end];
    if r.on(Rule::Generic) && GENERIC.contains(&s) {
        return false;
    }
    let chars: Vec<char> = s.chars().collect();
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
        && !super::gazetteer::is_place(s)
        && ("每各该本这那此其全向在从对往于把被".contains(chars[0])
            || token_at(tokens, m.start)
                .is_some_and(|t| t.start as usize == m.start && t.pos == "p"))
    {
        return false;
    }
    let cover = covering(tokens, m.start, m.end);
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
    if r.on(Rule::InsideWord) && !one_char_place && (inside_word(m.start) || inside_word(m.end)) {
        return false;
    }
    match m.kind {
        EntityType::Person => {
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
            let full_name = (chars.len() == 3 && features::is_surname(chars[0])) || person_name(s);
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
        EntityType::Place if r.on(Rule::OneCharPlace) && chars.len() == 1 => {
            // Inside a longer common word (`美丽`, `出台`, `法律`) it is not a place,
            // unless the word is `访华`-like.
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

/// Walks left from token `k` (the suffix token) over the words of a name;
/// returns the index of the first token of the name.
fn walk_left(text: &str, tokens: &[Token], k: usize, persons: &[RawMention]) -> usize {
    let mut first = k;
    let mut chars = text[tokens[k].range()].chars().count();
    let mut j = k;
    let mut paren = false;
    let mut in_quote = false;
    while j > 0 {
        let t = tokens[j - 1];
        if t.end != tokens[j].start {
            break; // a gap: whitespace or a line break
        }
        let w = &text[t.range()];
        if w == ")" || w == "）" {
            paren = true;
        } else if (w == "(" || w == "（") && paren {
            paren = false;
        } else if w == "”" {
            in_quote = true; // walking left, a closing quote opens a quoted part of the name
        } else if w == "“" {
            if !in_quote {
                break; // the quote opened before the name: `这所“帐篷小学`
            }
            in_quote = false;
        } else if w == "\"" {
            in_quote = !in_quote;
        } else if !w.chars().all(is_word_char) {
            break;
        }
        let adjective_of_name = (t.pos == "a" && matches!(tokens[j].pos, "x" | "nz"))
            || (t.pos == "m" && w.starts_with('第'));
        if w.chars().all(is_word_char)
            && !in_quote
            && ((stops_org(t.pos) && !adjective_of_name)
                || matches!(t.pos, "nr" | "nrfg")
                || PREDICATES.contains(&w)
                || TITLES.contains(&w))
        {
            break;
        }
        // A verb is inside a name (`文化扶贫委员会`) only when a noun comes
        // before it; after a pronoun, adverb, name, punctuation or another
        // verb it governs the name (`他出任中古史研究所`, `宣布收购…公司`).
        if t.pos.starts_with('v') && t.pos != "vn" && w.chars().count() >= 2 && !in_quote {
            let before = j.checked_sub(2).map(|b| tokens[b]);
            let governs = before.is_none_or(|b| {
                b.end != t.start
                    || !text[b.range()].chars().all(is_word_char)
                    || stops_org(b.pos)
                    || b.pos.starts_with('v')
                    || matches!(b.pos, "nr" | "nrfg")
                    || PREDICATES.contains(&&text[b.range()])
                    || ORG_SUFFIXES.iter().any(|s| text[b.range()].ends_with(s))
            });
            if governs {
                break;
            }
        }
        if made_up_function_word(w, t.pos) {
            break;
        }
        // A complete body before a new one (`市政府办` `市二院`, run together).
        if ORG_SUFFIXES.iter().any(|s| w.ends_with(s))
            && text[tokens[j].range()].starts_with(['市', '区', '县', '省'])
        {
            break;
        }
        let (ks, ke) = (tokens[k].start as usize, tokens[k].end as usize);
        let from = persons.partition_point(|p| p.end <= t.start as usize);
        if persons[from..]
            .iter()
            .take_while(|p| p.start < t.end as usize)
            .any(|p| {
                p.start < t.end as usize
                    && (t.start as usize) < p.end
                    && !(p.start < ke && ks < p.end)
                    && p.end != ks
            })
        {
            break;
        }
        chars += w.chars().count();
        if chars > 26 {
            break;
        }
        j -= 1;
        first = j;
    }
    // Quotes must pair up: drop an unmatched leading quote.
    while first < k && matches!(&text[tokens[first].range()], "\"" | "“" | "”") {
        let inner = &text[tokens[first].end as usize..tokens[k].end as usize];
        if inner.contains(['"', '”']) {
            break;
        }
        first += 1;
    }
    if paren {
        // An unmatched `)`: start after it.
        while first < k && !matches!(&text[tokens[first].range()], ")" | "）") {
            first += 1;
        }
        first += 1;
    }
    first
}

/// True when a name starting at token `first` (ending at token `last`) is specific, not generic.
fn specific_start(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    places: &HashSet<usize>,
) -> bool {
    if tokens[first..last]
        .iter()
        .any(|t| matches!(t.pos, "ns" | "nt" | "nz" | "x" | "eng" | "nrt"))
    {
        return true;
    }
    let t = tokens[first];
    let w = &text[t.range()];
    if matches!(w, "\"" | "“") {
        return true;
    }
    if places.contains(&(t.start as usize)) {
        return true;
    }
    if matches!(t.pos, "ns" | "nt" | "nz" | "x" | "eng" | "nrt" | "j") {
        return true;
    }
    let c = w.chars().next().unwrap_or(' ');
    matches!(c, '市' | '区' | '县' | '省' | '镇' | '乡') && w != "市场"
}

/// Organizations ending in a body suffix.
fn organizations(
    text: &str,
    tokens: &[Token],
    persons: &[RawMention],
    places: &HashSet<usize>,
) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    for k in 0..tokens.len() {
        let full = &text[tokens[k].range()];
        // Fast exit: every body suffix and title ends in one of these chars.
        if !full.chars().next_back().is_some_and(|c| {
            "司组室办府局队关部委会院学所心馆行团社厂总记任员席理长人支处者联协台".contains(c)
        }) {
            continue;
        }
        // `纪委书记`: jieba's word holds the body and the title.
        let w = TITLES
            .iter()
            .filter_map(|t| full.strip_suffix(t))
            .find(|b| ORG_SUFFIXES.iter().any(|s| b.ends_with(s)))
            .unwrap_or(full);
        let Some(suffix) = ORG_SUFFIXES.iter().find(|s| w.ends_with(**s)) else {
            continue;
        };
        if NOT_BODIES.iter().any(|b| w.ends_with(b)) {
            continue;
        }
        let first = walk_left(text, tokens, k, persons);
        // An unmatched `)` right before the suffix word leaves no name.
        if first > k || !specific_start(text, tokens, first, k, places) {
            continue;
        }
        let mut start = tokens[first].start as usize;
        let end = tokens[k].start as usize + w.len();
        // A Party unit before a title belongs to the title when a body precedes it.
        if matches!(*suffix, "党支部" | "党委" | "党总支") {
            let body_end = end - suffix.len();
            let body = &text[start..body_end];
            if ORG_SUFFIXES
                .iter()
                .any(|s| body.ends_with(s) && !matches!(*s, "党支部" | "党委" | "党总支"))
            {
                out.push(RawMention {
                    start,
                    end: body_end,
                    kind: EntityType::Organization,
                });
                continue;
            }
        }
        if start == end {
            continue;
        }
        // `(` can only open inside the name.
        if let Some(c) = text[start..end]
            .chars()
            .next()
            .filter(|c| matches!(c, '(' | '（'))
        {
            start += c.len_utf8();
        }
        out.push(RawMention {
            start,
            end,
            kind: EntityType::Organization,
        });
    }
    out
}

fn name_pos(pos: &str) -> bool {
    matches!(pos, "ns" | "nr" | "nrt" | "nz" | "x" | "nrfg" | "j")
}

fn ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn ideographs(w: &str) -> bool {
    w.chars().all(ideograph)
}

/// One-char words that never start a place name (`是/山区`, `使/全县`).
const FREE_CHARS: &str = "是使在为对把被将从向到和与及的了也都就又还要会能大小新老全各每该本我他她这那其此上下中内外前后里等或则而但并且往于以由经走无";

/// Places ending in an administrative suffix, one per link of a chain.
///
/// A token ending in a suffix is a place when it is a name of three or more
/// chars (`临颍县`, `王岗镇`); when it has two chars and follows a one-char
/// token (`召/陵区`, `窝/城镇`: jieba's splits of unknown names); or when it is
/// the bare suffix after a two-char name (`郾城/区`, `文化/路`).
fn places(text: &str, tokens: &[Token]) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    for k in 0..tokens.len() {
        let t = tokens[k];
        let w = &text[t.range()];
        let Some(sfx) = w.chars().next_back().filter(|c| PLACE_SUFFIXES.contains(c)) else {
            continue;
        };
        if w.ends_with("之路") {
            continue; // `复兴之路`, the writer `张之路`: a way, not a road
        }
        if !ideographs(w) {
            continue;
        }
        let road = matches!(sfx, '路' | '街');
        let wl = w.chars().count();
        let prev = (k > 0)
            .then(|| tokens[k - 1])
            .filter(|p| p.end == t.start && ideographs(&text[p.range()]));
        let prev_len = prev.map(|p| text[p.range()].chars().count()).unwrap_or(0);
        let start = match wl {
            _ if wl >= 3
                && name_pos(t.pos)
                && !w.chars().next().is_some_and(|c| FREE_CHARS.contains(c)) =>
            {
                Some(t.start)
            }
            2 if prev_len == 1
                && prev.is_some_and(|p| {
                    !grammatical_pos(p.pos)
                        && !text[p.range()].chars().all(|c| FREE_CHARS.contains(c))
                }) =>
            {
                prev.map(|p| p.start)
            }
            2 if t.pos == "ns" => Some(t.start),
            1 if prev_len == 2
                && prev.is_some_and(|p| name_pos(p.pos) || (road && p.pos == "n")) =>
            {
                prev.map(|p| p.start)
            }
            _ => None,
        };
        let Some(s) = start.map(|s| s as usize) else {
            continue;
        };
        if GENERIC.contains(&&text[s..t.end as usize]) {
            continue;
        }
        out.push(RawMention {
            start: s,
            end: t.end as usize,
            kind: EntityType::Place,
        });
    }
    out
}

/// Last words of development zones and regions that carry a place's name.
const ZONE_SUFFIXES: &[&str] = &[
    "自由贸易试验区",
    "综合实验区",
    "综合试验区",
    "综合保税区",
    "自贸试验区",
    "实验区",
    "试验区",
    "示范区",
    "开发区",
    "经开区",
    "高新区",
    "自贸区",
    "保税区",
    "工业园区",
    "产业园区",
    "科技园区",
    "新区",
    "合作区",
    "先行区",
];

/// `郑州航空港经济综合实验区`, `浦东新区`, `苏州工业园区`: a place, the words
/// that describe the zone, and a zone suffix are one place (a zone is a unit
/// of local government in China). The name must open with a place the
/// tagger's words or the gazetteer know, so a bare `开发区` stays generic.
fn zones(text: &str, tokens: &[Token]) -> Vec<RawMention> {
    // Every suffix ends in `区`: one pass over those, longest suffix first.
    let mut out = Vec::new();
    for (z, _) in text.match_indices('区') {
        let end = z + '区'.len_utf8();
        let named = ZONE_SUFFIXES
            .iter()
            .filter(|s| text[..end].ends_with(**s))
            .find_map(|s| zone_name_start(text, tokens, end - s.len()));
        if let Some(start) = named {
            out.push(RawMention {
                start,
                end,
                kind: EntityType::Place,
            });
        }
    }
    out
}

/// Where the name of a zone whose suffix starts at `at` begins: the
/// leftmost place among the name words (nouns, places, short forms) right
/// before it, at most 14 chars back; `None` when no place opens it or the
/// suffix starts inside a word.
fn zone_name_start(text: &str, tokens: &[Token], at: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| (t.end as usize) <= at);
    if tokens.get(k).is_some_and(|t| (t.start as usize) < at) {
        return None;
    }
    let mut start = None;
    let mut chars = 0;
    for t in tokens[..k].iter().rev() {
        let w = &text[t.range()];
        chars += w.chars().count();
        if !ideographs(w)
            || chars > 14
            || !matches!(
                t.pos,
                "n" | "vn" | "ns" | "nz" | "j" | "l" | "nt" | "x" | "an"
            )
        {
            break;
        }
        if t.pos == "ns" || super::gazetteer::is_place(w) {
            start = Some(t.start as usize);
        }
    }
    start
}

/// `中部地区`, `西部地区`: a region named by its direction is a place.
fn regions(text: &str) -> impl Iterator<Item = RawMention> + '_ {
    text.match_indices("部地区").filter_map(move |(at, _)| {
        let c = text[..at].chars().next_back()?;
        let start = at - c.len_utf8();
        let before = text[..start].chars().next_back();
        ("东西南北中".contains(c) && !before.is_some_and(|b| "东西南北".contains(b))).then_some(
            RawMention {
                start,
                end: at + "部地区".len(),
                kind: EntityType::Place,
            },
        )
    })
}

/// `孟庙、李集、商桥、裴城4个镇`: the listed short forms are places.
fn listed_places(text: &str) -> Vec<RawMention> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("个") {
        let after = next_char(text, i + "个".len());
        if !after.is_some_and(|c| matches!(c, '镇' | '乡' | '村' | '县' | '区' | '市')) {
            continue;
        }
        // Skip the count.
        let head = text[..i].trim_end_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十两几".contains(c)
        });
        let mut end = head.len();
        let mut items = Vec::new();
        loop {
            // Each item is two ideographs, separated by `、`.
            let two: Vec<char> = head[..end].chars().rev().take(2).collect();
            if two.len() < 2
                || !two
                    .iter()
                    .all(|&c| c as u32 >= 0x3400 && crate::clean::is_cjk(c))
            {
                break;
            }
            let len: usize = two.iter().map(|c| c.len_utf8()).sum();
            items.push((end - len, end));
            match head[..end - len].strip_suffix('、') {
                Some(rest) => end = rest.len(),
                None => break,
            }
        }
        if items.len() >= 2 {
            out.extend(items.into_iter().map(|(s, e)| RawMention {
                start: s,
                end: e,
                kind: EntityType::Place,
            }));
        }
    }
    out
}

/// `吴某某`: an anonymized name.
fn anonymized(text: &str) -> Vec<RawMention> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("某某") {
        if let Some(c) = prev_char(text, i).filter(|&c| super::features::is_surname(c)) {
            out.push(RawMention {
                start: i - c.len_utf8(),
                end: i + "某某".len(),
                kind: EntityType::Person,
            });
        }
    }
    out
}

/// Applies the rules to the tagger's mentions; returns mentions in text order.
pub fn refine(
    text: &str,
    tokens: &[Token],
    tagged: Vec<RawMention>,
    r: RuleSet,
) -> Vec<RawMention> {
    let trimmed: Vec<RawMention> = tagged.into_iter().filter_map(|m| trim(text, m)).collect();
    let model: Vec<RawMention> = trimmed
        .into_iter()
        .map(|m| {
            if r.on(Rule::StripTail) {
                strip_generic_tail(text, m)
            } else {
                m
            }
        })
        .map(|m| {
            if r.on(Rule::Meeting) {
                meeting_body(text, m)
            } else {
                m
            }
        })
        .filter(|m| keep(text, tokens, m, r))
        .collect();
    let anon = if r.on(Rule::Anonymized) {
        anonymized(text)
    } else {
        Vec::new()
    };
    let persons: Vec<RawMention> = anon
        .iter()
        .copied()
        .chain(
            model
                .iter()
                .filter(|m| m.kind == EntityType::Person)
                .copied(),
        )
        .collect();
    let mut rule_places: Vec<RawMention> = if r.on(Rule::RulePlaces) {
        places(text, tokens)
            .into_iter()
            .map(|m| strip_generic_tail(text, m))
            .chain(listed_places(text))
            .collect()
    } else {
        Vec::new()
    };
    if r.on(Rule::Zones) {
        rule_places.extend(zones(text, tokens));
    }
    if r.on(Rule::Regions) {
        rule_places.extend(regions(text));
    }
    let all_places: Vec<RawMention> = rule_places
        .iter()
        .chain(model.iter().filter(|m| m.kind == EntityType::Place))
        .copied()
        .collect();
    let mut persons = persons;
    persons.sort_by_key(|p| (p.end, p.start));
    let place_starts: HashSet<usize> = all_places.iter().map(|p| p.start).collect();
    let orgs = if r.on(Rule::RuleOrgs) {
        organizations(text, tokens, &persons, &place_starts)
    } else {
        Vec::new()
    };
    // Priority: rule ORG, anonymized PER, rule LOC, then the tagger; longer first.
    // The tagger's organization wins over a rule's organization inside it
    // (`月山车站汽车运贸公司` over `山车站汽车运贸公司`, `海南公司飞行部`
    // over `海南公司`): it saw where such names start and end.
    // Not a Party unit after the body (the rules give `党支部书记` to the
    // title), nor a verb before it (`特邀|市委`).
    let mut org_spans: Vec<(usize, usize)> = orgs.iter().map(|o| (o.start, o.end)).collect();
    org_spans.sort_unstable();
    let containing = |m: &RawMention| {
        let s = &text[m.start..m.end];
        m.kind == EntityType::Organization
            && !["党委", "党支部", "党总支", "党组"]
                .iter()
                .any(|p| s.ends_with(p))
            && !token_at(tokens, m.start).is_some_and(|t| {
                t.pos.starts_with('v')
                    || matches!(t.pos, "nr" | "nrfg")
                    || PREDICATES.contains(&&text[t.range()])
            })
            && {
                let k = org_spans.partition_point(|o| o.0 < m.start);
                org_spans[k..]
                    .iter()
                    .take_while(|o| o.0 < m.end)
                    .any(|&o| o.1 <= m.end && o != (m.start, m.end))
            }
    };
    let mut ranked: Vec<(u8, RawMention)> = Vec::new();
    // `薛埠镇党委`, `漳州市教委`: the tagger's organization that is a rule
    // place and a body word after it wins over the place.
    let place_ends: HashSet<(usize, usize)> =
        rule_places.iter().map(|p| (p.start, p.end)).collect();
    let place_and_body = |m: &RawMention| {
        m.kind == EntityType::Organization
            && token_at(tokens, m.start).is_some_and(|t| {
                let (ts, te) = (t.start as usize, t.end as usize);
                if ts != m.start || te >= m.end {
                    return false;
                }
                let body = &text[te..m.end];
                place_ends.contains(&(ts, te))
                    && (2..=3).contains(&body.chars().count())
                    && body
                        .chars()
                        .next_back()
                        .is_some_and(|c| ORG_HEADS.contains(c))
            })
    };
    ranked.extend(
        model
            .iter()
            .filter(|m| {
                (r.on(Rule::TaggerOrgWins) && containing(m))
                    || (r.on(Rule::PlaceAndBody) && place_and_body(m))
            })
            .map(|m| (0, *m)),
    );
    ranked.extend(orgs.into_iter().map(|m| (0, m)));
    if r.on(Rule::Periodicals) {
        ranked.extend(periodicals(text).map(|m| (0, m)));
    }
    ranked.extend(anon.into_iter().map(|m| (0, m)));
    ranked.extend(rule_places.into_iter().map(|m| (1, m)));
    if r.on(Rule::Abbreviations) {
        ranked.extend(abbreviations(text, tokens).map(|m| (1, m)));
    }
    ranked.extend(model.into_iter().map(|m| (2, m)));
    if r.on(Rule::KnownBodies) {
        ranked.extend(known_bodies(text, tokens).map(|m| (3, m)));
    }
    ranked.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1.end - b.1.start).cmp(&(a.1.end - a.1.start)))
            .then(a.1.start.cmp(&b.1.start))
    });
    let mut out: Vec<RawMention> = Vec::new();
    // Bytes already taken by a kept mention: overlap tests stay O(length).
    let mut taken = vec![false; text.len()];
    for (_, m) in ranked {
        if m.start >= m.end || !keep(text, tokens, &m, r) {
            continue;
        }
        if taken[m.start..m.end].iter().any(|&t| t) {
            continue;
        }
        taken[m.start..m.end].iter_mut().for_each(|t| *t = true);
        out.push(m);
    }
    // `中共十五大`: the Party's short name right before a body is part of it.
    for m in out.iter_mut() {
        if r.on(Rule::CpcPrefix)
            && m.kind == EntityType::Organization
            && text[..m.start].ends_with("中共")
        {
            let s = m.start - "中共".len();
            if !taken[s..m.start].iter().any(|&t| t) {
                taken[s..m.start].iter_mut().for_each(|t| *t = true);
                m.start = s;
            }
        }
    }
    let mut out: Vec<RawMention> = out
        .into_iter()
        .flat_map(|m| {
            // A piece the split changed is judged again; the others were.
            split_mention(text, tokens, m, r)
                .into_iter()
                .flatten()
                .filter(move |p| *p == m || keep(text, tokens, p, r))
        })
        .collect();
    if r.on(Rule::ShortForms) {
        short_forms(text, tokens, &mut out, &taken);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Last words of a newspaper's or a magazine's name.
const PERIODICAL_TAILS: &[&str] = &["报", "周刊", "杂志", "画报", "月刊"];

/// `《天津日报》`, `《纽约时报》`, `《经济周刊》`: a title in book-title marks
/// that names a periodical is an organization (the place in it is part of
/// the name).
fn periodicals(text: &str) -> impl Iterator<Item = RawMention> + '_ {
    text.match_indices('《').filter_map(move |(open, _)| {
        let start = open + '《'.len_utf8();
        let len = text[start..].find(['》', '《', '\n'])?;
        let title = &text[start..start + len];
        let chars = title.chars().count();
        ((3..=12).contains(&chars)
            && text[start + len..].starts_with('》')
            && PERIODICAL_TAILS.iter().any(|t| title.ends_with(t)))
        .then_some(RawMention {
            start,
            end: start + len,
            kind: EntityType::Organization,
        })
    })
}

/// One-char places inside a two-char word, found in one pass over the words:
/// * a country's side or army, `中方`, `美方`, `日军` (not `亚军`, runner-up);
/// * a visit or a stay, `访华`, `驻京`, `侵华`, `反华` (not `非`, mostly a
///   negation: `对非教徒`).
fn abbreviations<'a>(text: &'a str, tokens: &'a [Token]) -> impl Iterator<Item = RawMention> + 'a {
    tokens.iter().filter_map(move |t| {
        let w = &text[t.range()];
        let mut cs = w.chars();
        let (a, b) = match (cs.next(), cs.next(), cs.next()) {
            (Some(a), Some(b), None) => (a, b),
            _ => return None,
        };
        let start = t.start as usize;
        let (start, c) = if matches!(b, '方' | '军') && pair_char(a) && w != "亚军" {
            (start, a)
        } else if (to_place(a) || a == '反') && pair_char(b) && b != '非' {
            (start + a.len_utf8(), b)
        } else {
            return None;
        };
        Some(RawMention {
            start,
            end: start + c.len_utf8(),
            kind: EntityType::Place,
        })
    })
}

/// Last chars of a party, army, team, ministry or alliance name.
const WORD_BODY_HEADS: &str = "党军队部厅盟";

/// Parties, armies, teams, ministries and alliances that jieba knows whole
/// (`致公党`, `解放军`, `墨西哥队`, `中联部`, tagged `nt`): organizations
/// where the tagger saw none. Not a region (`中南部`).
fn known_bodies<'a>(text: &'a str, tokens: &'a [Token]) -> impl Iterator<Item = RawMention> + 'a {
    tokens
        .iter()
        .filter(|t| t.pos == "nt")
        .filter(move |t| {
            let w = &text[t.range()];
            w.ends_with(|c| WORD_BODY_HEADS.contains(c))
                && !["东部", "西部", "南部", "北部", "中部"]
                    .iter()
                    .any(|d| w.ends_with(d))
        })
        .map(|t| RawMention {
            start: t.start as usize,
            end: t.end as usize,
            kind: EntityType::Organization,
        })
}

/// `青藏`, `印巴`, `港台`: two one-char abbreviations, each a place (the gold
/// sets count two). Not a place whose name is two such chars: rivers and
/// provinces in `江` (`江苏`, `湘江`), regions in `中` (`华中`, `中亚`), `辽宁`,
/// `中华`.
fn split_pair(text: &str, m: RawMention) -> [Option<RawMention>; 2] {
    let w = &text[m.start..m.end];
    let mut cs = w.chars();
    let pair = match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None) => {
            a != b
                && pair_char(a)
                && pair_char(b)
                && !w.contains('江')
                && b != '中'
                && !matches!(w, "中亚" | "中欧" | "中华" | "辽宁")
        }
        _ => false,
    };
    if !pair {
        return [Some(m), None];
    }
    let mid = m.start + w.chars().next().map_or(0, char::len_utf8);
    [
        Some(RawMention { end: mid, ..m }),
        Some(RawMention { start: mid, ..m }),
    ]
}

/// A two-char word jieba made up (`x`) that starts with a preposition or a
/// verb of motion (`由原`, `逼平`) or ends in a preposition (`需向`): no part
/// of a name.
fn made_up_function_word(w: &str, pos: &str) -> bool {
    pos == "x"
        && w.chars().count() == 2
        && (w.starts_with(|c| LEADING_FUNCTION.contains(c))
            || w.ends_with(|c| TRAILING_FUNCTION.contains(c)))
}

/// True for a word that opens no name: a particle, a bare number (`1997`), or
/// a [`made_up_function_word`] (`逼平`).
fn leads_no_name(text: &str, t: &Token) -> bool {
    let w = &text[t.range()];
    matches!(t.pos, "p" | "u" | "uj" | "ul" | "uz" | "c" | "mq" | "q")
        || (t.pos == "m"
            && w.starts_with(|c: char| {
                c.is_ascii_digit() || "零一二三四五六七八九十百千万两几".contains(c)
            }))
        || made_up_function_word(w, t.pos)
}

/// Splits a place that is two abbreviations ([`split_pair`]), and fixes the
/// start of an organization: words that open no name are cut off
/// (`了联邦委员会`, `1997中国工程院`), and a place followed by another place
/// stands alone (`长沙市` + `芙蓉区人民法院`, `黑龙江省` + `阿城市委`): the
/// gold sets give a body the nearest place only.
fn split_mention(
    text: &str,
    tokens: &[Token],
    m: RawMention,
    r: RuleSet,
) -> [Option<RawMention>; 2] {
    if m.kind == EntityType::Place && r.on(Rule::SplitPair) {
        return split_pair(text, m);
    }
    if m.kind != EntityType::Organization {
        return [Some(m), None];
    }
    let toks = covering(tokens, m.start, m.end);
    let lead = if r.on(Rule::OrgLead) {
        toks.iter().take_while(|t| leads_no_name(text, t)).count()
    } else {
        0
    };
    let toks = &toks[lead.min(toks.len().saturating_sub(1))..];
    let start = toks.first().map_or(m.start, |t| t.start as usize);
    let m = RawMention { start, ..m };
    match toks {
        [a, b, _, ..] if r.on(Rule::PlaceBeforeOrg) && a.pos == "ns" && b.pos == "ns" => [
            Some(RawMention {
                start: a.start as usize,
                end: a.end as usize,
                kind: EntityType::Place,
            }),
            Some(RawMention {
                start: b.start as usize,
                ..m
            }),
        ],
        _ => [Some(m), None],
    }
}

/// `舞阳` where the page also says `舞阳县`: a place's stem, standing alone as
/// a word, is the same place.
fn short_forms(text: &str, tokens: &[Token], out: &mut Vec<RawMention>, taken: &[bool]) {
    let stems: HashSet<&str> = out
        .iter()
        .filter(|m| m.kind == EntityType::Place)
        .map(|m| &text[m.start..m.end])
        .filter(|w| {
            w.chars().count() == 3
                && w.chars()
                    .next_back()
                    .is_some_and(|c| "县市区镇乡".contains(c))
        })
        .map(|w| &w[..w.len() - 3])
        .collect();
    if stems.is_empty() {
        return;
    }
    let found: Vec<RawMention> = tokens
        .iter()
        .filter(|t| stems.contains(&text[t.range()]) && !taken[t.range()].iter().any(|&x| x))
        .map(|t| RawMention {
            start: t.start as usize,
            end: t.end as usize,
            kind: EntityType::Place,
        })
        .collect();
    out.extend(found);
}
