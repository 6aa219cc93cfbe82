"""Chinese public-finance vocabulary, as data, in one place.

The parser, the audit and the question reader all look words up here; none of them hard-code
report wording of their own.
"""
from __future__ import annotations

# ---------------------------------------------------------------- reports and units
REPORT_KINDS: dict[str, tuple[str, ...]] = {
    # kind -> phrases that mark it in a report's title or headings (whitespace removed)
    "部门整体支出绩效自评报告": ("整体支出绩效自评", "绩效自评报告"),
    "部门决算": ("部门决算表", "决算情况说明", "年度部门决算"),
    "部门预算": ("部门预算表", "预算情况说明", "部门预算"),
}

# words in a question that point at a kind
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "部门整体支出绩效自评报告": ("绩效自评", "自评", "整体支出绩效"),
    "部门决算": ("决算", "实际支出", "实际花"),
    "部门预算": ("预算", "安排", "计划"),
}
# the kinds written after their year ends, which state the next year's plans (a 2023 自评's 2024年工作重点); a
# budget states its own year's
KINDS_LOOKING_AHEAD: tuple[str, ...] = ("部门整体支出绩效自评报告", "部门决算")
FINAL_ACCOUNTS_KIND = "部门决算"  # what was actually spent: a budget of the next year does not state it
# a budget as adjusted during the year: a 部门预算 prints the budget at the year's start only; a 决算
# prints the adjusted one as its 预算数 (全年预算数, "按规定程序调整后的预算数")
ADJUSTED_BUDGET_WORDS: tuple[str, ...] = ("调整后的预算", "调整后预算", "调整预算", "预算调整后", "调整后的全年预算")
ADJUSTED_BUDGET_HELD = "调整后的预算只见于部门决算（其“预算数”），部门预算载明的是年初预算。"

# the kinds that state a kind's figures too, and so stand in for it when a city's year lacks it: a
# 自评 reports the year's final accounts; a 决算 prints the year's 预算数 beside them, and its
# 情况说明 often holds the year's 绩效自评. A budget never stands in for a result (a plan is not one).
STAND_IN_KINDS: dict[str, tuple[str, ...]] = {
    "部门决算": ("部门整体支出绩效自评报告",),
    "部门预算": ("部门决算", "部门整体支出绩效自评报告"),
    "部门整体支出绩效自评报告": ("部门决算",),
}

# Guangdong cities and county-level cities; the question reader knows them even when the
# corpus holds no report of theirs, so that it can say so.
CITIES: tuple[str, ...] = (
    "广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江", "肇庆", "江门", "茂名", "惠州",
    "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮",
    "吴川", "廉江", "雷州", "台山", "开平", "鹤山", "恩平", "化州", "信宜", "高州",
    "四会", "英德", "连州", "乐昌", "南雄", "兴宁", "陆丰", "阳春", "罗定", "普宁",
)
# Words before an item that make it another book's: 医保基金总支出 is the fund's (亿元, in the text),
# not the department's own 支出总计.
OTHER_BOOKS: tuple[str, ...] = ("基金",)
BOOK_FLOW_KINDS: tuple[str, ...] = ("待遇", "当期", "累计")  # the fund's flows said finer (统筹基金待遇支出)
# a report's whole said apart from its kind ("江门的预算，总额多少", "两市预算哪个规模大"): its 支出合计
REPORT_TOTAL_WORDS = r"总额|总数|规模|总盘子|盘子"
# a report's totals, which said right after a row ("一般行政管理事务的收入决算数和支出决算数") are that
# row's figures in the report's income and spending tables, not the totals
REPORT_TOTALS: tuple[str, ...] = ("收入合计", "支出合计")
# Cities' everyday names (五邑 for 江门), read as the city with the reading said in the answer.
PLACE_NICKNAMES: dict[str, str] = {"五邑": "江门", "侨都": "江门", "侨乡": "江门", "羊城": "广州", "花城": "广州",
                                   "鹏城": "深圳", "港城": "湛江", "鹅城": "惠州", "油城": "茂名", "鮀城": "汕头"}
# One-character abbreviations (穗 for 广州), read only right before a unit's name (穗医保局).
PLACE_ABBREVIATIONS: dict[str, str] = {"穗": "广州", "莞": "东莞", "湛": "湛江", "肇": "肇庆", "邕": "南宁", "榕": "福州"}
ABBREVIATED_BEFORE: tuple[str, ...] = ("医保", "医疗保障", "市医保")
# Words between a place and one inside it that say so ("湛江下面的吴川"): the inner one is meant.
INSIDE_WORDS: tuple[str, ...] = ("下面的", "下面", "下辖的", "下辖", "下属的", "下属", "辖下的", "管辖的", "所辖的",
                                 "里面的", "里的", "代管的")
PROVINCE = "广东省"
UNIT_SUFFIX = "医疗保障局"
UNIT_SHORT = "医保局"
# words that stand for things said before them ("A和B各多少？前者是后者的几倍")
REFERRING_WORDS: tuple[str, ...] = ("前者", "后者", "它", "它们")
# words that single one thing out of what is asked ("只看一般公共预算的话", "单看廉江市医疗保障服务中心")
SINGLING_WORDS: tuple[str, ...] = ("只看", "单看", "光看", "仅看", "只算", "光算", "单算")
# words that stand for all the things said before them ("A和B各多少？A占两者合计的比例")
ALL_REFERRED: tuple[str, ...] = ("两者", "二者", "三者", "两项", "三项", "这两", "这三", "它们", "它俩")
# words that refer back to the thing a ranking found first ("最多的是哪个？它的绩效目标是什么")
FIRST_REFERRED: tuple[str, ...] = ("它的", "它", "其", "这个项目的", "那个项目的", "该项目的", "这个的", "那个的", "这项的", "那项的")
OWN_LEVEL = "局本级"  # "广州医保局本级": the unit's own row in a table of its units
# Endings of other issuing units' names (广州市卫生健康委员会, 某县财政局); a branch (新会分局) may follow.
OTHER_UNIT_ENDINGS: tuple[str, ...] = ("委员会", "办公室", "局", "厅")
BRANCH_PATTERN = r"(?:[\u4e00-\u9fff]{2,3}分局)?"
BRANCH_ENDINGS: tuple[str, ...] = ("分局", "分中心")  # a unit of a part of the city (新会分局, 增城分中心)
CITY_WIDE_WORDS: tuple[str, ...] = ("全市",)  # a sentence's figure is of the whole city (全市居民医保基金…)
# Cantonese as Guangdong people type it, read as Mandarin (after Traditional to Simplified), longest
# first; 系 only in 系唔系/唔系 (医保系统), and 同 only as "and" between words (not 同比, 相同, 合同)
CANTONESE: dict[str, str] = {
    "系唔系": "是不是", "系咪": "是不是", "唔系": "不是", "系几多": "是多少", "各系": "各是", "分别系": "分别是",
    "系点样": "是怎么样", "系乜嘢": "是什么", "系咩": "是什么",
    "有冇": "有没有", "冇": "没有", "唔": "不",
    "几多间": "多少家", "几间": "几家", "几多": "多少", "点解": "为什么", "点样": "怎么样", "乜嘢": "什么", "咩": "什么", "边几": "哪几", "边个": "哪个", "边样": "哪样", "边项": "哪项", "边笔": "哪笔",
    "边度": "哪里", "边间": "哪间", "佢哋": "他们", "佢": "他", "嘅": "的", "咗": "了", "啲": "些", "喺": "在",
    "落嚟": "下来", "嚟": "来", "仲有": "还有", "而家": "现在", "合埋": "合计", "使咗": "花了", "嗰个": "那个",
    "嗰": "那", "睇": "看", "畀": "给", "揾": "找", "做嘢": "做事", "架车": "辆车", "年尾": "年末", "话自己": "说自己",
    "入面": "里面", "钱系": "钱是",
}
# Regional Mandarin as people type it, read as standard Mandarin (regular expressions):
# - Southwestern (四川, 重庆, 贵州): 好多 asks how much where an amount or the question's end follows it
#   ("好多钱", "有好多万人？", "是好多嘛"), not in "好多老人" (many) or Cantonese 好多过 (much more than);
# - Northern (东北, 河北, 山东): 多老些 and 多老少 ask how much ("到底多老些");
# - Wu (上海, 江浙): 几钿 asks how much money, 伐 ending a question is 吗 ("有结余伐"), 阿拉 is 我们, 里厢 里面;
# - anywhere: 好几 says several and asks nothing ("下面分好几项，其中…是多少": 多项)
REGIONAL_MANDARIN: dict[str, str] = {
    r"好多(?=[钱亿万人个家元块嘛哦喃、，,？?]|$)": "多少", "啥子": "什么", "咋个": "怎么", r"没得(?!到)": "没有",
    "多老些": "多少", "多老少": "多少", "几钿": "多少钱", r"伐(?=[？?。！!\s]|$)": "吗", "阿拉": "我们", "里厢": "里面", "好几": "多",
}
# Words of how a question is asked, not of what it asks: rank.content_words takes them out before
# matching (a row name the question says keeps them: 业务用房 keeps its 用). Regular expressions, tried
# in this order; a longer word comes before the shorter one inside it.
QUESTION_FILLER: tuple[str, ...] = (
    # who is meant, when (今年; 当年, not 当年收支, 当年结余), and everyday verbs of spending (我指, 他们, 打算花, 搞); 光 as 'only' (not 曝光, 光明, 光荣)
    "我指的是", "我指", "我是说", "我的意思是", "就是指", "我们", "咱们", "俺们", "俺", "他们", "她们", "你们", "人家", "底下", "下面", "下边", "今年", "当年(?![收支拨各内结])", "准备花", "打算花",
    "要花", "花", "搞", "(?:相关|有关)的(?=钱|费用|开支|支出)", "也差不多", "差不多", "就要", "(?<!曝)光(?![明荣])", "(?<![调完修平规])整了", "好多", "到底", "究竟", "具体", "百分之几",
    "百分之多少", "百分比", "多少个百分点", "百分点", "多少钱", "还是", "现在", "目前", "是谁", "是什么", "什么", "是这样", "这样", "哪些", "哪个", "哪里", "多少", "多大", "怎么样",
    "怎么说的", "怎么说", "怎么讲的", "怎么讲", "怎么写的", "怎么写", "怎样", "怎么", "如何", "有没有", "没有",
    # a claim passed on to be checked (网传, 有人说, 真的吗), and how a change is named (增幅)
    "有报道称", "有报道说", "据报道", "报道称", "有人转发说", "转发说", "有文章说", "文章说", "网传", "传言", "网友说", "朋友圈说", "有人说", "网上说", "据说",
    # a request for disclosure (依申请公开): how the asker asks, no word of the reports
    "依申请公开", "申请公开", "请予公开", "予以公开", "特申请", "特此申请", "数额",
    "群里有人说", "群里说", "群友说", "群里", "转发", "帮忙看看", "帮看看", "看看", "很多", "不少(?!于)",
    "真有这么", "这么夸张", "夸张", "只(?=[涨降增减跌花用])", "这说法", "这个说法", "说法", "属实", "是不是真的", "是不是", "是真的", "真的吗", "对不对", "准确吗", "增幅",
    "降幅", "涨幅", "跌幅",
    # a figure recalled (好像, 记得), asked roughly (大约占, 约占: not 节约, 约谈) or exactly (准确)
    "好像", "似乎", "记得", "大约", "大概", "(?<![节制预签契公])约(?=[占有为是合]|$)", "准确", "确切", "精确",
    # where the report says it (报告里, 原文, 提到, a quote's 后面) and asking to look it up (查一下)
    "报告里", "报告中", "报告上", "写的", "写着", "后面", "后边", "后头", "截至", "截止到", "截止", "原文", "原话", "原句", "提到", "提及", "说到", "讲到", "查查", "查一下", "帮我查", "帮忙查",
    # places and sums said loosely (那边, 万块钱, 来着)
    "那边", "这边", "局里", "万块钱", "万块", "块钱", "来着",
    # "这两个数对得上吗": the things asked, again
    "[这那]?(?:两|2|俩)个?(?:数字|数据|金额|数)",
    # how the things are compared or ranked (比一比, 排个序, 谁)
    "比一比", "比较一下", "对比一下", "排个序", "排个名", "排一下序", "排下序", "排下名", "排一下", "谁",
    # and of what it says (怎么讲的, 关于)
    "是怎么讲的", "怎么讲的", "是怎么说的", "怎么说的", "关于", "形容", "描述",
    # pointing words, question words and particles (这个, 那块, 几, 吗, 的, 请问, 各, 分别)
    "这些", "那些", "这个", "这一项", "这项", "这一笔", "这笔", "这一块", "这块", "这部分", "那部分", "那一块", "那块", "那个", "那么多", "这么多", "那么",
    "那", "这", "它们", "它", "知道", "听说", "没想到", "想不到", "想请问", "想问下", "想问", "想了解", "告诉我", "看到", "看了", "一个", "是个", "报有",
    r"(?<![\u4e00-\u9fff])里[面边]", "这样", "几", "吗", "呢", "啊", "呀", "吧", "的", "了", "请问", "一下", "问下", "哈", "情况", "有",
    "是", "为", "干(?!部)", "用", "哪", "啥", "咋", "各自", "各", "分别",
)
# greetings and courtesies around a question: they ask nothing
COURTESIES: tuple[str, ...] = ("请问一下", "请问", "想问一下", "想问下", "问一下", "问下", "您好", "你好", "麻烦", "谢谢", "喂",
                               "尊敬的", "贵局", "烦请告知", "烦请", "敬请", "不胜感激", "万分感谢", "感谢")
