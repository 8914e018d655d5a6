//! Units and measure words, and the words that look like numerals but are not.
//!
//! One table, [`UNITS`], maps what may follow a numeral to the figure kind it
//! makes; the scanner takes the longest entry that matches. Dates and times
//! are decided by the scanner (年 is a date only for a four-digit year).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::FigureKind;

/// What a unit makes of the numeral before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    /// A plain kind.
    Kind(FigureKind),
    /// 年: a date (four-digit year) or a duration.
    Year,
    /// 月: a date (1-12).
    Month,
    /// 日 / 号: a day of the month.
    Day,
    /// 时 / 点: a time of day.
    Hour,
    /// 成: tenths, a percent.
    Tenths,
    /// 折: a discount, a percent.
    Discount,
}

/// One unit: its text, its class, the unit reported for it and a multiplier.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    /// As printed.
    pub text: &'static str,
    /// What it makes.
    pub class: UnitClass,
    /// The unit reported (万元 is reported as 元, with `mult` 1e4).
    pub report: &'static str,
    /// Multiplier applied to the value.
    pub mult: f64,
}

const fn u(text: &'static str, class: UnitClass) -> Unit {
    Unit {
        text,
        class,
        report: text,
        mult: 1.0,
    }
}

const fn k(text: &'static str, kind: FigureKind) -> Unit {
    u(text, UnitClass::Kind(kind))
}

const fn m(text: &'static str, report: &'static str, mult: f64) -> Unit {
    Unit {
        text,
        class: UnitClass::Kind(FigureKind::Money),
        report,
        mult,
    }
}

use FigureKind::{
    Count as C, Duration as D, Money as M, Ordinal as O, Percent as P, Quantity as Q,
};

/// Units and measure words, matched longest first.
pub static UNITS: &[Unit] = &[
    // Percent.
    k("%", P),
    k("‰", P),
    k("个百分点", P),
    k("個百分點", P),
    k("個百分点", P),
    k("百分點", P),
    k("百分点", P),
    k("个基点", P),
    k("基点", P),
    u("成", UnitClass::Tenths),
    u("折", UnitClass::Discount),
    // Money (万元 and 亿元 are read by the numeral itself: 1000万 then 元).
    m("元人民币", "元", 1.0),
    k("元", M),
    k("圆", M),
    m("块钱", "元", 1.0),
    k("美元", M),
    k("美圆", M),
    k("美金", M),
    k("美分", M),
    k("欧元", M),
    k("日元", M),
    k("港元", M),
    k("港币", M),
    k("英镑", M),
    k("韩元", M),
    k("澳元", M),
    k("加元", M),
    k("卢布", M),
    k("卢比", M),
    k("新台币", M),
    k("台币", M),
    k("人民币", M),
    k("瑞士法郎", M),
    k("法郎", M),
    k("奈拉", M),
    k("泰铢", M),
    k("比特币", M),
    k("$", M),
    m("＄", "$", 1.0),
    k("个比特币", M),
    // Dates and times.
    u("年", UnitClass::Year),
    u("月份", UnitClass::Month),
    u("月", UnitClass::Month),
    u("日", UnitClass::Day),
    u("号", UnitClass::Day),
    u("时", UnitClass::Hour),
    // Durations.
    k("天", D),
    k("个小时", D),
    k("小时", D),
    k("个月", D),
    k("周年", D),
    k("季度", D),
    k("个季度", D),
    k("周", D),
    k("个星期", D),
    k("星期", D),
    k("分钟", D),
    k("秒钟", D),
    k("秒", D),
    k("昼夜", D),
    // Ordinal-like: a term number.
    k("届", O),
    // Quantities.
    k("亩", Q),
    k("公顷", Q),
    k("平方米", Q),
    k("平方公里", Q),
    k("平方千米", Q),
    k("平方", Q),
    k("立方米", Q),
    k("方", Q),
    k("吨", Q),
    k("千克", Q),
    k("公斤", Q),
    k("斤", Q),
    k("克", Q),
    k("毫克", Q),
    k("微克", Q),
    k("千米", Q),
    k("公里", Q),
    k("厘米", Q),
    k("毫米", Q),
    k("公分", Q),
    k("米", Q),
    k("英里", Q),
    k("英尺", Q),
    k("里", Q),
    k("升", Q),
    k("毫升", Q),
    k("千瓦时", Q),
    k("千瓦", Q),
    k("兆瓦", Q),
    k("瓦", Q),
    k("千伏", Q),
    k("伏", Q),
    k("兆赫兹", Q),
    k("赫兹", Q),
    k("兆字节", Q),
    k("千字节", Q),
    k("字节", Q),
    k("千比特", Q),
    k("比特", Q),
    k("千卡", Q),
    k("卡路里", Q),
    k("摄氏度", Q),
    k("℃", Q),
    k("度", Q),
    k("km", Q),
    k("kg", Q),
    k("cm", Q),
    k("mm", Q),
    k("CM", Q),
    k("KM", Q),
    k("KG", Q),
    k("m", Q),
    k("t", Q),
    k("两", Q),
    // Ages are lengths of time (53岁; 年过九旬 → 9 旬).
    k("周岁", D),
    k("岁", D),
    k("旬", D),
    // Counts: measure words.
    k("人次", C),
    k("户次", C),
    k("架次", C),
    k("车次", C),
    k("批次", C),
    k("个", C),
    k("件", C),
    k("人", C),
    k("名", C),
    k("位", C),
    k("家", C),
    k("次", C),
    k("轮", C),
    k("张", C),
    k("份", C),
    k("批", C),
    k("支", C),
    k("级", C),
    k("项", C),
    k("条", C),
    k("处", C),
    k("所", C),
    k("座", C),
    k("辆", C),
    k("台", C),
    k("户", C),
    k("套", C),
    k("场", C),
    k("期", C),
    k("起", C),
    k("例", C),
    k("宗", C),
    k("篇", C),
    k("部", C),
    k("本", C),
    k("只", C),
    k("头", C),
    k("羽", C),
    k("棵", C),
    k("株", C),
    k("枚", C),
    k("颗", C),
    k("块", C),
    k("间", C),
    k("栋", C),
    k("幢", C),
    k("层", C),
    k("片", C),
    k("根", C),
    k("双", C),
    k("对", C),
    k("组", C),
    k("队", C),
    k("种", C),
    k("类", C),
    k("门", C),
    k("道", C),
    k("首", C),
    k("集", C),
    k("节", C),
    k("堂", C),
    k("代", C),
    k("笔", C),
    k("倍", C),
    k("艘", C),
    k("架", C),
    k("列", C),
    k("趟", C),
    k("班", C),
    k("遍", C),
    k("回", C),
    k("句", C),
    k("章", C),
    k("款", C),
    k("册", C),
    k("卷", C),
    k("口", C),
    k("匹", C),
    k("杯", C),
    k("瓶", C),
    k("箱", C),
    k("袋", C),
    k("包", C),
    k("盒", C),
    k("辆次", C),
    // "X大": 三大运营商, 第一大庙.
    k("大", C),
    // Tallies: 9死24伤, 2胜3负.
    k("死", C),
    k("伤", C),
    k("胜", C),
    k("负", C),
    k("余", C),
];

