"""Generate the case data of Yunfeng Industrial Supply Co., Ltd. (云峰工业品供应有限公司).

Every CSV in ``datasets/`` is synthetic and comes from this script. Run::

    python datasets/generate.py [--out DIR]

The output is deterministic byte for byte (one seed, fixed column order, sorted
rows, rounded floats, ISO dates, ``\\n`` line ends, UTF-8). The data dictionary
and the planted structure are described in ``datasets/README.md``.

The behavioural model, in short:

* each customer has a latent *experience* score ``s`` (good/bad service,
  delivery and quality experience); it drives ticket outcomes, survey answers
  and, together with a price-shopping trait of tender customers, dropout;
* purchases follow a BG/NBD process: gamma-distributed Poisson rates, a
  beta-distributed dropout probability after each purchase;
* order values follow a Gamma-Gamma model, scaled by company size.

The extension tables (ticket handling, opportunity stage history, cost rates,
visits, engagement, trust, credit grades, payment excuses) are drawn after the
core tables, each from its own random stream (:func:`_stream`), so the ten core
CSVs stay byte-identical. ``feedback_holdout.csv`` is hand-written and never
written here.
"""

from __future__ import annotations

import argparse
import time
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20251231
START = pd.Timestamp("2023-01-01")
END = pd.Timestamp("2025-12-31")
N_DAYS = (END - START).days  # last day offset (1095)
N_CUSTOMERS = 2000

PRODUCT_LINES = ["bearings", "fasteners", "power tools", "safety equipment", "lubricants", "electrical parts"]
PRODUCT_ZH = {
    "bearings": "轴承",
    "fasteners": "紧固件",
    "power tools": "电动工具",
    "safety equipment": "劳保用品",
    "lubricants": "润滑油",
    "electrical parts": "电气元件",
}
UNIT_PRICE = {
    "bearings": 85.0,
    "fasteners": 1.8,
    "power tools": 620.0,
    "safety equipment": 45.0,
    "lubricants": 160.0,
    "electrical parts": 38.0,
}
MARGIN_RATE = {
    "bearings": 0.22,
    "fasteners": 0.31,
    "power tools": 0.17,
    "safety equipment": 0.28,
    "lubricants": 0.24,
    "electrical parts": 0.20,
}

INDUSTRIES = [
    "automotive parts",
    "electronics",
    "machinery",
    "food processing",
    "chemicals",
    "construction",
    "logistics",
    "textiles",
]
INDUSTRY_W = [0.18, 0.16, 0.18, 0.10, 0.10, 0.10, 0.08, 0.10]
DISTRIBUTION = "wholesale & distribution"
INDUSTRY_ZH = {
    "automotive parts": ["汽车零部件", "汽配"],
    "electronics": ["电子", "电子科技"],
    "machinery": ["机械", "精密机械", "装备制造"],
    "food processing": ["食品", "食品工业"],
    "chemicals": ["化工", "新材料"],
    "construction": ["建设工程", "建材"],
    "logistics": ["物流", "供应链"],
    "textiles": ["纺织", "织造"],
    DISTRIBUTION: ["工业品贸易", "五金机电", "机电设备"],
}
# product-line preference (Dirichlet concentration) by industry
INDUSTRY_MIX = {
    "automotive parts": [4, 4, 2, 2, 2, 2],
    "electronics": [1, 3, 2, 2, 1, 5],
    "machinery": [5, 3, 3, 1, 3, 2],
    "food processing": [2, 1, 1, 4, 3, 2],
    "chemicals": [2, 2, 1, 5, 3, 2],
    "construction": [1, 4, 5, 4, 1, 2],
    "logistics": [2, 2, 2, 4, 2, 2],
    "textiles": [3, 1, 1, 2, 4, 2],
    DISTRIBUTION: [3, 3, 3, 3, 3, 3],
}
OUTLOOK = {
    "automotive parts": 3.4,
    "electronics": 3.8,
    "machinery": 3.2,
    "food processing": 3.5,
    "chemicals": 2.8,
    "construction": 2.2,
    "logistics": 3.1,
    "textiles": 2.6,
    DISTRIBUTION: 3.0,
}

REGIONS = {
    "East China": (
        0.42,
        [
            ("Suzhou", "苏州", 5),
            ("Shanghai", "上海", 4),
            ("Wuxi", "无锡", 3),
            ("Hangzhou", "杭州", 3),
            ("Ningbo", "宁波", 2),
            ("Nanjing", "南京", 2),
            ("Changzhou", "常州", 2),
            ("Hefei", "合肥", 1),
            ("Qingdao", "青岛", 1),
            ("Jinan", "济南", 1),
            ("Xiamen", "厦门", 1),
        ],
    ),
    "South China": (
        0.16,
        [
            ("Guangzhou", "广州", 3),
            ("Shenzhen", "深圳", 3),
            ("Dongguan", "东莞", 3),
            ("Foshan", "佛山", 2),
            ("Zhuhai", "珠海", 1),
            ("Nanning", "南宁", 1),
        ],
    ),
    "North China": (
        0.12,
        [
            ("Beijing", "北京", 3),
            ("Tianjin", "天津", 3),
            ("Shijiazhuang", "石家庄", 1),
            ("Taiyuan", "太原", 1),
            ("Baotou", "包头", 1),
        ],
    ),
    "Central China": (
        0.11,
        [("Wuhan", "武汉", 3), ("Changsha", "长沙", 2), ("Zhengzhou", "郑州", 2), ("Nanchang", "南昌", 1)],
    ),
    "Southwest China": (
        0.09,
        [("Chengdu", "成都", 3), ("Chongqing", "重庆", 3), ("Kunming", "昆明", 1), ("Guiyang", "贵阳", 1)],
    ),
    "Northeast China": (
        0.06,
        [("Shenyang", "沈阳", 2), ("Dalian", "大连", 2), ("Changchun", "长春", 1), ("Harbin", "哈尔滨", 1)],
    ),
    "Northwest China": (
        0.04,
        [("Xi'an", "西安", 3), ("Lanzhou", "兰州", 1), ("Urumqi", "乌鲁木齐", 1), ("Yinchuan", "银川", 1)],
    ),
}
# remote regions get slower deliveries (a small effect on the experience of delivery)
REGION_DELIVERY = {
    "East China": 0.3,
    "South China": 0.0,
    "North China": 0.0,
    "Central China": 0.0,
    "Southwest China": -0.3,
    "Northeast China": -0.5,
    "Northwest China": -0.7,
}

MANAGERS = {  # account manager -> regions served
    "Zhang Wei": ["East China"],
    "Li Na": ["East China"],
    "Wang Fang": ["East China"],
    "Chen Jing": ["East China"],
    "Zhou Jie": ["East China"],
    "Liu Yang": ["South China"],
    "Huang Tao": ["South China"],
    "Zhao Min": ["North China", "Northeast China"],
    "Sun Li": ["North China", "Northwest China"],
    "Wu Xiaoling": ["Central China"],
    "Yang Lei": ["Southwest China"],
    "Xu Qiang": ["Northeast China", "Northwest China", "Central China"],
}
MANAGER_SKILL = {
    "Zhang Wei": 0.45,
    "Li Na": 0.1,
    "Wang Fang": 0.0,
    "Chen Jing": -0.1,
    "Zhou Jie": 0.05,
    "Liu Yang": 0.35,
    "Huang Tao": -0.45,
    "Zhao Min": 0.0,
    "Sun Li": 0.1,
    "Wu Xiaoling": -0.05,
    "Yang Lei": 0.15,
    "Xu Qiang": -0.2,
}

NAME_CORE = [
    "恒达",
    "华信",
    "金泰",
    "永盛",
    "鑫源",
    "宏发",
    "博远",
    "瑞丰",
    "天成",
    "嘉禾",
    "凯瑞",
    "隆兴",
    "新锐",
    "立信",
    "海润",
    "万通",
    "精工",
    "东升",
    "明阳",
    "汇丰",
    "中联",
    "广源",
    "盛达",
    "富强",
    "振华",
    "长城",
    "国泰",
    "荣昌",
    "德隆",
    "宇航",
    "星辰",
    "聚力",
    "鼎盛",
    "晨光",
    "佳联",
    "安达",
    "通力",
    "科林",
    "华美",
    "正泰",
    "昊天",
    "润通",
    "金桥",
    "宏远",
    "诚信",
]

FUNNEL = ["opportunity", "lead", "reach", "negotiation", "reception", "bargaining", "deal", "delivery", "service"]
FUNNEL_P = [0.80, 0.74, 0.64, 0.72, 0.76, 0.56, 0.96, 0.92]  # probability to move on from stage i
LOST_REASONS = {
    "early": ["no response", "no budget", "not a fit"],
    "late": ["price too high", "competitor chosen", "payment terms", "project cancelled"],
}

SURVEY_ATTRS = ["product_quality", "delivery", "price", "service", "technical_support", "ordering_ease"]
PERF_MEAN = {
    "product_quality": 7.5,
    "delivery": 6.8,
    "price": 6.2,
    "service": 7.1,
    "technical_support": 6.9,
    "ordering_ease": 7.2,
}
EXP_MEAN = {
    "product_quality": 8.4,
    "delivery": 8.1,
    "price": 7.6,
    "service": 7.7,
    "technical_support": 7.1,
    "ordering_ease": 7.3,
}
IMP_MEAN = {
    "product_quality": 9.0,
    "delivery": 8.4,
    "price": 8.9,
    "service": 7.6,
    "technical_support": 6.9,
    "ordering_ease": 6.5,
}
DRIVER_W = {
    "product_quality": 0.31,
    "delivery": 0.37,
    "price": 0.02,
    "service": 0.10,
    "technical_support": 0.07,
    "ordering_ease": 0.07,
}