# sounds said while thinking, kept by voice input ("那个 嗯 江门二零二四年预算里面…"): no report prints them
SPOKEN_FILLERS = r"[嗯呃哦噢]+"
CANTONESE_AND = r"(?<![共相不合如会协陪连赞一])同(?![比级时样一期志上类口等])"
# What people call issuing units, and the names reports print (a question is read with the latter).
UNIT_SHORT_NAMES: dict[str, str] = {
    "医保局": "医疗保障局", "卫健委": "卫生健康委员会", "卫健局": "卫生健康局", "人社局": "人力资源和社会保障局",
    "发改委": "发展和改革委员会", "住建局": "住房和城乡建设局", "市监局": "市场监督管理局",
}
# Words ending like a unit that name no issuing unit after a place: a branch is a row of its
# unit's tables (蓬江分局), a hall is a place (医保服务大厅).
NOT_UNIT_ENDINGS: tuple[str, ...] = ("分局", "大厅")
# Place names of the gazetteer that are also everyday words: in a question they name a place only
# with their ending (光明区) or before a unit (光明医保局).
PLACE_NAMES_ALSO_WORDS: tuple[str, ...] = (
    "光明", "和平", "新兴", "平安", "合作", "资源", "通道", "东方", "长安", "城区", "郊区", "矿区", "太平", "城中",
    "市中", "大方", "方正", "同心", "共和", "振兴", "安宁", "富民", "惠民", "红旗", "友好", "向阳", "吉利", "新华",
    "海域", "高明", "大同", "永安", "东区", "西区", "南区", "北区", "中区",
)

# ---------------------------------------------------------------- tables
# Header words that name the code / item columns rather than value columns.
LABEL_HEADERS: tuple[str, ...] = (
    "支出项目类别（资金使用单位）", "支出项目类别(资金使用单位)", "部门预算支出经济科目",
    "经济分类科目编码", "功能分类科目编码", "功能分类科目", "功能科目名称", "科目编码",
    "科目名称", "编码", "项目", "项 目", "支出项目类别",
)

