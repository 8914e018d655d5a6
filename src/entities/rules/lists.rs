//! The word lists and character classes the rules read: body suffixes,
//! titles, generic words, place abbreviations, predicates, and the jieba
//! tags that mark function words.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Body suffixes that end an organization name, longest first within a family.
pub(super) const ORG_SUFFIXES: &[&str] = &[
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
pub(super) const LEADING_FUNCTION: &str = "由正在被把将从向对为与和及逼经于以往据使让给跟同了";

/// Last chars of made-up jieba words (`需向`, `均在`) that are no part of a name.
pub(super) const TRAILING_FUNCTION: &str = "向在对从把被给于与和";

/// Words that end in a body suffix but name no body, nor does a word ending
/// in one (`新格局`; `印度当局` is the place `印度`).
pub(super) const NOT_BODIES: &[&str] = &[
    "格局", "大局", "当局", "政局", "时局", "结局", "布局", "全局", "僵局", "残局", "开局", "败局",
    "终局", "骗局", "困局", "危局", "变局", "棋局", "战局", "牌局", "一局", "赛局",
];

/// Job titles: a Party unit before them is read as part of the title.
pub(crate) const TITLES: &[&str] = &[
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
pub(super) const GENERIC: &[&str] = &[
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
pub(super) const ORG_HEADS: &str = "省体阁篮足排局委会部院社厅办组队军党团行所校厂站台报馆司处心署室庭园盟协府场店宫系班营连师旅网刊矿业国织约关大央学志份联)";

/// Administrative suffixes of places.
pub(super) const PLACE_SUFFIXES: &[char] = &['省', '市', '县', '区', '镇', '乡', '村', '路', '街'];

/// Chars before a one-char place abbreviation that make it one (`访华`, `在京`).
/// The trainer's list (`train::TO_PLACE`) also has `出`: right for reading
/// PFR's tags, but as an inference rule it adds a wrong place on the seed page.
pub(super) const TO_PLACE: &str = "访驻来在对旅离援侵抵赴进返回留";

/// One-char abbreviations of countries and provinces that pair up (`中美`,
/// `青藏`, `港台`), each a place of its own.
/// One-character abbreviations of countries, provinces and cities (`中`,
/// `美`, `京`, `沪`): the closed class a one-char place comes from.
pub(crate) const PLACE_ABBR: &str = "中俄京美巴伊阿港日英哈华欧以法泰昆藏德台印亚罗加韩黎塔沪吉澳乌越意马菲朝晋川孟津捷滇杭鄂湘渝柬匈闽辽赣粤豫蜀冀黔陕陇葡荷穗浙桂叙芬琼甬挪瑞墨埃希苏蒙宁疆贵";

/// True for a one-char place abbreviation ([`PLACE_ABBR`] or [`PAIR_CHARS`]).
pub(super) fn place_abbr(c: char) -> bool {
    static S: OnceLock<crate::text::CharSet> = OnceLock::new();
    S.get_or_init(|| crate::text::CharSet::new(&format!("{PLACE_ABBR}{PAIR_CHARS}")))
        .contains(c)
}

pub(crate) const PAIR_CHARS: &str = "中俄京美巴伊阿港日英哈华欧以法泰藏德台印亚韩沪澳越意菲朝晋川津滇杭鄂湘渝闽辽赣粤豫冀黔陕陇葡荷穗浙桂琼青黄淮江苏蒙宁疆非";

/// True for a char of [`PAIR_CHARS`] (a bitmap test: the rules ask per token).
pub(super) fn pair_char(c: char) -> bool {
    static S: OnceLock<crate::text::CharSet> = OnceLock::new();
    S.get_or_init(|| crate::text::CharSet::new(PAIR_CHARS))
        .contains(c)
}

/// True for a char of [`TO_PLACE`].
pub(super) fn to_place(c: char) -> bool {
    static S: OnceLock<crate::text::CharSet> = OnceLock::new();
    S.get_or_init(|| crate::text::CharSet::new(TO_PLACE))
        .contains(c)
}

/// What follows a one-char country abbreviation to make a word of it that
/// still names the country: `俄总统`, `中方`, `美军`, `日首相`.
pub(super) const PLACE_HEADS: &[&str] = &[
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
pub(super) fn grammatical_pos(pos: &str) -> bool {
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
pub(super) fn stops_org(pos: &str) -> bool {
    grammatical_pos(pos) || matches!(pos, "ad" | "a" | "z" | "df" | "mq")
}

/// Verbs that end a name even though names may hold verbs (`整治工作领导小组`).
pub(super) const PREDICATES: &[&str] = &[
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

/// Chars of weather words (`多云转晴`, `阴转小雨`) that a tagger runs into a
/// city's name in a weather table.
pub(super) const WEATHER_CHARS: &str = "阴晴云雨雪转小中大阵雷";

/// True for a common word that jieba's dictionary tags as a name (`阳光`
/// nr, `加油站` nt): the list `wenxi-train-ner` derives from PFR.
pub(super) fn common_word(w: &str) -> bool {
    static S: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| COMMON_WORDS.lines().collect()).contains(w)
}

/// `assets/ner.common.txt`, written by `wenxi-train-ner` next to the model.
pub(super) const COMMON_WORDS: &str = include_str!("../../../assets/ner.common.txt");

/// True for a person's name that jieba's dictionary tags as a common word
/// (`桥本` n): the list `wenxi-train-ner` derives from PFR.
pub(super) fn person_name(w: &str) -> bool {
    static S: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| PERSON_NAMES.lines().collect()).contains(w)
}

/// `assets/ner.names.txt`, written by `wenxi-train-ner` next to the model.
pub(super) const PERSON_NAMES: &str = include_str!("../../../assets/ner.names.txt");

pub(super) fn name_pos(pos: &str) -> bool {
    matches!(pos, "ns" | "nr" | "nrt" | "nz" | "x" | "nrfg" | "j")
}

pub(super) fn ideographs(w: &str) -> bool {
    w.chars().all(crate::text::is_ideograph)
}

/// One-char words that never start a place name (`是/山区`, `使/全县`).
pub(super) const FREE_CHARS: &str = "是使在为对把被将从向到和与及的了也都就又还要会能大小新老全各每该本我他她这那其此上下中内外前后里等或则而但并且往于以由经走无";

/// Last words of development zones and regions that carry a place's name.
pub(super) const ZONE_SUFFIXES: &[&str] = &[
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

/// Last words of a newspaper's or a magazine's name.
pub(super) const PERIODICAL_TAILS: &[&str] = &["报", "周刊", "杂志", "画报", "月刊"];

/// Last chars of a party, army, team, ministry or alliance name.
pub(super) const WORD_BODY_HEADS: &str = "党军队部厅盟";

/// A two-char word jieba made up (`x`) that starts with a preposition or a
/// verb of motion (`由原`, `逼平`) or ends in a preposition (`需向`): no part
/// of a name.
pub(super) fn made_up_function_word(w: &str, pos: &str) -> bool {
    pos == "x"
        && w.chars().count() == 2
        && (w.starts_with(|c| LEADING_FUNCTION.contains(c))
            || w.ends_with(|c| TRAILING_FUNCTION.contains(c)))
}
