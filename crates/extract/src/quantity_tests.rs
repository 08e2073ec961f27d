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
            ("41%", "41", "%"),
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
            ("3%左右", "3", "%"),
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
    check("小于40万", &[]);
    check("付息金额4120亿", &[]);
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
    assert_eq!(only("今后五年").value, Decimal::from_int(5));
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
        "付息金额4120亿",
        "G20",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
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