# Value-column words, leaves and groups, used to read headers whose cells were wrapped over
# several lines in space-separated layouts. Longest first is applied by the reader.
HEADER_GROUPS: dict[str, tuple[str, ...]] = {
    "财政拨款收入": ("一般公共预算", "政府性基金预算", "国有资本经营预算"),
    "财政专户拨款收入": ("教育收费", "其他专户收入拨款"),
    "其他资金收入": ("事业收入", "经营收入", "其他收入"),
    "财政拨款": ("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
    "一般公共预算支出": ("小计", "基本支出", "项目支出"),
    "政府性基金预算支出": ("小计", "基本支出", "项目支出"),
    "国有资本经营预算支出": ("小计", "基本支出", "项目支出"),
    "本年支出": ("小计", "基本支出", "项目支出"),
    "预算数": ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"),
    "决算数": ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"),
    "公务用车购置及运行维护费": ("小计", "公务用车购置费", "公务用车运行维护费"),
}
HEADER_LEAVES: tuple[str, ...] = (
    "合计", "总计", "小计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出",
    "上缴上级支出", "结转下年", "一般公共预算", "政府性基金预算", "国有资本经营预算",
    "教育收费", "其他专户收入拨款", "事业收入", "经营收入", "其他收入", "上级补助收入",
    "附属单位上缴收入", "用事业基金弥补收支差额", "财政专户拨款", "其他资金", "绩效目标",
    "本年收入合计", "本年支出合计", "财政拨款收入", "经营支出", "年初结转和结余", "本年收入",
    "年末结转和结余", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费",
    "预算", "决算数", "金额", "行次", "一般公共预算财政拨款", "政府性基金预算财政拨款",
    "国有资本经营预算财政拨款",
)
TEXT_HEADERS: tuple[str, ...] = ("绩效目标",)
HEADER_PREFIXES_TO_DROP: tuple[str, ...] = ("其中：", "其中:")

# Side-by-side statements print two lists in one table: (left, right) header words.
SIDE_PAIRS: tuple[tuple[str, str], ...] = (("收入", "支出"), ("人员经费", "公用经费"))

# Rows that total a whole table or one side of it.
TOTAL_ROW_NAMES: tuple[str, ...] = ("合计", "总计")
GRAND_TOTALS: tuple[str, ...] = ("收入总计", "支出总计", "总计")
GROUP_ROW_SUFFIXES: tuple[str, ...] = ("-小计", "小计")
UNIT_ROW_ENDINGS: tuple[str, ...] = ("医疗保障局", "服务中心", "管理中心", "分局")
# a person and what the reports never print about one: "局长是谁", "那个干部叫什么名字"
PERSON_WORDS: tuple[str, ...] = ("局长", "科长", "股长", "主任", "干部", "负责人", "领导", "书记", "工作人员", "人员", "个人")
# (patterns; "是谁" ends the question: "个人缴费部分是谁来出" asks which party pays, not a name)
PERSONAL_DETAILS: tuple[str, ...] = (r"是谁(?:[啊呀呢吗哦]|(?![\u4e00-\u9fff]))", "叫什么", "叫啥", "姓什么", "姓啥",
                                     "名字", "姓名", "名单", "花名册", "电话", "手机", "联系方式")
# how to reach the department, which the reports never print (电话咨询 and 举报电话 as things done are)
CONTACT_ASKED: tuple[str, ...] = (r"电话(?:号码|是多少|多少|是什么|是几)", "联系方式", "联系电话", "手机号", "传真",
                                  "邮箱", "网址", "官网", "通讯地址", "邮寄地址")  # an office's 地址 may be printed (位于…)
# the details of firms and things the reports never print, only their sums, counts and purposes:
# "那两辆车是什么品牌型号", "法律顾问费付给哪家律师事务所", "被解除定点的5家药店叫什么名字"
DETAILS_UNPRINTED: tuple[str, ...] = ("品牌", "牌子", "型号", "车牌", "车型", "排量", r"哪[一几]?[家个所][\u4e00-\u9fff]{0,4}(?:事务所|公司|企业|医院|药店|供应商|厂商|厂家|商家)",
                                      r"(?:事务所|公司|企业|药店|医院|(?<!内设)(?<!派出)机构)(?:具体|分别|都|各自?)?的?(?:名字|名称|全称|叫什么|叫啥|是哪一?家)",
                                      r"(?:中标|供应商)[\u4e00-\u9fff]{0,6}?(?:是|为|有)?(?:哪|谁)",  # who won a tender or
                                      r"哪[些几一]?[家个]?(?:公司|企业|药企|厂家|单位)[\u4e00-\u9fff]{0,2}中标",  # supplies: unnamed
                                      r"(?:涉及|牵涉|是)哪[些几]家?(?:医院|药店|医药机构|企业|公司)",  # which firms a case names
                                      r"(?:中标|供应商|公司|企业|厂家|厂商|药店)[\u4e00-\u9fff]{0,4}名单")  # or lists
# (the names of the unit's own 内设机构 and 派出机构 are printed)
DETAILS_HELD = "报告不写供应商、中介机构、定点机构的名称或车辆的品牌型号，只写金额、数量和用途。"
# what a name goes on to say when it is another institution's ("江门市中心医院"), not one of the reports' units
OTHER_INSTITUTIONS: tuple[str, ...] = ("医院", "卫生院", "诊所", "药店", "药房", "学校", "大学")
# a hospital named as its city names it ("江门市中心医院", "廉江市人民医院"): its own books are in no report
HOSPITAL_NAMED = r"市?(?:中心|人民|中医|第[一二三四五六七八九]人民|妇幼保健|中西医结合)医?院"
INSTITUTION_HELD = "报告是医疗保障局的部门预算、决算和绩效自评，只载明医疗保障局及其所属单位的收支，不载医院自己的预算、收入或结算金额。"
# a sum asked in a foreign currency ("三公经费折合成美元是多少"): the reports print yuan and no exchange rate
FOREIGN_CURRENCIES: tuple[str, ...] = ("美元", "美金", "欧元", "英镑", "日元", "港元", "港币", "澳门元", "澳元", "卢布",
                                      "USD", "usd", "dollar", "Dollar", "euro", "Euro")
CURRENCY_HELD = "报告的金额都以人民币（万元、元）列示，不载汇率，不能换算成外币。"
# a claim put to be checked ("有人说…涨了1200%，这说法属实吗"): the figures it states are what is asked, not known
CLAIM_CHECKED: tuple[str, ...] = ("属实", "是真的吗", "是不是真的", "真的吗", "对不对", "对吗", "对么", "是吗", "是么",
                                  "准确吗", "没错吧",
                                  "靠谱吗", "有没有这回事", "是否真实", "是否准确",
                                  "这么写的吗", "这样写的吗", "是这样吗", "是这么回事吗", "真有这么", "有这么夸张",
                                  "对得上吗", "一致吗", "吻合吗",
                                  "网传", "转发说", "文章说", "传言", "网友说", "朋友圈说")
# words that pass a claim on ("网传…收不抵支，…收支分别是多少"): the clause they open is told, not asked
CLAIM_RELAYED: tuple[str, ...] = ("网传", "传言", "据说", "听说", "有人说", "网友说", "网上说", "朋友圈说", "有报道称",
                                  "据报道", "有文章说", "转发说")
# words that say a quote is the report's own wording ("报告里写着“报废更新2辆执法车辆”，车龄多少年"): where
# to look, not a name that the figure's row must carry
CITING_WORDS: tuple[str, ...] = ("写着", "写了", "写道", "写的是", "写明", "提到", "提出", "讲", "说", "原文是", "原文")
# words after a quote that say it names a part of the report to look in ("“管理效率分析”里提到", "“政府采购支出
#情况”那部分说"): a section, which may be misremembered, not a name the figure's row must carry
WITHIN_WORDS: tuple[str, ...] = ("部分", "一节", "章节", "一段", "段", "当中", "里", "中", "内")
# and the verbs saying the report says something there ("那部分写的", "一节列了")
SECTION_CITING_WORDS: tuple[str, ...] = (*CITING_WORDS, "写", "显示", "列")
# a year said relative to now ("去年（2023年）"): the year glossed after it is the one asked
RELATIVE_YEARS: tuple[str, ...] = ("今年", "去年", "前年", "明年", "后年", "上一年", "上年", "本年", "当年")
# those a question is asked for ("我爷爷问…", "帮我爸查一下…"): how it is put, never what is asked
ASKED_FOR: tuple[str, ...] = ("爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "老爸", "老妈", "爸爸", "妈妈", "父亲", "母亲",
                              "老人家", "长辈", "邻居", "孩子他爸", "孩子他妈", "老公", "老婆", "爱人", "爸", "妈",
                              # relayed by a host ("有位听众朋友问", "这位大姐想知道")
                              "听众朋友", "听众", "观众朋友", "观众", "网友", "市民朋友", "市民", "读者", "粉丝",
                              "大爷", "大妈", "大姐", "大哥", "阿姨", "叔叔", "老师傅")
# how a host points at the one who asks ("有位听众", "这位大爷")
ASKER_POINTED: tuple[str, ...] = ("有位", "这位", "一位", "有个", "这个", "那位")
# a clause about the asker ("我们镇卫生院也参加了", "我在江门参加居民医保"): it sets the scene
ASKER_SAID = r"[我咱]"
# a clause saying what the asker means to do with the answer ("我们镇想参考下比例"): it asks nothing
ASKER_PURPOSE = r"(?:我|咱)们?[^，,。？?]{0,6}?(?:想|要|准备|打算)"
# a sum asked in another unit ("0.02万元折合多少元"): the sum stated is what is converted, not a figure known
CONVERSION_ASKED: tuple[str, ...] = ("折合", "换算", "合成", "折算")
# a judgement asked of the reader ("预算编得合不合理", "钱花得值不值"): the reports state figures and the
# department's own self-evaluation, never an outside opinion; asked alone, refused with what is held
OPINION_ASKED: tuple[str, ...] = ("合不合理", "合理吗", "是否合理", "合理不合理", "值不值", "值得吗", "好不好",
                                  "乱花", "浪费吗", "花多了吗", "是不是花多了", "太多了", "太高了", "太少了", "花得太多", "你觉得", "你认为",
                                  "你怎么看")
# a ranking of the departments by a judgement ("哪个最廉洁", "哪家工作做得最好"): an opinion, whatever is asked
OPINION_RANKED: tuple[str, ...] = ("最廉洁", "做得最好", "做得最差", "干得最好", "最值得表扬", "最值得信任",
                                   "最不值得信任", "最浪费", "最不节约")
OPINION_HELD = ("报告只载明收支数字、绩效目标和部门自己的绩效自评（如“自评等级为优”），不评价预算是否合理、钱花得值不值。"
                "可以问具体的数字、报告说明的原因或绩效自评结论，例如“江门医保局2023年绩效自评等级是什么”。")
# a figure asked under a supposition ("如果三公经费压减10%，是多少", "假如办公费翻一倍"): the reports
# state what was budgeted or spent, never a sum worked out from a supposed change; refused with what is held
HYPOTHESIS_ASKED = (r"(?:如果|假如|假设|假使|要是|倘若)[^？?。]{0,30}?"
                    r"(?:增加|增长|减少|压减|削减|压缩|缩减|下调|上调|提高|降低|砍掉?|涨|降|翻)[^？?。]{0,6}?"
                    r"(?:\d+(?:\.\d+)?%|百分之[\d一二两三四五六七八九十]+|[一二两三四五六七八九]成|[\d一二两三四五六七八九十]+倍|一半|番)")
HYPOTHESIS_HELD = "报告只载明实际安排或发生的数字，不推算假设的情形（如压减或增加一定比例后是多少）。"
# when a report was published or who wrote it ("是哪一天发布的", "公开日期", "谁编的"): the reports print
# neither; refused with what they hold
PUBLICATION_ASKED = (r"(?:哪一?天|什么时候|何时|几月几[日号]|哪个月)(?:正式)?(?:发布|公开|公布|印发|出台|挂网)"
                     r"|(?:发布|公开|公布|印发)(?:的)?(?:日期|时间)|(?:谁|哪位)(?:编|写|填报|起草)的|(?:填报|起草|编写)人")  # not 编制人员
PUBLICATION_HELD = "报告不载明发布日期或编写人员，只载明收支数字、绩效目标和情况说明。"
# where a department is, asked: answered only by a sentence saying where it is (位于…)
LOCATION_ASKED: tuple[str, ...] = ("地址", "办公地点", "在哪办公", "在哪里办公", "在哪儿办公")
LOCATION_SAID = "位于"
# after a place, a branch of the department: 鹤山分局, 蓬江分中心 (a branch has its own rows when
# it has its own budget); a 服务中心 only when asked of alone (单独的基本支出): it is often folded
# into the department's budget, and asked plainly its 事业运行 row answers
SUB_UNIT_AFTER_PLACE = r"[市区县]?(?:医疗保障|医疗保险|医保|医疗救助)?(?:服务|事业管理|经办)?(?P<kind>分局|分中心|中心)"
FOLDED_UNIT_KINDS: tuple[str, ...] = ("中心",)
# a place's own bureau ("台山市医保局"): of a place inside a city held, a department of its own, not the city's
BUREAU_AFTER_PLACE = r"[市区县]?(?:医疗保障|医保)(?P<kind>局)"
ALONE_WORDS: tuple[str, ...] = ("单独", "单列", "自己的", "本身", "自身")
# a unit's own row in a table of one kind of spending stands for that spending (its 项目支出)
UNIT_TABLE_SUBJECTS: dict[str, str] = {"项目支出": "项目经费", "基本支出": ""}  # and how people say it

# ---------------------------------------------------------------- items
# canonical item -> how people and reports name it (first is the display name)
ITEMS: dict[str, tuple[str, ...]] = {
    "三公经费": ("“三公”经费", "三公经费", "三公", "\"三公\"经费", "三公费用"),
    "因公出国（境）费": ("因公出国（境）费", "因公出国（境）支出", "因公出国(境)费", "因公出国",
                  "出国经费", "出国费", "出国（境）费"),
    "公务用车购置及运行维护费": ("公务用车购置及运行维护费", "公务用车购置及运行维护支出",
                     "公务用车购置及运行费", "公车购置及运维", "公车费用", "公务用车费用",
                     "公务用车", "公车"),
    "公务用车购置费": ("公务用车购置费", "公务用车购置", "公车购置", "购车"),
    "公务用车运行维护费": ("公务用车运行维护费", "公务用车运行维护", "公车运行维护费", "公车运行维护", "公车运维", "车辆运行维护"),
    "公务接待费": ("公务接待费", "公务接待费支出", "公务接待", "接待费", "招待费", "招待"),
    "机关运行经费": ("机关运行经费", "行政经费", "机关运行费"),
    "收入合计": ("本年收入合计", "收入合计", "本年收入", "收入预算", "收入决算"),
    "支出合计": ("本年支出合计", "支出合计", "本年支出", "支出预算", "支出决算", "预算总额", "预算总数", "总预算", "预算规模", "共预算", "全部预算支出"),
    "收入总计": ("收入总计", "总收入", "收入总额"),
    "支出总计": ("支出总计", "总支出"),
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出",),
    "财政拨款": ("财政拨款收入", "财政拨款"),
    "一般公共预算支出": ("一般公共预算支出", "一般公共预算财政拨款支出"),
    "政府性基金预算支出": ("政府性基金预算支出", "政府性基金支出"),
    "国有资本经营预算支出": ("国有资本经营预算支出",),
    "一般公共预算": ("一般公共预算", "一般公共预算财政拨款收入"),
    "政府性基金": ("政府性基金预算", "政府性基金"),
    "政府采购": ("政府采购",),
    "固定资产": ("固定资产",),
    "人员经费": ("人员经费", "人员支出"),  # 基本支出 is "人员支出和公用支出" (名词解释)
    "公用经费": ("公用经费", "公用支出"),
}
SANGONG = "三公经费"
SPENDING_TOTAL = "支出合计"  # what a unit spends in all, asked with no item ("实际花了多少钱")
SANGONG_PARTS: tuple[str, ...] = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
CAR_PARTS: tuple[str, ...] = ("公务用车购置费", "公务用车运行维护费")

# the table row that states each item, matched against row names (whitespace removed)
ITEM_ROW_NAMES: dict[str, tuple[str, ...]] = {
    "三公经费": ("“三公”经费",),
    "因公出国（境）费": ("因公出国（境）支出", "因公出国（境）费"),
    "公务用车购置及运行维护费": ("公务用车购置及运行维护支出", "公务用车购置及运行维护费"),
    "公务用车购置费": ("公务用车购置费", "公务用车购置"),
    "公务用车运行维护费": ("公务用车运行维护费",),
    "公务接待费": ("公务接待费支出", "公务接待费"),
    "机关运行经费": ("行政经费",),
    "收入合计": ("本年收入合计",),
    "支出合计": ("本年支出合计",),
    "人员经费": ("人员经费合计",),
    "公用经费": ("公用经费合计",),
    "收入总计": ("收入总计",),
    "支出总计": ("支出总计",),
}
# words that may follow an item's name before its figure in prose ("机关运行经费安排310.82万元")
PROSE_LABEL_TAILS: tuple[str, ...] = ("财政拨款支出决算为", "支出决算为", "决算为", "总额", "金额", "总值", "安排", "支出", "为")

# a row name said without the 支出 that ends it, when this many characters still say what it is
# (商品和服务, 住房保障; 卫生健康 followed by 委员会 is another unit's name, see question.subject_spans)
SPENDING_ENDING = "支出"
SAID_WITHOUT_ENDING_MIN = 4
# a row name said with a 支出 it lacks (行政单位医疗支出: the row 行政单位医疗), unless it ends so
NO_SPENDING_AFTER: tuple[str, ...] = ("支出", "收入", "合计", "总计", "小计")

# Everyday words for table rows: the question's word -> the row's printed name.
ROW_ALIASES: dict[str, str] = {
    # only words that name one row; a bare 工资 could be 平均工资, which no report states
    "工资福利": "工资福利支出", "养老保险缴费": "机关事业单位基本养老保险缴费支出",
    "职业年金": "机关事业单位职业年金缴费支出", "公积金": "住房公积金",
}

# Columns a question may ask for, and the column words that answer it.
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出",),
    "一般公共预算": ("一般公共预算",),
    "政府性基金预算": ("政府性基金预算", "政府性基金"),
    "国有资本经营预算": ("国有资本经营预算",),
    "财政拨款": ("财政拨款",),
    "预算数": ("预算数", *ADJUSTED_BUDGET_WORDS),  # a 决算's 预算数 is the adjusted budget
    "决算数": ("决算数", "执行数"),  # what was carried out: a 决算's figure
}

# ---------------------------------------------------------------- text structure
PAGE_NUMBER_PATTERN = r"^[-－—]\s*\d+\s*[-－—]$"
URL_PATTERN = r"^(https?://|www\.)\S+$"
NOTE_PREFIXES: tuple[str, ...] = ("注：", "注:")
UNIT_LINE_WORDS: tuple[str, ...] = ("单位：", "单位:", "单位名称：", "单位名称:", "部门：")