KANO_FEATURES = [
    "invoice_accuracy",
    "product_certificates",
    "next_day_delivery",
    "volume_discounts",
    "online_order_tracking",
    "onsite_vending_machines",
    "branded_packaging",
    "loyalty_points",
]
KANO_MIX = {  # category probabilities A, O, M, I, R, Q
    "invoice_accuracy": [0.05, 0.17, 0.62, 0.13, 0.02, 0.01],
    "product_certificates": [0.06, 0.14, 0.55, 0.22, 0.02, 0.01],
    "next_day_delivery": [0.17, 0.58, 0.14, 0.09, 0.01, 0.01],
    "volume_discounts": [0.15, 0.50, 0.12, 0.20, 0.02, 0.01],
    "online_order_tracking": [0.55, 0.15, 0.06, 0.21, 0.02, 0.01],
    "onsite_vending_machines": [0.48, 0.08, 0.04, 0.34, 0.05, 0.01],
    "branded_packaging": [0.12, 0.06, 0.04, 0.64, 0.12, 0.02],
    "loyalty_points": [0.27, 0.10, 0.04, 0.50, 0.08, 0.01],
}

TICKET_TYPES = [
    "delivery delay",
    "quality issue",
    "invoice error",
    "technical question",
    "return request",
    "order change",
]
TICKET_W = [0.28, 0.17, 0.12, 0.18, 0.10, 0.15]
TICKET_DIFFICULTY = [0.4, 0.9, 0.1, 0.3, 0.6, -0.4]
TICKET_THEME = {
    "delivery delay": "delivery",
    "quality issue": "quality",
    "invoice error": "invoicing",
    "technical question": "service",
    "return request": "quality",
    "order change": "ordering",
}
CHANNELS = ["phone", "WeChat", "email", "on-site visit"]

# ---------------------------------------------------------------- free-text templates
ZH_NUM = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
EN_NUM = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
WEEKDAYS = [
    ("周一", "Monday"),
    ("周二", "Tuesday"),
    ("周三", "Wednesday"),
    ("周四", "Thursday"),
    ("周五", "Friday"),
    ("周六", "Saturday"),
]
BRANDS = ["SKF", "NSK", "FAG", "博世", "牧田", "3M", "施耐德", "美孚"]
CONS_ZH = [
    "生产线差点停了",
    "我们只好临时找别家采购",
    "耽误了设备检修",
    "车间一直等着用，很被动",
    "我们客户那边一直在催",
    "停线一个小时损失好几万",
    "只能先借用兄弟工厂的备件",
]
CONS_EN = [
    "our line nearly stopped",
    "we had to buy from another supplier",
    "it delayed our maintenance shutdown",
    "the workshop was waiting for it",
    "our own customer kept chasing us",
    "one hour of downtime costs us a lot",
]

T = {  # (theme, sentiment) -> (zh templates, en templates)
    ("delivery", "negative"): (
        [
            "交货又晚了{n_zh}天，{cons_zh}",
            "说好{wd1_zh}到货，结果拖到{wd2_zh}才送到，{cons_zh}",
            "{prod_zh}这批货到现在还没到，催了{k_zh}次了",
            "物流太慢了，{cons_zh}",
            "发货少了{q}箱{prod_zh}，还要再等补货",
            "到货时外包装破损，{prod_zh}有磕碰",
            "紧急订单也要等一个星期，太慢了",
            "送货司机联系不上，货在门卫放了{n_zh}天",
        ],
        [
            "Delivery was {n_en} days late again, {cons_en}.",
            "The {prod_en} were promised for {wd1_en} but only arrived on {wd2_en}; {cons_en}.",
            "Still waiting for the {prod_en}, we have chased it {k_en} times.",
            "Shipment arrived with {q} cartons of {prod_en} missing.",
            "Packaging was damaged on arrival and some {prod_en} were dented.",
            "Even urgent orders take a week to arrive.",
        ],
    ),
    ("delivery", "positive"): (
        [
            "这次到货很快，{fast_zh}就收到了",
            "次日达很给力，解决了我们的急单",
            "物流跟踪信息很及时，点赞",
            "{prod_zh}按时到货，包装也很好",
        ],
        [
            "Fast delivery this time, it arrived {fast_en}.",
            "Next-day delivery saved us on an urgent order.",
            "The {prod_en} arrived on time and well packed.",
        ],
    ),
    ("delivery", "neutral"): (
        ["能否把送货时间改到上午？", "请确认下{wd1_zh}能否到货", "以后送货请提前电话通知仓库"],
        [
            "Could deliveries arrive in the morning instead?",
            "Please confirm whether the order can arrive next {wd1_en}.",
            "Please call our warehouse before delivering.",
        ],
    ),
    ("quality", "negative"): (
        [
            "这批{prod_zh}有{pct}%左右不合格",
            "{prod_zh}用了不到{n_zh}周就坏了",
            "螺丝毛刺太多，装配时老是卡住",
            "轴承噪音大，怀疑是翻新货",
            "润滑油颜色不对，跟上一批次不一样",
            "电动工具电池续航明显不如以前",
            "质检报告和实物对不上",
            "{prod_zh}尺寸偏差超标，整批退回",
        ],
        [
            "About {pct}% of this batch of {prod_en} failed our inspection.",
            "The {prod_en} broke after less than {n_en} weeks.",
            "The bearings are noisy, we suspect refurbished parts.",
            "The lubricant looks different from the last batch.",
            "The inspection report does not match the goods.",
            "Dimensions of the {prod_en} are out of tolerance, the whole batch goes back.",
        ],
    ),
    ("quality", "positive"): (
        ["{prod_zh}质量稳定，用着放心", "这个季度{prod_zh}没有一件不良，很好", "原厂正品，质量没问题"],
        ["The {prod_en} quality has been consistent, no rejects this quarter.", "Genuine parts, quality is fine."],
    ),
    ("quality", "neutral"): (
        ["能否提供{prod_zh}的材质证明？", "请补发这批货的检测报告", "{prod_zh}的保质期是多久？"],
        [
            "Can you send the material certificate for the {prod_en}?",
            "Please send the test report for this batch.",
            "What is the shelf life of the {prod_en}?",
        ],
    ),
    ("price", "negative"): (
        [
            "价格比去年涨了{pct}%，比同行贵",
            "同样的{prod_zh}，别家便宜{pct}%",
            "报价太高了，领导不批",
            "涨价也不提前通知一声",
            "运费还要另算，不划算",
        ],
        [
            "Prices went up {pct}% compared with last year, higher than competitors.",
            "Another supplier offers the same {prod_en} {pct}% cheaper.",
            "The quote is too high, management won't sign.",
            "Prices were raised without notice.",
            "Freight is charged on top, not good value.",
        ],
    ),
    ("price", "neutral"): (
        ["年度框架协议的价格什么时候能定？", "量大的话能不能再优惠一点？", "请发一份{prod_zh}的最新报价单"],
        [
            "When will the annual framework prices be fixed?",
            "Is there a better price for larger volumes?",
            "Please send the latest price list for {prod_en}.",
        ],
    ),
    ("price", "positive"): (
        ["价格还算合理，比之前的供应商划算", "这次的报价很有诚意"],
        ["Pricing is fair compared with our previous supplier.", "The quote this time was very reasonable."],
    ),
    ("service", "negative"): (
        [
            "电话打了{k_zh}次都没人接",
            "问题反映了{n_zh}天了，还没有回复",
            "客服态度一般，推来推去",
            "换了客户经理以后就没人跟进了",
            "技术问题问了好几次，回答都不专业",
        ],
        [
            "Called {k_en} times and nobody picked up.",
            "Reported the issue {n_en} days ago and still no answer.",
            "Customer service kept passing us around.",
            "Since the account manager changed nobody follows up.",
            "Asked the technical question several times, the answers were not professional.",
        ],
    ),
    ("service", "positive"): (
        ["{mgr}很负责，有问题马上处理", "技术工程师现场指导很专业", "售后响应很快，当天就解决了"],
        [
            "{mgr} is very responsive and fixes problems right away.",
            "The field engineer was very professional.",
            "After-sales support replied fast and solved it the same day.",
        ],
    ),
    ("service", "neutral"): (
        ["请安排技术人员下周来现场看一下", "{prod_zh}的选型能不能帮忙确认一下？", "请{mgr}回个电话"],
        [
            "Please send a technician to our site next week.",
            "Could you help us select the right {prod_en}?",
            "Please ask {mgr} to call us back.",
        ],
    ),
    ("product range", "negative"): (
        ["你们没有{brand}的货，只能去别家买", "型号不全，很多规格都要订货", "{prod_zh}经常缺货"],
        [
            "You don't carry {brand}, so we buy it elsewhere.",
            "Many sizes are not in stock and must be ordered.",
            "The {prod_en} are often out of stock.",
        ],
    ),
    ("product range", "neutral"): (
        ["希望能增加{prod_zh}的品类", "有没有进口品牌的{prod_zh}？", "能否代采一些非标件？", "有没有{brand}的代理？"],
        [
            "It would help if you stocked more {prod_en} brands.",
            "Do you carry imported {prod_en}?",
            "Can you source some non-standard parts for us?",
        ],
    ),
    ("product range", "positive"): (
        ["品类很全，一站式采购很方便", "{prod_zh}规格齐全，省了很多事"],
        ["Wide range, we can buy everything in one place.", "Full range of {prod_en}, saves us a lot of time."],
    ),
    ("invoicing", "negative"): (
        [
            "发票抬头又开错了",
            "发票税号错了，财务退回来了",
            "对账单金额和发票对不上，差了{amt}元",
            "发票迟迟没寄，影响我们月底结账",
        ],
        [
            "The invoice title was wrong again.",
            "The tax ID on the invoice was wrong, our finance team rejected it.",
            "The statement and the invoice differ by {amt} CNY.",
            "Invoices arrive late, which delays our month-end close.",
        ],
    ),
    ("invoicing", "neutral"): (
        ["请把{month_zh}月的发票一起开", "能否开电子发票？", "请发一下上个月的对账单"],
        [
            "Please issue the invoices for {month_en} together.",
            "Can you issue electronic fapiao?",
            "Please send last month's statement.",
        ],
    ),
    ("ordering", "negative"): (
        [
            "网上下单系统太难用，找不到型号",
            "小程序下单老是报错",
            "下单后没有确认短信，不知道有没有成功",
            "改个订单要打好几个电话",
        ],
        [
            "The online ordering system is hard to use, we can't find part numbers.",
            "The WeChat mini-program keeps giving errors when we order.",
            "No confirmation after ordering, we don't know if it went through.",
            "Changing an order takes several phone calls.",
        ],
    ),
    ("ordering", "positive"): (
        ["小程序下单很方便，还能看物流", "网上下单很顺手，省了很多沟通"],
        ["Ordering through the mini-program is easy and we can track shipments.", "Online ordering works smoothly."],
    ),
    ("ordering", "neutral"): (
        ["能否支持按项目批量下单？", "能不能开通多个下单账号？"],
        ["Can we place bulk orders per project?", "Can we have several ordering accounts?"],
    ),
    ("praise", "positive"): (
        [
            "合作{y_zh}年了，一直很满意",
            "{mgr}服务很到位，感谢",
            "总体不错，会继续合作",
            "你们是我们最靠谱的供应商之一",
            "这次急单处理得很好，谢谢团队",
            "各方面都挺好，推荐给了同行",
        ],
        [
            "We have worked together for {y_en} years and are very satisfied.",
            "Thanks to {mgr} for the excellent support.",
            "Overall good, we will keep ordering.",
            "One of our most reliable suppliers.",
            "The urgent order was handled very well, thanks to the team.",
            "We recommended you to a partner company.",
        ],
    ),
}
PREFIX_ZH = ["", "", "", "说实话，", "反馈一下：", "老问题了，", "最近", "这个月", "上周"]
PREFIX_EN = ["", "", "", "FYI: ", "Again: "]
SUFFIX = {
    "negative": (
        ["", "", "请尽快处理。", "希望改进。", "麻烦跟进一下。", "！"],
        ["", "", " Please fix this.", " Hope this improves.", " Please follow up."],
    ),
    "neutral": (["", "", "谢谢。", "麻烦了。"], ["", "", " Thanks.", " Thank you."]),
    "positive": (["", "", "谢谢！", "继续保持。", "👍"], ["", "", " Thanks!", " Keep it up."]),
}


