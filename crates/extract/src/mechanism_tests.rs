//! Tests of [`mechanisms`] on real sentences (the seed reports in corpus/ and the national
//! government work reports in ../shared/corpus/), with expected values written by hand.

use super::*;

/// (name, quoted) of every mechanism found.
fn found(text: &str) -> Vec<(String, bool)> {
    mechanisms(text)
        .into_iter()
        .map(|m| (m.name, m.quoted))
        .collect()
}

fn check(text: &str, expected: &[(&str, bool)]) {
    let want: Vec<(String, bool)> = expected.iter().map(|&(n, q)| (n.to_string(), q)).collect();
    assert_eq!(found(text), want, "in {text}");
}

fn none(text: &str) {
    check(text, &[]);
}

/// The one mechanism named `name` in `text`.
fn one(text: &str, name: &str) -> Mechanism {
    let all: Vec<Mechanism> = mechanisms(text)
        .into_iter()
        .filter(|m| m.name == name)
        .collect();
    assert_eq!(all.len(), 1, "one {name} expected in {text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Every record's offsets are chars and cover its name.
fn offsets_hold(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for m in mechanisms(text) {
        let at: String = chars[m.start..m.end].iter().collect();
        assert_eq!(at, m.name, "offsets of {m:?}");
        assert_eq!(m.key, mechanism_key(&m.name));
    }
}

// ---- keys ----

#[test]
fn keys_fold_separators_quotes_and_full_width() {
    assert_eq!(mechanism_key("双随机、一公开"), "双随机一公开");
    assert_eq!(mechanism_key("双随机一公开"), "双随机一公开");
    assert_eq!(mechanism_key("“三项制度”"), "三项制度");
    assert_eq!(mechanism_key("互联网＋"), "互联网+");
    assert_eq!(mechanism_key("行政执法监督＋"), "行政执法监督+");
    assert_eq!(mechanism_key("１２１１"), "1211");
    assert_eq!(mechanism_key("Ｅ窗通"), "e窗通");
    assert_eq!(mechanism_key("抓项目·促发展"), "抓项目促发展");
    assert_eq!(mechanism_key(" 一带一路 "), "一带一路");
    assert_eq!(mechanism_key("三項制度"), "三项制度");
}

// ---- quoted practices ----

#[test]
fn yinchuan_and_siping_practices() {
    // corpus/002 (银川, 四平)
    check(
        "宁夏银川:“审管分离”助推行政执法效率提升",
        &[("审管分离", true)],
    );
    check(
        "银川市将发改、经信等26个部门的153项行政审批职责全部划转到行政审批服务局,真正实现了“一局一章”管审批,银川市将发",
        &[("一局一章", true)],
    );
    check(
        "吉林四平:“行政执法监督+”破解基层执法难题",
        &[("行政执法监督+", true)],
    );
    let m = one(
        "另外,“四平市‘行政执法监督+’工作机制”项目获第四届“中国法治政府提名奖”。",
        "行政执法监督+",
    );
    assert!(m.quoted);
    assert_eq!(m.key, "行政执法监督+");
    check(
        "此外,银川市还推行“窗口无否决权”改革,试行“柜员制”服务,实行项目审批“双五”工作机制,实现了人性化服务、特色化帮扶。",
        &[("窗口无否决权", true), ("柜员制", true), ("双五", true)],
    );
}

#[test]
fn adjacent_quotes_share_the_head() {
    // corpus/002 (咸宁)
    check(
        "启动了“三证合一”“同城通办”“先照后证”“一址多照”“一照多址”等新规,极大地激发了市场活力。",
        &[
            ("三证合一", true),
            ("同城通办", true),
            ("先照后证", true),
            ("一址多照", true),
            ("一照多址", true),
        ],
    );
    // corpus/003 (巴中)
    check(
        "建立“互联网+行政执法”“两法衔接”工作机制,召开联席会议,加强信息共享。",
        &[("互联网+行政执法", true), ("两法衔接", true)],
    );
}

#[test]
fn national_quoted_practices() {
    // 2019 report
    check(
        "全面推进“互联网+”，运用新技术新模式改造传统产业。深入推进简政减税减费。取消一批行政许可事项，“证照分离”改革在全国推开，企业开办时间大幅压缩。“双随机、一公开”监管全面实施。",
        &[("互联网+", true), ("证照分离", true), ("双随机、一公开", true)],
    );
    let m = one("“双随机、一公开”监管全面实施。", "双随机、一公开");
    assert_eq!(m.key, "双随机一公开");
    // 2021 report
    check(
        "优化和稳定产业链供应链。继续完成“三去一降一补”重要任务。",
        &[("三去一降一补", true)],
    );
    // 2024 report: quoted campaign names
    check(
        "优化消费环境，开展“消费促进年”活动，实施“放心消费行动”，加强消费者权益保护，落实带薪休假制度。",
        &[("消费促进年", true), ("放心消费行动", true)],
    );
    // 2003 report: a plan period is not a mechanism, but the programme “八七” is.
    check(
        "认真落实并基本完成“八七”扶贫攻坚计划，制定和实施新世纪头十年农村扶贫开发纲要。",
        &[("八七", true)],
    );
}

#[test]
fn quoted_lists() {
    // 2019 report: a list of one-char actions.
    check(
        "加大“破、立、降”力度。推进钢铁、煤炭行业市场化去产能。",
        &[("破、立、降", true)],
    );
    // 2003 report: one compound mention; its inner name is not listed again.
    check(
        "我们坚持“和平统一、一国两制”的基本方针和江泽民主席关于解决台湾问题的八项主张，同“台独”分裂势力进行了坚决斗争。",
        &[("和平统一、一国两制", true), ("八项主张", false)],
    );
    // corpus/001: a quoted working cycle followed by 的工作机制.
    check(
        "坚持“年初部署、年中督查、年底考核”的工作机制,先后于年中、年底对各县市区进行了督查。",
        &[("年初部署、年中督查、年底考核", true)],
    );
    // corpus/002: a slogan list is not.
    none("真正实现了“推开一扇门、办成一揽子事”的政务服务新格局。");
}

// ---- what is not a mechanism ----

#[test]
fn figures_of_speech_and_slogans_are_not_mechanisms() {
    // corpus/000
    none("当好“主心骨”、抓住“牛鼻子”、织牢“防控网”、做好“服务员”。");
    none("工作中还存在“拍脑门”决策的问题。");
    // corpus/001
    none("七、抓住“关键少数”,加强法治教育培训");
    // corpus/002
    none("体现在紧抓“关键少数”“关键机构”“关键改革”三个重要方面。");
    none("湖北咸宁:紧抓“关键”营造良好法治环境");
    // 2024 and 2016 reports
    none("实施一批“小而美”民生项目，积极推动数字、绿色、创新、健康、文旅、减贫等领域合作。");
    none("只有推动传统动能转型，形成新的“双引擎”，才能推动经济持续健康发展。");
    none("今后五年是跨越“中等收入陷阱”的重要阶段。");
    none("同“台独”分裂势力进行了坚决斗争。");
}

#[test]
fn plan_periods_goals_and_issue_areas_are_not_mechanisms() {
    // corpus/000
    none("市委、市政府把法治政府建设情况作为专项内容列入“十四五”规划,出资20万元。");
    // 2021 report
    none("经过五年持续奋斗，“十三五”规划主要目标任务胜利完成。");
    none("深入贯彻落实党的十九大精神。");
    // 2016 report
    none("为实现“两个一百年”奋斗目标、实现中华民族伟大复兴的中国梦打下坚实基础。");
    // 2025 report
    none("（七）着力抓好“三农”工作，深入推进乡村全面振兴。");
    // 2023 report: what is fought or paid for is not a practice.
    none("纠治形式主义、官僚主义，“三公”经费大幅压减。");
    // corpus/003
    none("开展农业领域“三假”治理、安全领域“五防”治理。");
}

#[test]
fn plain_quantities_are_not_mechanisms() {
    // 2016 report
    none("今年重点抓好三项工作。一是加快农业转移人口市民化。");
    none("今年将采取三项举措。");
    // 2023 report
    check(
        "推行“证照分离”改革，企业开办时间从一个月以上压缩到目前的平均4个工作日以内。",
        &[("证照分离", true)],
    );
    // corpus/002, corpus/003: generic heads after a numeral.
    none("紧抓“三个关键”,发挥“三个作用”,深入推进依法行政。");
    none("突出“战略目标”,做好“两项工作”,全面推动法治政府建设责任落实");
    // corpus/002: 一 + classifier is a plain phrase.
    none("个具体审批业务只提交“一张表格”即可办理。");
    // markers and ordinals
    none("一是切实加强党委的领导核心作用。二是统一思想。");
    none("两岸统一是中华民族的根本利益所在。");
}

#[test]
fn hotlines_and_dates_are_not_mechanisms() {
    // corpus/000
    none("驻马店市“12345”热线平台和智慧城市管理中心进行实地考察。");
    none("一是“12345”政务服务热线一线连民心。");
    // corpus/002, corpus/004
    none("围绕“三月法治宣传月”及“3·15”消费者权益保护日等各种宣传月。");
    none("举办庆“七•一”依法行政知识竞赛。");
}

// ---- unquoted number shorthand ----

#[test]
fn unquoted_number_shorthand() {
    // 2016 report
    check(
        "实行党政同责、一岗双责，加大失职追责力度。",
        &[("一岗双责", false)],
    );
    check(
        "全面实施三证合一、一照一码。加强事中事后监管。",
        &[("三证合一", false), ("一照一码", false)],
    );
    // 2019 report
    check(
        "要继续打好三大攻坚战，精准发力、务求实效。",
        &[("三大攻坚战", false)],
    );
    // 2009 report
    check(
        "中央财政安排423亿元资金，支持十大重点节能工程和环保设施等项目建设。",
        &[("十大重点节能工程", false)],
    );
    // 1979 report: the short form is another mention.
    check(
        "要坚持四项基本原则，即坚持社会主义道路，这四项原则都不能离开社会主义民主。",
        &[("四项基本原则", false), ("四项原则", false)],
    );
    // 1995 report: a principle written with a comma.
    let m = one(
        "必须始终不渝地坚持两手抓，两手都要硬的方针，加强精神文明建设。",
        "两手抓，两手都要硬",
    );
    assert!(!m.quoted);
    // corpus/002
    check(
        "推进审批监管改革,建立三个清单制度,相继公布《市级行政权力清单》。",
        &[("三个清单", false)],
    );
    // Bare policy names without a number are not reported (2016 report).
    none("全面推开营改增试点，全年降低企业税负5700多亿元。");
}

// ---- expansions ----

#[test]
fn digit_name_expanded_by_the_list_before_it() {
    // corpus/000
    let text = "一是建立“1211”推进机制。从2016年开始,建成并规范运行“一平台、两抓手、一带动、一考核”为主体的“1211”法治政府建设推进机制。";
    let all = mechanisms(text);
    assert_eq!(all.len(), 2, "{all:?}");
    for m in &all {
        assert_eq!(m.name, "1211");
        assert!(m.quoted);
        assert_eq!(
            m.expansion,
            strings(&["一平台", "两抓手", "一带动", "一考核"])
        );
    }
    offsets_hold(text);
}

#[test]
fn digits_without_head_or_expansion_are_not_names() {
    none("实施优先查检和“52”预约查检。");
}

#[test]
fn shorthand_expanded_by_a_list_before_it() {
    // corpus/004
    let m = one(
        "严格执行公众参与、专家论证、风险评估、合法性审查、集体讨论决定“五步走”程序。",
        "五步走",
    );
    assert_eq!(
        m.expansion,
        strings(&[
            "公众参与",
            "专家论证",
            "风险评估",
            "合法性审查",
            "集体讨论决定"
        ])
    );
    // corpus/003
    let m = one(
        "完善人民调解、行政调解、司法调解“三式联调”和市、区县、乡镇(街道)、村(社区)“四级联动”的“联调联动”模式。",
        "三式联调",
    );
    assert_eq!(m.expansion, strings(&["人民调解", "行政调解", "司法调解"]));
    // corpus/002: the first item loses what comes before the segment's first char.
    let m = one(
        "2013年银川市实施减程序、减时限、减费用、提高行政效率、提高服务质量的“三减两提高”改革,取消、合并、调整行政审批事项75项。",
        "三减两提高",
    );
    assert_eq!(
        m.expansion,
        strings(&["减程序", "减时限", "减费用", "提高行政效率", "提高服务质量"])
    );
}

#[test]
fn shorthand_expanded_by_a_list_after_it() {
    // corpus/002: a dash.
    let m = one(
        "全面推行阳光执法“四公开”——公开行政权力清单、公开行政处罚裁量基准、公开行政处罚决定书、公开行政执法人员信息,以公开促公正。",
        "四公开",
    );
    assert_eq!(
        m.expansion,
        strings(&[
            "公开行政权力清单",
            "公开行政处罚裁量基准",
            "公开行政处罚决定书",
            "公开行政执法人员信息"
        ])
    );
    // corpus/004: a colon and ；-clauses.
    let m = one(
        "组建法律专家库、健全顾问管理制度,提出“四个改变”:改变服务定位,变“消防员”为“守门员”;改变服务范围,变“星星之火”为“燎原之势”;改变参与方式,做到“人尽其用、各尽其才”;改变参与程度,变“点到为止”为“全程参与”。",
        "四个改变",
    );
    assert_eq!(
        m.expansion,
        strings(&[
            "改变服务定位",
            "改变服务范围",
            "改变参与方式",
            "改变参与程度"
        ])
    );
    assert_eq!(found("变“消防员”为“守门员”;"), vec![]);
}

#[test]
fn shorthand_expanded_in_the_next_sentence() {
    // corpus/004
    let m = one(
        "二是以“三统一”制度为抓手,强化监督管理。严格遵守立项、起草、合法性审查、集体讨论决定的一般程序,严格统一登记、统一编号、统一公布,按照规定程序和时限向市政府和县人大报备。",
        "三统一",
    );
    assert_eq!(m.expansion, strings(&["统一登记", "统一编号", "统一公布"]));
    let m = one(
        "三是落实“三个必须”原则,强化规范性文件清理。以已失效或废止的上位法为依据的必须清理,与改革政策相违背的必须清理,不符合生态文明和环境保护要求的必须清理,今年我们共集中清理两次。",
        "三个必须",
    );
    assert_eq!(
        m.expansion,
        strings(&[
            "以已失效或废止的上位法为依据的必须清理",
            "与改革政策相违背的必须清理",
            "不符合生态文明和环境保护要求的必须清理"
        ])
    );
}

#[test]
fn a_name_in_a_list_is_not_expanded_by_that_list() {
    // corpus/004
    let m = one(
        "1000多道竟赛题涵盖十九大精神、宪法修正案、公共法律知识和“三项制度”等。",
        "三项制度",
    );
    assert!(m.expansion.is_empty());
    // corpus/000: clauses that hold the name itself are no parts of it.
    let all = mechanisms(
        "坚决落实行政执法“三项制度”。出台《濮阳市行政执法监督办法》,持续推行行政执法“三项制度”,将“三项制度”推行情况做为年度依法行政考核内容,做到“三项制度”在每一个执法部门全覆盖。",
    );
    assert_eq!(all.len(), 4);
    assert!(all
        .iter()
        .all(|m| m.key == "三项制度" && m.expansion.is_empty()));
}

#[test]
fn expansion_in_brackets_and_after_ji() {
    // The three systems as the State Council names them, in the form local reports cite them.
    let text = "全面推行行政执法三项制度（行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度）。";
    let m = one(text, "三项制度");
    assert!(!m.quoted);
    assert_eq!(
        m.expansion,
        strings(&[
            "行政执法公示制度",
            "执法全过程记录制度",
            "重大执法决定法制审核制度"
        ])
    );
    let m = one(
        "深化“放管服”改革，即简政放权、放管结合、优化服务。",
        "放管服",
    );
    assert_eq!(m.expansion, strings(&["简政放权", "放管结合", "优化服务"]));
}

// ---- the five seed reports ----

const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../../corpus/000_3f2a7be6bd882b3f.txt"),
    ),
    (
        "001",
        include_str!("../../../corpus/001_db632a6819f2f662.txt"),
    ),
    (
        "002",
        include_str!("../../../corpus/002_eee0beed65e72678.txt"),
    ),
    (
        "003",
        include_str!("../../../corpus/003_40199a098a244c13.txt"),
    ),
    (
        "004",
        include_str!("../../../corpus/004_e9e637da5608c3ff.txt"),
    ),
];

