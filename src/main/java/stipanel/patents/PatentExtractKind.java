package stipanel.patents;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.Column;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.SetBasedKind;
import stipanel.ingest.TableKind;
import stipanel.ingest.Units;
import stipanel.ingest.Uscc;
import stipanel.shipped.Shipped;
import stipanel.warehouse.SqlScript;

/**
 * 专利检索导出 (docs/source-rules.md "Patents"): one patent per row as the patent office's search systems export it. Every row of
 * every delivery is kept; {@code staging.patents_current} takes, per application number, the row with the latest
 * 数据截止日期. The stock rules (valid, high-value at a year end) are SQL over the current rows.
 */
@Component
public class PatentExtractKind extends TableKind implements SetBasedKind {

    static final String TABLE = "facts.patent_rows";

    static final String NUMBER = "申请号";
    static final String TYPE = "专利类型";
    static final String FILED = "申请日";
    static final String GRANTED = "授权公告日";
    static final String TITLE = "名称";
    static final String IPC = "主分类号";
    static final String APPLICANT = "申请（专利权）人";
    static final String USCC = "专利权人统一社会信用代码";
    static final String REGION = "地区代码";
    static final String STATUS = "法律状态";
    static final String LAPSED = "失效日期";
    static final String OVERSEAS = "海外同族";
    static final String PLEDGE = "质押融资金额";
    static final String AWARDS = "获奖情况";
    static final String CUTOFF = "数据截止日期";
    static final String CLASSIFICATION = "分类号";
    static final String COUNTY = "区县";
    static final String CITY = "地市";
    static final String PROVINCE = "省";
    static final String ADDRESS = "地址";
    /** The current-status columns, the first given wins (docs/sources.md), over 法律状态 and the event history. */
    static final List<String> CURRENT_STATUS = List.of("简单法律状态", "专利有效性", "专利权状态", "当前法律状态", "最新法律状态");
    static final String EVENTS = "法律状态/事件";

    /**
     * The columns the fast lane reads (the 专利检索导出 layout). A row with a value in any other column — a publication
     * number, a county name, an address, a second status column — needs a rule only {@link #read} has, so the lane
     * leaves it to the row path: no rule of the real exports is written twice.
     */
    static final Set<String> LANE_COLUMNS = Set.of(NUMBER, TYPE, FILED, GRANTED, TITLE, IPC, APPLICANT, USCC, REGION,
            STATUS, LAPSED, OVERSEAS, PLEDGE, AWARDS, CUTOFF);


    private static final Pattern COUNT = Pattern.compile("(\\d+)(件|个|项)?");
    private static final Pattern AMOUNT_WITH_UNIT = Pattern.compile("([-\\d.,]+)\\s*(亿元|万元|千元|元)");

    public PatentExtractKind(KindDefinitions definitions) {
        super(definitions.get("patents"), TABLE);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        PatentRow p = read(h, row, context);
        appender.row(row)
                .add(p.number.toString()).add(h.get(row, NUMBER).strip())
                .add(p.number.typeDigit()).add(p.type.label()).add(p.number.isPct()).add(p.typeDerived)
                .add(p.filed).add(p.granted).add(p.title).add(p.ipc).add(p.applicant).add(p.uscc)
                .add(p.region.code()).add(p.regionFrom)
                .add(p.status == null ? null : p.status.label()).add(p.lapsed)
                .add(p.overseas).add(p.overseasDelivered).add(p.pledgeWan).add(p.awards)
                .add(p.cutoff).add(p.cutoffIsIngestDate);
        appender.end();
    }