# ---------------------------------------------------------------- helpers
def _day(offsets) -> pd.Series:
    return pd.Series(START + pd.to_timedelta(np.asarray(offsets, dtype=int), unit="D"))


def _fmt_date(s: pd.Series) -> pd.Series:
    out = pd.to_datetime(s).dt.strftime("%Y-%m-%d")
    return out.where(pd.notna(s), "")


def _ids(prefix: str, n: int, width: int) -> list[str]:
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _weekday_shift(days: np.ndarray) -> np.ndarray:
    """Move Saturday/Sunday to the next Monday (B2B orders come on work days), never past the end."""
    wd = (START.day_of_week + days) % 7  # 0 = Monday
    shifted = days + np.where(wd == 5, 2, np.where(wd == 6, 1, 0))
    return np.where(shifted > N_DAYS, days, shifted)


def _text(rng, theme: str, sentiment: str, lang: str, mgr: str, prod: str) -> str:
    zh_t, en_t = T[(theme, sentiment)]
    n = int(rng.integers(2, 8))
    k = int(rng.integers(2, 6))
    wd1 = int(rng.integers(0, 4))
    wd2 = wd1 + int(rng.integers(1, 3))
    month = int(rng.integers(1, 13))
    slots = dict(
        n_zh=ZH_NUM[n],
        n_en=EN_NUM[n],
        k_zh=ZH_NUM[k],
        k_en=EN_NUM[k],
        q=int(rng.integers(1, 9)),
        pct=int(rng.integers(3, 19)),
        amt=f"{rng.integers(1, 400) * 10 + rng.integers(0, 10)}",
        wd1_zh=WEEKDAYS[wd1][0],
        wd2_zh=WEEKDAYS[wd2][0],
        wd1_en=WEEKDAYS[wd1][1],
        wd2_en=WEEKDAYS[wd2][1],
        cons_zh=_pick(rng, CONS_ZH),
        cons_en=_pick(rng, CONS_EN),
        prod_zh=PRODUCT_ZH[prod],
        prod_en=prod,
        fast_zh=_pick(rng, ["第二天", "当天下午", "下单后一天"]),
        fast_en=_pick(rng, ["the next day", "the same afternoon", "within a day"]),
        brand=_pick(rng, BRANDS),
        mgr=mgr,
        month_zh=f"{month}",
        month_en=pd.Timestamp(2025, month, 1).strftime("%B"),
        y_zh=ZH_NUM[int(rng.integers(2, 9))],
        y_en=EN_NUM[int(rng.integers(2, 9))],
    )
    suffix_zh, suffix_en = SUFFIX[sentiment]
    if lang == "zh":
        prefix = _pick(rng, PREFIX_ZH) if sentiment == "negative" else ""
        body = _pick(rng, zh_t).format(**slots)
        suffix = _pick(rng, suffix_zh)
        if suffix not in ("", "！", "👍") and body[-1] not in "。！？":
            body += "，" if sentiment == "negative" else "。"
        return prefix + body + suffix
    prefix = _pick(rng, PREFIX_EN) if sentiment == "negative" else ""
    return prefix + _pick(rng, en_t).format(**slots) + _pick(rng, suffix_en)


# ---------------------------------------------------------------- tables
def make_customers(rng):
    n = N_CUSTOMERS
    ctype = rng.choice(["end user", "channel partner", "OEM"], size=n, p=[0.72, 0.13, 0.15])
    industry = np.where(ctype == "channel partner", DISTRIBUTION, rng.choice(INDUSTRIES, size=n, p=INDUSTRY_W))
    size_p = {"end user": [0.55, 0.30, 0.15], "channel partner": [0.35, 0.50, 0.15], "OEM": [0.30, 0.40, 0.30]}
    size = np.array([rng.choice(["small", "medium", "large"], p=size_p[t]) for t in ctype])
    emp = (
        np.where(
            size == "small",
            np.clip(rng.lognormal(np.log(40), 0.5, n), 8, 99),
            np.where(
                size == "medium",
                np.clip(rng.lognormal(np.log(220), 0.4, n), 100, 499),
                np.clip(rng.lognormal(np.log(1200), 0.7, n), 500, 20000),
            ),
        )
        .round()
        .astype(int)
    )
    reg_names = list(REGIONS)
    region = rng.choice(reg_names, size=n, p=[REGIONS[r][0] for r in reg_names])
    city, city_zh = [], []
    for r in region:
        cities = REGIONS[r][1]
        w = np.array([c[2] for c in cities], float)
        c = cities[rng.choice(len(cities), p=w / w.sum())]
        city.append(c[0])
        city_zh.append(c[1])
    # acquisition: 35 % long-standing accounts (2012-2022), the rest acquired during the 3 years
    pre = rng.random(n) < 0.35
    acq_pre = -np.round(rng.uniform(1, 11 * 365, n)).astype(int)
    acq_new = np.round(rng.uniform(0, N_DAYS - 40, n)).astype(int)
    acq = np.where(pre, acq_pre, acq_new)
    ch_p = {
        "small": [0.18, 0.26, 0.28, 0.20, 0.08],
        "medium": [0.24, 0.22, 0.18, 0.16, 0.20],
        "large": [0.20, 0.14, 0.06, 0.10, 0.50],
    }
    channel = np.array(
        [rng.choice(["trade show", "referral", "online", "cold call", "tender"], p=ch_p[s]) for s in size]
    )
    managers = []
    for r in region:
        cand = [m for m, regs in MANAGERS.items() if r in regs]
        managers.append(_pick(rng, cand))
    terms = np.array(
        [
            rng.choice(
                [30, 60, 90],
                p=[0.75, 0.25, 0.0]
                if (s == "small" and t == "end user")
                else [0.25, 0.55, 0.20]
                if s != "large"
                else [0.05, 0.45, 0.50],
            )
            for s, t in zip(size, ctype)
        ]
    )
    names, used = [], set()
    for i in range(n):
        while True:
            core = _pick(rng, NAME_CORE)
            ind = _pick(rng, INDUSTRY_ZH[industry[i]])
            suffix = "股份有限公司" if size[i] == "large" and rng.random() < 0.5 else "有限公司"
            name = f"{city_zh[i]}{core}{ind}{suffix}"
            if name not in used:
                break
            core2 = _pick(rng, NAME_CORE)
            name = f"{city_zh[i]}{core}{core2}{ind}{suffix}"
            if name not in used:
                break
        used.add(name)
        names.append(name)
    cust = pd.DataFrame(
        {
            "customer_id": _ids("C", n, 4),
            "company_name": names,
            "industry": industry,
            "customer_type": ctype,
            "size": size,
            "employees": emp,
            "region": region,
            "city": city,
            "acquired_offset": acq,
            "acquisition_channel": channel,
            "account_manager": managers,
            "payment_terms_days": terms,
        }
    )
    # latent traits (never published)
    cust["s"] = rng.normal(0, 1, n)
    cust["tender_shopper"] = (channel == "tender") & (rng.random(n) < 0.7)
    return cust


def simulate_purchases(rng, cust):
    """BG/NBD purchase days per customer (day offsets from START) and the dropout flag."""
    n = len(cust)
    type_mult = np.select([cust.customer_type == "channel partner", cust.customer_type == "OEM"], [1.6, 1.2], 1.0)
    lam = rng.gamma(shape=0.85, scale=12.0 / 0.85, size=n) * type_mult / 365.0  # orders per day
    lam = np.maximum(lam, 1.5 / 365.0)
    p0 = rng.beta(1.1, 75.0, size=n)
    logit = np.log(p0 / (1 - p0)) - 1.3 * cust.s.to_numpy() + 1.6 * cust.tender_shopper.to_numpy()
    p = 1 / (1 + np.exp(-logit))
    days, dead = [], np.zeros(n, bool)
    for i in range(n):
        k = rng.geometric(p[i])  # purchases until (and including) the one after which the customer leaves
        m = int(lam[i] * (N_DAYS + 1) * 3 + 30)
        gaps = rng.exponential(1 / lam[i], size=m)
        a = cust.acquired_offset.iat[i]
        t = np.cumsum(gaps) if a <= 0 else a + np.concatenate([[0.0], np.cumsum(gaps)])
        t = t[t <= N_DAYS + 0.999]
        if len(t) > k:
            t = t[:k]
            dead[i] = True
        if len(t) == 0:
            t = np.array([rng.uniform(0, N_DAYS)])
        d = np.floor(t).astype(int)
        if a > 0:
            d[0] = a
        days.append(_weekday_shift(d))
    return days, dead, lam, p


