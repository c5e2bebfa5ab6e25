#!/usr/bin/env python3
"""Writes data-samples/statistics/ and, independently of the Java code, the panel those files must give.

The truth is a list of published versions (statistic, region, year, value in canonical units, status, date).
Each sample file renders some of them with the traps of docs/source-rules.md (units, 12-digit codes, full-width digits,
GBK, missing markers, revisions). The expected panel is computed here from the versions by the rules of
docs/source-rules.md "Statistics" and docs/panel.md, written to src/test/resources/expected/, and compared literally by StatisticsPanelTest.
The yearbook workbook is written by stipanel.samples.YearbookSample from yearbook-2023.tsv, the national database's
workbook by stipanel.samples.NationalDatabaseSample from national-db-shengsi.tsv.

Run from the repository root: python3 src/test/tools/statistics_samples.py
"""
import csv, io, os
from datetime import date

OUT = "data-samples/statistics"
EXPECTED = "src/test/resources/expected"
TODAY = date(2026, 11, 28)  # PipelineRun.TODAY: the ingest date of undated rows
COUNTIES = {"330902": "定海区", "330903": "普陀区", "330921": "岱山县", "330922": "嵊泗县"}
CITY = "330900"
YEARS = [2022, 2023, 2024, 2025]
STATUS_RANK = {None: 0, "初步核算": 1, "初步核实": 2, "最终核实": 3, "普查修订": 4}

# Shengsi's figures; the other counties scale them (GDP and RD_EXP are given for each county).
SHENGSI = {
    "IND_REVENUE": [240000, 255000, 262000, 270000], "IND_RD_EXP": [2400, 2900, 3400, 3950],
    "IND_VA": [38000, 40000, 42500, 44000], "HT_VA": [2660, 3200, 3900, 4620], "RD_FTE": [45, 52, 60, 66],
    "EMPLOYED": [41000, 41500, 42000, 42300], "POP": [64500, 64200, 63900, 63700],
    "FISCAL_ST": [1800, 2050, 2380, 2700], "SKILLED": [12800, 13400, 14100, 14700],
    "HIGH_SKILLED": [4300, 4650, 5000, 5320], "NEW_GRADUATES": [420, 460, 510, 530],
    "TECH_COMMISSIONERS": [5, 6, 7, 8], "KEY_TECH_PROJECTS": [1, 2, 2, 3], "TECH_TRANSFER": [0, 1, 1, 2],
}
SCALE = {"330902": 8, "330903": 6, "330921": 10, "330922": 1}
GDP = {"330902": [5600000, 5900000, 6200000, 6500000], "330903": [4800000, 5050000, 5300000, 5550000],
       "330921": [6300000, 6800000, 7200000, 7600000], "330922": [1250000, 1320000, 1400000, 1460000]}
RD_EXP = {"330902": [140000, 150000, 161000, 170000], "330903": [86000, 92000, 99000, 104000],
          "330921": [190000, 210000, 228000, 240000], "330922": [6250, 7260, 8100, 9000]}


def truth(stat, region, year):
    i = YEARS.index(year)
    if stat == "GDP":
        return GDP[region][i]
    if stat == "RD_EXP":
        return RD_EXP[region][i]
    v = SHENGSI[stat][i] * SCALE[region]
    if stat == "HT_VA" and region == "330921" and year == 2024:
        return 39500  # the later of two conflicting rows
    return v


versions = []  # dicts: stat, region, year, value (None = "…"), status, published (None = undated), file, row


def version(stat, region, year, value, status, published, file):
    versions.append(dict(stat=stat, region=region, year=year, value=value, status=status, published=published,
                         file=file))


# ---- 1. 统计局_主要统计指标_2022-2024.csv (UTF-8): official economic statistics -------------------------------
MAIN = "统计局_主要统计指标_2022-2024.csv"
ECON = ["GDP", "RD_EXP", "IND_REVENUE", "IND_RD_EXP", "IND_VA", "HT_VA", "RD_FTE", "EMPLOYED", "POP"]
PUBLISHED = {2022: (date(2023, 9, 28), "最终核实"), 2023: (date(2024, 1, 20), "初步核算"),
             2024: (date(2025, 1, 20), "初步核算")}
