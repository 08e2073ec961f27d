//! Tests of [`quantities`] on real sentences (corpus/001_db632a6819f2f662.txt, the 酒泉
//! report, and the 2025 national government work report in
//! ../shared/corpus/national-work-reports.jsonl), with expected values written by hand.

use super::*;

/// (text, value, unit) of every quantity found.
fn found(text: &str) -> Vec<(String, String, String)> {
    quantities(text)
        .into_iter()
        .map(|q| (q.text, q.value.to_string(), q.unit))
        .collect()
}

fn check(text: &str, expected: &[(&str, &str, &str)]) {
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(t, v, u)| (t.to_string(), v.to_string(), u.to_string()))
        .collect();
    assert_eq!(found(text), want, "in {text}");
}

fn only(text: &str) -> Quantity {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "one quantity expected in {text}: {q:?}");
    q.into_iter().next().unwrap()
}

// ---- 酒泉 (corpus/001_db632a6819f2f662.txt) ----

const JIUQUAN_APPROVALS: &str =
    "全年共取消、调整和下放行政审批事项26项,市级行政审批事项由原来的351项减少到210项,减幅达41%";

#[test]
fn jiuquan_approvals() {
    check(
        JIUQUAN_APPROVALS,
        &[
            ("26项", "26", "项"),
            ("351项", "351", "项"),
            ("210项", "210", "项"),
            ("41%", "-41", "%"),
        ],
    );
    let q = quantities(JIUQUAN_APPROVALS);
    assert_eq!(q[1].subject, "市级行政审批事项");
    assert_eq!(q[2].subject, "市级行政审批事项", "inherited across 减少到");
    assert_eq!(q[0].subject, "行政审批事项");
    assert_eq!(q[3].subject, "减幅");
    assert_eq!(q[3].kind, Kind::Percent);
    assert_eq!((q[1].start, q[1].end), (33, 37));
    let chars: Vec<char> = JIUQUAN_APPROVALS.chars().collect();
    let span: String = chars[q[1].start..q[1].end].iter().collect();
    assert_eq!(span, "351项");
    assert!(q
        .iter()
        .all(|q| q.status == Status::Result && q.qualifier == Qualifier::None));
}

#[test]
fn jiuquan_legal_staff_and_advisers() {
    let q = quantities("进一步充实加强基层法制队伍建设,在市县部门落实专职法制员447名,在乡镇、街道办事处落实专(兼)职法制员86名,推动法治政府建设各项任务落地见效。");
    assert_eq!(
        (q[0].text.as_str(), q[0].value, q[0].unit.as_str()),
        ("447名", Decimal::from_int(447), "名")
    );
    assert_eq!(q[0].subject, "专职法制员");
    assert_eq!(q[1].value, Decimal::from_int(86));
    assert_eq!(q.len(), 2);

    let q = quantities("全市共聘请法律顾问434人,其中市政府聘请法律顾问10人,市级部门单位聘请法律顾问23人;县级政府聘请法律顾问57人");
    assert_eq!(q[0].value, Decimal::from_int(434));
    assert_eq!(q[0].unit, "人");
    assert_eq!(q[0].kind, Kind::Count);
    assert_eq!(q[0].subject, "法律顾问");
    assert_eq!(q.len(), 4);
}

#[test]
fn jiuquan_court_rate_and_e_supervision() {
    let q = only("行政机关负责人出庭应诉率为75%。");
    assert_eq!((q.value, q.unit.as_str()), (Decimal::from_int(75), "%"));
    assert_eq!(q.subject, "行政机关负责人出庭应诉率");

    let text = "市行政服务中心行政效能电子监察系统累计办理行政审批和服务类事项93.33万件,办结率98.75%,为公众累计节约139.58万个工作日,群众满意率巩固在97.87%。";
    check(
        text,
        &[
            ("93.33万件", "933300", "件"),
            ("98.75%", "98.75", "%"),
            ("139.58万个工作日", "1395800", "个工作日"),
            ("97.87%", "97.87", "%"),
        ],
    );
    let q = quantities(text);
    assert_eq!(q[0].subject, "行政审批和服务类事项");
    assert!(!q[2].approx, "节约 is not 约");
    assert_eq!(q[3].subject, "群众满意率");
}

// ---- 2025 national report: targets ----

const TARGETS_2025: &str = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右，生态环境质量持续改善。";