def make_credit(rng, cust, days):
    """Credit applications (one per applicant, some re-apply) with 6C features and a 12-month default flag."""
    rows = []
    last_app_day = (pd.Timestamp("2024-12-31") - START).days
    for i, c in cust.iterrows():
        d = days[i]
        if rng.random() > 0.52:
            continue
        if c.acquired_offset > 0:
            app = c.acquired_offset + int(rng.integers(0, 60))
        else:
            app = int(rng.integers(0, max(1, min(d.max(), last_app_day))))
        if app > last_app_day:
            continue
        rows.append((i, app))
        if rng.random() < 0.12 and app + 300 <= last_app_day:
            rows.append((i, app + int(rng.integers(180, 300))))
    rows.sort(key=lambda r: (r[1], r[0]))
    n = len(rows)
    idx = np.array([r[0] for r in rows])
    app_day = np.array([r[1] for r in rows])
    c = cust.iloc[idx].reset_index(drop=True)
    size_num = c["size"].map({"small": 0, "medium": 1, "large": 2}).to_numpy()
    quality = rng.normal(0, 1, n) + 0.25 * size_num  # latent creditworthiness
    character = np.clip(np.round(72 + 9 * quality + rng.normal(0, 8, n)), 20, 100)
    capacity = np.round(np.clip(np.exp(np.log(1.6) + 0.22 * quality + rng.normal(0, 0.35, n)), 0.3, 6.0), 2)
    capital = np.round(np.clip(0.38 + 0.06 * quality + rng.normal(0, 0.11, n), 0.03, 0.85) * 100, 1)
    collateral = np.round(np.clip(rng.lognormal(np.log(0.9), 0.55, n), 0.0, 4.0), 2)
    conditions = np.clip(np.round(c.industry.map(OUTLOOK).to_numpy() + rng.normal(0, 0.6, n)), 1, 5).astype(int)
    continuity = np.clip(np.round(rng.lognormal(np.log(6 + 6 * size_num), 0.55, n)), 1, 45).astype(int)
    limit_base = np.array([150_000, 600_000, 2_000_000])[size_num]
    requested = np.round(limit_base * rng.lognormal(0, 0.45, n), -4).clip(20_000, 10_000_000)
    logit = (
        -2.9
        - 0.075 * (character - 72)
        - 0.9 * (capacity - 1.6)
        - 0.045 * (capital - 38)
        - 0.6 * (collateral - 0.9)
        - 0.5 * (conditions - 3)
        - 0.035 * (continuity - 9)
    )
    pd_ = 1 / (1 + np.exp(-logit))
    default = (rng.random(n) < pd_).astype(int)
    collateral_out = collateral.astype(float)
    collateral_out[rng.random(n) < 0.04] = np.nan  # no collateral appraisal on file
    credit = pd.DataFrame(
        {
            "application_id": _ids("A", n, 5),
            "customer_id": c.customer_id,
            "application_day": app_day,
            "character_score": character.astype(int),
            "capacity_dscr": capacity,
            "capital_equity_pct": capital,
            "collateral_coverage": collateral_out,
            "conditions_outlook": conditions,
            "continuity_years": continuity,
            "requested_limit": requested.astype(np.int64),
            "default_12m": default,
            "cust_idx": idx,
        }
    )
    return credit


def make_orders(rng, cust, days):
    prod_w = {ind: np.array(w, float) for ind, w in INDUSTRY_MIX.items()}
    size_mean = cust["size"].map({"small": 1600.0, "medium": 4200.0, "large": 15000.0}).to_numpy()
    size_mean = size_mean * np.where(cust.customer_type == "channel partner", 1.5, 1.0)
    q_, p_ = 3.5, 3.0
    nu = rng.gamma(q_, 1.0, size=len(cust)) / (size_mean * (q_ - 1) / p_)  # Gamma-Gamma: nu ~ Gamma(q, gamma)
    margin_adj = np.where(cust.customer_type == "channel partner", -0.06, np.where(cust["size"] == "large", -0.03, 0.0))
    rows = []
    for i in range(len(cust)):
        d = np.sort(days[i])
        mix = rng.dirichlet(prod_w[cust.industry.iat[i]] * 0.8)
        values = rng.gamma(p_, 1 / nu[i], size=len(d))
        for day, value in zip(d, values):
            n_lines = min(1 + rng.binomial(4, 0.2), 6)
            pls = rng.choice(6, size=n_lines, replace=False, p=mix)
            shares = rng.dirichlet(np.full(n_lines, 2.0))
            for pl, sh in zip(sorted(pls), shares):
                amt = max(value * sh, 20.0)
                price = UNIT_PRICE[PRODUCT_LINES[pl]] * rng.lognormal(0, 0.25)
                qty = max(1, int(round(amt / price)))
                rate = MARGIN_RATE[PRODUCT_LINES[pl]] + margin_adj[i] + rng.normal(0, 0.03)
                rows.append((i, int(day), PRODUCT_LINES[pl], qty, round(amt, 2), round(amt * rate, 2)))
    o = pd.DataFrame(rows, columns=["cust_idx", "day", "product_line", "quantity", "amount", "margin"])
    o["customer_id"] = cust.customer_id.to_numpy()[o.cust_idx]
    o = o.sort_values(["day", "customer_id", "product_line"], kind="mergesort").reset_index(drop=True)
    # one order per (customer, day, draw): consecutive lines of the same purchase share an order id
    first_line = np.ones(len(o), bool)
    key = o.cust_idx.astype(np.int64) * 10_000 + o.day
    first_line[1:] = key.to_numpy()[1:] != key.to_numpy()[:-1]
    o["order_no"] = np.cumsum(first_line)
    o["order_id"] = [f"SO{k:06d}" for k in o.order_no]
    o["line_type"] = "sale"
    # returns: ~3 % of sale lines, more for customers with a poor experience
    s = cust.s.to_numpy()[o.cust_idx]
    ret_p = 0.028 * np.exp(-0.35 * s)
    is_ret = rng.random(len(o)) < ret_p
    r = o[is_ret].copy()
    r["day"] = r.day + rng.integers(3, 45, size=len(r))
    r = r[r.day <= N_DAYS].copy()
    frac = np.where(rng.random(len(r)) < 0.55, 1.0, rng.uniform(0.2, 0.8, len(r)))
    rq = np.maximum(1, np.round(r.quantity * frac)).astype(int)
    frac = rq / r.quantity
    r["quantity"] = -rq
    r["amount"] = -(r.amount * frac).round(2)
    r["margin"] = -(r.margin * frac).round(2)
    r["line_type"] = "return"
    o = pd.concat([o, r], ignore_index=True)
    o = o.sort_values(["day", "order_no", "line_type", "product_line"], kind="mergesort").reset_index(drop=True)
    o["line_id"] = _ids("L", len(o), 6)
    return o


def make_tickets(rng, cust, days, dead):
    rows = []
    s_all = cust.s.to_numpy()
    for i in range(len(cust)):
        d = days[i]
        s = s_all[i]
        n_t = rng.poisson(0.13 * len(d) * np.exp(-0.45 * s))
        base = list(rng.choice(d, size=n_t)) if n_t else []
        events = [(int(x) + int(rng.integers(0, 12)), None) for x in base]
        # the straw that broke it: a complaint shortly after the last order of customers who left
        if dead[i] and rng.random() < 0.55 / (1 + np.exp(1.2 * s)) + 0.05:
            events.append((int(d.max()) + int(rng.integers(2, 25)), "complaint"))
        for day, kind in events:
            if day > N_DAYS:
                continue
            tt = int(rng.choice(6, p=TICKET_W)) if kind is None else int(rng.choice([0, 1, 2], p=[0.45, 0.4, 0.15]))
            ch = rng.choice(4, p=[0.38, 0.35, 0.17, 0.10])
            fcr_logit = 0.7 + 0.9 * s - TICKET_DIFFICULTY[tt] - (0.8 if kind else 0)
            fcr = rng.random() < 1 / (1 + np.exp(-fcr_logit))
            resp = rng.lognormal(np.log(2.0) - 0.35 * s, 0.7) * (6 if ch == 3 else 1)
            resol = resp + (rng.uniform(0.1, 1.5) if fcr else rng.lognormal(np.log(30) - 0.4 * s, 0.8))
            comp_logit = (-0.3 if tt in (0, 1, 2) else -1.9) - 0.7 * s + (3 if kind else 0)
            complaint = rng.random() < 1 / (1 + np.exp(-comp_logit))
            rated = rng.random() < 0.62
            sat = (
                np.clip(
                    np.round(
                        3.4
                        + 0.7 * fcr
                        - 0.35 * np.log(resol / 24 + 0.1)
                        + 0.5 * s
                        - 0.6 * complaint
                        + rng.normal(0, 0.7)
                    ),
                    1,
                    5,
                )
                if rated
                else np.nan
            )
            minute = int(rng.integers(8 * 60, 20 * 60 + 30))
            rows.append(
                (
                    i,
                    day,
                    minute,
                    TICKET_TYPES[tt],
                    CHANNELS[ch],
                    bool(fcr),
                    round(resp, 1),
                    round(resol, 1),
                    bool(complaint),
                    sat,
                )
            )
    t = pd.DataFrame(
        rows,
        columns=[
            "cust_idx",
            "day",
            "minute",
            "ticket_type",
            "channel",
            "first_contact_resolved",
            "response_hours",
            "resolution_hours",
            "is_complaint",
            "satisfaction_after",
        ],
    )
    t["customer_id"] = cust.customer_id.to_numpy()[t.cust_idx]
    t = t.sort_values(["day", "minute", "customer_id", "ticket_type"], kind="mergesort").reset_index(drop=True)
    t["ticket_id"] = _ids("T", len(t), 5)
    t["opened_at"] = START + pd.to_timedelta(t.day, unit="D") + pd.to_timedelta(t.minute, unit="min")
    return t


