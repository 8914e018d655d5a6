use super::*;
use crate::clean::clean;
use crate::layout::layout;

fn figs(text: &str) -> Vec<Figure> {
    let c = clean(text);
    let l = layout(&c);
    scan(&c, &l)
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().unwrap()
}

#[test]
fn count_with_measure_word() {
    let f = one("共发现问题4858件。");
    assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Count, "件"));
    assert_eq!(f.value, FigureValue::Number(4858.0));
}

#[test]
fn approx_marker_yu() {
    let f = one("发放明白卡1.8万余张");
    assert_eq!(f.value, FigureValue::Number(18000.0));
    assert_eq!(f.approx.as_deref(), Some("余"));
    assert_eq!(f.surface, "1.8万余张");
}

#[test]
fn money_expands_wan() {
    let f = one("争取项目资金近1000万元;");
    assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Money, "元"));
    assert_eq!(f.value, FigureValue::Number(1e7));
    assert_eq!(f.approx.as_deref(), Some("近"));
    assert_eq!(f.surface, "近1000万元");
}

#[test]
fn percent_and_subject() {
    let f = one("整改率为 98%;");
    assert_eq!(
        (f.kind, f.value.clone()),
        (FigureKind::Percent, FigureValue::Number(98.0))
    );
    assert_eq!(f.subject.as_deref(), Some("整改率"));
}

#[test]
fn dates_keep_printed_parts_and_never_borrow_a_year() {
    // Another figure's year is not the text's own: no year is inferred.
    let f = figs("2021年经开区活动。6月10日,启动。力争2025年建成,11月18日开工。");
    assert_eq!(f[0].value, FigureValue::Date("2021".into()));
    assert_eq!(f[1].value, FigureValue::Date("--06-10".into()));
    assert!(
        f.iter().all(|x| x.resolved.is_none() && !x.inferred),
        "{f:?}"
    );
}

#[test]
fn a_year_the_text_states_resolves_dates() {
    let f = figs("今年是2023年。6月10日,启动。");
    assert_eq!(f[1].resolved.as_deref(), Some("2023-06-10"));
    assert!(f[1].inferred);
    let f = figs("2023年3月5日 星期日\n去年5月,开工。");
    assert_eq!(f[1].surface, "去年5月");
    assert_eq!(f[1].resolved.as_deref(), Some("2022-05"));
}

#[test]
fn not_numbers() {
    for t in [
        "千万别在麦田边吸烟",
        "进行了一些探索",
        "统一思想",
        "一名村民",
        "助力三农",
        "零容忍",
    ] {
        assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
    }
}

#[test]
fn chinese_counts() {
    let f = one("带领医生、护士等二 十多人,到");
    assert_eq!(
        (f.value.clone(), f.approx.as_deref()),
        (FigureValue::Number(20.0), Some("多"))
    );
    assert_eq!(one("配置了两个灭火器").value, FigureValue::Number(2.0));
    assert_eq!(one("经过上千次试验").approx.as_deref(), Some("上"));
}

#[test]
fn time_and_duration() {
    let f = one("9时许,启动");
    assert_eq!(
        (f.kind, f.value.clone()),
        (FigureKind::Time, FigureValue::Date("09:00".into()))
    );
    assert_eq!(f.approx.as_deref(), Some("许"));
    assert_eq!(one("通过20\n\n天的巡察").kind, FigureKind::Duration);
}

#[test]
fn range() {
    let f = one("需要3至5年");
    assert_eq!(
        (f.kind, f.value.clone()),
        (FigureKind::Range, FigureValue::Range([3.0, 5.0]))
    );
    assert_eq!(f.unit, "年");
}

#[test]
fn prefix_and_suffix_markers_combine() {
    let f = one("近3000余家企业");
    assert_eq!(f.surface, "近3000余家");
    assert_eq!(f.approx.as_deref(), Some("近…余"));
}