PRELIMINARY_2023 = {"GDP": 0.99, "RD_EXP": 0.98}          # superseded by the yearbook of 2024-06-30
PRELIMINARY_2024 = {("GDP", "330922"): 1380000, ("GDP", "330902"): 6150000, ("RD_EXP", "330922"): 7700}
main_rows = []
for year in [2022, 2023, 2024]:
    published, status = PUBLISHED[year]
    for region in COUNTIES:
        for stat in ECON:
            if year == 2023 and stat == "RD_FTE":
                continue  # 2023 R&D staff come from the yearbook only
            value = truth(stat, region, year)
            if year == 2023 and stat in PRELIMINARY_2023:
                value = round(value * PRELIMINARY_2023[stat])
            if year == 2024 and (stat, region) in PRELIMINARY_2024:
                value = PRELIMINARY_2024[(stat, region)]
            if year == 2024 and stat == "HT_VA" and region == "330921":
                value = 38000  # preliminary; the revision file settles it
            version(stat, region, year, value, status, published, MAIN)
            main_rows.append((stat, region, year, value, status, published))
# the city's own preliminary GDP for 2024: an official city figure beats the sum of its counties
version("GDP", CITY, 2024, 20300000, "初步核算", date(2025, 1, 20), MAIN)
main_rows.append(("GDP", CITY, 2024, 20300000, "初步核算", date(2025, 1, 20)))

NAMES = {"GDP": "地区生产总值", "RD_EXP": "R&D经费内部支出", "IND_REVENUE": "规模以上工业企业营业收入",
         "IND_RD_EXP": "规上工业企业研发费用", "IND_VA": "规模以上工业增加值", "HT_VA": "高新技术产业增加值",
         "RD_FTE": "R&D人员折合全时当量", "EMPLOYED": "年末就业人员", "POP": "年末常住人口",
         "FISCAL_ST": "一般公共预算科学技术支出", "SKILLED": "技能人才总量", "HIGH_SKILLED": "高技能人才总量",
         "NEW_GRADUATES": "新引进高校毕业生", "TECH_COMMISSIONERS": "科技特派员派遣人次",
         "KEY_TECH_PROJECTS": "硬核科技攻关项目", "TECH_TRANSFER": "科技成果转化应用"}
UNIT = {"GDP": "万元", "RD_EXP": "万元", "IND_REVENUE": "万元", "IND_RD_EXP": "万元", "IND_VA": "万元",
        "HT_VA": "万元", "RD_FTE": "人年", "EMPLOYED": "人", "POP": "人", "FISCAL_ST": "万元", "SKILLED": "人",
        "HIGH_SKILLED": "人", "NEW_GRADUATES": "人", "TECH_COMMISSIONERS": "人次", "KEY_TECH_PROJECTS": "项",
        "TECH_TRANSFER": "项"}
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def number(v):
    return ("%.4f" % v).rstrip("0").rstrip(".")


def render(stat, region, year, value):
    """How the bureau writes a value: GDP in 亿元, Dinghai's revenue in 亿元, Shengsi's staff in 万人 …"""
    unit = UNIT[stat]
    if stat == "GDP" or (stat == "IND_REVENUE" and region == "330902"):
        value, unit = value / 10000, "亿元"
    elif stat in ("EMPLOYED", "POP") and region in ("330922", "330921"):
        value, unit = value / 10000, "万人"
    text = number(value)
    if region == "330922" and year == 2022 and stat == "GDP":
        text = text.translate(FULLWIDTH)  # full-width digits, as some offices type them
    return text, unit


def code(region):
    return region + "000000" if region == "330922" else region  # 12-digit statistical code


def write_csv(name, header, rows, encoding="utf-8"):
    os.makedirs(os.path.dirname(os.path.join(OUT, name)) or OUT, exist_ok=True)
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        f.write(buffer.getvalue())


LONG = ["年份", "地区代码", "地区名称", "指标名称", "数值", "计量单位", "数据状态", "发布日期", "备注"]
rows = []
for stat, region, year, value, status, published in main_rows:
    text, unit = render(stat, region, year, value)
    rows.append([f"{year}年" if year == 2024 else str(year), code(region),
                 COUNTIES.get(region, "舟山市"), NAMES[stat], text, unit, status, published.isoformat(), ""])