def make_survey(rng, cust, days):
    rows = []
    s_all = cust.s.to_numpy()
    reg_eff = cust.region.map(REGION_DELIVERY).to_numpy()
    for year in (2023, 2024, 2025):
        wave_start = (pd.Timestamp(year, 6, 1) - START).days
        for i in range(len(cust)):
            d = days[i]
            recent = d[(d <= wave_start) & (d > wave_start - 365)]
            if len(recent) == 0 or cust.acquired_offset.iat[i] > wave_start - 60 or rng.random() > 0.32:
                continue
            day = wave_start + int(rng.integers(0, 28))
            s = s_all[i]
            perf = {}
            for a in SURVEY_ATTRS:
                mu = PERF_MEAN[a] + 0.8 * s + (reg_eff[i] if a == "delivery" else 0.0)
                perf[a] = np.clip(np.round(mu + rng.normal(0, 1.25)), 1, 10)
            overall = 0.45 + sum(DRIVER_W[a] * perf[a] for a in SURVEY_ATTRS) + 0.25 * s + rng.normal(0, 0.6)
            overall = np.clip(np.round(overall), 1, 10)
            nps = np.clip(np.round(1.05 * overall - 0.2 + rng.normal(0, 0.9)), 0, 10)
            intent = np.clip(np.round(1 + 0.45 * (overall - 1) + 0.2 * s + rng.normal(0, 0.55)), 1, 5)
            shift = rng.normal(0, 0.5)
            exp_ = {a: np.clip(np.round(EXP_MEAN[a] + shift + rng.normal(0, 0.9)), 1, 10) for a in SURVEY_ATTRS}
            imp = {a: np.clip(np.round(IMP_MEAN[a] + shift * 0.5 + rng.normal(0, 0.9)), 1, 10) for a in SURVEY_ATTRS}
            row = {
                "cust_idx": i,
                "day": day,
                "nps_score": nps,
                "overall_satisfaction": overall,
                "repurchase_intent": intent,
            }
            row.update({f"perf_{a}": perf[a] for a in SURVEY_ATTRS})
            row.update({f"exp_{a}": exp_[a] for a in SURVEY_ATTRS})
            row.update({f"imp_{a}": imp[a] for a in SURVEY_ATTRS})
            rows.append(row)
    sv = pd.DataFrame(rows)
    sv["customer_id"] = cust.customer_id.to_numpy()[sv.cust_idx]
    sv = sv.sort_values(["day", "customer_id"], kind="mergesort").reset_index(drop=True)
    sv["response_id"] = _ids("S", len(sv), 5)
    for col in sv.columns:
        if col not in ("cust_idx", "day", "customer_id", "response_id"):
            sv[col] = sv[col].astype(int)
    return sv


def make_feedback(rng, cust, days, tickets, survey):
    rows = []
    mgr = cust.account_manager.to_numpy()
    s_all = cust.s.to_numpy()
    mix_prod = lambda: PRODUCT_LINES[int(rng.integers(6))]  # noqa: E731
    # 1) from tickets: complaints mostly, some other tickets
    for t in tickets.itertuples():
        if not (t.is_complaint and rng.random() < 0.45) and not rng.random() < 0.05:
            continue
        theme = TICKET_THEME[t.ticket_type]
        if t.ticket_type == "technical question" and rng.random() < 0.4:
            theme = "product range"
        sent = "negative" if t.is_complaint else _pick(rng, ["neutral", "neutral", "negative"])
        rows.append((t.cust_idx, t.day, "ticket", theme, sent))
    # 2) survey comments: theme of the weakest attribute, or praise
    attr_theme = {
        "product_quality": "quality",
        "delivery": "delivery",
        "price": "price",
        "service": "service",
        "technical_support": "service",
        "ordering_ease": "ordering",
    }
    for r in survey.itertuples():
        if rng.random() > 0.38:
            continue
        perf = {a: getattr(r, f"perf_{a}") for a in SURVEY_ATTRS}
        weakest = min(SURVEY_ATTRS, key=lambda a: (perf[a] + rng.uniform(0, 0.5), a))
        if r.overall_satisfaction >= 9:
            theme, sent = ("praise", "positive") if rng.random() < 0.7 else (attr_theme[weakest], "neutral")
        elif r.overall_satisfaction <= 6:
            theme, sent = attr_theme[weakest], "negative"
        else:
            theme = attr_theme[weakest] if rng.random() < 0.7 else "product range"
            sent = _pick(rng, ["neutral", "neutral", "negative", "positive"])
            if sent == "positive" and (theme, sent) not in T:
                sent = "neutral"
        rows.append((r.cust_idx, r.day, "survey comment", theme, sent))
    # 3) sales visits and 4) WeChat messages
    n_orders = np.array([len(d) for d in days], float)
    w = n_orders / n_orders.sum()
    for source, n, themes in (
        ("sales visit", 420, ["product range", "price", "praise", "service", "quality", "delivery"]),
        ("WeChat", 430, ["delivery", "ordering", "invoicing", "praise", "price", "service"]),
    ):
        for _ in range(n):
            i = int(rng.choice(len(cust), p=w))
            day = int(min(N_DAYS, int(rng.choice(days[i])) + int(rng.integers(0, 20))))
            theme = _pick(rng, themes)
            s = s_all[i]
            if theme == "praise":
                sent = "positive"
            else:
                u = rng.random()
                p_neg = 1 / (1 + np.exp(0.5 + 1.2 * s))
                sent = "negative" if u < p_neg else ("positive" if u > 0.82 else "neutral")
                if (theme, sent) not in T:
                    sent = "neutral"
            rows.append((i, day, source, theme, sent))
    fb = pd.DataFrame(rows, columns=["cust_idx", "day", "source", "theme", "sentiment"])
    fb["customer_id"] = cust.customer_id.to_numpy()[fb.cust_idx]
    fb = fb.sort_values(["day", "customer_id", "source", "theme"], kind="mergesort").reset_index(drop=True)
    lang = np.where(rng.random(len(fb)) < 0.12, "en", "zh")
    fb["language"] = lang
    fb["text"] = [_text(rng, r.theme, r.sentiment, r.language, mgr[r.cust_idx], mix_prod()) for r in fb.itertuples()]
    fb["feedback_id"] = _ids("F", len(fb), 5)
    return fb


def make_referrals(rng, cust):
    acq = cust.acquired_offset.to_numpy()
    order = np.argsort(acq, kind="mergesort")
    pre_ids = np.where(acq <= -365)[0]
    hubs = rng.choice(pre_ids[cust["size"].to_numpy()[pre_ids] != "large"], size=1, replace=False).tolist()
    hubs += rng.choice(pre_ids[cust["size"].to_numpy()[pre_ids] == "large"], size=2, replace=False).tolist()
    deg = np.zeros(len(cust))
    boost = np.zeros(len(cust))
    boost[hubs] = [60.0, 80.0, 50.0]
    rows = []
    referred = cust.acquisition_channel.to_numpy() == "referral"
    for j in order:
        if not referred[j]:
            continue
        cand = np.where(acq < acq[j] - 30)[0]
        if len(cand) == 0:
            continue
        w = 1.0 + 1.5 * deg[cand] + boost[cand]
        src = int(rng.choice(cand, p=w / w.sum()))
        deg[src] += 1
        rows.append((src, j, "referred", acq[j]))
    ctype = cust.customer_type.to_numpy()
    partners = np.where(ctype == "channel partner")[0]
    region = cust.region.to_numpy()
    for j in np.where((ctype == "end user") & (cust["size"].to_numpy() != "large"))[0]:
        if rng.random() > 0.14:
            continue
        same = partners[region[partners] == region[j]]
        if len(same) == 0:
            continue
        tgt = int(rng.choice(same))
        rows.append((j, tgt, "depends_on", max(acq[j], acq[tgt])))
    ref = pd.DataFrame(rows, columns=["src", "tgt", "relation", "day"])
    ref["source_id"] = cust.customer_id.to_numpy()[ref.src]
    ref["target_id"] = cust.customer_id.to_numpy()[ref.tgt]
    ref = ref.sort_values(["relation", "day", "source_id", "target_id"], kind="mergesort").reset_index(drop=True)
    return ref


def make_receivables(rng, cust, orders, credit, dead_extra):
    sales = orders[orders.line_type == "sale"]
    inv = (
        sales.groupby("order_no", sort=True)
        .agg(
            order_id=("order_id", "first"),
            cust_idx=("cust_idx", "first"),
            day=("day", "first"),
            amount=("amount", "sum"),
        )
        .reset_index()
    )
    inv["amount"] = (inv.amount * 1.13).round(2)  # 13 % VAT on the fapiao
    inv["invoice_id"] = _ids("INV", len(inv), 6)
    inv["inv_day"] = np.minimum(inv.day + rng.integers(0, 3, size=len(inv)), N_DAYS)
    terms = cust.payment_terms_days.to_numpy()[inv.cust_idx]
    inv["due_day"] = inv.inv_day + terms
    # payer type per customer: slow payers are more likely with a weak payment history
    n = len(cust)
    char = np.full(n, 72.0)
    last_app = credit.drop_duplicates("cust_idx", keep="last")
    char[last_app.cust_idx.to_numpy()] = last_app.character_score.to_numpy()
    slow = rng.random(n) < 1 / (1 + np.exp(1.7 + 0.06 * (char - 72)))
    default_day = np.full(n, np.inf)
    d = credit[credit.default_12m == 1]
    for ci, bd in zip(d.cust_idx, d.block_day):
        default_day[ci] = min(default_day[ci], bd)
    for ci, dd in dead_extra.items():
        default_day[ci] = min(default_day[ci], dd)
    ci = inv.cust_idx.to_numpy()
    late = np.where(
        slow[ci],
        rng.gamma(2.0, 20.0, len(inv)),
        np.where(rng.random(len(inv)) < 0.12, rng.uniform(1, 15, len(inv)), -rng.uniform(0, 8, len(inv))),
    )
    paid = np.round(inv.due_day + late).astype(int)
    paid = np.maximum(paid, inv.inv_day + 1)
    bad = inv.inv_day.to_numpy() >= default_day[ci] - 90  # invoices of the last 3 months before the block
    paid = np.where(bad | (paid > N_DAYS), -1, paid)
    inv["paid_day"] = paid
    return inv