#[test]
fn national_2025_targets() {
    check(
        TARGETS_2025,
        &[
            ("5%左右", "5", "%"),
            ("5.5%左右", "5.5", "%"),
            ("1200万人以上", "12000000", "人"),
            ("2%左右", "2", "%"),
            ("1.4万亿斤左右", "1400000000000", "斤"),
            ("3%左右", "-3", "%"),
        ],
    );
    let q = quantities(TARGETS_2025);
    assert!(q.iter().all(|q| q.status == Status::Target && q.approx));
    assert_eq!(q[0].qualifier, Qualifier::About);
    assert_eq!(q[0].subject, "国内生产总值");
    assert_eq!(q[2].qualifier, Qualifier::AtLeast);
    assert_eq!(q[2].subject, "城镇新增就业");
    assert_eq!(q[4].kind, Kind::Weight);
    assert_eq!(q[5].subject, "单位国内生产总值能耗");
}

#[test]
fn national_2025_deficit_target_with_percentage_points() {
    let text =
        "今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。";
    check(
        text,
        &[
            ("4%左右", "4", "%"),
            ("1个百分点", "1", "个百分点"),
            ("5.66万亿元", "5660000000000", "元"),
            ("1.6万亿元", "1600000000000", "元"),
        ],
    );
    let q = quantities(text);
    assert_eq!(q[1].kind, Kind::PercentagePoint);
    assert!(q.iter().all(|q| q.status == Status::Target), "拟");
    assert_eq!(q[2].kind, Kind::Money);
    assert_eq!(q[2].subject, "赤字规模");
}

// ---- 2025 national report: last year's results ----

#[test]
fn national_2025_review_results() {
    let text = "主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列，对全球经济增长的贡献率保持在30%左右。就业、物价总体平稳，城镇新增就业1256万人、城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。";
    check(
        text,
        &[
            ("134.9万亿元", "134900000000000", "元"),
            ("5%", "5", "%"),
            ("30%左右", "30", "%"),
            ("1256万人", "12560000", "人"),
            ("5.1%", "5.1", "%"),
            ("0.2%", "0.2", "%"),
        ],
    );
    let q = quantities(text);
    assert!(
        q.iter().all(|q| q.status == Status::Result),
        "主要 is not 要"
    );
    assert_eq!(q[0].subject, "国内生产总值");
    assert_eq!(q[1].subject, "国内生产总值", "inherited across 、增长");
    assert_eq!(q[2].qualifier, Qualifier::About);
    assert_eq!(q[4].subject, "城镇调查失业率");
    assert_eq!(q[5].subject, "居民消费价格");
}

// ---- numbers, units, qualifiers, ranges ----

#[test]
fn exact_multipliers_from_jionlp_and_cn2an_reports() {
    check("3541.07万元", &[("3541.07万元", "35410700", "元")]);
    check("47.264287亿元", &[("47.264287亿元", "4726428700", "元")]);
    check("100000万美元", &[("100000万美元", "1000000000", "美元")]);
    check("16.4亿元", &[("16.4亿元", "1640000000", "元")]);
    check("6.66万亿元", &[("6.66万亿元", "6660000000000", "元")]);
    check("1.2亿元", &[("1.2亿元", "120000000", "元")]);
    check("5万亩", &[("5万亩", "50000", "亩")]);
    // 万 without a unit: a quantity with an empty unit (issue 11).
    check("小于40万", &[("小于40万", "400000", "")]);
    check("付息金额4120亿", &[("4120亿", "412000000000", "")]);
    check("四人民币", &[]);
    check("元", &[]);
}

#[test]
fn chinese_numerals_full_width_and_separators() {
    check("两千人", &[("两千人", "2000", "人")]);
    check("三千五百名", &[("三千五百名", "3500", "名")]);
    check("一百二十个", &[("一百二十个", "120", "个")]);
    check("三万五元", &[("三万五元", "35000", "元")]);
    check("两千六人", &[("两千六人", "2600", "人")]);
    check(
        "一百九十万零三千人",
        &[("一百九十万零三千人", "1903000", "人")],
    );
    check("一点二万人", &[("一点二万人", "12000", "人")]);
    check("９３．３３万件", &[("９３．３３万件", "933300", "件")]);
    check("41％", &[("41％", "41", "%")]);
    check("1,234人", &[("1,234人", "1234", "人")]);
    check("三千瓦", &[("三千瓦", "3", "千瓦")]);
    check("100千瓦时", &[("100千瓦时", "100", "千瓦时")]);
}