BAD_MAIN = [  # each rejected with the reason the test names
    ["2024", "330922", "嵊泗县", "科技馆数量", "1", "个", "初步核算", "2025-01-20", "不在基础指标之列"],
    ["2024", "330999", "某县", "地区生产总值", "3", "亿元", "初步核算", "2025-01-20", "区划代码有误"],
    ["2024", "330921", "岱山县", "地区生产总值", "720", "千克", "初步核算", "2025-01-20", "单位有误"],
    ["2024", "330903", "普陀区", "规上工业增加值", "200000", "万元", "初步核算", "2024-13-01", "日期有误"],
    ["2024", "330903", "普陀区", "R&D经费支出", "99000", "万元", "预计数", "2025-01-20", "状态有误"],
    ["2024", "330902", "定海区", "R&D经费支出", "约16万", "万元", "初步核算", "2025-01-20", "数值有误"],
]
write_csv(MAIN, LONG, rows[:20] + BAD_MAIN[:3] + rows[20:] + BAD_MAIN[3:])

# ---- 2. 统计局_2025年统计快报.csv (GBK): preliminary 2025 --------------------------------------------------------
GBK_FILE = "统计局_2025年统计快报.csv"
rows = []
for region in COUNTIES:
    for stat in ECON:
        if stat == "HT_VA" and region == "330902":
            continue  # Dinghai's 2025 high-tech value added is not out yet
        value = truth(stat, region, 2025)
        version(stat, region, 2025, value, "初步核算", date(2026, 1, 25), GBK_FILE)
        text, unit = render(stat, region, 2025, value)
        rows.append(["2025", code(region), COUNTIES[region], NAMES[stat], text, unit, "初步核算", "2026-01-25", ""])
rows.append(["二〇二五", "330922", "嵊泗县", "地区生产总值", "146", "亿元", "初步核算", "2026-01-25", ""])
write_csv(GBK_FILE, LONG, rows, encoding="gbk")

# ---- 3. 统计局_2024年数据修订.csv (UTF-8 with BOM): revisions -------------------------------------------------
REVISION = "统计局_2024年数据修订.csv"
revision_rows = [
    ("GDP", "330922", 2024, 1400000, "最终核实"), ("GDP", "330902", 2024, 6200000, "最终核实"),
    ("RD_EXP", "330922", 2024, 7900, "初步核实"), ("RD_EXP", "330922", 2024, 8100, "最终核实"),
    ("HT_VA", "330921", 2024, 39000, "最终核实"), ("HT_VA", "330921", 2024, 39500, "最终核实"),
]
rows = []
for stat, region, year, value, status in revision_rows:
    version(stat, region, year, value, status, date(2025, 9, 30), REVISION)
    text, unit = render(stat, region, year, value)
    rows.append([str(year), region, COUNTIES[region], NAMES[stat], text, unit, status, "2025-09-30", "修订"])
write_csv(REVISION, LONG, rows, encoding="utf-8-sig")

# ---- 4. 人社局_人才工作统计.csv: undated (dated by first ingestion) -----------------------------------------------
TALENT = "人社局_人才工作统计.csv"
rows = []
for region in COUNTIES:
    for year in YEARS:
        for stat in ["SKILLED", "HIGH_SKILLED", "NEW_GRADUATES"]:
            value = truth(stat, region, year)
            text = number(value)
            if stat == "NEW_GRADUATES" and region == "330903" and year == 2023:
                value, text = None, "—"  # not reported
            version(stat, region, year, value, None, None, TALENT)
            rows.append([str(year), region, COUNTIES[region], NAMES[stat], text, UNIT[stat], "", "", ""])
write_csv(TALENT, LONG, rows)

# ---- 5. 财政局_科学技术支出.csv: in 元 with thousands separators ----------------------------------------------------
FISCAL = "财政局_科学技术支出.csv"
rows = []
for region in COUNTIES:
    for year in YEARS:
        value = truth("FISCAL_ST", region, year)
        published = date(year + 1, 3, 15)
        version("FISCAL_ST", region, year, value, "最终核实", published, FISCAL)
        rows.append([str(year), region, COUNTIES[region], "财政科技支出", f"{value * 10000:,}", "元", "最终核实",
                     published.strftime("%Y年%-m月%-d日"), ""])
write_csv(FISCAL, LONG, rows)