# Units of things counted in prose ("公务用车保有量为2辆", "参加基本医疗保险人数404.54万人"), and
# the words of a question that asks for a count rather than an amount of money.
COUNT_UNITS: tuple[str, ...] = ("万人次", "万人", "人次", "家次", "天次", "项次", "平方米", "㎡", "个月", "工作日", "天", "分", "人", "辆", "个", "家", "台",
                                "次", "名", "份", "件", "项", "宗", "张", "条", "本", "期", "例", "场", "篇", "所", "户",
                                "种", "类", "批", "位", "年")
# measure words that count things alike: figures in them are ranked together (药品120个, 医疗服务项目318项)
COUNTED_ALIKE: dict[str, str] = {"项": "个", "种": "个", "类": "个", "件": "个"}
# nouns that ask a count in a measure word, with no 多少 ("病例 份数", "事业编制 名额", "案件数")
COUNT_NOUNS: dict[str, str] = {"人次数": "人次", "人数": "人", "份数": "份", "家数": "家", "次数": "次", "件数": "件",
                               "宗数": "宗", "户数": "户", "场数": "场", "例数": "例", "辆数": "辆", "台数": "台",
                               "名额": "名"}
# measure words of people: a count asked in them ("多少名") is not answered by a count of things ("3个")
PEOPLE_UNITS: tuple[str, ...] = ("人", "名", "位", "人次", "万人", "万人次")
# nouns that are a number of people when asked how many ("编制多少", "有多少编制", "职工有几个"):
# counted in people, never answered by a count of things (编制审核意见…报废更新2辆); the staff
# in post (实有人数, 在职人数) are not the posts approved (核定编制10名)
PEOPLE_NOUNS: tuple[str, ...] = ("编制", "人员", "职工", "员工", "干部", "实有", "在职", "在编", "在岗")
PEOPLE_NOUN_UNIT = "名"  # the measure word they are counted in (核定机关行政编制10名)
# measure words of visits and services done: no count of things asked ("多少个病种") is one of them
VISIT_UNITS: tuple[str, ...] = ("人次", "万人次", "家次", "天次")
# measure words of things only, never of people (多少种, 几项; 个 is said of both: 几个人)
THING_UNITS: tuple[str, ...] = ("种", "类", "项", "件", "所")
# an item's words that name the things its money is for ("公务用车" for 公务用车购置及运行维护费): a count
# of them asked in their own measure word ("有几辆公务用车", "公车超过3辆") asks the things, not the item
ITEM_THINGS: dict[str, tuple[str, ...]] = {"公务用车购置及运行维护费": ("公务用车", "公车")}
# words asking whether two figures agree ("表1的支出总计和表3的合计对得上吗"): both shown, their difference
AGREEMENT_ASKED: tuple[str, ...] = ("对得上", "对上", "对不上", "对不对得上", "对应得上", "一致", "一样", "相等", "相同", "吻合", "相符")
# verbs that make a count one of things acted on in the year ("报废更新2辆", "公务用车购置数0辆"): not how
# many there are (车辆16辆, 保有量为2辆), unless the question says the act
FLOW_VERBS: tuple[str, ...] = ("报废", "更新", "购置", "购买", "采购", "新增", "处置")
# measure words that say what they count (几辆公车: vehicles, however the question names them)
SELF_NAMING_UNITS: tuple[str, ...] = ("辆", "台")
GENERIC_MEASURE = "个"  # the measure word said of anything ("几个汽车"): a thing's own (辆) is what is printed
# of those, the one whose thing is named by one character on both sides (几辆公车 and 车辆4辆: 车)
UNIT_THING: dict[str, str] = {"辆": "车"}
# a measure word that is a determiner before these words ("1本经费主要用于": item 1, "this fund")
DETERMINER_BEFORE: dict[str, tuple[str, ...]] = {"本": ("经费", "项目", "部门", "单位", "年", "级")}
# units a number is counted in ("不到100平方米", "服务300人"): a code stands before a name, never before these
# (not 项, 类, 年: "2101501项目支出", "201类" are codes)
UNITS_NO_CODE_PRECEDES: tuple[str, ...] = ("平方米", "㎡", "个月", "万人", "人", "块", "天", "岁", "名", "位", "辆", "台", "个", "家", "份", "件", "次",
                                          "例", "宗", "起", "种", "项", "批", "期", "场", "户", "所",
                                          "余", "多(?!少)")  # 50000余人, 300多家: said roughly, no code (a regex)
YEARS_UNIT = "年"  # a count of years (车龄已有15年) has at most two digits: 2023年 is a date
YEARS_ASKED: tuple[str, ...] = ("多少年", "几年了", "车龄", "年限")  # not 近几年: which years
# words between a number and its unit that make it approximate ("90余平方米", "5000多份")
APPROXIMATE_WORDS: tuple[str, ...] = ("余", "多")
COUNT_WORDS: tuple[str, ...] = ("保有量", "多少辆", "几辆", "多少人", "几个人", "人数", "多少个", "几个", "多少家",
                                "几家", "多少次", "几次", "多少台", "几台", "多少名", "几名", "多少份", "多少项",
                                "几项", "多少宗", "几宗", "数量", "面积")

# a row pointed at by where it is printed in a table the question names ("表6最后一行", "倒数第2行",
# "表头下面第1行"; 第二行 is read as 第2行): pattern -> the row's place, 0 the first and -1 the last; a
# group is the number said (第3行: 2, 倒数第2行: -2)
ROW_POSITIONS: tuple[tuple[str, int], ...] = (
    (r"倒数第(\d{1,2})行", -1),
    (r"(?<!倒数)第(\d{1,2})行", 0),
    (r"(?:表头下面?的?|表头底下的?)?(?:首行|头一行|最上面一行)", 0),
    (r"最后(?:一|那一?)行|末行|最末一?行|最(?:底下|下面)(?:的|那)?一?行|排在?最后(?:的|那)?(?:一?个|一?项|一?行)?", -1),
)

# a row pointed at by where it stands under or over a row named ("紧挨在“医疗保障管理事务”下面的第一行",
# "行政运行的下一行", "…上面那行"): pattern -> rows down (up when negative); a group is the number said.
# Not 表头下面第一行 nor 最底下那行: those are the table's own (ROW_POSITIONS)
ROW_WORD = r"行(?=[^\u4e00-\u9fff]|的|是|金额|数|里|中|对应|写|有|多少|填|那|呢|$)"  # not 下面的行政运行
ROWS_FROM_NAMED: tuple[tuple[str, int], ...] = (
    (rf"(?<!表头)(?<!最)(?:下面|下方|底下|下边|之下)(?:的|那)?第([1-9一二两三四五]){ROW_WORD}", 1),
    (rf"(?:(?<!表头)(?<!最)(?:下面|下方|底下|下边|之下)(?:的|那)?(?:头一|第一|紧挨的|紧接的)?一?|下一){ROW_WORD}", 1),
    (rf"(?<!最)(?:上面|上方|上边|之上)(?:的|那)?第([1-9一二两三四五]){ROW_WORD}", -1),
    (rf"(?:(?<!最)(?:上面|上方|上边|之上)(?:的|那)?(?:紧挨的|紧接的)?一?|上一){ROW_WORD}", -1),
)

# a cell pointed at by where it stands among the figures of a row the question pastes ("[21015]医疗保障管理事务
# 441.09 253.79 187.30 …中间那个数"): pattern -> its place, 0 the first and -1 the last, MIDDLE the middle one;
# a group is the number said (第2个数: 1, 倒数第2个: -2)
MIDDLE = "middle"
CELL_POSITIONS: tuple[tuple[str, int | str], ...] = (
    (r"倒数第([1-9一二两三四五六七八九])(?:个数|个数字|个|列|栏)", -1),
    (r"(?<!倒数)第([1-9一二两三四五六七八九])(?:个数|个数字|列|栏)", 0),
    (r"最后(?:那|一)?个?数|最后(?:那|一)?[列栏]|最右边?(?:那|的)?(?:一?个数|一?[列栏])", -1),
    (r"中间(?:那|的)?一?个?数|中间(?:那|的)?一?[列栏]", MIDDLE),
    (r"头一个数|最左边?(?:那|的)?(?:一?个数|一?[列栏])", 0),
)
# words saying a row of figures was copied from a table ("[21015]…", "这一行")
ROW_PASTED_MARKERS = r"\[\d{3,7}\]|[这那]一?行|里的一行"

# what stands between the levels of a row path written out ("卫生健康支出 > 医疗保障管理事务 > 行政运行",
# "住房保障支出/住房改革支出/住房公积金"): the last level is asked, the ones before say where it is
ROW_PATH_SEPARATOR = r"\s*(?:>|＞|/|／|→|->)\s*"

# words after a quote that ask how the report goes on from it ("“工作亮点有：”后面写的什么")
AFTER_QUOTE_WORDS: tuple[str, ...] = ("后面", "后边", "后头", "之后", "接着", "下文")

# Passage topics a question may ask to see.
PLAN_TOPIC = "工作计划"  # a year's plans are written in the year before's reports (a 2023 自评's 2024年工作重点)
PASSAGE_TOPICS: dict[str, tuple[str, ...]] = {
    "职责": ("主要职责", "部门职能", "职责", "干什么", "做什么", "负责什么", "负责哪些", "负责啥", "管哪些", "职能", "管什么", "管些", "管啥", "都管", "管不管", "归不归"),
    "级别": ("级别", "几级", "处级", "科级", "定位", "序列", "什么性质"),  # a unit's rank: 正处级建制, 正科级行政单位
    "机构设置": ("机构设置", "内设机构", "派出机构", "派出分局", "内设了", "设了分局", "设分局", "有几个分局"),
    "绩效目标": ("绩效目标",),
    "绩效评价": ("绩效评价",),
    "名词解释": ("名词解释",),
    "整改措施": ("整改", "改进措施", "改进意见"),
    "存在问题": ("存在问题", "存在的问题", "发现的问题", "问题及原因", "列出的问题", "问题有哪些", "哪些问题", "什么问题",
             "哪些不足", "什么不足", "啥不足", "不足有哪些"),  # 不足 alone is a bound ("不足3%")
    "自评结论": ("自评结论", "自评等级", "评价等级", "等级"),
    "工作计划": ("工作重点", "工作计划", "下一步", "工作思路", "工作打算"),  # in the year before's reports too
    "预算构成": ("预算构成", "决算单位构成", "单位构成", "下属单位", "由哪几块组成", "哪几块", "组成部分",
             "下面挂着", "挂靠", "所属单位", "下属事业单位", "哪几个单位", "哪些单位", "几个单位"),
}
# how a passage says a topic without naming it: a unit's duties as what its clauses open by saying it
# 承担 or 负责 ("…均为正科级。主要承担辖区内…"), not a project's text naming who 负责 a task ("由…机构负责，")
TOPIC_PRINTED_AS: dict[str, str] = {"职责": r"(?:^|[。；，])(?:主要)?(?:承担|负责|承办)(?![，。；])"}
# topics asked of what a unit is: answered first by a passage opening on that unit ("…局是市政府工作部门")
TOPICS_OF_WHAT_A_UNIT_IS: tuple[str, ...] = ("职责", "级别", "机构设置")

