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
import stipanel.warehouse.SqlScript;

/**
 * 专利检索导出 (DOMAIN.md §6): one patent per row as the patent office's search systems export it. Every row of
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
        SqlScript.run(context.connection(), SqlScript.read("sql/ingest/plain_cells.sql"), "plain_cells.sql");
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
        return SqlScript.read("sql/ingest/patents_fast_lane.sql")
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
            type = PatentType.named(typeText).orElseThrow(() -> new RowRejectedException(
                    TYPE + " '" + typeText + "' is none of 发明, 实用新型, 外观设计"));
            if (type != byDigit) {
                throw new RowRejectedException(TYPE + " '" + typeText + "' disagrees with 申请号 " + number
                        + ", whose type digit " + number.typeDigit() + " means " + byDigit.label());
            }
        }
        LocalDate filed = Cells.date(h.get(row, FILED), FILED);
        if (filed == null) {
            throw new RowRejectedException(FILED + " is missing: the term and the 10-year rule need it");
        }
        LocalDate granted = Cells.date(h.get(row, GRANTED), GRANTED);
        if (granted != null && granted.isBefore(filed)) {
            throw new RowRejectedException(GRANTED + " " + granted + " is before " + FILED + " " + filed);
        }
        String ipc = IpcSymbol.canonical(h.get(row, IPC), IPC);
        String uscc = Uscc.optional(h.get(row, USCC));
        Placement placement = place(h.get(row, REGION), uscc);
        String statusText = Cells.optionalText(h.get(row, STATUS));
        LegalStatus status = statusText == null ? null : LegalStatus.named(statusText).orElseThrow(() ->
                new RowRejectedException(STATUS + " '" + statusText + "' is none of 有效, 失效, 审中, 驳回, 撤回/视为撤回"));
        LocalDate lapsed = Cells.date(h.get(row, LAPSED), LAPSED);
        if (status == LegalStatus.LAPSED && lapsed == null) {
            throw new RowRejectedException(STATUS + " is 失效 but " + LAPSED + " is missing");
        }
        if (lapsed != null && lapsed.isBefore(filed)) {
            throw new RowRejectedException(LAPSED + " " + lapsed + " is before " + FILED + " " + filed);
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
     * The first patentee's county: 地区代码, else characters 3–8 of a valid USCC; neither rejects the row. A 地区代码
     * that names a city or province (not a county) leaves the credit code to place the patent.
     */
    static Placement place(String regionCell, String uscc) {
        if (!Cells.isMissing(regionCell)) {
            Region delivered = Regions.resolveCode(regionCell, REGION);
            if (delivered.level() == Region.Level.COUNTY || uscc == null || !Uscc.isValid(uscc)) {
                return new Placement(county(delivered, REGION), REGION);
            }
        }
        if (uscc == null) {
            throw new RowRejectedException("neither " + REGION + " nor " + USCC
                    + " is given: the patent cannot be placed in a county");
        }
        if (!Uscc.isValid(uscc)) {
            throw new RowRejectedException(REGION + " is empty and " + USCC + " '" + uscc
                    + "' fails its check characters (GB 32100, GB 11714), so it cannot place the patent");
        }
        String column = USCC + " characters 3–8";
        return new Placement(county(Regions.resolveCode(Uscc.regionPart(uscc), column), column), USCC);
    }

    private static Region county(Region region, String column) {
        if (region.level() != Region.Level.COUNTY) {
            throw new RowRejectedException(column + " " + region.code() + " (" + region.name()
                    + ") is not a county: a patent counts in its first patentee's county");
        }
        return region;
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
        throw new RowRejectedException(OVERSEAS + " '" + text + "' is neither 是/否 (有/无, Y/N) nor a count");
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
            throw new RowRejectedException(PLEDGE + " is negative: '" + raw + "'");
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
