//! Person names in bylines: surnames and splitting runs of names.
//!
//! Bylines print names run together (`通讯员张泽卿张争`) or split by spaces
//! (`齐国 霞`). A chunk of ideographs is split into 2–3 character names (4
//! with a compound surname), each starting with a known surname, preferring
//! the fewest names and then the longest first name.

/// Common single-character Chinese surnames (the Hundred Family Surnames that
/// still occur in news bylines, most frequent first). Deliberately leaves out
/// rare surnames that are common word characters (卿, 源, 争), so run-together
/// names split where a real surname starts.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Compound surnames (two characters).
const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙", "宇文",
    "司徒", "夏侯", "端木", "西门",
];

/// Surnames that are also everyday word characters: accepted in a chunk on
/// their own (`卿` in 卿某) but never where a run of names must be split.
const WEAK: &str = "卿国平计来都和原门云容敬相初信展元于明";

/// Characters that (almost) never occur in a given name: place and body
/// suffixes, time words, particles. A "name" ending in one is a word
/// (`公安局`, `高考前`).
const NOT_GIVEN: &str = "局院委会部厅所站处科办队组前后里上下省市县区镇乡村街路号楼室馆园场厂店司报社网年时分个件次们的了与及或在是为有不这那就都也被把从向对于等说表示称内";

/// True when `c` is a common surname.
pub fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

/// Length in characters of the surname `name` starts with (0 when none).
fn surname_len(chars: &[char], split: bool) -> usize {
    if chars.len() >= 2 {
        let two: String = chars[..2].iter().collect();
        if COMPOUND_SURNAMES.contains(&two.as_str()) {
            return 2;
        }
    }
    match chars.first() {
        Some(&c) if is_surname(c) && !(split && WEAK.contains(c)) => 1,
        _ => 0,
    }
}

/// True when `chars` reads as one full name (surname + one or two characters).
pub fn is_name(chars: &[char]) -> bool {
    let s = surname_len(chars, false);
    s > 0 && (s + 1..=s + 2).contains(&chars.len()) && given_ok(&chars[s..])
}

/// True when no character of a given name is one names never hold.
fn given_ok(given: &[char]) -> bool {
    !given.iter().any(|&c| NOT_GIVEN.contains(c))
}

/// Splits a run of ideographs into names; returns the lengths (in chars) of
/// each name, or `None` when the run cannot be read as names only.
pub fn split_names(chars: &[char]) -> Option<Vec<usize>> {
    if is_name(chars) {
        return Some(vec![chars.len()]);
    }
    // best[i] = (names, lengths) for chars[i..]; fewer names win, then a longer first name.
    let n = chars.len();
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for i in (0..n).rev() {
        let s = surname_len(&chars[i..], true);
        if s == 0 {
            continue;
        }
        for len in (s + 1..=s + 2).rev() {
            if i + len > n || !given_ok(&chars[i + s..i + len]) {
                continue;
            }
            if let Some(rest) = &best[i + len] {
                let better = match &best[i] {
                    None => true,
                    Some(cur) => rest.len() + 1 < cur.len(),
                };
                if better {
                    let mut v = vec![len];
                    v.extend_from_slice(rest);
                    best[i] = Some(v);
                }
            }
        }
    }
    best[0].take()
}