/// Verbs before a number that bound it (超过300人, 不到两天): outside the
/// figure's surface, recorded as its approximation, and never the end of a
/// subject.
pub static BOUND_VERBS: &[&str] = &[
    "超过",
    "突破",
    "不到",
    "不足",
    "将近",
    "接近",
    "大约",
    "不少于",
    "不低于",
    "至少",
    "不超过",
    "高达",
    "多达",
    "超",
];

/// Words that make a clause about money: an amount in 万 or 亿 printed
/// there without a unit is money (资产规模只有10亿, 派奖1.52亿).
pub static MONEY_WORDS: &[&str] = &[
    "资产",
    "资金",
    "收入",
    "营收",
    "利润",
    "净利",
    "投资",
    "融资",
    "奖",
    "金额",
    "销售额",
    "成交额",
    "交易额",
    "市值",
    "估值",
    "预算",
    "票房",
    "身价",
    "工资",
    "薪",
    "罚",
    "赔",
    "税",
    "存款",
    "贷款",
    "债",
    "捐",
    "款",
    "钱",
    "价",
    "费",
    "元",
];

/// 块 as money (三块, 1万块。): at the end of a phrase, not before a noun.
pub static KUAI: Unit = m("块", "块", 1.0);

/// 平, a draw in a sports tally (2胜3平3负); only after 胜, since 200平 is
/// an area in square metres.
pub static DRAW: Unit = k("平", C);

/// [`UNITS`] by first character, longest first: one hash lookup per call.
static UNITS_BY_FIRST: LazyLock<HashMap<char, Vec<&'static Unit>>> = LazyLock::new(|| {
    let mut m: HashMap<char, Vec<&'static Unit>> = HashMap::new();
    for u in UNITS {
        if let Some(c) = u.text.chars().next() {
            m.entry(c).or_default().push(u);
        }
    }
    for v in m.values_mut() {
        v.sort_by_key(|u| std::cmp::Reverse(u.text.len()));
    }
    m
});

