//! Character classes: the one home for what kind of character a char is.
//! Every stage asks here, so the classes cannot drift apart.

/// True for a CJK ideograph: the unified blocks (with extension A and the
/// supplementary planes' extensions) and the compatibility ideographs. No
/// punctuation, no full-width forms.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// True for the CJK ideographs and the CJK punctuation that never take a
/// space between them: ideographs, CJK symbols (`、。「」`, the ideographic
/// space) and full-width punctuation (`！（），：；？`), not full-width
/// digits or letters.
pub fn is_cjk(c: char) -> bool {
    is_ideograph(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20)
}

/// True for the characters that take a full cell in Chinese typesetting:
/// ideographs, CJK symbols and every half-width and full-width form.
pub fn is_wide(c: char) -> bool {
    is_ideograph(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Maps full-width digits, Latin letters and `％．` to their half-width forms.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Common single-character Chinese surnames (the Hundred Family Surnames that
/// still occur in news, most frequent first). Rare surnames that are common
/// word characters (源, 争) are left out, so run-together names in bylines
/// split where a real surname starts.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// True when `c` is a common Chinese surname.
pub fn is_surname(c: char) -> bool {
    static S: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    S.get_or_init(|| CharSet::new(SURNAMES)).contains(c)
}

/// A set of chars of the Basic Multilingual Plane as a bitmap, for
/// constant-time tests (the lists of the rules and features).
pub struct CharSet(Vec<u64>);

impl CharSet {
    /// The set of the chars of `list` (those outside the BMP are left out).
    pub fn new(list: &str) -> CharSet {
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in list.chars() {
            let c = c as usize;
            if c < 0x10000 {
                bits[c / 64] |= 1 << (c % 64);
            }
        }
        CharSet(bits)
    }

    /// True when `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x10000 && self.0[c / 64] & (1 << (c % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_are_no_punctuation() {
        for c in ['中', '㐀', '𠀀', '豈'] {
            assert!(is_ideograph(c) && is_cjk(c) && is_wide(c), "{c}");
        }
        for c in ['，', '！', '？', '（', '）', '。', '、', '\u{3000}'] {
            assert!(!is_ideograph(c) && is_cjk(c) && is_wide(c), "{c}");
        }
        for c in ['Ａ', '１'] {
            assert!(!is_ideograph(c) && !is_cjk(c) && is_wide(c), "{c}");
        }
        for c in ['a', '1', ',', ' ', 'é'] {
            assert!(!is_ideograph(c) && !is_cjk(c) && !is_wide(c), "{c}");
        }
    }

    #[test]
    fn half_width_maps_digits_letters_and_percent_only() {
        let s: String = "１２．５％ＡｂＣ，".chars().map(half_width).collect();
        assert_eq!(s, "12.5%AbC，");
    }

    #[test]
    fn char_sets_and_surnames() {
        let set = CharSet::new("中美𠀀");
        assert!(set.contains('中') && set.contains('美'));
        assert!(!set.contains('日') && !set.contains('𠀀'));
        assert!(is_surname('王') && is_surname('欧') && !is_surname('的'));
    }
}