#[test]
fn seeds_known_facts() {
    let mut by_seed = std::collections::HashMap::new();
    for (id, text) in SEEDS {
        offsets_hold(text);
        let all = mechanisms(text);
        assert!(
            all.windows(2).all(|w| w[0].start <= w[1].start),
            "{id}: left to right"
        );
        for m in &all {
            assert!(
                ![
                    "关键少数",
                    "牛鼻子",
                    "十四五",
                    "12345",
                    "三项工作",
                    "一个月",
                    "十三五"
                ]
                .contains(&m.key.as_str()),
                "{id}: {m:?}"
            );
        }
        by_seed.insert(id, all);
    }
    let keys = |id: &str| -> Vec<String> { by_seed[id].iter().map(|m| m.key.clone()).collect() };

    let m1211: Vec<&Mechanism> = by_seed["000"].iter().filter(|m| m.key == "1211").collect();
    assert!(!m1211.is_empty());
    assert!(m1211
        .iter()
        .any(|m| m.expansion == strings(&["一平台", "两抓手", "一带动", "一考核"])));
    // The spelled-out list is the expansion, not a mechanism of its own.
    assert!(!keys("000").contains(&"一平台两抓手一带动一考核".to_string()));

    for id in ["000", "003", "004"] {
        assert!(keys(id).contains(&"三项制度".to_string()), "{id}");
    }
    for key in ["审管分离", "一局一章", "行政执法监督+"] {
        assert!(keys("002").contains(&key.to_string()), "002: {key}");
    }
}