    /**
     * {@code sql/ingest/patents_fast_lane.sql}, with the macros it uses: the plain cells of
     * {@code plain_cells.sql} and, made from this package's own lists and weights, the check characters and the
     * wordings of 专利类型, 法律状态 and 海外同族.
     */
    @Override
    public String fastLane(LoadContext context) throws SQLException {
        SqlScript.run(context.connection(), Shipped.read("sql/ingest/plain_cells.sql"), "plain_cells.sql");
        Map<String, PatentType> byDigit = new LinkedHashMap<>();
        for (int digit = 0; digit <= 9; digit++) {
            String key = String.valueOf(digit);
            PatentType.ofDigit(digit).ifPresent(type -> byDigit.put(key, type));
        }
        List<String> macros = List.of(ApplicationNumber.sqlMacro(), Uscc.sqlMacro(),
                "create or replace temp macro patent_type_of_digit(d) as case d"
                        + whens(byDigit, PatentType::label) + " end",
                "create or replace temp macro patent_type_named(t) as case t"
                        + whens(PatentType.spellings(), PatentType::label) + " end",
                "create or replace temp macro legal_status_named(t) as case t"
                        + whens(LegalStatus.WORDINGS, LegalStatus::label) + " end",
                "create or replace temp macro overseas_family_named(t) as case"
                        + " when t in " + inList(OVERSEAS_YES) + " then true"
                        + " when t in " + inList(OVERSEAS_NO) + " then false"
                        + " when regexp_full_match(t, '[0-9]+(?:件|个|项)?') then regexp_matches(t, '[1-9]') end");
        SqlScript.run(context.connection(), String.join(";\n", macros) + ";", "the patent fast lane's macros");
        // The counties the Java rules place patents in (Regions, read from jobs/reference), not ref.regions: the same
        // list by construction, whether or not this run has loaded the reference tables yet.
        SqlScript.run(context.connection(), "create or replace temp table lane_counties as select unnest(["
                + Regions.all().stream().filter(r -> r.level() == Region.Level.COUNTY).map(r -> "'" + r.code() + "'")
                .collect(Collectors.joining(", ")) + "]) as code;", "the patent fast lane's counties");
        String unit = context.header().unit(PLEDGE);
        String offLane = columns().stream().map(Column::name).filter(c -> !LANE_COLUMNS.contains(c))
                .map(c -> "\"" + c + "\" is null").collect(Collectors.joining(" and "));
        return Shipped.read("sql/ingest/patents_fast_lane.sql")
                .replace("{{only_lane_columns}}", offLane.isEmpty() ? "true" : offLane)
                .replace("{{pledge_in_wan}}", String.valueOf(unit.isEmpty() || unit.equals("万元")))
                .replace("{{first_ingested_on}}", "date '" + context.delivery().firstIngestedOn() + "'");
    }

    private static <T> String whens(Map<String, T> cases, Function<T, String> label) {
        return cases.entrySet().stream()
                .map(e -> " when '" + e.getKey() + "' then '" + label.apply(e.getValue()) + "'")
                .collect(Collectors.joining());
    }