#[test]
fn percents_fractions_and_ranges() {
    check("百分之四十一", &[("百分之四十一", "41", "%")]);
    let q = only("占比达到三分之一");
    assert_eq!(
        (q.unit.as_str(), q.kind, q.approx),
        ("fraction", Kind::Rate, true)
    );
    assert_eq!(q.value.to_string(), "0.3333333333");
    assert_eq!(only("1/4").value.to_string(), "0.25");
    for (text, lo, hi, unit) in [
        ("5%—6%", "5", "6", "%"),
        ("5%-6%", "5", "6", "%"),
        ("5%至6%", "5", "6", "%"),
        ("5-6%", "5", "6", "%"),
        ("3至5年", "3", "5", "年"),
        ("3-5万元", "30000", "50000", "元"),
        ("三四十个", "30", "40", "个"),
        ("两三个", "2", "3", "个"),
    ] {
        let q = only(text);
        assert_eq!(q.qualifier, Qualifier::Range, "{text}");
        assert_eq!(q.value.to_string(), lo, "{text}");
        assert_eq!(
            q.value_to.map(|v| v.to_string()).as_deref(),
            Some(hi),
            "{text}"
        );
        assert_eq!(q.unit, unit, "{text}");
    }
}

#[test]
fn approximations_and_bounds() {
    for (text, value, qual) in [
        ("近100人", "100", Qualifier::About),
        ("约50万元", "500000", Qualifier::About),
        ("200余家", "200", Qualifier::About),
        ("30多万人", "300000", Qualifier::About),
        ("100人左右", "100", Qualifier::About),
        ("100人以上", "100", Qualifier::AtLeast),
        ("不少于5项", "5", Qualifier::AtLeast),
        ("3天以下", "3", Qualifier::AtMost),
        ("不超过3天", "3", Qualifier::AtMost),
        ("超过1000人", "1000", Qualifier::Over),
        ("逾1000人", "1000", Qualifier::Over),
    ] {
        let q = only(text);
        assert_eq!(
            (q.value.to_string().as_str(), q.qualifier, q.approx),
            (value, qual, true),
            "{text}"
        );
        assert_eq!(q.text, text);
    }
    let q = only("在乡镇聘请法律顾问54人");
    assert_eq!((q.approx, q.qualifier), (false, Qualifier::None));
}

#[test]
fn durations_and_scores() {
    assert_eq!(only("连续3年").kind, Kind::Duration);
    assert_eq!(only("用五年时间").value, Decimal::from_int(5));
    assert_eq!(only("考核得分95分").kind, Kind::Score);
    assert_eq!(only("建党97周年").unit, "周年");
}

// ---- not quantities ----