def make_opportunities(rng, cust):
    n = 2600
    created = np.sort(rng.integers(0, N_DAYS + 1, size=n))
    existing = rng.random(n) < 0.55
    size_w = cust["size"].map({"small": 1.0, "medium": 2.0, "large": 4.0}).to_numpy()
    rows, history = [], []
    n_prospects = 0
    prospect_pool = []
    managers = list(MANAGERS)
    for k in range(n):
        if existing[k]:
            ok = np.where(cust.acquired_offset.to_numpy() <= created[k])[0]
            i = int(rng.choice(ok, p=size_w[ok] / size_w[ok].sum()))
            cid, mgr, big = cust.customer_id.iat[i], cust.account_manager.iat[i], cust["size"].iat[i] == "large"
        else:
            if prospect_pool and rng.random() < 0.2:
                cid, mgr = prospect_pool[int(rng.integers(len(prospect_pool)))]
            else:
                n_prospects += 1
                cid, mgr = f"P{n_prospects:04d}", _pick(rng, managers)
                prospect_pool.append((cid, mgr))
            big = rng.random() < 0.2
        value = round(float(rng.lognormal(np.log(80_000 * (3 if big else 1)), 0.8)), -2)
        stage, t, status, reason = 0, created[k], "open", ""
        entered = [float(created[k])]  # day each stage was entered (recorded only: no extra random draws)
        left = None  # day the opportunity left its last stage (lost or closed there); None = still there
        while True:
            if stage == len(FUNNEL) - 1:
                status = "won"
                break
            dt = rng.exponential(12.0)
            logit = np.log(FUNNEL_P[stage] / (1 - FUNNEL_P[stage])) + MANAGER_SKILL[mgr] + (0.5 if existing[k] else 0)
            t = t + dt
            if t > N_DAYS:
                status = "won" if stage >= 6 else ("open" if t - created[k] < 180 else "lost")
                if status == "lost":
                    reason = "no response"
                break
            if rng.random() < 1 / (1 + np.exp(-logit)):
                stage += 1
                entered.append(float(t))
                continue
            left = float(t)
            if stage >= 6:
                status = "won"
            else:
                status = "lost"
                pool = LOST_REASONS["early"] if stage < 3 else LOST_REASONS["late"]
                if stage == 5:
                    pool = ["price too high", "price too high", "competitor chosen", "payment terms"]
                reason = _pick(rng, pool)
            break
        rows.append((cid, mgr, int(created[k]), FUNNEL[stage], status, value, reason))
        for j, day in enumerate(entered):
            out = entered[j + 1] if j + 1 < len(entered) else left
            history.append((k, FUNNEL[j], int(day), None if out is None else int(out)))
    op = pd.DataFrame(
        rows,
        columns=["customer_id", "account_manager", "day", "stage_reached", "status", "expected_value", "lost_reason"],
    )
    op["opportunity_id"] = _ids("OP", n, 5)
    hist = pd.DataFrame(history, columns=["opp_idx", "stage", "day", "exit_day"])
    hist["opportunity_id"] = op.opportunity_id.to_numpy()[hist.opp_idx]
    return op, hist


def make_kano(rng, cust, days):
    active = [i for i in range(len(cust)) if days[i].max() >= N_DAYS - 365]
    resp = np.sort(rng.choice(active, size=300, replace=False))
    cats = ["A", "O", "M", "I", "R", "Q"]
    mid = ["must-be", "neutral", "live-with"]
    rows = []
    for r, i in enumerate(resp, start=1):
        for f in KANO_FEATURES:
            c = cats[int(rng.choice(6, p=KANO_MIX[f]))]
            if c == "A":
                fn, dy = "like", _pick(rng, ["must-be", "neutral", "neutral", "live-with", "live-with"])
            elif c == "O":
                fn, dy = "like", "dislike"
            elif c == "M":
                fn, dy = _pick(rng, ["must-be", "must-be", "neutral", "live-with"]), "dislike"
            elif c == "I":
                fn, dy = (
                    _pick(rng, ["neutral", "neutral", "neutral", "must-be", "live-with"]),
                    _pick(rng, ["neutral", "neutral", "live-with", "must-be"]),
                )
            elif c == "R":
                fn, dy = ("dislike", _pick(rng, ["like"] + mid)) if rng.random() < 0.6 else (_pick(rng, mid), "like")
            else:
                fn, dy = ("like", "like") if rng.random() < 0.5 else ("dislike", "dislike")
            rows.append((f"R{r:03d}", cust.customer_id.iat[i], f, fn, dy))
    return pd.DataFrame(rows, columns=["respondent_id", "customer_id", "feature", "functional", "dysfunctional"])


# ---------------------------------------------------------------- extension tables (lessons 01-13)
# Each extension table draws from its own random stream, keyed by the table name, so that adding or
# changing one never moves a number in the ten core tables or in another extension table.
def _stream(table: str) -> np.random.Generator:
    return np.random.default_rng([SEED, zlib.crc32(table.encode("ascii"))])


def _sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, float)))


EXCUSES = {  # collector's key -> (weight, English, Chinese); seed 001: "常见的客户十大付款借口"
    "customer_not_paid_us": (0.10, "My own customer has not paid me yet", "我的客户没给我钱，我暂时没办法给你钱"),
    "old_friends_later": (0.07, "We know each other so well, let's settle it later", "我们都这么熟了，过段时间再说吧"),
    "not_received_invoice": (0.13, "We never received the invoice (fapiao)", "没收到发票"),
    "invoice_error": (0.08, "The invoice is wrong and must be reissued", "发票开错了，要重开"),
    "boss_away": (0.11, "The boss is away, nobody can sign", "老板出差了，没人签字"),
    "in_approval": (0.17, "Payment is still going through approval", "付款还在走审批流程"),
    "cash_flow_tight": (0.12, "Cash is tight at the moment", "最近资金紧张"),
    "quality_dispute": (0.06, "There is a problem with the goods, we hold the payment", "货有问题，款先压着"),
    "already_paid": (0.07, "We have already paid (no payment found)", "已经付过了"),
    "fixed_payment_day": (0.09, "We only pay on our fixed monthly payment day", "我们每月固定日期付款"),
}
CREDIT_REASONS = {  # key -> (direction, kind)
    "strategic_customer": ("up", "commercial"),
    "long_relationship": ("up", "commercial"),
    "new_collateral": ("up", "evidence"),
    "parent_guarantee": ("up", "evidence"),
    "audited_accounts": ("up", "evidence"),
    "recent_late_payments": ("down", "evidence"),
    "legal_dispute": ("down", "evidence"),
    "industry_downturn": ("down", "evidence"),
    "management_change": ("down", "evidence"),
}
GRADES = ["A", "B", "C", "D", "E"]
GRADE_PD = [0.02, 0.05, 0.10, 0.20]  # upper PD bound of grades A-D of Yunfeng's scorecard
ENGAGEMENT_SIGNALS = {  # signal -> events per customer-year at experience 0
    "suggestion": 0.30,
    "co_development": 0.04,
    "resource_sharing": 0.10,
    "event_participation": 0.35,
    "public_recommendation": 0.06,
    "brand_defence": 0.03,
}
VISIT_KINDS = ["routine", "key-account", "executive"]
REGION_DELIVERY_COST = {
    "East China": 25.0,
    "South China": 45.0,
    "North China": 50.0,
    "Central China": 45.0,
    "Southwest China": 60.0,
    "Northeast China": 65.0,
    "Northwest China": 80.0,
}
TICKET_COST = {
    "delivery delay": 45.0,
    "quality issue": 150.0,
    "invoice error": 35.0,
    "technical question": 90.0,
    "return request": 110.0,
    "order change": 25.0,
}
VISIT_COST = {"routine": 350.0, "key-account": 1200.0, "executive": 3500.0}
TIER_AM_COST = {"strategic": 15000.0, "value": 4000.0, "potential": 1000.0, "ordinary": 150.0}


def make_cost_rates():
    """Yunfeng's activity-based cost rates (2025 controlling estimates); fixed, no random draws."""
    rows = [("order_line", "all", "per order line", 6.0, "order entry, picking and packing of one line")]
    rows += [
        ("delivery", r, "per delivery (one sales order)", c, f"freight and handling of one delivery to {r}")
        for r, c in REGION_DELIVERY_COST.items()
    ]
    rows += [("return_line", "all", "per return line", 40.0, "reverse logistics, inspection and credit note")]
    rows += [("ticket", k, "per ticket", c, f"staff time to handle one '{k}' ticket") for k, c in TICKET_COST.items()]
    rows += [("ticket_escalation", "all", "per escalated ticket", 200.0, "manager and specialist time on escalation")]
    rows += [("visit", k, "per visit", c, f"travel and time of one {k} visit") for k, c in VISIT_COST.items()]
    rows += [
        (
            "account_management",
            k,
            "per account per year",
            c,
            f"account-manager time for one {k} account (tiers 5/20/30/45 %)",
        )
        for k, c in TIER_AM_COST.items()
    ]
    return pd.DataFrame(rows, columns=["activity", "variant", "unit", "rate_cny", "basis"])