#[test]
fn bounding_verbs_are_markers_outside_the_surface() {
    let f = one("浏览量已累计突破8 万人次。");
    assert_eq!(
        (f.surface.as_str(), f.approx.as_deref()),
        ("8万人次", Some("突破"))
    );
    assert_eq!(f.value, FigureValue::Number(80000.0));
}

#[test]
fn durations_with_markers_inside() {
    let f = one("历时2个多月");
    assert_eq!(
        (f.kind, f.unit.as_str(), f.approx.as_deref()),
        (FigureKind::Duration, "个月", Some("多"))
    );
    assert_eq!(one("3个半小时").value, FigureValue::Number(3.5));
}

#[test]
fn rough_ranges_and_below_zero() {
    assert_eq!(one("两三个村").value, FigureValue::Range([2.0, 3.0]));
    assert_eq!(one("气温零下4℃").value, FigureValue::Number(-4.0));
    assert!(figs("三四百人").is_empty());
}

#[test]
fn names_and_references_are_not_figures() {
    for t in [
        "(上接01版)",
        "沿325国道",
        "全国500强",
        "市二院",
        "市政府机关第四党支部书记",
        "1、大江截流",
    ] {
        assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
    }
}

#[test]
fn relative_year_and_month_start() {
    let f = figs("2021年活动。今年3月,成立。从6月初至今");
    assert_eq!(f[1].surface, "今年3月");
    assert_eq!(f[1].value, FigureValue::Date("--03".into()));
    assert_eq!(f[1].resolved, None);
    assert_eq!(
        (f[2].surface.as_str(), f[2].approx.as_deref()),
        ("6月初", Some("初"))
    );
}

#[test]
fn ordinals_and_terms() {
    assert_eq!(one("第十四届全运会").kind, FigureKind::Ordinal);
    let f = one("四届郾城区委");
    assert_eq!(
        (f.kind, f.value.clone()),
        (FigureKind::Ordinal, FigureValue::Number(4.0))
    );
}

#[test]
fn percent_forms() {
    assert_eq!(one("百分之二点五").value, FigureValue::Number(2.5));
    assert_eq!(one("千分之三").value, FigureValue::Number(0.3));
    assert_eq!(one("下降3个百分点").unit, "个百分点");
    assert_eq!(one("占三成").value, FigureValue::Number(30.0));
    assert_eq!(one("打八折").value, FigureValue::Number(80.0));
}

#[test]
fn bounds_as_intervals() {
    let b = bounds::bounds("大于10小于20");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].to_string(), "(10,20)");
    assert_eq!(bounds::bounds("500多")[0].to_string(), "(500,)");
    assert_eq!(bounds::bounds("票价 > = 80元")[0].to_string(), "[80,)");
}

mod props {
    // proptest.failure_persistence is off: regressions are listed in `former_failures`.
    use super::*;
    use proptest::prelude::*;