# ---- 6. 科技局_科技工作统计_*.csv: a missing marker, later superseded -------------------------------------------
for name, years, published in [("科技局_科技工作统计_2022-2023.csv", [2022, 2023], date(2024, 1, 15)),
                               ("科技局_科技工作统计_2024-2025.csv", [2024, 2025], date(2026, 1, 10))]:
    rows = []
    for region in COUNTIES:
        for year in years:
            for stat in ["TECH_COMMISSIONERS", "KEY_TECH_PROJECTS", "TECH_TRANSFER"]:
                value = truth(stat, region, year)
                text = number(value)
                if stat == "TECH_TRANSFER" and ((region == "330922" and year == 2023)
                                               or (region == "330921" and year == 2024)):
                    value, text = None, "…"
                version(stat, region, year, value, "最终核实", published, name)
                rows.append([str(year), region, COUNTIES[region], NAMES[stat], text, UNIT[stat], "最终核实",
                             published.strftime("%Y/%-m/%-d"), ""])
    if "2024" in name:  # Shengsi's 2023 transfer figure, published late: supersedes the "…"
        version("TECH_TRANSFER", "330922", 2023, 1, "最终核实", date(2024, 3, 1), name)
        rows.append(["2023", "330922", "嵊泗县", "科技成果转化项目", "1", "项", "最终核实", "20240301", "补报"])
    write_csv(name, LONG, rows)

# ---- 7. the yearbook (2023 finals, published 2024-06-30); the workbook is written by YearbookSample ----------
YEARBOOK = "舟山统计年鉴2024_科技.xlsx"
yearbook = [("全市", CITY, 19200000, 462000, 1310)]
for region, name in COUNTIES.items():
    yearbook.append(("　　嵊泗" if region == "330922" else name, region, truth("GDP", region, 2023),
                     truth("RD_EXP", region, 2023), truth("RD_FTE", region, 2023)))
with open("src/test/resources/samples/yearbook-2023.tsv", "w", encoding="utf-8") as f:
    f.write("地区\t地区生产总值(亿元)\t研究与试验发展经费支出(万元)\t研究与试验发展人员折合全时当量(人年)\n")
    for label, region, gdp, rd, fte in yearbook:
        for stat, v in [("GDP", gdp), ("RD_EXP", rd), ("RD_FTE", fte)]:
            version(stat, region, 2023, v, "最终核实", date(2024, 6, 30), YEARBOOK)
        f.write(f"{label}\t{number(gdp / 10000)}\t{rd}\t{fte}\n")
    f.write("新城\t120\t3000\t15\n")  # 舟山新城 is no county of GB/T 2260: rejected


def current(as_of):
    """docs/source-rules.md "Statistics": latest 发布日期 (≤ as-of), then later status, then later delivery (files in path order)."""
    files = sorted({v["file"] for v in versions})
    best = {}
    for i, v in enumerate(versions):
        published = v["published"] or TODAY
        if as_of and published > as_of:
            continue
        key = (v["stat"], v["region"], v["year"])
        rank = (published, STATUS_RANK[v["status"]], files.index(v["file"]), i)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, v["value"])
    return {k: value for k, (rank, value) in best.items()}


# ---- 8. the national statistics database (国家数据, 分县年度数据), as the office downloads it --------------------
# Undated, so dated by first ingestion: the latest versions of what they carry. They republish the current figures
# above in the export's own layout and units, so the panel is the one the files above give.
now = current(None)
NATIONAL_CSV = "分县年度数据.csv"
lines = ["数据库：分县年度数据", "指标：地区生产总值(亿元)", "时间：2022年-2025年", "地区,2025年,2024年,2023年,2022年"]
for region in COUNTIES:
    cells = []
    for year in [2025, 2024, 2023, 2022]:
        if region == "330921" and year == 2022:
            cells.append("")  # an empty cell: no version
            continue
        value = now[("GDP", region, year)]
        version("GDP", region, year, value, "初步核算" if year == 2025 else "最终核实", None, NATIONAL_CSV)
        cells.append(number(value / 10000))
    lines.append(",".join(["舟山市" + COUNTIES[region]] + cells))
lines += ["注：2025年数据为初步核算数。", "数据来源：国家统计局"]
with open(os.path.join(OUT, NATIONAL_CSV), "w", encoding="gbk", newline="") as f:
    f.write("\r\n".join(lines) + "\r\n")

# 分县年度数据_嵊泗县.xls: one row per indicator, the region in the title; written by NationalDatabaseSample
NATIONAL_XLS = "分县年度数据_嵊泗县.xls"
with open("src/test/resources/samples/national-db-shengsi.tsv", "w", encoding="utf-8") as f:
    f.write("指标\t2025年\t2024年\t2023年\t2022年\n")
    for stat, label, per in [("GDP", "地区生产总值(万元)", 1), ("PRIMARY", "第一产业增加值(万元)", 1),
                             ("POP", "年末常住人口(万人)", 10000), ("FISCAL_ST", "地方财政科学技术支出(万元)", 1)]:
        cells = []
        for year in [2025, 2024, 2023, 2022]:
            if stat == "PRIMARY":  # no base statistic: the row is rejected
                cells.append(str([188000, 181000, 172000, 165000][2025 - year]))
                continue
            if stat == "FISCAL_ST" and year == 2025:
                cells.append("")  # not yet in the database
                continue
            value = now[(stat, "330922", year)]
            version(stat, "330922", year, value, "初步核实" if year == 2025 else "最终核实", None, NATIONAL_XLS)
            cells.append(number(value / per))
        f.write("\t".join([label] + cells) + "\n")