def make_ticket_handling(cust, tickets, days, dead):
    """Handoffs, reopening, escalation and closure per ticket; service that failed twice precedes churn."""
    rng = _stream("ticket_handling")
    n = len(tickets)
    ci = tickets.cust_idx.to_numpy()
    s = cust.s.to_numpy()[ci]
    fcr = tickets.first_contact_resolved.to_numpy()
    comp = tickets.is_complaint.to_numpy()
    diff = tickets.ticket_type.map(dict(zip(TICKET_TYPES, TICKET_DIFFICULTY))).to_numpy()
    last = np.array([d.max() for d in days])[ci]
    # planted: for customers who left, the service failed in the months before their last order
    doomed = dead[ci] & (tickets.day.to_numpy() >= last - 240)
    handoffs = np.where(fcr, 0, 1 + rng.poisson(np.exp(-0.6 - 0.35 * s + 0.3 * diff + 0.4 * comp + 0.5 * doomed)))
    handoffs = np.minimum(handoffs, 6)
    p_reopen = np.where(fcr, 0.03, _sigmoid(-2.3 - 0.4 * s + 0.5 * diff + 0.25 * (handoffs - 1) + 1.9 * doomed))
    p_escal = np.where(fcr, 0.01, _sigmoid(-2.8 + 1.2 * comp + 0.3 * (handoffs - 1) - 0.3 * s + 1.7 * doomed))
    reopened = rng.random(n) < p_reopen
    escalated = rng.random(n) < p_escal
    extra_h = np.where(reopened, rng.uniform(48, 240, n) + rng.lognormal(np.log(24), 0.7, n), 0.0)
    closed = tickets.opened_at + pd.to_timedelta(np.floor((tickets.resolution_hours + extra_h) * 60), unit="min")
    closed = closed.where(closed < END + pd.Timedelta(days=1))  # still open at the observation end: missing
    return pd.DataFrame(
        {
            "ticket_id": tickets.ticket_id,
            "handoffs": handoffs.astype(int),
            "reopened": reopened,
            "escalated": escalated,
            "closed_at": closed,
        }
    )


def _net_value(cust, orders):
    net = orders.groupby("cust_idx")["amount"].sum().reindex(range(len(cust)), fill_value=0.0)
    return net.to_numpy()


def make_visits(cust, orders, days, dead):
    """Customer visits: more and weightier visits for high-value accounts; a few demanding small accounts."""
    rng = _stream("visits")
    n = len(cust)
    net = _net_value(cust, orders)
    pct = pd.Series(net).rank(pct=True).to_numpy()  # value percentile, 1 = top
    demanding = (pct < 0.5) & (rng.random(n) < 0.05)  # planted: small accounts that demand monthly visits
    rows = []
    for i in range(n):
        start = max(int(cust.acquired_offset.iat[i]), 0)
        stop = min(int(days[i].max()) + (30 if dead[i] else 120), N_DAYS)
        years = max(stop - start, 0) / 365.0
        rates = {
            "routine": 0.4 + 5.0 * pct[i] ** 3 + (11.0 if demanding[i] else 0.0),
            "key-account": 3.0 * (pct[i] >= 0.80) + 1.0 * (pct[i] >= 0.95),
            "executive": 1.0 * (pct[i] >= 0.95),
        }
        for kind, rate in rates.items():
            for day in rng.uniform(start, stop + 1, rng.poisson(rate * years)):
                rows.append((i, int(_weekday_shift(np.array([int(day)]))[0]), kind))
    v = pd.DataFrame(rows, columns=["cust_idx", "day", "kind"])
    v["day"] = v.day.clip(upper=N_DAYS)
    v["customer_id"] = cust.customer_id.to_numpy()[v.cust_idx]
    v["account_manager"] = cust.account_manager.to_numpy()[v.cust_idx]
    v = v.sort_values(["day", "customer_id", "kind"], kind="mergesort").reset_index(drop=True)
    v["visit_id"] = _ids("V", len(v), 5)
    return v, demanding


def make_engagement(cust, days, dead, referrals):
    """Dated engagement signals; rates rise with the customer's experience (the same trait that keeps them)."""
    rng = _stream("engagement")
    n = len(cust)
    s = cust.s.to_numpy()
    size_f = cust["size"].map({"small": 0.7, "medium": 1.0, "large": 1.6}).to_numpy()
    codev_f = np.where(cust.customer_type == "OEM", 3.0, 1.0) * np.where(cust["size"] == "large", 2.0, 0.5)
    rows = []
    for i in range(n):
        start = max(int(cust.acquired_offset.iat[i]), 0)
        stop = int(days[i].max()) if dead[i] else N_DAYS  # leavers fall silent after their last order
        years = max(stop - start, 0) / 365.0
        for sig, base in ENGAGEMENT_SIGNALS.items():
            rate = base * np.exp(1.2 * s[i]) * size_f[i] * (codev_f[i] if sig == "co_development" else 1.0)
            for day in rng.uniform(start, stop + 1, rng.poisson(rate * years)):
                rows.append((i, min(int(day), N_DAYS), sig))
    # referrers recommended Yunfeng in public shortly before the customer they referred came
    for r in referrals[referrals.relation == "referred"].itertuples():
        day = int(r.day) - int(rng.integers(5, 60))
        if 0 <= day <= N_DAYS and rng.random() < 0.6:
            rows.append((int(r.src), day, "public_recommendation"))
    e = pd.DataFrame(rows, columns=["cust_idx", "day", "signal"])
    e["customer_id"] = cust.customer_id.to_numpy()[e.cust_idx]
    e = e.sort_values(["day", "customer_id", "signal"], kind="mergesort").reset_index(drop=True)
    e["event_id"] = _ids("E", len(e), 5)
    return e


def make_trust(cust, days, dead, survey):
    """Framework contract length and share of wallet (known for about 40 % of customers)."""
    rng = _stream("trust")
    n = len(cust)
    s = cust.s.to_numpy()
    size_num = cust["size"].map({"small": 0, "medium": 1, "large": 2}).to_numpy()
    ctype = cust.customer_type.to_numpy()
    long_standing = cust.acquired_offset.to_numpy() < 0
    p_contract = _sigmoid(
        -1.2 + 0.7 * size_num + 0.6 * (ctype != "end user") + 0.5 * long_standing + 0.5 * s - 1.0 * dead
    )
    has = rng.random(n) < p_contract
    months = np.where(
        size_num[:] == 2, rng.choice([12, 24, 36], n, p=[0.3, 0.4, 0.3]), rng.choice([12, 24, 36], n, p=[0.6, 0.3, 0.1])
    )
    contract = pd.array(np.where(has, months, 0), dtype="Int64")
    contract[~has] = pd.NA
    surveyed = np.zeros(n, bool)
    surveyed[survey.cust_idx.unique()] = True
    known_src = np.where(
        surveyed & (rng.random(n) < 0.55),
        "survey",
        np.where(rng.random(n) < 0.10 + 0.25 * size_num, "account manager", ""),
    )
    # share of wallet: loyal customers buy most of their MRO needs from Yunfeng
    mu = _sigmoid(-0.2 + 0.6 * s - 1.1 * dead + 0.4 * has)
    sow = np.round(100 * rng.beta(6 * mu + 0.5, 6 * (1 - mu) + 0.5), 0)
    sow = np.where(known_src != "", sow, np.nan)
    return pd.DataFrame(
        {
            "customer_id": cust.customer_id,
            "contract_months": contract,
            "share_of_wallet_pct": sow,
            "wallet_source": known_src,
        }
    )


def make_credit_grades(credit):
    """Scorecard grade per application and the later manual overrides with their reason."""
    rng = _stream("credit_grades")
    n = len(credit)
    c = credit
    logit = (
        -2.9
        - 0.075 * (c.character_score - 72)
        - 0.9 * (c.capacity_dscr - 1.6)
        - 0.045 * (c.capital_equity_pct - 38)
        - 0.6 * (c.collateral_coverage.fillna(0.9) - 0.9)
        - 0.5 * (c.conditions_outlook - 3)
        - 0.035 * (c.continuity_years - 9)
    ).to_numpy()
    pd_score = _sigmoid(logit + rng.normal(0, 0.5, n))  # the scorecard sees the 6C features with some noise
    model = np.searchsorted(GRADE_PD, pd_score)
    d = c.default_12m.to_numpy() == 1
    override = rng.random(n) < np.where(d, 0.35, 0.16)
    down = rng.random(n) < np.where(d, 0.60, 0.25)
    commercial = rng.random(n) < np.where(d, 0.80, 0.35)
    up_comm = [k for k, (dr, kind) in CREDIT_REASONS.items() if dr == "up" and kind == "commercial"]
    up_evid = [k for k, (dr, kind) in CREDIT_REASONS.items() if dr == "up" and kind == "evidence"]
    downs = [k for k, (dr, _k) in CREDIT_REASONS.items() if dr == "down"]
    final, reason, who, when = model.copy(), [""] * n, [""] * n, [None] * n
    for k in range(n):
        if not override[k]:
            continue
        go_down = down[k] if 0 < model[k] < 4 else model[k] == 0
        step = 1 + int(rng.random() < 0.15)
        final[k] = min(model[k] + step, 4) if go_down else max(model[k] - step, 0)
        if go_down:
            reason[k] = _pick(rng, ["recent_late_payments"] * 3 + downs)
            who[k] = "credit manager"
        else:
            reason[k] = _pick(rng, up_comm if commercial[k] else up_evid)
            who[k] = "sales director" if commercial[k] else ("credit manager" if rng.random() < 0.7 else "CFO")
        when[k] = min(int(c.application_day.iat[k]) + int(rng.integers(1, 21)), N_DAYS)
    return pd.DataFrame(
        {
            "application_id": c.application_id,
            "model_grade": np.array(GRADES)[model],
            "final_grade": np.array(GRADES)[final],
            "override_reason": reason,
            "override_day": pd.array([w if w is not None else pd.NA for w in when], dtype="Int64"),
            "approved_by": who,
        }
    )