    /// Strings made of the characters the scanner reacts to, plus filler.
    fn messy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "一",
            "二",
            "两",
            "三",
            "十",
            "百",
            "千",
            "万",
            "亿",
            "零",
            "〇",
            "点",
            "多",
            "余",
            "几",
            "第",
            "分之",
            "百分之",
            "年",
            "月",
            "日",
            "时",
            "分",
            "元",
            "万元",
            "%",
            "个",
            "人",
            "成",
            "折",
            "半",
            "至",
            "-",
            "~",
            "负",
            "近",
            "上",
            "超过",
            "以上",
            "左右",
            "许",
            "今年",
            "人民币",
            "美元",
            "又",
            "/",
            ".",
            ",",
            "，",
            "。",
            " ",
            "\n",
            "0",
            "1",
            "2",
            "5",
            "9",
            "１",
            "k",
            "e",
            "^",
            "$",
            "村",
            "的",
            "党员",
            "亩",
            "千米",
            "两",
            "对",
            "打",
            "块",
            "\"",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    /// Inputs proptest once shrank a failure to (a panic or overlapping spans).
    #[test]
    fn former_failures() {
        for s in ["0至", "一两以上", "0以上千米一", "半百分之0"] {
            let c = clean(s);
            let f = scan(&c, &layout(&c));
            for w in f.windows(2) {
                assert!(w[0].span.end <= w[1].span.start, "{s}: {f:?}");
            }
            let _ = bounds::bounds(&c.text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn scanning_never_panics_and_spans_are_ordered(s in messy()) {
            let c = clean(&s);
            let l = layout(&c);
            let f = scan(&c, &l);
            let n = crate::offsets::utf16_len(&s);
            let mut last = 0;
            for x in &f {
                prop_assert!(x.span.start < x.span.end && x.span.end <= n, "{:?} in {:?}", x, s);
                prop_assert!(x.span.start >= last, "overlap {:?} in {:?}", x, s);
                last = x.span.end;
            }
            let _ = numeral::find_all(&c.text);
            let _ = bounds::bounds(&c.text);
            for m in [numeral::Mode::Strict, numeral::Mode::Normal, numeral::Mode::Smart] {
                let _ = numeral::parse(&s, m);
            }
        }
    }
}

#[test]
fn ages_are_durations() {
    let f = one("青石镇的退休教师今年68岁");
    assert_eq!(
        (f.kind, f.value.clone(), f.unit.as_str()),
        (FigureKind::Duration, FigureValue::Number(68.0), "岁")
    );
    let f = one("照顾年过七旬的父亲");
    assert_eq!((f.kind, f.surface.as_str()), (FigureKind::Duration, "七旬"));
    assert_eq!(f.value, FigureValue::Number(7.0));
}

#[test]
fn bare_arabic_numbers_are_names_not_counts() {
    for t in [
        "新款星河9手机上市",
        "他是典型的95后",
        "拨打热线138-0000-1111咨询",
        "《末日逃亡3》定档",
    ] {
        let f = figs(t);
        assert!(f.iter().all(|x| x.kind != FigureKind::Count), "{t}: {f:?}");
    }
    // With a multiplier, a marker, or cut off at a line end, it is an amount.
    assert_eq!(one("用户已超过50万").value, FigureValue::Number(500000.0));
    assert_eq!(one("排查隐患120\n").value, FigureValue::Number(120.0));
}

#[test]
fn ranges_of_numbers_dates_and_times() {
    let range = |t: &str| {
        let f = one(t);
        assert_eq!(f.kind, FigureKind::Range, "{t}: {f:?}");
        (f.surface, f.value)
    };
    let dates = |a: &str, b: &str| FigureValue::DateRange([a.into(), b.into()]);
    assert_eq!(
        range("柳河县今年1至10月接待游客"),
        ("今年1至10月".into(), dates("--01", "--10"))
    );
    assert_eq!(range("1-10月销量上升").1, dates("--01", "--10"));
    assert_eq!(range("工期1—3月份").1, dates("--01", "--03"));
    assert_eq!(range("计划2019年到2021年完成").1, dates("2019", "2021"));
    assert_eq!(range("2017-19年连续增产").1, dates("2017", "2019"));
    assert_eq!(
        range("2022年3月至2022年6月施工").1,
        dates("2022-03", "2022-06")
    );
    assert_eq!(range("开放时间08:30-11:00").1, dates("08:30", "11:00"));
    assert_eq!(
        range("增幅在30%-45%之间").1,
        FigureValue::Range([30.0, 45.0])
    );
    assert_eq!(range("白天气温14～16℃").1, FigureValue::Range([14.0, 16.0]));
    assert_eq!(range("需要三到五年").1, FigureValue::Range([3.0, 5.0]));
    // Ends that do not rise are no range: a score, a code.
    assert!(figs("主队3-1获胜")
        .iter()
        .all(|f| f.kind != FigureKind::Range));
}

#[test]
fn clock_times_on_the_24_hour_clock() {
    let time = |t: &str| match one(t).value {
        FigureValue::Date(v) => v,
        v => panic!("{t}: {v:?}"),
    };
    assert_eq!(time("晚上10点前关门"), "22:00");
    assert_eq!(time("下午3点半开会"), "15:30");
    assert_eq!(time("凌晨2点抵达"), "02:00");
    assert_eq!(time("中午1点开饭"), "13:00");
    assert_eq!(time("下午17时19分发生"), "17:19");
    assert_eq!(time("航班于18:05起飞"), "18:05");
    assert_eq!(time("上午9时许"), "09:00");
}

/// The kind, value and surface of the only figure in `text`.
fn kvs(text: &str) -> (FigureKind, FigureValue, String) {
    let f = one(text);
    (f.kind, f.value, f.surface)
}

fn date(v: &str) -> FigureValue {
    FigureValue::Date(v.into())
}

#[test]
fn quarters_halves_and_decades() {
    use FigureKind::{Date, Duration, Range};
    assert_eq!(
        kvs("青禾公司二季度营收增长"),
        (Date, date("--Q2"), "二季度".into())
    );
    assert_eq!(kvs("2019年三季度末").1, date("2019-Q3"));
    assert_eq!(kvs("2018年第四季度").1, date("2018-Q4"));
    assert_eq!(kvs("今年一季度").2, "今年一季度");
    // The first three quarters: a duration with the qualifier 前 outside.
    assert_eq!(
        kvs("前三季度利润下降"),
        (Duration, FigureValue::Number(3.0), "三季度".into())
    );
    assert_eq!(kvs("上半年出口回暖"), (Date, date("--H1"), "上半年".into()));
    assert_eq!(kvs("自去年下半年以来").2, "去年下半年");
    assert_eq!(kvs("2016年上半年").1, date("2016-H1"));
    assert_eq!(
        kvs("上世纪90年代"),
        (Date, date("199X"), "上世纪90年代".into())
    );
    assert_eq!(kvs("八十年代的老厂房").1, date("198X"));
    assert_eq!(
        kvs("六七十年代").1,
        FigureValue::DateRange(["196X".into(), "197X".into()])
    );
    assert_eq!(kvs("六七十年代").0, Range);
}

#[test]
fn year_ends_and_halves_of_time() {
    let f = one("新馆预计2025年底建成");
    assert_eq!(
        (f.surface.as_str(), f.approx.as_deref(), f.value),
        ("2025年底", Some("底"), date("2025"))
    );
    assert_eq!(kvs("他失踪半年后").1, FigureValue::Number(0.5));
    assert_eq!(one("历时半个月").unit, "个月");
    assert!(figs("公司发布半年报").is_empty());
}

#[test]
fn a_lone_yi_counts_by_what_follows() {
    assert_eq!(kvs("一年内完成整改").0, FigureKind::Duration);
    assert_eq!(kvs("销量增长了一倍").1, FigureValue::Number(1.0));
    assert_eq!(
        kvs("其中一半是学生"),
        (
            FigureKind::Percent,
            FigureValue::Number(50.0),
            "一半".into()
        )
    );
    assert_eq!(kvs("其中一位是教师").0, FigureKind::Count);
    for t in [
        "这是最热的一天",
        "一名游客走失",
        "发现一些问题",
        "一旦发现",
        "这一年很难",
        "万一出错",
        "统一部署",
        "一直在努力",
    ] {
        assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
    }
}

#[test]
fn multipliers_written_alone() {
    let v = |t: &str| {
        let f = one(t);
        (f.value, f.approx)
    };
    let n = FigureValue::Number;
    assert_eq!(v("投入上万元"), (n(1e4), Some("上".into())));
    assert_eq!(v("近万人参加"), (n(1e4), Some("近".into())));
    assert_eq!(v("千余网友转发"), (n(1000.0), Some("余".into())));
    assert_eq!(v("损失上亿元"), (n(1e8), Some("上".into())));
    assert_eq!(v("开着几十万元的车"), (n(1e5), Some("几".into())));
    assert_eq!(v("涉案金额达上千万元"), (n(1e7), Some("上".into())));
    assert_eq!(one("市场规模达百亿").value, n(1e10));
    assert!(figs("千万别大意").is_empty());
}

#[test]
fn basis_points_multiples_fractions_and_tallies() {
    let f = one("下调50个基点");
    assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Percent, "个基点"));
    assert_eq!(one("营收增长1.2倍").value, FigureValue::Number(1.2));
    let third = one("三分之一的人");
    assert_eq!(third.kind, FigureKind::Percent);
    let f = one("赞成票过半");
    assert_eq!(
        (f.value, f.approx.as_deref()),
        (FigureValue::Number(50.0), Some("过"))
    );
    let tally: Vec<_> = figs("事故造成3死5伤")
        .into_iter()
        .map(|f| f.surface)
        .collect();
    assert_eq!(tally, ["3死", "5伤"]);
    let tally: Vec<_> = figs("战绩为4胜1平2负")
        .into_iter()
        .map(|f| f.surface)
        .collect();
    assert_eq!(tally, ["4胜", "1平", "2负"]);
    assert_eq!(one("约谈了四大银行").unit, "大");
    assert!(figs("新房面积200平").iter().all(|f| f.unit != "平"));
}