# ---------------------------------------------------------------- questions
# the most one thing can be (最高能报, 最多可以领): a cap asked of it, not a ranking of several, and
# answered by a figure its report states as a cap
CAP_ASKED = r"最[高多](?=能|可以|可)"
CAP_WORDS: tuple[str, ...] = ("最高", "最多", "限额", "上限", "封顶", "不超过", "以内")
# one figure taken from another ("收入减去支出", "三公经费扣掉公务接待费"): the two compared, their difference
SUBTRACTING_WORDS: tuple[str, ...] = ("减去", "减掉", "扣掉", "扣除", "去掉", "刨去", "刨掉", "刨除", "除掉")
# Question words that decide what kind of answer is wanted, checked in this order.
INTENT_WORDS: dict[str, tuple[str, ...]] = {
    "share": ("占比", "比重", "比例", "占多少", "占总", "占支出", "占收入", "占三公", "占了", "百分之几", "所占", "几成"),
    "change": ("比上年", "同比", "上年", "去年", "增加了", "减少了", "增长了", "下降了", "涨了", "降了", "跌了",
               "增减", "变化", "增长率", "降幅", "增幅", "涨幅", "跌幅", "增加多少", "减少多少", "增长多少", "下降多少",
               "比年初", "较年初", "环比"),
    "rank": ("排名", "排序", "排个名", "排个序", "排下名", "排下序", "最多", "最高", "最少", "最低", "最省", "最大", "最小", "谁多", "谁少", "从高到低", "从低到高",
             "从多到少", "从少到多", "从大到小", "从小到大", "由高到低", "由多到少",
             "排第一", "排在第一", "排头", "第一名", "前三", "前五", "前几名", "前几项", "排前", "垫底", "倒数第一",
             "按金额排", "按数额排", "按大小排", "按多少排", "按城市排", "按地区排", "按地方排"),
    "compare": ("比较", "对比", "相比", "比一比", "差多少", "差了多少", "相差多少", "多多少", "少多少", "高多少", "低多少", "哪个多",
                "哪个高", "差额", "差距", "和", "与", "跟", "vs", "VS", "还是", "还多", "还少", "还高", "还低",
                "更多", "更少", "谁多", "谁少", "谁高", "谁低", "谁大", "谁小", "哪个大", "哪个小", "哪个少", "哪个低",
                "花得多", "花得少", "花的多", "花的少", *SUBTRACTING_WORDS),
    "definition": ("什么是", "是什么意思", "指什么", "含义", "定义", "包括哪些", "包括什么", "是指", "啥意思", "指的是", "指哪", "的解释",
                   "口径是什么", "什么口径", "口径怎么", "口径是怎", "口径怎样", "口径如何", "口径是啥", "啥口径"),
    # (not 财政拨款口径, a scope said)
}
# the start and the end of the report's year: a change between them is the difference of two rows
# (年初结转和结余, 年末结转和结余), not one against last year
YEAR_START, YEAR_END = "年初", "年末"
# which of two rates is the faster ("哪个增长得更快", "谁涨得快")
FASTER_ASKED = r"更快|更慢|快些|快一些|得快|得慢|幅度更大|幅度大"
# which of two things is more, with words between ("哪个项目钱多", "哪一笔更高"); not 哪个多少
# which one of the things a sentence lists ranks so ("哪一类数量最多", "哪一项人次最多")
WHICH_RANKED = r"哪一?[项类种个样笔块][^，,。？?]{0,8}?(?:最|排第)"
WHICH_IS_MORE = (r"哪(?:个|一个|项|一项|笔|一笔|家|边|类|样)[\u4e00-\u9fff]{0,4}?(?:多|高|大|少|低|小)(?!少)"
                 r"|比(?!例|重|率|较)[\u4e00-\u9fff]{2,30}?(?:多|高|大|(?<!多)少|低|小)(?:吗|嘛|么|不|没|呢|[？?]|$)")
# (the second: "A是不是比B多", "A比B高吗"; not "比年初预算少了多少")
# words that ask which table prints something: the table is the answer
TABLE_ASKED_WORDS: tuple[str, ...] = ("表叫什么", "表的名称", "哪张表", "哪个表", "哪一张表", "哪张报表", "哪个报表", "什么表", "表名", "哪一个表")
# the report's parts asked ("第三部分是什么内容", "分几个部分"): its outline; the part's number is group 1
PART_ASKED = r"第([一二三四五六七八九十\d])部分|几个?部分|哪些部分|哪几个?部分|有什么部分"
# which part of a report tells of something ("政府采购情况在第几部分讲的"): the heading that holds it
PART_WHERE = (r"第几部分|(?:在|是|于)[^，,。？?]{0,8}?哪一?个?部分(?![^，,。？?里中])"  # "在预算说明哪部分？"
              r"|哪一?个?部分(?:里|中)?(?:讲|写|说|提|介绍|有)")  # not "哪部分支出最多"
# the words of such a question that ask where, not what: no heading is chosen by them
PART_WORDS: tuple[str, ...] = ("第几部分", "一部分", "部分", "讲的", "写的", "说的", "讲", "写")
# the words asking what a part holds, of the part itself ("第三部分主要讲了什么内容"): nothing in it is asked
PART_CONTENT_WORDS: tuple[str, ...] = ("内容", "主要", "说了", "讲了", "写了", "介绍", "包括", "里面", "里")
# how many tables a report has ("部门预算表一共有几张表"): its tables listed
TABLE_COUNT_WORDS: tuple[str, ...] = ("几张表", "多少张表", "几个表", "多少个表", "几张报表", "多少张报表", "表有几张",
                                      "表有多少张", "几张表格", "多少张表格", "表共有几张", "表共几张", "表共有多少张")
# words that ask how figures already asked compare, naming nothing of their own ("…各多少，差了多少倍")
HOW_THEY_COMPARE: tuple[str, ...] = ("差很多", "差得多", "差不少", "差太多", "差这么多", "差距很大", "差距大", "差", "相差", "倍", "差距", "差额", "悬殊", "一样", "相同", "一致", "相等", "对得上",
                                     "相抵", "相抵结余", *SUBTRACTING_WORDS)  # 收支相抵还剩: 还剩 is read as 结余
# the two classifications of spending each report prints a table by ("按经济分类科目"): said, they choose the table
CLASSIFICATION_WORDS: tuple[str, ...] = ("经济分类", "功能分类")
# the first digit of a row's code in each: 功能分类 2101501 行政运行, 经济分类 30113 住房公积金 (政府预算 5…)
CLASSIFICATION_CODE_STARTS: dict[str, str] = {"功能": "2", "经济": "35"}
# words asking for the finest rows of a table, not the rows one level under a total ("明细科目里最大的一项")
DETAIL_WORDS: tuple[str, ...] = ("明细", "细项", "具体科目", "款级", "项级", "最细")
# words asking for a figure's parts ("三公经费拆开看分别多少"): the parts its table lists under it
BREAKDOWN_WORDS: tuple[str, ...] = ("拆开", "构成", "明细", "分项", "细分", "由哪些", "包括哪几项", "各项", "哪几项", "哪些项", "还有哪", "剩下哪", "剩下的", "其余的")
# a telephone number in a question ("打了0759-2345678没人接"): no code, sum or year of a report
PHONE_NUMBER = r"(?<![\d.])(?:0\d{2,3}[-－—\s]?\d{7,8}|1[3-9]\d{9})(?![\d.])"
# words of a clause that tells what the asker heard, saw or did ("3月份新闻说…", "昨天打电话问过"): a time or
# number in it is when that was, not what is asked
TELLING_WORDS: tuple[str, ...] = ("新闻", "报道", "听说", "听人说", "据说", "看到", "看了", "打了", "打电话", "岁")
# A figure asked per month, person or day, and the words by which a report would state one so;
# the reports print yearly totals, which are not the answer (the answer says so and shows them).
PER_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "月": ("每个月", "每月", "月均", "平均每月", "一个月", "当月"),
    "人": ("每人", "人均", "每个人", "平均每人"),
    "天": ("每天", "日均", "一天"),
    # each case or institution on its own: the reports print their totals, no list of them
    "宗": ("每一宗", "每宗", "每一起", "每起", "每个案件", "每件案件"),
    "家": ("每一家", "每家"),
    "辆": ("每辆", "每一辆", "单车"),  # a vehicle's own cost: the reports print the fleet's
    "次": ("次均", "平均每次", "每次平均"),  # a visit's average cost: the reports print totals (not 每次去都排队)
}
# a part of the year asked for ("12月份单月", "第三季度", "上半年", "11月和12月各", "11-12月"): the reports state
# the year's figures, and a figure of a part only where their words name that part (months from January,
# 1-10月, are a figure counted to a month: answer.MONTH_AS_OF)
MONTHS_DASH = r"\s*[-—–~至到]\s*"  # between the first and last month of a range (7-12月, 7至12月, 7到12月)
PERIOD_ASKED = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份|第?[一二三四1-4]季度|[上下]半年" \
               rf"|(?<![\d.\-—–~])\d{{1,2}}月(?=[和与、及跟]\d{{1,2}}月)|(?<![\d.])(?:[2-9]|1[0-2]){MONTHS_DASH}\d{{1,2}}月"
# the months a half of the year is printed as ("2023年7-12月已发布了6期" is the 下半年's)
PERIOD_MONTHS: dict[str, str] = {"上半年": "1-6月", "下半年": "7-12月"}
# a ranking asked from the least ("哪个局三公最省")
ASCENDING_WORDS: tuple[str, ...] = ("最少", "最低", "最省", "最小", "从低到高", "从少到多", "从小到大", "垫底", "倒数第一")
# words asking which place or unit, without saying by what ("哪个城市…最多" ranks; "委托哪家" does not)
WHICH_PLACE_WORDS: tuple[str, ...] = ("哪个城市", "哪个市", "哪家", "哪个局", "哪个地方", "各市", "哪里")
# what a ranking within one report ranks: the word after 哪个/单个/哪家 ("哪个项目最多": the projects of its
# project table, "哪个单位基本支出最多": the units of the table listing them); any other word ranks the
# named item's parts in its table ("工资福利支出里哪一项最多")
RANK_GROUPS: dict[str, str] = {"项目": "project", "单位": "unit", "分局": "unit", "区分局": "unit", "中心": "unit",
                               "家": "unit", "部门": "unit"}
GROUP_COUNTED = r"[两三四五六七八九十\d][个家](区分局|分局|单位|项目|中心)"  # "三个区分局", "三家单位"
RANK_GROUP_PATTERNS: tuple[str, ...] = (  # the first that matches says it
    r"(?:哪个|哪一个|哪|单个|各个|每个|各)(?:区|县)?(?:医保|医疗保障)?(?:具体的?)?(区分局|项目|单位|分局|中心|家|部门)",  # 各县医保分局, 哪个具体项目
    r"(项目|单位|分局)(?:里|中|当中|里面|里头)[^。？]*?(?:哪|最)",
    r"(项目)支出(?:里|中|当中|里面|里头)[^。？]*?哪一?[项笔]",  # "项目支出里金额最大的是哪一项": the projects
    GROUP_COUNTED,  # "三个区分局…哪个最少"
    r"(?:最大|最多|最高|最小|最少|最低)的(?:那|这)?一?个?(项目|单位|分局)",  # "金额最大的那个项目"
)
# units of one kind a ranking is asked among, by the word their names hold ("三个区分局": the 分局s)
RANK_UNIT_KINDS: dict[str, str] = {"区分局": "分局", "分局": "分局", "中心": "中心"}
PLACE_PREFIX = r"^[\u4e00-\u9fff]{2,3}?[省市区县]"  # 江门市 in 江门市医疗保障事业管理中心
PROJECT_TABLE_WORD = "项目"  # the table whose rows are projects has it in its title (项目支出…预算表)
# a sum asked of the things listed ("A和B各多少，合计多少", "三项加起来是不是542.07", "A加上B等于C吗")
SUMMING_WORDS: tuple[str, ...] = ("加起来", "合起来", "加在一起", "合在一起", "加总", "之和", "总和")  # no row's name ends so
SUM_WORDS: tuple[str, ...] = ("合计", "总共", "一共", "共计", "总计", "合共") + SUMMING_WORDS  # said after two things joined: of both
TOTAL_ASKED = (rf"(?:{'|'.join(SUM_WORDS)})(?:是|为|有)?(?:多少|几|是不是|等不等于|等于|对不对|对吗)"
               r"|(?:加起来|合起来|加在一起|合在一起)(?:的|呢|了?吗)?[？?]?$"  # "…各多少？两项加起来呢？", "X多少，A、B那些加起来的"
               r"|(?:(?<![增追参附叠])加上?[^。？?]{1,30}?|加起来[，,]?)(?:是否|是不是)?(?:正好|刚好|恰好)?(?:等于|等不等于)"  # "A加上B，是否正好等于C"
               r"|加起来[，,]?(?:(?:跟|与|和)[^。？?]{2,30}?)?对得上"  # "A和B加起来，跟C对得上吗", "…加起来对得上合计吗"
               r"|(?:小计|合计|总计)[，,]?(?:是否|是不是)(?:正好|刚好|恰好)?等于"  # "小计，是否等于A加B"
               r"|(?:(?<![\u4e00-\u9fff])|(?<=的))(?:小计|合计|总计)(?=[、和及与跟][^。？?]{2,30}?(?:各|分别))"  # "合计、A、B各多少"
               r"|[、和及与跟](?:小计|合计|总计)(?=[^。？?\u4e00-\u9fff]*(?:各|分别))")  # "A、B和合计分别多少"