/// The longest unit at the start of `s`.
pub fn unit_at(s: &str) -> Option<&'static Unit> {
    let first = s.chars().next()?;
    let best = UNITS_BY_FIRST
        .get(&first)?
        .iter()
        .copied()
        .find(|u| s.starts_with(u.text));
    // Latin units must not run into more letters (2nd, 5G, 3mm is fine).
    if let Some(b) = best {
        if b.text.is_ascii() && s[b.text.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        if b.text == "余" {
            return None;
        }
    }
    best
}

/// Words and set phrases whose numeral characters are not figures. Each
/// entry is matched against the text around a candidate numeral.
pub static NOT_FIGURES: &[&str] = &[
    // Lexicalised 一 / 万 / 千 / 百.
    "一些",
    "一起",
    "一定",
    "一方面",
    "一体",
    "一线",
    "进一步",
    "下一步",
    "统一",
    "一致",
    "一切",
    "一直",
    "一般",
    "一样",
    "一点",
    "一边",
    "一番",
    "一阵",
    "一道",
    "一同",
    "一律",
    "一再",
    "一旦",
    "一举",
    "一流",
    "一把手",
    "唯一",
    "专一",
    "万一",
    "千万别",
    "千万不要",
    "千万要",
    "百姓",
    "千方百计",
    "四面八方",
    "五湖四海",
    "一心一意",
    "三心二意",
    "七嘴八舌",
    "一清二楚",
    "乱七八糟",
    "百分百",
    "一刀切",
    "一站式",
    "一揽子",
    "一条龙",
    "一带一路",
    "第一书记",
    "第一时间",
    "一看",
    "十足",
    "两两",
    "壹切",
    "一把火",
    "一片土",
    "一村有难",
    "两句",
    "几处",
    // Set phrases and names with numerals (numeric names).
    "三农",
    "四史",
    "三夏",
    "两委",
    "三资",
    "三位一体",
    "四部曲",
    "八不准",
    "零容忍",
    "一盘棋",
    "三联三包三提",
    "三连三包三提",
    "三联体",
    "两岸",
    "两会",
    "两学一做",
    "二代",
    "三严三实",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "五位一体",
    "四个全面",
    "三大攻坚战",
    "一国两制",
    "二级、三级田长",
    "级田长",
    "级河长",
    "级林长",
    "市二院",
    "区二院",
    "五四运动",
    "四川",
    "五台山",
    "九江",
    "三亚",
    "万州",
    "十堰",
    "六盘水",
    "七台河",
    "八一",
    "五一",
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
];

/// Words after 第N that make it part of a name, not a rank (第四党支部).
pub static NAME_AFTER_ORDINAL: &[&str] = &[
    // Numbered courts and titles: 第一中级人民法院, 第一巡回法庭, 第一夫人.
    "中级人民法院",
    "人民法院",
    "法院",
    "巡回法庭",
    "法庭",
    "夫人",
    "党支部",
    "支部",
    "党小组",
    "党委",
    "人民医院",
    "医院",
    "中学",
    "小学",
    "分局",
    "监狱",
    "书记",
    "分公司",
    "工作组",
    "巡察组",
    "督导组",
];

/// For each character of a [`NOT_FIGURES`] phrase: the phrases holding it and
/// its byte offset in each, so a candidate numeral checks only the phrases
/// that could cover it.
pub static PHRASES_BY_CHAR: LazyLock<HashMap<char, Vec<(&'static str, usize)>>> =
    LazyLock::new(|| {
        let mut m: HashMap<char, Vec<(&'static str, usize)>> = HashMap::new();
        for p in NOT_FIGURES {
            for (off, c) in p.char_indices() {
                m.entry(c).or_default().push((p, off));
            }
        }
        m
    });

/// True when the numeral `[cs[i], end)` lies inside a listed phrase.
pub(crate) fn inside_phrase(text: &str, cs: &[(usize, char)], i: usize, end: usize) -> bool {
    let (at, c) = cs[i];
    let Some(list) = PHRASES_BY_CHAR.get(&c) else {
        return false;
    };
    list.iter().any(|&(p, off)| {
        off <= at && {
            let s = at - off;
            text.is_char_boundary(s) && text[s..].starts_with(p) && end <= s + p.len()
        }
    })
}