# ---- 9. an unrelated file: refused as a whole ---------------------------------------------------------------
write_csv("附件1_联络员名单.csv", ["序号", "姓名", "单位", "职务", "联系电话"],
          [["1", "张三", "县统计局", "科员", "0580-5081234"], ["2", "李四", "县科技局", "副局长", "0580-5085678"]])


# ---- the expected panel -------------------------------------------------------------------------------------
def panel(as_of):
    cur = current(as_of)
    years = sorted({y for (_, _, y) in cur})
    years = list(range(years[0], years[-1] + 1))
    stats = sorted({s for (s, _, _) in cur})

    def comp(stat, region, year):
        if region != CITY:
            return cur.get((stat, region, year))
        official = cur.get((stat, CITY, year))
        if official is not None:
            return official
        values = [cur.get((stat, c, year)) for c in COUNTIES]
        return None if any(v is None for v in values) else sum(values)

    def ratio(a, b, k=1.0):
        return None if a is None or b is None or b == 0 else a / b * k

    out = {}
    for region in list(COUNTIES) + [CITY]:
        for year in years:
            c = lambda s, y=year: comp(s, region, y)
            row = {
                "RD_INTENSITY": ratio(c("RD_EXP"), c("GDP"), 100),
                "IND_RD_EXP": None if c("IND_RD_EXP") is None else c("IND_RD_EXP") / 10000,
                "IND_RD_REV_RATIO": ratio(c("IND_RD_EXP"), c("IND_REVENUE"), 100),
                "HT_VA": None if c("HT_VA") is None else c("HT_VA") / 10000,
                "HT_VA_SHARE": ratio(c("HT_VA"), c("IND_VA"), 100),
                "RD_FTE_PER_10K_EMP": ratio(c("RD_FTE"), c("EMPLOYED"), 10000),
                "SKILLED": c("SKILLED"), "HIGH_SKILLED": c("HIGH_SKILLED"),
                "FISCAL_ST_GROWTH": None if year - 1 not in years else
                (None if ratio(c("FISCAL_ST"), c("FISCAL_ST", year - 1)) is None
                 else (c("FISCAL_ST") / c("FISCAL_ST", year - 1) - 1) * 100),
                "FISCAL_ST_CAGR": None if year <= 2022 or 2022 not in years or ratio(c("FISCAL_ST"), c("FISCAL_ST", 2022)) is None
                else ((c("FISCAL_ST") / c("FISCAL_ST", 2022)) ** (1 / (year - 2022)) - 1) * 100,
            }
            for cum, flow in [("NEW_GRADUATES_CUM", "NEW_GRADUATES"), ("TECH_COMMISSIONERS_CUM", "TECH_COMMISSIONERS"),
                              ("KEY_TECH_PROJECTS_CUM", "KEY_TECH_PROJECTS"), ("TECH_TRANSFER_CUM", "TECH_TRANSFER")]:
                span = list(range(2023, year + 1))
                flows = [c(flow, y) if y in years else None for y in span]
                row[cum] = None if year < 2023 or any(f is None for f in flows) else sum(flows)
            for k, v in row.items():
                out[(region, year, k)] = v
    for region in COUNTIES:
        for year in years:
            a, b = out[(region, year, "RD_INTENSITY")], out[(CITY, year, "RD_INTENSITY")]
            out[(region, year, "RD_INTENSITY_GAP_CITY")] = None if a is None or b is None else a - b
    return out


os.makedirs(EXPECTED, exist_ok=True)
for name, as_of in [("statistics-panel.csv", None), ("statistics-panel-as-of-2025-06-30.csv", date(2025, 6, 30))]:
    with open(os.path.join(EXPECTED, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["region_code", "year", "indicator_code", "value"])
        for (region, year, indicator), v in sorted(panel(as_of).items()):
            w.writerow([region, year, indicator, "" if v is None else repr(float(v))])
print("written", len(versions), "versions")