# whether the item named ranks first ("医疗费补助是多少，是不是全表最大的一项"): it, among its table's rows at its level
TOP_CHECKED = r"(?:是不是|是否|是)(?:全表|表中|表里|其中|里面|当中|全部)?(?:最大|最多|最高|最小|最少|最低)|(?:最大|最多|最高|最小|最少|最低)的吗"
# a place in an order asked ("金额排第二大的是哪一项", "第三多"): that item, the ranking beside it
TOP_ASKED = r"最|第一"  # the first place asked too ("谁最多，谁排第二"): the ranking's own order answers
ORDINAL_ASKED = (r"第([二三四五六七八九十]|\d{1,2})(?:大|多|高|名|位)"
                 r"|(?:(?<=排)|(?<=排在))第([二三四五六七八九十]|\d{1,2})")  # "排第二的是哪块"
# words asking for each of several things named
EACH_WORDS: tuple[str, ...] = ("分别", "各是", "各为", "各有", "各多少", "各自",
                               "各列", "各安排", "各花", "各编", "各拨", "各支出",  # 各 and the verb before 多少
                               "都有", "都算上", "都加上")  # "基本支出和项目支出里是不是都有", "…都算上": each
EACH_CHANGED = r"各自?(?:增长|下降|增加|减少|变动|变化|涨|降|怎么变|如何变|有什么变化|有何变化)"  # "A和B各增长百分之几": each one's change
# money said in everyday words ("办医保卡的钱", "多少块"): a word no report prints, said by the sum's unit
MONEY_SAID = r"钱|块"
AMOUNT_WORDS: tuple[str, ...] = ("多少", "金额", "几", "数额", "数字", "花了", "安排了", "预算数", "决算数",
                                 "万元", "总额", "人数", "数量")
# whether an amount passes a bound ("是不是超过了10亿", "有没有突破"): the amount is asked
BOUND_VERBS = "超过|超出|高于|低于|少于|多于|不到|不足|突破"  # a bound put on a figure
THRESHOLD_ASKED = rf"(?:是不是|是否|有没有|有无)(?:{BOUND_VERBS})|超没超过|过没过"
# and said as reaching it, or being it ("上没上700万", "到没到100万", "够不够150万", "是不是刚好700万")
THRESHOLD_ASKED += r"|(?:([上到过够])没\1|够不够)(?=\s|\d|$)|(?:是不是|是否)(?:刚好|正好|恰好|整整)"  # (the sum may be blanked)
# a figure a sentence states only as a bound ("满意度超过80%"): no exact value, when one is asked for
BOUND_STATED = rf"(?:{BOUND_VERBS}|不低于|不少于|不高于|不超过|逾|约|大约|近)"
ROUGH_AFTER = r"(?:余|多)?\s*{unit}?\s*(?:以上|以下|左右|上下)|(?:余|多)\s*{unit}?"  # "50000余人", "160个以上", "90%以上"
EXACT_ASKED: tuple[str, ...] = ("具体", "准确", "确切", "精确", "精准")
# A question about a budget against final accounts: both words, or one of these.
VERSUS_KIND_WORDS: tuple[str, ...] = ("预决算", "预算和决算", "预算与决算", "预算跟决算", "预算执行", "完成预算")
# Columns of a 三公 决算 table (预算数 / 决算数) chosen by the report kind asked.
KIND_COLUMN_GROUPS: dict[str, str] = {"部门预算": "预算数", "部门决算": "决算数"}
# the whole that a part's share is taken of, when the question does not say
SHARE_WHOLES: dict[str, str] = {
    "因公出国（境）费": "三公经费", "公务用车购置及运行维护费": "三公经费", "公务接待费": "三公经费",
    "公务用车购置费": "公务用车购置及运行维护费", "公务用车运行维护费": "公务用车购置及运行维护费",
}
DEFAULT_SHARE_WHOLE = "支出合计"
# items stated as a column of the total row (合计) rather than as a row
COLUMN_ITEMS: dict[str, tuple[str, ...]] = {
    "基本支出": ("基本支出",), "项目支出": ("项目支出",),
}
# an expense of the economic classification (办公费, 公务接待费), which 基本支出 and 项目支出 both list,
# ends so; a sum of such expenses (人员经费, 三公经费, 机关运行经费) ends with the second
EXPENSE_ENDING, EXPENSE_SUM_ENDING = "费", "经费"

# fund sources: with another subject they say which part of it ("一般公共预算基本支出")
FUND_ITEMS: tuple[str, ...] = ("一般公共预算", "政府性基金", "财政拨款")
COLUMN_QUALIFIER: dict[str, str] = {"政府性基金": "政府性基金预算"}
# compound words that contain 预算/决算 without naming a report kind; how a budget was carried out
# (完成预算, 预算执行) is told by the final accounts, which print both
KIND_NEUTRAL_WORDS: tuple[str, ...] = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "预算拨款", "预决算",
                                       "预算数", "决算数", "预算金额", "决算金额", "预算完成", "完成预算", "预算执行",
                                       "执行预算")
# words of a question that point at one table rather than another holding the same row
TABLE_HINT_WORDS: tuple[str, ...] = ("支出", "收入", "基本支出", "项目支出", "经济分类", "功能分类", "财政拨款",
                                     "一般公共预算", "政府性基金", "国有资本")
# items whose row is found in one kind of table: (words of the table title, row name)
ITEM_TABLE_ROWS: dict[str, tuple[tuple[str, str], ...]] = {
    "财政拨款": (("财政拨款收", "本年收入合计"),),
}
# words before 医保局 that are not a place ("哪个医保局", "本市医保局")
NOT_PLACES: tuple[str, ...] = ("哪个", "哪家", "各个", "各市", "全市", "本市", "我市", "该市", "这个", "那个", "市级",
                               "省级", "各级", "本级", "广东省", "请问", "问下", "当地", "本地", "所在", "我们",
                               "你们", "他们")
# how many of the places held pass a bound ("有几家公务接待费超过3万", "超过100万元的有几个城市"): the
# places ranked, and those past the bound counted; the words of the bound, each with its direction
PLACES_COUNTED = r"(?:有|共有|一共有|是)(?:几|多少)(?:家|个(?:城市|地方|市)?)|(?:几|多少)家"
BOUND_WORDS: dict[str, str] = {"超过": ">", "高于": ">", "多于": ">", "大于": ">", "不止": ">",
                               "不到": "<", "低于": "<", "少于": "<", "不足": "<", "小于": "<"}
# and said after it ("在3辆以上的有几家"), the bound itself included
BOUND_AFTER_WORDS: dict[str, str] = {"及以上": ">=", "或以上": ">=", "以上": ">=", "及以下": "<=", "或以下": "<=", "以下": "<="}
# words before 医保局 that count or gather several ("各家医保局", "四个城市医保局", "所有报告里各家"): no place's name
SEVERAL_UNITS = r"[各每几]|所有|全部|报告|城市|[一二两三四五六七八九十\d][个家份座]"