#[test]
fn numbers_inside_names_labels_and_idioms() {
    for t in [
        "第一夫人出席活动",
        "向江北市第二中级人民法院起诉",
        "第三和第四巡回法庭揭牌",
        "富二代炫富",
        "股价一度下跌",
        "心里七上八下",
        "一是加强监管，二是完善制度",
        "他是90后创业者",
        "登录58同城发布信息",
        "①加强管理②落实责任",
        "1.加强管理\n2.落实责任",
    ] {
        assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
    }
    assert_eq!(one("获得第三名").kind, FigureKind::Ordinal);
}

#[test]
fn hao_after_a_noun_is_a_label_not_a_day() {
    for t in ["家住东风路18号", "认购了稳盈理财7号"] {
        assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
    }
    assert_eq!(one("本月12号开幕").value, date("---12"));
    assert_eq!(one("活动于8号举行").value, date("---08"));
}

#[test]
fn money_without_a_currency_word() {
    let money = |t: &str| {
        let f = one(t);
        assert_eq!(f.kind, FigureKind::Money, "{t}: {f:?}");
        f.value
    };
    assert_eq!(money("宏达公司总资产不到30亿"), FigureValue::Number(3e9));
    assert_eq!(money("本期奖池累计2.5亿"), FigureValue::Number(2.5e8));
    assert_eq!(money("去年只花了2万块。"), FigureValue::Number(2e4));
    assert_eq!(money("影片约800万＄预算"), FigureValue::Number(8e6));
    // No money word in the clause: a count.
    assert_eq!(one("注册用户达300万").kind, FigureKind::Count);
}

#[test]
fn a_phase_named_without_di_is_an_ordinal() {
    let f = one("新城二期工程开工");
    assert_eq!((f.kind, f.unit.as_str()), (FigureKind::Ordinal, "期"));
    assert_eq!(one("一期项目已投产").value, FigureValue::Number(1.0));
    // Counted periods stay counts.
    assert_eq!(one("货款分三期支付").kind, FigureKind::Count);
}

#[test]
fn exchange_rates_are_money() {
    let f = figs("欧元兑美元从1.18附近跌到了1.09。");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|x| x.kind == FigureKind::Money), "{f:?}");
    assert_eq!(f[0].approx.as_deref(), Some("附近"));
    // A bare decimal elsewhere is no figure.
    assert!(figs("版本号升级到2.5").is_empty());
}

#[test]
fn codes_led_by_zero_and_afternoon_clock_times() {
    assert!(figs("第08092期开奖").iter().all(|f| f.surface != "08092期"));
    assert!(figs("购买了08092期彩票").is_empty());
    assert_eq!(one("下午3点32分发布").value, date("15:32"));
}