    private static String inList(Set<String> words) {
        return words.stream().sorted().map(w -> "'" + w + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** Validates a whole row before anything is appended. */
    static PatentRow read(HeaderBinding h, RawRow row, LoadContext context) {
        ApplicationNumber number = ApplicationNumber.parse(h.get(row, NUMBER), NUMBER);
        PatentType byDigit = PatentType.ofDigit(number.typeDigit()).orElseThrow();
        String typeText = Cells.optionalText(h.get(row, TYPE));
        PatentType type = byDigit;
        if (typeText != null) {
            type = PatentType.named(typeText).orElseThrow(() -> new RowRejectedException("patent_type_unknown",
                    TYPE + "“" + typeText + "”不是发明、实用新型、外观设计之一"));
            if (type != byDigit) {
                throw new RowRejectedException("patent_type_conflict", TYPE + "“" + typeText + "”与申请号 " + number
                        + " 不符：其专利类型位 " + number.typeDigit() + " 表示" + byDigit.label());
            }
        }
        LocalDate filed = Cells.date(h.get(row, FILED), FILED);
        if (filed == null) {
            throw new RowRejectedException("value_missing", FILED + "为空（保护期和维持 10 年的判断都需要申请日）");
        }
        LocalDate granted = Cells.date(h.get(row, GRANTED), GRANTED);
        if (granted == null) {
            granted = GrantPublication.grantDate(h.get(row, GrantPublication.NUMBER), h.get(row, GrantPublication.DATE),
                    type);
        }
        if (granted != null && granted.isBefore(filed)) {
            throw new RowRejectedException("date_order", GRANTED + " " + granted + " 早于" + FILED + " " + filed);
        }
        String ipcCell = h.get(row, IPC);
        String ipc = Cells.isMissing(ipcCell) ? IpcSymbol.canonical(h.get(row, CLASSIFICATION), CLASSIFICATION)
                : IpcSymbol.canonical(ipcCell, IPC);
        String uscc = Uscc.optional(h.get(row, USCC));
        Placement placement = place(h, row, uscc);
        LegalStatus status = status(h, row);
        LocalDate lapsed = Cells.date(h.get(row, LAPSED), LAPSED);
        // 失效 without a date: where the extract has a lapse-date column that is a broken row; where it has none, the
        // patent lapsed by the extract's cut-off (staging.patents_as_of dates it so).
        if (status == LegalStatus.LAPSED && lapsed == null && h.has(LAPSED)) {
            throw new RowRejectedException("lapse_date_missing", "法律状态为失效，但失效日期为空（本表有失效日期列，应填写失效日期）");
        }
        if (lapsed != null && lapsed.isBefore(filed)) {
            throw new RowRejectedException("date_order", LAPSED + " " + lapsed + " 早于" + FILED + " " + filed);
        }
        String overseasText = Cells.optionalText(h.get(row, OVERSEAS));
        Boolean overseas = overseas(overseasText);
        BigDecimal pledge = pledgeWan(h.get(row, PLEDGE), h.unit(PLEDGE));
        LocalDate cutoff = Cells.date(h.get(row, CUTOFF), CUTOFF);
        boolean cutoffIsIngestDate = cutoff == null;
        if (cutoff == null) {
            cutoff = context.delivery().firstIngestedOn();
        }
        return new PatentRow(number, type, typeText == null, filed, granted, Cells.optionalText(h.get(row, TITLE)),
                ipc, Cells.optionalText(h.get(row, APPLICANT)), uscc, placement.region(), placement.from(), status,
                lapsed, overseas, overseasText, pledge, Cells.optionalText(h.get(row, AWARDS)), cutoff,
                cutoffIsIngestDate);
    }

    record Placement(Region region, String from) {
    }

    /**
     * The current legal status: the first current-status column that has a value, else 法律状态 (one state, or the
     * latest state of the events it lists), else the event history 法律状态/事件; null when none is given.
     */
    static LegalStatus status(HeaderBinding h, RawRow row) {
        for (String column : CURRENT_STATUS) {
            String text = Cells.optionalText(h.get(row, column));
            if (text != null) {
                return LegalStatus.named(text).orElseThrow(() -> unknownStatus(column, text));
            }
        }
        for (String column : List.of(STATUS, EVENTS)) {
            String text = Cells.optionalText(h.get(row, column));
            if (text != null) {
                return LegalStatus.named(text).orElseGet(() -> latest(column, text));
            }
        }
        return null;
    }

    private static RowRejectedException unknownStatus(String column, String text) {
        return new RowRejectedException("legal_status_unknown", column + "“" + text
                + "”不是已知的法律状态（有效、失效、审中、驳回、撤回/视为撤回，或其常见写法）");
    }

    /** The state of an event history's latest dated event; several undated states cannot be ordered. */
    private static LegalStatus latest(String column, String text) {
        List<LegalStatus.Event> states = LegalStatus.events(text, column).stream().filter(e -> e.status() != null)
                .toList();
        if (states.isEmpty()) {
            throw unknownStatus(column, text);
        }
        if (states.size() == 1) {
            return states.get(0).status();
        }
        if (states.stream().anyMatch(e -> e.date() == null)) {
            throw new RowRejectedException("legal_status_history_undated", column + "“" + text
                    + "”列出了多个法律状态事件，但未注明日期，无法确定当前状态（请导出简单法律状态或当前法律状态）");
        }
        LegalStatus.Event last = states.get(0);
        for (LegalStatus.Event e : states) {
            if (!e.date().isBefore(last.date())) {
                last = e;
            }
        }
        return last.status();
    }

    /**
     * The first patentee's county, first that applies (docs/sources.md): 地区代码 naming a county; a credit code whose
     * characters 3–8 name a county; a county-name column within the city and province columns beside it; an address
     * naming exactly one county. A row none of them places is rejected with what was tried.
     */
    static Placement place(HeaderBinding h, RawRow row, String uscc) {
        List<String> tried = new java.util.ArrayList<>();
        String regionCell = h.get(row, REGION);
        if (!Cells.isMissing(regionCell)) {
            Region delivered = Regions.resolveCode(regionCell, REGION);
            if (delivered.level() == Region.Level.COUNTY) {
                return new Placement(delivered, REGION);
            }
            tried.add(REGION + "“" + Cells.text(regionCell) + "”是" + delivered.name() + "，不是区县");
        } else if (h.has(REGION)) {
            tried.add(REGION + "为空");
        }
        if (uscc != null) {
            if (!Uscc.isValid(uscc)) {
                tried.add("统一社会信用代码“" + uscc + "”校验位错误，不能用来定位");
            } else {
                Region named = Regions.byCode(Uscc.regionPart(uscc)).orElse(null);
                if (named != null && named.level() == Region.Level.COUNTY) {
                    return new Placement(named, USCC);
                }
                tried.add("统一社会信用代码第3–8位“" + Uscc.regionPart(uscc) + "”"
                        + (named == null ? "不是 GB/T 2260 中的代码" : "是" + named.name() + "，不是区县"));
            }
        } else if (h.has(USCC)) {
            tried.add("统一社会信用代码为空");
        }
        String county = h.get(row, COUNTY);
        if (!Cells.isMissing(county)) {
            try {
                return new Placement(Regions.countyNamed(county, h.get(row, CITY), h.get(row, PROVINCE), COUNTY),
                        COUNTY);
            } catch (RowRejectedException e) {
                throw new RowRejectedException(e.code(), prefix(tried) + e.reason());
            }
        } else if (h.has(COUNTY)) {
            tried.add(COUNTY + "为空");
        }
        String address = h.get(row, ADDRESS);
        if (!Cells.isMissing(address)) {
            List<Region> named = Regions.countiesNamedIn(address, null);
            if (named.size() == 1) {
                return new Placement(named.get(0), ADDRESS);
            }
            if (named.size() > 1) {
                throw new RowRejectedException("address_counties_several", prefix(tried) + ADDRESS + "“"
                        + Cells.text(address) + "”中有 " + named.size() + " 个区县：" + Regions.describe(named)
                        + "，无法确定专利所在的县");
            }
            tried.add(ADDRESS + "“" + Cells.text(address) + "”中没有区县名称");
        } else if (h.has(ADDRESS)) {
            tried.add(ADDRESS + "为空");
        }
        throw new RowRejectedException("patent_unplaced", (tried.isEmpty()
                ? "没有地区代码、统一社会信用代码、区县或地址列" : String.join("；", tried))
                + "：无法确定专利所在的县（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）");
    }

    private static String prefix(List<String> tried) {
        return tried.isEmpty() ? "" : String.join("；", tried) + "；";
    }

    /** 海外同族 wordings, compacted ({@link Text#compact}): also the fast lane's lists. */
    static final Set<String> OVERSEAS_YES = Set.of("是", "有", "Y", "YES", "TRUE", "√");
    static final Set<String> OVERSEAS_NO = Set.of("否", "无", "N", "NO", "FALSE", "×");

    /** 是/有/Y or a count > 0 → true; 否/无/N or 0 → false; missing → null (counts as no family abroad). */
    static Boolean overseas(String text) {
        if (text == null) {
            return null;
        }
        String t = Text.compact(text);
        if (OVERSEAS_YES.contains(t)) {
            return true;
        }
        if (OVERSEAS_NO.contains(t)) {
            return false;
        }
        Matcher m = COUNT.matcher(t);
        if (m.matches()) {
            // Any digit but 0: a count past int's range is still a count (parseInt would throw and refuse the file).
            return m.group(1).chars().anyMatch(c -> c != '0');
        }
        throw new RowRejectedException("flag_invalid", OVERSEAS + "“" + text + "”既不是是/否（有/无、Y/N），也不是件数");
    }

    /** The pledged amount in 万元: the header's unit (质押融资金额（元）) or one written in the cell. */
    static BigDecimal pledgeWan(String raw, String headerUnit) {
        String t = Cells.text(raw);
        String unit = headerUnit.isEmpty() ? "万元" : headerUnit;
        Matcher m = AMOUNT_WITH_UNIT.matcher(t);
        if (m.matches()) {
            t = m.group(1);
            unit = m.group(2);
        }
        BigDecimal value = Units.convert(Cells.number(t, PLEDGE), unit, "万元", PLEDGE);
        if (value != null && value.signum() < 0) {
            throw new RowRejectedException("value_negative", PLEDGE + "“" + Cells.text(raw) + "”为负数");
        }
        return value;
    }

    record PatentRow(ApplicationNumber number, PatentType type, boolean typeDerived, LocalDate filed,
                     LocalDate granted, String title, String ipc, String applicant, String uscc, Region region,
                     String regionFrom, LegalStatus status, LocalDate lapsed, Boolean overseas,
                     String overseasDelivered, BigDecimal pledgeWan, String awards, LocalDate cutoff,
                     boolean cutoffIsIngestDate) {
    }
}