# ---------------------------------------------------------------- the evidence ranker
# Everyday words for the reports' own words. The question is read with the report's word in
# place of the everyday one, so that matching and retrieval see the words the reports print.
QUERY_SYNONYMS: dict[str, str] = {
    "功能大类": "功能分类", "功能科目": "功能分类", "经济大类": "经济分类", "经济科目": "经济分类",
    "内设科室": "内设机构", "内设处室": "内设机构", "内设股室": "内设机构", "科室": "内设机构", "处室": "内设机构", "内设部门": "内设机构", "内部机构": "内设机构",
    "短板": "存在问题", "不足之处": "存在问题", "毛病": "存在问题", "不够好的地方": "存在问题", "没做好的地方": "存在问题",
    "做得不好的地方": "存在问题", "哪里不好": "存在问题",
    "接下来怎么干": "下一步工作", "接下来": "下一步", "今后": "下一步", "打算怎么": "下一步",
    "主要花在哪": "主要用于", "花在哪": "主要用于", "钱用在": "主要用于", "用在哪": "主要用于", "干什么用": "主要用于",
    "股室": "内设机构",
    # the two parts of the spending in everyday words ("日常经费和项目经费里各多少"); not 医保政策研究项目经费, a project
    "日常经费": "基本支出", "日常运转经费": "基本支出", "日常开支": "基本支出", "项目经费里": "项目支出里",
    "项目经费中": "项目支出中", "项目经费和": "项目支出和", "项目的钱": "项目支出", "项目上的钱": "项目支出",
    "机关本身": "局本级", "机关本级": "局本级",  # the department's own level, not its units (not 局机关: 医保局机关运行经费)
    "经济科目": "经济分类科目",  # the classification said by its 科目 (功能科目 is said of 表3 too)
    "收支相抵": "收入和支出相抵",  # income less spending: two figures and their difference
    "一共": "共", "总共": "共", "合共": "共", "盘子": "总额", "总盘子": "总额",
    "最多能报": "最高支付", "最多报": "最高支付", "最多能报销": "最高支付", "能报多少": "报销多少",
    "从无到有": "增加", "从零到有": "增加",  # a sum new this year: its increase on last year's nothing
    "暴涨": "增长", "暴增": "增长", "猛增": "增长", "大涨": "增长", "飙升": "增长", "猛涨": "增长", "骤降": "下降", "暴跌": "下降",
    "压减": "减少", "压缩": "减少", "削减": "减少", "缩减": "减少", "包含": "包括",
    "比上年多了": "比上年增加", "比上年少了": "比上年减少", "比去年多了": "比上年增加", "比去年少了": "比上年减少",
    "同比": "比上年", "比去年": "比上年", "较去年": "比上年", "上一年": "上年", "比前一年": "比上年",
    "请客吃饭": "公务接待", "招待客人": "公务接待", "坐飞机出国": "因公出国",
    "买房子": "购房", "买房": "购房", "买车": "公务用车购置", "买公车": "公务用车购置", "买公务车": "公务用车购置", "公车的": "公车", "添置": "购置", "置办": "购置", "养车": "公务用车运行维护费", "养公车": "公务用车运行维护费", "买新车": "公务用车购置", "购车": "公务用车购置",
    "油钱": "公务用车运行维护费", "修车": "公务用车运行维护费",
    "交工会": "工会经费",
    # "给干部出差报销的钱", "办公场所用电的钱"; not 出差 alone: 基本支出差旅费 holds it
    "出差报销": "差旅费报销", "出差的钱": "差旅费", "出差费": "差旅费", "出差花": "差旅费花",
    # the economic classes and the year's carry-overs in everyday words
    "花在人身上的钱": "人员经费", "养人的钱": "人员经费", "人头费": "人员经费", "办公运转的钱": "公用经费",
    "机关运转": "机关运行", "基本开支": "基本支出", "结转下来的钱": "结转和结余", "剩下没花完的钱": "结转和结余",
    "没花完的钱": "结转和结余",
    "收进来的钱": "收入", "收进的钱": "收入", "花出去的钱": "支出", "花掉的钱": "支出", "支出去的钱": "支出",
    "用电的钱": "电费", "用电花": "电费花", "用水的钱": "水费", "用水花": "水费花",
    "咋": "怎么", "啥": "什么", "为数几何": "多少", "若干": "多少",  # 文言: "收入为数几何", "开展了若干次"
    "高不高": "多少", "多不多": "多少", "几个钱": "多少钱", "省了多少": "节约了多少", "省下多少": "节约了多少",
    "节省了多少": "节约了多少", "省下了多少": "节约了多少",
    "下面有什么事业单位": "有哪些下属事业单位", "下面有哪些事业单位": "有哪些下属事业单位", "底下有什么事业单位": "有哪些下属事业单位",
    "下面有什么单位": "有哪些下属单位", "下面有哪些单位": "有哪些下属单位", "底下有什么单位": "有哪些下属单位",
    "下面管着": "下属", "底下管着": "下属", "下面管的": "下属的", "底下管的": "下属的", "手下管着": "下属",
    "编制数": "编制", "参保的": "参保", "年底": "年末", "还剩": "结余", "攒下来的老本": "结余", "攒下来的钱": "结余", "攒下来的": "结余", "攒下的": "结余", "老本": "结余",
    "够支付几个月": "可支配月数", "够付几个月": "可支配月数", "够用几个月": "可支配月数", "能撑几个月": "可支配月数", "能支付几个月": "可支配月数", "可支付月数": "可支配月数",
    "长护险": "长期护理保险", "社保": "社会保障", "集采": "集中采购", "政采": "政府采购", "调价": "价格调整",
    "政务服务中心": "行政服务中心", "政务服务大厅": "行政服务中心", "政务大厅": "行政服务中心", "政务中心": "行政服务中心",
    "依据": "根据",  # a basis: 根据《…》
    "太挤": "狭窄", "拥挤": "狭窄", "挤": "狭窄", "地方小": "场地狭窄", "地方太小": "场地狭窄",  # a hall too small
    "办事大厅": "经办服务大厅", "服务大厅": "经办服务大厅",
    "搬进": "进驻", "搬到": "进驻", "地址": "位于", "哪个位置": "位于", "什么位置": "位于", "位置在哪": "位于",
    "在哪办公": "办公场所", "在哪里办公": "办公场所", "办公地方": "办公场所", "办公的地方": "办公场所", "办公地点": "办公场所",
    "多少米": "多少钱",  # net slang: 米 for money
    "大概占": "占", "大约占": "占", "差不多占": "占", "大致占": "占",  # a share hedged is a share
    "只占": "占", "仅占": "占", "才占": "占", "就占": "占", "竟占": "占",  # or weighed
    "收大于支还是支大于收": "收入和支出各多少，哪个多", "支大于收还是收大于支": "收入和支出各多少，哪个多",
    # a fund's balance said as a verdict ("是不是收不抵支"): its two sides, weighed
    "收不抵支": "收入和支出哪个多", "入不敷出": "收入和支出哪个多", "收大于支": "收入和支出哪个多",
    "支大于收": "收入和支出哪个多", "收支平衡": "收入和支出哪个多",
    "收进来的": "收入", "收进来": "收入", "花出去的": "支出", "花出去": "支出",  # "收进来的多还是花出去的多"
    "收支总额": "收入总计", "收支总规模": "收入总计",  # the 收支总表's 总计 row: its income and spending sides are equal
    "收比支": "收入比支出", "支比收": "支出比收入", "收支分别": "收入和支出分别", "收支各": "收入和支出各",
    "生孩子": "生育", "生小孩": "生育", "一个人一年": "每人每年", "一人一年": "每人每年", "每个人每年": "每人每年", "刚出生的宝宝": "新生儿", "宝宝": "新生儿", "婴儿": "新生儿", "把关": "审核", "房子": "房屋", "外包": "委托第三方", "镇里": "乡镇", "镇上": "乡镇", "镇街": "乡镇", "乡下": "乡镇", "事业编": "事业编制", "行政编": "行政编制", "管啥": "管什么",
}
# a short form people say for words the reports write apart ("参保" for "参加了我市基本医疗保险"): the
# report's words, each found anywhere in a unit's field, stand for the short form (" " separates them)
SPELLED_APART: dict[str, tuple[str, ...]] = {
    "参保": ("参加 医疗保险",),
    "级别": ("正厅级", "正处级", "副处级", "正科级", "副科级", "正股级"),  # what rank a unit is, as printed
}
# English words of the reports' terms, as people mixing languages type them ("Wuchuan 2024 office
# expenses 办公费 how much"); longest first, case ignored, each read as the report's word
ENGLISH_TERMS: dict[str, str] = {
    "medical insurance bureau": "医保局", "medical security bureau": "医保局", "healthcare security bureau": "医保局",
    "medical insurance": "医保", "department budget": "部门预算", "budget": "预算", "final accounts": "决算",
    "final account": "决算", "self-evaluation": "绩效自评", "self evaluation": "绩效自评",
    "self-assessment": "绩效自评", "self assessment": "绩效自评", "problems": "存在问题", "problem": "存在问题",
    "issues": "存在问题", "shortcomings": "存在问题", "next steps": "下一步工作", "next step": "下一步工作",
    "project expenditures": "项目支出", "project expenditure": "项目支出", "project spending": "项目支出",
    "basic expenditures": "基本支出", "basic expenditure": "基本支出", "expenditure": "支出", "spending": "支出",
    "revenue": "收入", "income": "收入", "office expenses": "办公费", "office expense": "办公费",
    "travel expenses": "差旅费", "training": "培训费", "meeting expenses": "会议费", "official reception": "公务接待费",
    "official car purchase": "公务用车购置", "official car operation": "公务用车运行维护费",
    "official cars": "公务用车", "official car": "公务用车", "three public expenses": "三公经费",
    "vehicles": "车辆", "vehicle": "车辆", "cars": "车辆", "car": "车辆", "houses": "房屋", "buildings": "房屋",
    "government procurement": "政府采购", "fixed assets": "固定资产", "administrative staff posts": "行政编制",
    "administrative staff": "行政编制", "staff posts": "编制", "performance targets": "绩效目标",
    "performance target": "绩效目标", "performance goals": "绩效目标", "coverage": "覆盖率", "year end": "年底",
    "how much": "多少", "how many": "多少", "each": "各", "versus": "和", "vs.": "和", "vs": "和", "why": "为什么",
    "higher": "高", "lower": "低", "more": "多", "less": "少", "bigger": "大",
    "larger": "大", "smaller": "小",
    "percent": "百分点",  # "增长咗几多个percent": how many points, a rate
    "increase percentage": "增长率", "growth rate": "增长率", "increase rate": "增长率", "growth": "增长",
    "increase": "增长", "decrease percentage": "下降率", "decrease": "下降", "decline": "下降",  # a change, not a share
    "go down": "减少", "goes down": "减少", "went down": "减少", "go up": "增加", "goes up": "增加", "went up": "增加",
    "every year": "逐年", "year by year": "逐年", "people number": "人数", "number of people": "人数",
    "definition": "定义", "defined": "定义", "meaning": "含义", "glossary": "名词解释",
    "floor area": "面积", "square meters": "平方米", "square metres": "平方米",
    "official receptions": "公务接待费", "official reception expenses": "公务接待费",
    "how many people": "多少人", "10,000 persons": "万人", "10,000 people": "万人", "10000 persons": "万人",
    "basic medical insurance": "基本医疗保险", "enrolled in": "参加", "enrolled": "参加",
    "main responsibilities": "主要职责", "responsibilities": "职责", "duties": "职责", "functions": "职能",
    "key work priorities": "工作重点", "work priorities": "工作重点", "priorities": "工作重点", "key tasks": "重点工作",
    "report": "报告", "compare": "比较", "compared with": "比", "and": "和", "'s": "的", "hold": "有", "have": "有",
    "fund": "基金", "total": "合计", "proportion": "比例", "percentage": "比例", "ratio": "比例", "share of": "占",
    # places whose English name is no pinyin (the gazetteer's pinyin reads Guangzhou, Jiangmen ...)
    "hong kong": "香港", "hongkong": "香港", "macau": "澳门", "macao": "澳门", "canton": "广州",
}
# of those, the words that only join or point (and, 's, have): read, but not worth telling the asker
ENGLISH_JOINING_WORDS: tuple[str, ...] = ("and", "'s", "have", "hold", "compare", "compared with", "report")
# dates said in English ("end of 2022", "Jan 2024"), read as the reports say them
ENGLISH_MONTHS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# words people may type in pinyin, besides places and items (yibao -> 医保)
PINYIN_TERMS: tuple[str, ...] = ("医保", "医保局", "预算", "决算", "绩效", "自评", "三公经费", "政府", "公务", "采购",
                                 "接待", "经费", "支出", "收入", "工资", "编制")
# the words of a question typed wholly in pinyin that the reports' words do not spell ("duoshao", "nian")
PINYIN_FUNCTION_WORDS: tuple[str, ...] = (
    "多少", "年", "了", "里", "是", "的", "和", "各", "比", "差", "多", "少", "几", "有", "占", "万", "亿", "元",
    "上年", "去年", "增长", "增加", "减少", "下降", "安排", "预计", "分别", "什么", "为什么", "哪个", "多少钱")
# words that only pad a subject's name ("住房保障方面的支出" is 住房保障支出): read without them
PADDING_WORDS: tuple[str, ...] = ("方面的", "方面", "这一块的", "这一块", "这块的", "这块", "那一块的", "那一块", "那块的",
                                  "那块", "名下的", "名下")
# the class of a figure's unit; units not listed are counts
UNIT_CLASSES: dict[str, str] = {"万元": "money", "亿元": "money", "元": "money", "%": "percent",
                                "平方米": "area", "㎡": "area", "个月": "months", "分": "score"}
# a room or a building asked how big ("大厅有多大"): its area
SIZE_ASKED = r"(?:大厅|场地|用房|房子|房屋|办公室|档案室|办公场所)(?:到底|究竟)?(?:有)?多大"
# question words that ask for one class of figure, checked in this order
ASKED_CLASS_WORDS: dict[str, tuple[str, ...]] = {
    "percent": ("百分之几", "几成", "百分比", "百分之多少", "多少%", "百分点", "占比", "比重", "比例", "增长率", "增幅", "降幅", "涨幅", "跌幅",
                "增长了几", "下降了几", "率是", "率多少", "率为", "率有", "率达", "多少个点", "几个点"),
    "area": ("面积", "平方米", "平方", "多少平", "几平"),
    "months": ("几个月", "多少个月", "月数"),
    "score": ("多少分", "几分", "得分", "分数", "评分", "打分"),
    "count": COUNT_WORDS + ("几名", "多少名", "几人", "多少件", "几件", "几份", "多少所", "几所"),
    "money": ("多少钱", "万元", "亿元", "多少亿", "几亿", "多少万", "金额", "花了", "花费", "几块钱", "多少预算", "多少经费", "多少资金"),
}
# a question whether a thing covers another ("全额资助的对象包不包括孤儿"): the passage that lists what it covers
INCLUSION_ASKED: tuple[str, ...] = ("包不包括", "包括不包括", "包括没有", "有没有包括", "是否包括", "包不包含", "是否包含",
                                    "含不含", "算不算在")