#[test]
fn dates_and_years_are_not_quantities() {
    for text in [
        "2017年",
        "2017年度",
        "二〇二四年",
        "9月23日",
        "2020-12-14",
        "1-9月",
        "2019—2020年",
        "2020年底前",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn ordinals_and_list_markers_are_not_quantities() {
    for text in [
        "第一批",
        "第155次",
        "十四五",
        "十九大",
        "十八届三中全会",
        "一是",
        "（一）",
        "一、",
        "1.",
        "唯一",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn names_codes_and_bare_numbers_are_not_quantities() {
    for text in [
        "推进行政执法“三项制度”",
        "三项制度",
        "一平台",
        "两抓手",
        "四级同创",
        "一带一路",
        "三中全会",
        "一网通办",
        "双随机一公开",
        "紧盯“四个聚焦”",
        "12345热线",
        "电话0937-2612345",
        "13912345678",
        "十分重要",
        "一起研究",
        "一次性告知",
        "一部分",
        "G20",
        "物价变动牵涉到千家万户",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // Spans of years that say when: recent years, years before.
    for text in [
        "近三年农村新建房屋达",
        "贷款平均利率较五年前下降",
        "农民收入在前两年有较大增加",
    ] {
        assert!(found(text).iter().all(|q| q.2 != "年"), "{text}");
    }
    // 人口 is no unit 人: 六亿多 with no unit, 人口 what it counts.
    assert_eq!(
        found("对于一个六亿多人口的国家说来"),
        [("六亿多".to_string(), "600000000".to_string(), String::new())]
    );
    assert_eq!(found("10兆瓦高温气冷核反应堆")[0].2, "兆瓦");
    assert_eq!(
        found("重点城市重污染天数减少一半"),
        [(
            "一半".to_string(),
            "-0.5".to_string(),
            "fraction".to_string()
        )]
    );
    assert_eq!(
        found("每年惠及3700多万学生"),
        [(
            "3700多万".to_string(),
            "37000000".to_string(),
            String::new()
        )]
    );
    assert_eq!(
        found("九百六十多万贫困人口"),
        [(
            "九百六十多万".to_string(),
            "9600000".to_string(),
            String::new()
        )]
    );
    // The 万 after 多 is the part after 亿's: with no unit to read it by, no figure.
    assert!(found("农村贫困人口从两亿五千多万减少到")
        .iter()
        .all(|q| q.1 != "2000050000000"));
    // How long (nearly a year) stays.
    assert_eq!(found("经过将近一年的谈判")[0].0, "将近一年");
    // A number with 万 or 亿 and no unit is a quantity with an empty unit (issue 11).
    assert_eq!(
        found("付息金额4120亿"),
        vec![(
            "4120亿".to_string(),
            "412000000000".to_string(),
            String::new()
        )]
    );
}

// ---- robustness ----

#[test]
fn long_input_is_fast_and_never_panics() {
    let piece = "市级行政审批事项由原来的351项减少到210项,减幅达41%;９３．３３万件、两千六百人、\
                 一二三四五六七八九十百千万亿点〇两三四十个、5%—6%—7%、1/、/3、百分之、\
                 第2017年12345678901234567890123456789012345678901234567890热线。";
    let target = if cfg!(debug_assertions) {
        100_000
    } else {
        1_000_000
    };
    let mut text = String::new();
    while text.len() < target {
        text.push_str(piece);
    }
    let t = std::time::Instant::now();
    let q = quantities(&text);
    let took = t.elapsed();
    assert!(q.len() > 1000);
    let n = text.chars().count();
    assert!(q.iter().all(|q| q.start < q.end && q.end <= n));
    if !cfg!(debug_assertions) {
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
    // Odd input never panics.
    for s in [
        "百分之",
        "三分之",
        "1/",
        "5%—",
        "第",
        "万亿",
        "九千九百九十九亿亿亿亿亿人",
        "0.",
        ".5人",
    ] {
        let _ = quantities(s);
    }
}

#[test]
fn serializes_as_the_issue_asks() {
    let q = only("城镇新增就业1200万人以上");
    let json = serde_json::to_value(&q).unwrap();
    assert_eq!(json["value"], serde_json::json!(12000000));
    assert_eq!(json["qualifier"], "at_least");
    assert_eq!(json["status"], "result");
    assert_eq!(json["kind"], "count");
    assert_eq!(json["value_to"], serde_json::Value::Null);
    let q = only("办结率98.75%");
    assert_eq!(serde_json::to_string(&q.value).unwrap(), "98.75");
}

// ---- more real sentences (../shared/corpus/*.jsonl, corpus/*.txt), values by hand ----

/// (text, value, value_to, unit) of every quantity found.
fn ranged(text: &str) -> Vec<(String, String, Option<String>, String)> {
    quantities(text)
        .into_iter()
        .map(|q| {
            (
                q.text,
                q.value.to_string(),
                q.value_to.map(|v| v.to_string()),
                q.unit,
            )
        })
        .collect()
}

fn check_ranged(text: &str, expected: &[(&str, &str, Option<&str>, &str)]) {
    let want: Vec<(String, String, Option<String>, String)> = expected
        .iter()
        .map(|(t, v, to, u)| {
            (
                t.to_string(),
                v.to_string(),
                to.map(str::to_string),
                u.to_string(),
            )
        })
        .collect();
    assert_eq!(ranged(text), want, "in {text}");
}

#[test]
fn arabic_groups_with_falling_multipliers() {
    // 2018 national report.
    let text = "大众创业、万众创新蓬勃发展，日均新设企业由5千多户增加到1万6千多户。";
    check(
        text,
        &[("5千多户", "5000", "户"), ("1万6千多户", "16000", "户")],
    );
    assert!(quantities(text)
        .iter()
        .all(|q| q.qualifier == Qualifier::About));
    check(
        "高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二，新建民航机场46个，开工重大水利工程122项",
        &[
            ("9000多公里", "9000", "公里"),
            ("2万5千公里", "25000", "公里"),
            ("三分之二", "0.6666666667", "fraction"),
            ("46个", "46", "个"),
            ("122项", "122", "项"),
        ],
    );
}

#[test]
fn numbers_sharing_the_last_unit() {
    // 2016 national report.
    check(
        "小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.7个百分点。",
        &[
            ("4.2", "4.2", "个百分点"),
            ("0.7个百分点", "0.7", "个百分点"),
        ],
    );
    let q = quantities("小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.7个百分点。");
    // 分别: paired in order (issue 11).
    assert_eq!(q[0].subject, "小微企业");
    assert_eq!(q[1].subject, "“三农”贷款增速");
    // 2023 national report.
    check(
        "水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里。",
        &[
            ("10.6万", "-106000", "平方公里"),
            ("3.8万", "-38000", "平方公里"),
            ("3.3万平方公里", "-33000", "平方公里"),
        ],
    );
    // Years in a list share nothing.
    check("1978、1979两年共增产粮食", &[("两年", "2", "年")]);
}

#[test]
fn transcription_quirks() {
    // 1999: a middle dot for the decimal point.
    check(
        "比上年实际增长4·3％，城镇居民人均可支配收入实际增长5·8％。",
        &[("4·3％", "4.3", "%"), ("5·8％", "5.8", "%")],
    );
    // 1998: every digit spaced out.
    check(
        "1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，按可比价格计算，平均每年增长1 1 ％。",
        &[
            ("7 4 7 7 2 亿元", "7477200000000", "元"),
            ("1 1 ％", "11", "%"),
        ],
    );
    check(
        "发电装机容量达到2 ．5 亿千瓦。",
        &[("2 ．5 亿千瓦", "250000000", "千瓦")],
    );
    // 2017: a zero-width space with line breaks inside the number and its unit.
    let text = "国内生产总值达到74.4\n\u{200B}\n万亿元，增长6.7%，名列世界前茅";
    check(
        text,
        &[
            ("74.4\n\u{200B}\n万亿元", "74400000000000", "元"),
            ("6.7%", "6.7", "%"),
        ],
    );
    let q = quantities(text);
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[q[1].start..q[1].end].iter().collect();
    assert_eq!(span, "6.7%");
    assert_eq!(q[0].subject, "国内生产总值");
}

#[test]
fn traditional_characters() {
    // 1954 national report.
    check(
        "棉紗四百六十萬件，等於一九四九年的二點六倍；",
        &[("四百六十萬件", "4600000", "件"), ("二點六倍", "2.6", "倍")],
    );
    // 七千多萬: the 萬 after 多 belongs to 七千, not to 二十五億七千.
    let q = only("因爲沒有及時向國家申請調撥物資損失二十五億七千多萬元，");
    assert_eq!(
        (q.value.to_string().as_str(), q.unit.as_str(), q.qualifier),
        ("2570000000", "元", Qualifier::About)
    );
    check(
        "原煤产量达到七亿七千多万吨，原油达到一亿一千四百多万吨",
        &[
            ("七亿七千多万吨", "770000000", "吨"),
            ("一亿一千四百多万吨", "114000000", "吨"),
        ],
    );
}

#[test]
fn chinese_numerals_of_the_1950s() {
    check(
        "原煤：从六千三百五十三万吨增加到一亿一千三百万吨，增长零点八倍。",
        &[
            ("六千三百五十三万吨", "63530000", "吨"),
            ("一亿一千三百万吨", "113000000", "吨"),
            ("零点八倍", "0.8", "倍"),
        ],
    );
    check(
        "到一九四九年，粮食产量只有二千二百六十亿斤，棉花产量只有八百八十多万担。",
        &[
            ("二千二百六十亿斤", "226000000000", "斤"),
            ("八百八十多万担", "8800000", "担"),
        ],
    );
    check(
        "发电量三千六百二十亿度，增长百分之二十点四；",
        &[
            ("三千六百二十亿度", "362000000000", "度"),
            ("百分之二十点四", "20.4", "%"),
        ],
    );
    check("去年城镇调查失业率一度明显攀升。", &[]);
    check(
        "毛、麻纺锭七千三百三十枚，机制纸二十万四千吨",
        &[
            ("七千三百三十枚", "7330", "枚"),
            ("二十万四千吨", "204000", "吨"),
        ],
    );
}

#[test]
fn chinese_ranges_and_percent_ranges() {
    check_ranged(
        "国民经济增长速度由原定平均每年百分之六调高到百分之八至九。",
        &[
            ("百分之六", "6", None, "%"),
            ("百分之八至九", "8", Some("9"), "%"),
        ],
    );
    check_ranged(
        "每年还应该力求降低百分之二到百分之三，或者更多些。",
        &[("百分之二到百分之三", "-3", Some("-2"), "%")],
    );
    check_ranged(
        "即使以基本建设投资多了十五亿元到二十亿元来说，也只占去年全部支出的5—6%，",
        &[
            ("十五亿元到二十亿元", "1500000000", Some("2000000000"), "元"),
            ("5—6%", "5", Some("6"), "%"),
        ],
    );
    check_ranged(
        "这两个组织各有四十至五十名工人。",
        &[("四十至五十名", "40", Some("50"), "名")],
    );
    check_ranged(
        "减少百分之二、三的占用量",
        &[("百分之二、三", "-3", Some("-2"), "%")],
    );
    // 1978 and 1955 national reports.
    check_ranged(
        "八年内使它们提供的商品粮比现在增加两、三倍；",
        &[
            ("八年", "8", None, "年"),
            ("两、三倍", "2", Some("3"), "倍"),
        ],
    );
    check_ranged(
        "则虽然每年减少粮食二、三十亿斤，但能增产薯类一百多亿斤到二百多亿斤。",
        &[
            ("二、三十亿斤", "-3000000000", Some("-2000000000"), "斤"),
            (
                "一百多亿斤到二百多亿斤",
                "10000000000",
                Some("20000000000"),
                "斤",
            ),
        ],
    );
    // The multiplier of the second number applies to a bare first one.
    for (text, lo, hi) in [
        ("三至五万元", "30000", "50000"),
        ("二十至三十万元", "200000", "300000"),
        ("三至五千万元", "30000000", "50000000"),
        ("三万至五万元", "30000", "50000"),
    ] {
        let q = only(text);
        assert_eq!(
            (q.value.to_string(), q.value_to.map(|v| v.to_string())),
            (lo.to_string(), Some(hi.to_string())),
            "{text}"
        );
        assert_eq!(q.unit, "元");
    }
    let q = only("用三五年时间");
    assert_eq!(
        (q.value, q.value_to),
        (Decimal::from_int(3), Some(Decimal::from_int(5)))
    );
}

#[test]
fn bare_multipliers_after_a_qualifier() {
    // 2023, 2012, 2015 national reports.
    let q = only("各类支持创新的税收优惠政策年度规模已超过万亿元。");
    assert_eq!(
        (q.text.as_str(), q.value.to_string().as_str(), q.qualifier),
        ("超过万亿元", "1000000000000", Qualifier::Over)
    );
    check(
        "粮食总产量实现了历史罕见的“八连增”，连续5年超万亿斤，",
        &[("5年", "5", "年"), ("超万亿斤", "1000000000000", "斤")],
    );
    let q = only("对外投资大幅增加，出境旅游近亿人次。");
    assert_eq!(
        (q.value.to_string().as_str(), q.unit.as_str(), q.qualifier),
        ("100000000", "人次", Qualifier::About)
    );
    let q = only("经过百余年的奋斗");
    assert_eq!((q.value, q.unit.as_str()), (Decimal::from_int(100), "年"));
    for (text, value, qual) in [
        ("逾百万人", "1000000", Qualifier::Over),
        ("近百万人", "1000000", Qualifier::About),
        ("千余家", "1000", Qualifier::About),
    ] {
        let q = only(text);
        assert_eq!(
            (q.value.to_string().as_str(), q.qualifier),
            (value, qual),
            "{text}"
        );
    }
    // Without a qualifier a bare multiplier is a word: 千万不要, 百万富翁.
    check("我们千万不能忘记阶级斗争", &[]);
}

#[test]
fn vague_numerals_and_articles_are_not_quantities() {
    for text in [
        "少则几年、十几年，多则几十年，就不可避免地要出现全国性的反革命复辟",
        "县委以上的干部有几十万，国家的命运就掌握在他们手里。",
        "只有一个中国，台湾是中国的一部分",
        "推进孟中印缅、中巴经济走廊建设，推出一批重大支撑项目，",
        "严格控制人口增长，是一项长期的战略任务。",
        "敌人一天天烂下去，我们一天天好起来。",
        "我们必须从深化改革和增加投入这两个方面入手",
        "今年的经济情况是一个季度比一个季度好。",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // 十几万 is vague, the 1500余人 after it is not.
    check(
        "累计关注量十几万人次,单个最大浏览量1500余人",
        &[("1500余人", "1500", "人")],
    );
    // 一 + a measure word before a pause is a count.
    check(
        "三十万千瓦的核电站一个，加上小型电站的建设",
        &[("三十万千瓦", "300000", "千瓦"), ("一个", "1", "个")],
    );
}

#[test]
fn names_sessions_phases_and_years_are_not_quantities() {
    for text in [
        "坚持四项基本原则，坚持改革开放",
        "在和平共处五项原则的基础上",
        "继续普及九年义务教育。",
        "发展国民经济的第一个五年计划",
        "按照十三届全国人大五次会议批准的政府工作报告安排",
        "确保青藏铁路、三峡三期工程等一批重点工程建成投产",
        "由主要依靠第二产业带动转向依靠三次产业共同带动",
        "第一个阶段，从二○二○年到二○三五年，在全面建成小康社会的基础上",
        "中英两国政府代表关于香港１９９４／１９９５年选举安排谈判终止",
        "按照中央提出的“八个坚持、八个反对”，一靠教育",
        "9月23日-25日,我带领各县(区)司法局局长",
        "第七个五年的发展速度必将高于第六个五年",
        "１９８６年是开始执行第七个五年计划并取得显著成就的一年",
        "苏美两霸内外交困，危机四伏",
        "破除城乡二元结构",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // 二0一0年 is a year; 翻一番 is a quantity.
    check(
        "实现国内生产总值和城乡居民人均收入比二0一0年翻一番。",
        &[("一番", "1", "番")],
    );
    // Spans of years that say when are no quantities: 过去的一年, 五年来, 今后五年.
    for text in [
        "过去的一年，我们坚持独立自主的和平外交政策",
        "五年来，生态环境状况逐步好转。",
        "这五年综合经济实力大幅提升。",
        "今后五年是全面建成小康社会的决胜阶段。",
        "通胀达到40多年来新高。",
        "本世纪头十年农村改革发展。",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // Numerals in a programme's name, a project's phase; a time reference after 以来的.
    for text in [
        "实施国企改革三年行动。",
        "建设“15分钟”就业服务圈。",
        "打造四小时航空经济圈。",
        "区域医疗中心二期项目全部开工，益阳电厂三期建成投产。",
        "加快南京机场三期、南通新机场建设。",
        "十三大以来的五年，是我们沿着道路前进的时期。",
        "新冠疫情发生三年多来，我们坚持人民至上。",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // Counts of sessions and times stay: 举办二期培训班, 24小时在线监控.
    assert_eq!(only("举办二期领导干部培训班。").value, Decimal::from_int(2));
    assert_eq!(only("实行24小时在线监控。").value, Decimal::from_int(24));
    // A span that is how long stays: 再奋斗十五年, 用两年时间, a window (三年内).
    check("用两年时间完成改造。", &[("两年", "2", "年")]);
    assert_eq!(
        only("对新招用人员的企业，三年内给予社会保险补贴。").value,
        Decimal::from_int(3)
    );
    check(
        "在全面建成小康社会的基础上，再奋斗十五年，基本实现社会主义现代化。",
        &[("十五年", "15", "年")],
    );
}

#[test]
fn jiang_as_ba_is_no_target() {
    // corpus/000 and corpus/003: results told with 将 = 把.
    let q = quantities("按照省法治政府建设领导小组工作要求,将法治政府建设在全市综合考评中所占分值由4%提升至10%,将法治政府建设表彰纳入全市综合表彰或单独表彰。");
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|q| q.status == Status::Result));
    let q =
        quantities("向社会公布重大劳动保障违法行为5起,将2家欠薪企业及责任人纳入“黑名单”联合惩戒。");
    assert!(q.iter().all(|q| q.status == Status::Result));
    // 将 as "will", 今年 and 要 with no sign of something done: targets.
    assert_eq!(
        only("国内生产总值将提高到100万亿元。").status,
        Status::Target
    );
    assert_eq!(
        quantities("今年中央财政投入增加300亿元以上，比上年增长20%以上。")[0].status,
        Status::Target
    );
    // 要求 and 主要 are no plans; 了 marks a result.
    assert_eq!(
        only("纺织行业提前一年实现了三年脱困目标").status,
        Status::Result
    );
}

#[test]
fn months_already_past_are_marked() {
    // 1981 report, given in December: 今年1到10月 is a result.
    assert!(
        only("城乡人民的储蓄存款，今年１到１０月增加了九十五亿元。")
            .clause
            .elapsed
    );
    assert!(
        quantities("今年１至９月安排了四百七十七万人就业，达到四百九十四亿元。")
            .iter()
            .all(|q| q.clause.elapsed)
    );
    assert!(!only("去年10月增加了5亿元。").clause.elapsed);
    assert!(!only("11到12月增加了5亿元。").clause.elapsed);
}

#[test]
fn subjects_keep_brackets() {
    let q =
        quantities("在乡镇、街道办事处落实专(兼)职法制员86名,推动法治政府建设各项任务落地见效。");
    assert_eq!(q[0].subject, "专(兼)职法制员");
    let q = quantities("一九五四年比一九五二年医院病床增长百分之三十四。");
    assert_eq!(q[0].subject, "医院病床");
    let q = quantities("钢铁工业，1979年钢产量比上年增加270万吨");
    assert_eq!(q[0].subject, "钢产量");
}

/// The subject of each quantity of `text`, in order.
fn subjects(text: &str) -> Vec<String> {
    quantities(text).into_iter().map(|q| q.subject).collect()
}

// Sentences of the national reports (and of ../shared/corpus), subjects by the rules of
// tests/labels*/README.md, written before running the program.

#[test]
fn subjects_past_a_year_and_its_comparison() {
    // 1955, 1978 and 1983 reports: the years and 比 stand between the name and the figure.
    assert_eq!(
        subjects("１９５５年全国工农业生产总值比１９５４年增长了６．６％。"),
        ["全国工农业生产总值"]
    );
    assert_eq!(
        subjects("工业总产值一九七七年比一九七六年增长百分之十四点三，一九七八年又比一九七七年增长百分之十三点五。"),
        ["工业总产值", "工业总产值"]
    );
    assert_eq!(
        subjects("全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十所。"),
        ["全国高等学校", "全国高等学校"]
    );
}

#[test]
fn subjects_named_after_the_count() {
    assert_eq!(subjects("今年将采取三项举措。"), ["举措"]);
    assert_eq!(
        subjects("取消123项职业资格许可和认定事项，"),
        ["职业资格许可和认定事项"]
    );
    assert_eq!(
        subjects("农村饮水安全工程使6069万农民受益，新增510万沼气用户，"),
        ["农民", "沼气用户"]
    );
    assert_eq!(
        subjects("完全化解了历史上承担的国有商业银行和农村信用社等14486亿元金融改革成本。"),
        ["金融改革成本"]
    );
    // A share names it only after 的, and only when nothing before names the figure.
    assert_eq!(
        subjects("全国百分之六十的职工不同程度地提高了工资。"),
        ["职工"]
    );
    assert_eq!(subjects("城镇化率达到67%的水平。"), ["城镇化率"]);
    // Not a counted thing: a verb, a rate, the next figure.
    assert_eq!(
        subjects("钢产量由二千零四十六万吨增加到三千一百七十八万吨。")[0],
        "钢产量"
    );
    assert_eq!(
        subjects("推进5个国家区域医疗中心和6个省级区域医疗中心建设。")[0],
        "国家区域医疗中心"
    );
}

#[test]
fn subjects_of_the_actor_a_share_and_a_topic() {
    // Nothing follows the verb: what it acts on stands before it.
    assert_eq!(
        subjects("中央预算内投资安排5376亿元，比去年增加300亿元。"),
        ["中央预算内投资", "中央预算内投资"]
    );
    // A占B的x%: A's share of B.
    assert_eq!(
        subjects("经济建设费支出１３，７６２，０９０，０００元，占预算数的９６．９９％；"),
        ["经济建设费支出", "经济建设费支出"]
    );
    assert_eq!(
        subjects("１９５５年决算支出占预算数的９８．４１％。"),
        ["决算支出"]
    );
    // A clause that only names the thing, then its figures from a time or 由.
    assert_eq!(
        subjects("城乡人民的储蓄存款，今年１到１０月增加了九十五亿元。"),
        ["城乡人民的储蓄存款"]
    );
    assert_eq!(
        subjects("在工农业生产总值中现代工业所占的比重，由１９５４年的３３％上升到３４％。"),
        ["现代工业所占的比重", "现代工业所占的比重"]
    );
    // The items of a list named in the clause before 分别.
    assert_eq!(
        subjects("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。"),
        ["城镇居民人均可支配收入", "农村居民人均纯收入"]
    );
    // The next of a series, where only a year stands for it; not across a new name.
    assert_eq!(
        subjects("农民人均纯收入１９７８年为１３３．６元，１９８７年提高到４６２．６元；城镇居民人均生活费收入，１９８２年为４９４．５元。"),
        ["农民人均纯收入", "农民人均纯收入", "城镇居民人均生活费收入"]
    );
    // What is left of a span of years before the words (五年|内).
    assert_eq!(
        subjects("五年内国家财政将投入200多亿元。"),
        ["", "国家财政"]
    );
    // A duration only times what follows: no topic for it.
    assert_eq!(
        subjects("全民所有制单位的固定资产投资，五年内将达到一万亿元。")[0],
        ""
    );
}

#[test]
fn word_lists_load() {
    let lex = &*LEXICON;
    assert!(lex.strip.iter().any(|w| w[..] == ['减', '少', '到']));
    assert!(lex.cut.iter().any(|w| w[..] == ['办', '理']));
    assert!(lex.ba_verbs.iter().any(|w| w[..] == ['纳', '入']));
    // Longest first, so 由原来的 is stripped before 的.
    assert!(lex.strip.windows(2).all(|p| p[0].len() >= p[1].len()));
}