def make_payment_excuses(cust, receivables, tickets, credit):
    """Collection contacts on overdue invoices with the excuse the customer gave."""
    rng = _stream("payment_excuses")
    keys = list(EXCUSES)
    base = np.array([EXCUSES[k][0] for k in keys])
    ctype = cust.customer_type.to_numpy()
    long_standing = cust.acquired_offset.to_numpy() < -3 * 365
    inv_err = np.zeros(len(cust), bool)
    inv_err[tickets.cust_idx[tickets.ticket_type == "invoice error"].unique()] = True
    r = receivables
    paid = r.paid_day.to_numpy()
    due = r.due_day.to_numpy()
    late_end = np.where(paid >= 0, paid, N_DAYS + 1)
    overdue = (late_end - due > 7) & (due + 7 <= N_DAYS)
    rows = []
    for k in np.where(overdue)[0]:
        i = int(r.cust_idx.iat[k])
        w = base.copy()
        if ctype[i] == "channel partner":
            w[keys.index("customer_not_paid_us")] *= 3.5  # distributors wait for their own buyers
        if long_standing[i]:
            w[keys.index("old_friends_later")] *= 2.5
        if inv_err[i]:
            w[keys.index("not_received_invoice")] *= 2.0
            w[keys.index("invoice_error")] *= 3.0
        never = paid[k] < 0
        if never:  # money that never comes: cash problems, disputes, denial
            for key, f in (("cash_flow_tight", 3.0), ("quality_dispute", 2.0), ("already_paid", 2.0)):
                w[keys.index(key)] *= f
        day = int(due[k] + rng.integers(7, 12))
        while day < late_end[k] and day <= N_DAYS:
            ex = keys[int(rng.choice(len(keys), p=w / w.sum()))] if rng.random() < 0.9 else ""
            promise = day + int(rng.integers(3, 22)) if ex and rng.random() < 0.55 else None
            ch = _pick(rng, ["phone", "phone", "phone", "WeChat", "WeChat", "on-site visit"])
            when = int(_weekday_shift(np.array([day]))[0])
            if when < late_end[k]:  # never call about an invoice that is already paid
                rows.append((k, i, when, ch, ex, promise))
            day += int(rng.integers(10, 25))
    p = pd.DataFrame(rows, columns=["inv_k", "cust_idx", "day", "channel", "excuse", "promise_day"])
    p["invoice_id"] = r.invoice_id.to_numpy()[p.inv_k]
    p["customer_id"] = cust.customer_id.to_numpy()[p.cust_idx]
    p = p.sort_values(["day", "invoice_id"], kind="mergesort").reset_index(drop=True)
    p["contact_id"] = _ids("K", len(p), 6)
    return p


# ---------------------------------------------------------------- writing
def _write(df: pd.DataFrame, path: Path) -> Path:
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def _dt(day) -> pd.Series:
    return _fmt_date(_day(day))


def generate(out_dir) -> dict[str, Path]:
    """Generate every case table into ``out_dir``; return ``{table name: csv path}``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)

    cust = make_customers(rng)
    days, dead, _lam, _p = simulate_purchases(rng, cust)
    credit = make_credit(rng, cust, days)
    # accounts of defaulting applicants are blocked about a month after the default
    dead_extra = {}
    credit["block_day"] = np.where(
        credit.default_12m == 1, credit.application_day + rng.integers(90, 360, size=len(credit)), 10**6
    )
    for ci, block in zip(credit.cust_idx[credit.default_12m == 1], credit.block_day[credit.default_12m == 1]):
        d = days[ci]
        if (d > block).any() and (d <= block).any():
            days[ci] = d[d <= block]
            dead[ci] = True
    # a few customers without a credit file go bust: their last invoices are never paid
    napp = np.setdiff1d(np.arange(len(cust)), credit.cust_idx.unique())
    for ci in rng.choice(napp, size=12, replace=False):
        d = days[ci]
        if d.max() < N_DAYS - 200 and len(d) >= 3:
            dead_extra[int(ci)] = int(d.max())
    orders = make_orders(rng, cust, days)
    tickets = make_tickets(rng, cust, days, dead)
    survey = make_survey(rng, cust, days)
    feedback = make_feedback(rng, cust, days, tickets, survey)
    referrals = make_referrals(rng, cust)
    receivables = make_receivables(rng, cust, orders, credit, dead_extra)
    opps, stage_history = make_opportunities(rng, cust)
    kano = make_kano(rng, cust, days)

    files = {}
    c = cust.copy()
    c["acquired_date"] = _dt(c.acquired_offset)
    files["customers"] = _write(
        c[
            [
                "customer_id",
                "company_name",
                "industry",
                "customer_type",
                "size",
                "employees",
                "region",
                "city",
                "acquired_date",
                "acquisition_channel",
                "account_manager",
                "payment_terms_days",
            ]
        ],
        out / "customers.csv",
    )
    o = orders.copy()
    o["date"] = _dt(o.day)
    files["orders"] = _write(
        o[["line_id", "order_id", "customer_id", "date", "product_line", "quantity", "amount", "margin", "line_type"]],
        out / "orders.csv",
    )
    t = tickets.copy()
    t["opened_at"] = t.opened_at.dt.strftime("%Y-%m-%d %H:%M")
    t["satisfaction_after"] = t.satisfaction_after.astype("Int64")
    files["tickets"] = _write(
        t[
            [
                "ticket_id",
                "customer_id",
                "opened_at",
                "ticket_type",
                "channel",
                "first_contact_resolved",
                "response_hours",
                "resolution_hours",
                "is_complaint",
                "satisfaction_after",
            ]
        ],
        out / "tickets.csv",
    )
    sv = survey.copy()
    sv["survey_date"] = _dt(sv.day)
    cols = ["response_id", "customer_id", "survey_date", "nps_score", "overall_satisfaction", "repurchase_intent"]
    cols += [f"{k}_{a}" for k in ("perf", "exp", "imp") for a in SURVEY_ATTRS]
    files["survey"] = _write(sv[cols], out / "survey.csv")
    fb = feedback.copy()
    fb["date"] = _dt(fb.day)
    files["feedback"] = _write(
        fb[["feedback_id", "customer_id", "date", "source", "language", "text", "theme", "sentiment"]],
        out / "feedback.csv",
    )
    rf = referrals.copy()
    rf["date"] = _dt(rf.day)
    files["referrals"] = _write(rf[["source_id", "target_id", "relation", "date"]], out / "referrals.csv")
    cr = credit.copy()
    cr["application_date"] = _dt(cr.application_day)
    files["credit"] = _write(
        cr[
            [
                "application_id",
                "customer_id",
                "application_date",
                "character_score",
                "capacity_dscr",
                "capital_equity_pct",
                "collateral_coverage",
                "conditions_outlook",
                "continuity_years",
                "requested_limit",
                "default_12m",
            ]
        ],
        out / "credit.csv",
    )
    rv = receivables.copy()
    rv["customer_id"] = cust.customer_id.to_numpy()[rv.cust_idx]
    rv["invoice_date"] = _dt(rv.inv_day)
    rv["due_date"] = _dt(rv.due_day)
    rv["paid_date"] = _fmt_date(_day(rv.paid_day.clip(lower=0)).where(rv.paid_day >= 0))
    files["receivables"] = _write(
        rv[["invoice_id", "customer_id", "order_id", "invoice_date", "amount", "due_date", "paid_date"]],
        out / "receivables.csv",
    )
    op = opps.copy()
    op["created_date"] = _dt(op.day)
    op["expected_value"] = op.expected_value.astype(np.int64)
    files["opportunities"] = _write(
        op[
            [
                "opportunity_id",
                "customer_id",
                "account_manager",
                "created_date",
                "stage_reached",
                "status",
                "expected_value",
                "lost_reason",
            ]
        ],
        out / "opportunities.csv",
    )
    files["kano"] = _write(kano, out / "kano.csv")
    files.update(
        generate_extensions(
            out, cust, days, dead, orders, tickets, survey, referrals, credit, receivables, stage_history
        )
    )
    return files


def _opt_date(day) -> pd.Series:
    """ISO dates from day offsets, empty where the offset is missing."""
    day = pd.Series(day, dtype="Int64")
    return _fmt_date(_day(day.fillna(0)).where(day.notna().to_numpy()))


def generate_extensions(
    out: Path, cust, days, dead, orders, tickets, survey, referrals, credit, receivables, stage_history
) -> dict[str, Path]:
    """Write the extension tables; each has its own random stream (see :func:`_stream`)."""
    files = {}
    th = make_ticket_handling(cust, tickets, days, dead)
    th["closed_at"] = th.closed_at.dt.strftime("%Y-%m-%d %H:%M").fillna("")
    files["ticket_handling"] = _write(th, out / "ticket_handling.csv")
    sh = stage_history.copy()
    sh["entered_date"] = _dt(sh.day)
    sh["exited_date"] = _opt_date(sh.exit_day)
    files["opportunity_stages"] = _write(
        sh[["opportunity_id", "stage", "entered_date", "exited_date"]], out / "opportunity_stages.csv"
    )
    files["cost_rates"] = _write(make_cost_rates(), out / "cost_rates.csv")
    visits, _demanding = make_visits(cust, orders, days, dead)
    visits["date"] = _dt(visits.day)
    files["visits"] = _write(visits[["visit_id", "customer_id", "date", "kind", "account_manager"]], out / "visits.csv")
    eng = make_engagement(cust, days, dead, referrals)
    eng["date"] = _dt(eng.day)
    files["engagement"] = _write(eng[["event_id", "customer_id", "date", "signal"]], out / "engagement.csv")
    files["trust"] = _write(make_trust(cust, days, dead, survey), out / "trust.csv")
    cg = make_credit_grades(credit)
    cg["override_date"] = _opt_date(cg.override_day)
    files["credit_grades"] = _write(
        cg[["application_id", "model_grade", "final_grade", "override_reason", "override_date", "approved_by"]],
        out / "credit_grades.csv",
    )
    pe = make_payment_excuses(cust, receivables, tickets, credit)
    pe["contact_date"] = _dt(pe.day)
    pe["promised_date"] = _opt_date(pe.promise_day)
    files["payment_excuses"] = _write(
        pe[["contact_id", "invoice_id", "customer_id", "contact_date", "channel", "excuse", "promised_date"]],
        out / "payment_excuses.csv",
    )
    return files


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parent), help="output folder (default: the folder of this script)"
    )
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    files = generate(args.out)
    for name, path in files.items():
        print(f"{name:14s} {path.stat().st_size / 1024:9.1f} KiB  {path}")
    print(f"generated in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