# words of a question that asks for words, not a figure, even when it names a row
# a clause asking only how the report words what another sentence asks the amount of ("有多少固定资产？
# 预算说明里怎么写的"): the figure answers both, quoted with its line
WORDING_ASKED: tuple[str, ...] = ("怎么写的", "怎么写", "怎样写", "如何写", "怎么说的", "怎么说", "怎么讲的", "怎么讲",
                                  "怎么表述", "如何表述", "原文是什么", "原文怎么")
PASSAGE_QUESTION_WORDS: tuple[str, ...] = ("什么性质", "主要用于", "哪些", "什么样", "怎么", "如何", "是什么", "有什么",
                                            "哪几", "哪两", "哪三", "哪四", "哪五", "叫什么", "名称", "名字", "分别是", "买什么", "做什么", "干什么")
# "哪几个科室" asks for names, not a count: these words are no count word
NAMES_NOT_COUNT: tuple[str, ...] = ("哪几", "那几", "这几", "几级",  # which ones, "those few", a rank: not how many
                                    "几月份", "几月", "几号")  # nor a date: the sentence that dates it answers
# several reports or places said as where to look, not counted ("几份报告里的办公费", "几个城市医保局的"): 有几家 asks
SEVERAL_SAID = r"(?<![有是共])几(?=[份个家](?:报告|城市|地方|医保局|医疗保障局))"
# the words asking for a list to be shown ("内设的几个科室原文列一下"): its names, not how many
LIST_SHOWN: tuple[str, ...] = ("列一下", "列下", "列出", "列举", "罗列", "一一列")
# words right before a figure that make it a target, not a result ("参保人数≥200万人"), and the
# words of a question that asks for targets
TARGET_MARKERS: tuple[str, ...] = ("≥", "≤", ">", "<", "不低于", "不少于", "不超过", "不高于", "控制在", "力争")
TARGET_AFTER_WORDS: tuple[str, ...] = ("指标", "目标值")  # after the number: "4次/年指标实现情况"
TARGET_QUESTION_WORDS: tuple[str, ...] = ("目标", "指标", "计划", "要求", "至少",  # and a floor or cap asked as such
                                          *(m for m in TARGET_MARKERS if len(m) > 1))  # ("按不低于百分之几")
# the words asking a target or its result of a thing named before ("…指标的目标值是多少？实际做到多少？")
TARGET_OR_RESULT = r"实际|目标值?|指标值?|计划|做到了?|完成了?|达到了?|又|呢"
# a result asked for, not the target (≥60%): "实际达到了百分之多少"
ACTUAL_ASKED_WORDS: tuple[str, ...] = ("实际达到", "实际完成", "实际是", "实际有", "实际上", "真实")
# a result asked by how it was reached (实际做到了, 实际完成): the reports state results in their own verbs
# (优化至, 增至), so these words are no words to look for
RESULT_ASKED = r"实际上?(?:做到|完成|达到|实现)了?"
# words of which a question names one and a unit the other: a table of 支出 does not answer
# about 收入, whatever else they share
OPPOSED_WORDS: tuple[tuple[str, str], ...] = (("收入", "支出"), ("基本支出", "项目支出"))
# a pair said as one word (收支对比，收入和支出各多少): each side asked apart says it better
PAIRS_SAID_AS_ONE: dict[str, tuple[str, str]] = {"收支": ("收入", "支出")}
WHOLE_SPENDING = "整体支出"  # 部门整体支出绩效自评: a report's name, whose 支出 asks no spending over income
# a measure is not another: a question asking one of a pair is not answered by a figure whose row or
# sentence says only the other (基金结余 is not 基金收入 or 基金支出, nor the reverse; 个人缴费 is no 报销额度)
MEASURES_APART: tuple[tuple[str, str], ...] = (("结余", "收入"), ("结余", "支出"),
                                                # what a person pays in is not what is paid out to them
                                                ("缴费", "报销"), ("缴费", "享受"), ("缴费", "支付"),
                                                # a case filed in advance is not a bill settled (异地就医备案, 直接结算)
                                                ("结算", "备案"),
                                                # a subsidy paid into a fund is not the fund's income
                                                ("收入", "补助"),
                                                # what was saved (集采省了多少钱) is not a fund spent on the work
                                                ("节约", "经费"))
# the fund's books are not the department's (医保基金支出 and 医疗保障局2023年度总支出): opposed in
# the prose only, since every table cell is the department's own money, whatever fund its row names
# (财政对城乡居民基本医疗保险基金的补助, 欺诈骗取医疗保障基金举报奖励金)
FUND_OR_DEPARTMENT: tuple[str, str] = ("基金", "医疗保障局")
# a fund's flow said ("医保基金当期支出", "基金收入"): the fund's books, never a project's budget
FUND_FLOW = r"基金[^，,。？?]{0,4}(?:收入|支出|结余|收支)"
# words that ask how much a figure grew or fell, with or without a change word (增长百分之几)
GROWTH_WORDS: tuple[str, ...] = ("增长", "下降", "涨幅", "增幅", "降幅")
# the reports say a change in money by 增加/减少 and its rate by 增长/下降 ("减少2444.07万元，下降9.4%"):
# "比上年下降多少" asks the rate, unless the amount's words are said too
RATE_WORD_ASKED = r"(?:增长|下降)了?(?:多少|几)"
AMOUNT_WORD_SAID = r"增加|减少|钱|元|金额|数额"
# words saying which way a change went: people say 增加 of what the report calls 减少
DIRECTION_WORDS: tuple[str, ...] = ("增加", "减少", "增长", "下降", "涨", "跌", "降", "增减", "变化", "多了", "少了", "上年少", "去年少", "倍")
# adverbs said just before 多少 ("参保的实际多少人", "到底多少"), which no counted noun is
ADVERBS_BEFORE_AMOUNT: tuple[str, ...] = ("实际上", "实际", "到底", "究竟", "具体", "真正", "一共", "总共", "大概", "大约")
# words that say what a change is measured against
CHANGE_REFERENCES: tuple[str, ...] = ("比上年", "较上年", "同比", "上年", "去年", "这么多", "大幅")
# a question asking why, or where a sum came from: the report's own explanation
REASON_WORDS: tuple[str, ...] = ("为什么", "为何", "原因", "咋回事", "怎么回事", "因为什么", "什么缘故", "怎么来的",
                                 "从哪来", "从哪里来", "哪来的", "哪里来的", "哪儿来的", "理由", "缘由", "缘故",
                                 "是因为", "是由于", "是不是因为", "是不是由于", "变动情况", "变动原因",
                                 "要这么多钱", "花这么多钱", "凭什么", "如何做到", "怎样做到")  # the
# reports explain a change under "主要变动情况："
# how the report explains something: a change or a gap asks its reason ("比上年少，主要是什么情况"),
# anything else its meaning
EXPLAIN_WORDS: tuple[str, ...] = ("怎么解释", "如何解释", "怎样解释", "情况是什么", "作何解释", "怎样说明", "什么情况", "怎么个情况",
                                 "主要是哪些", "哪些开支", "哪些支出", "哪几项", "什么变动", "哪些变动", "啥变动",
                                 "解释是什么", "什么解释", "的解释是", "怎么说明", "如何说明",  # 下降了，主要是哪些开支减少了
                                 "钱去哪了", "钱都去哪了", "钱哪去了", "钱去哪儿了")  # 少了97%，钱去哪了
# after 怎么 (咋 reads as 怎么), what asks why a figure is as it is: 咋多了这么多, 那张表怎么是0
REASON_AFTER_HOW: tuple[str, ...] = ("多了", "少了", "增加", "减少", "涨", "降", "这么", "那么", "是0", "为0", "是零",
                                     "没有", "没了", "对不上", "不一样", "差这么", "冒出", "出现", "多出",
                                     "做到", "省下", "压下", "降下")  # 比上年少了，咋做到的: how it came about
# sections that describe standing duties or structure: they never give the reason for a figure
NOT_REASON_TOPICS: tuple[str, ...] = ("职责", "机构设置", "名词解释")
# a question asking what a sum is for: the passage that says (a project's 绩效目标, 主要用于…)
PURPOSE_WORDS: tuple[str, ...] = ("用途", "用来干", "用来做", "用在什么", "用在哪", "主要用于", "用于什么", "用于哪",
                                  "干什么用", "做什么用", "干啥用", "干嘛用", "有什么用", "拿来干", "拿来做", "拿去干", "干嘛", "搞什么",
                                  "什么效果", "达到什么")
REASON_MARKERS: tuple[str, ...] = ("主要原因", "原因是", "主要是", "主要用于", "增减变动情况", "的主要情况：", "由于", "因为", "主要系",
                                   "主要变动情况", "变动原因", "用于", "主要为", "影响", "不符合")  # 不符合…条件: why not done
# why one asks, said after the question ("…列了多少？想看看县级局怎么编的"), by the asker
ASKER_WORDS = r"^[，,\s]*(?:我们|我|咱们|俺)?(?:就是|主要是|也)?"
MOTIVE_WORDS: tuple[str, ...] = ("想看看", "想看下", "想看一下", "想参考", "想对照", "想对比", "想比较", "想学习",
                                 "想借鉴", "参考一下", "对照一下", "借鉴一下", "好参考", "好对照", "方便对照")
# What an asker says to take back a word just typed and give the right one ("湛江的，哦不对，是江门的",
# "基本支出——说错了，是项目支出"): the word before it is not asked.
RETRACTING_WORDS: tuple[str, ...] = ("不对", "说错了", "打错了", "写错了", "搞错了", "口误", "更正一下", "纠正一下")
# how the right word is introduced after it ("不对，我要的是…")
CORRECTED_INTRO: tuple[str, ...] = ("我要的是", "我问的是", "我想问的是", "我是说", "我只要", "应该是", "是")
# what an asker sets aside before saying what they ask ("不是公务接待，是…", "不要小计，只要…"), and
# the words that then say it
CONTRASTING_WORDS: tuple[str, ...] = ("而不是", "不是", "不要", "并非", "而非")
CONTRASTED_INTRO: tuple[str, ...] = (*CORRECTED_INTRO, "而是", "只要", "我要", "要")
# a remark after the question that says what is asked, not why ("…多少？就是年末结转和结余")
CLARIFYING_WORDS: tuple[str, ...] = ("就是", "也就是", "即", "指", "是指", "我是说", "我说的是", "不是", "不要", "只要",
                                     "包括", "包含", "含", "不含", "不包括", "除了", "单指", "特指", "比如", "例如")
# insurance schemes whose figures the reports state apart, if at all: a figure of the whole 医保
# fund or of another scheme does not answer one asked of these
SCHEMES: dict[str, tuple[str, ...]] = {
    "生育保险": ("生育保险",),
    "长期护理保险": ("长期护理保险", "长护险"),
    "大病保险": ("大病保险",),
    "工伤保险": ("工伤保险",),
}
# the two schemes of basic insurance, each by its names (职工 alone is also the bureau's own staff):
# a figure said of one is no answer about the other
SCHEMES_APART: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("职工医保", "职工基本医疗保险", "职工医疗保险", "职工基本医保", "职工社会医疗保险"),
    ("居民医保", "居民基本医疗保险", "居民医疗保险", "居民基本医保"))
# scopes that no city or county report covers
WIDE_SCOPES: tuple[str, ...] = ("全国", "全省", "国家医保局", "国家医疗保障局", "省医保局", "省医疗保障局",
                                "广东省医疗保障局", "全广东",
                                # the other departments of a city: each publishes its own reports
                                "全市所有部门", "全市各部门", "市直各部门", "市直部门", "全市部门", "其他部门",
                                # the whole budget of a city, of which a department is one part
                                "全市一般公共预算", "全市财政", "市财政总")
