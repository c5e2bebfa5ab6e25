package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.Column;
import stipanel.ingest.ExtractKind;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.HeaderCell;
import stipanel.ingest.KindDefinition;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.SheetRefusedException;
import stipanel.ingest.TableMetadata;
import stipanel.ingest.Units;

/**
 * 国家统计局数据库导出 (docs/sources.md "Statistics"; 国家数据 data.stats.gov.cn, 分省年度数据 and 分县年度数据): one column
 * per year, and either one row per region with the indicator in the title ({@code 指标：地区生产总值(亿元)}) or one row
 * per indicator with the region in the title ({@code 地区：嵊泗县}); the unit in the indicator's brackets. Every
 * non-empty cell is a statistics version as in the long form: 最终核实 unless a title or a note below the table marks it otherwise
 * ({@code 注：2025年数据为初步核算数}), dated by a title's 发布日期, else by the file's first ingestion.
 */
@Component
public class StatisticsNationalDatabaseKind implements ExtractKind {

    static final String REGION = "地区";
    static final String STATISTIC = "指标";

    /** A year header: 2023年 (as exported), 2023 (an .xls number cell) or 2023年度. */
    private static final Pattern YEAR_HEADER = Pattern.compile("((?:19|20)\\d{2})(?:年度?)?");
    /** The years a note's clause names: 2024年, 2023年、2024年, a period 2020-2022年. */
    private static final Pattern NOTE_YEARS =
            Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?:\\s*年?\\s*[-—–~～至到]\\s*((?:19|20)\\d{2}))?\\s*年");
    /** Where a note's clauses end (after NFKC): one note may set years apart (2024年为初步核算数，2023年为最终核实数). */
    private static final Pattern CLAUSE_END = Pattern.compile("[。;,]");
    /** An indicator with a bracket that holds no known unit: 地区生产总值(亿美元). */
    private static final Pattern UNKNOWN_UNIT = Pattern.compile("(.+?)[(\\[]([^()\\[\\]]+)[)\\]]");

    private final KindDefinition definition;
    private final Column region;
    private final Column statistic;

    public StatisticsNationalDatabaseKind(KindDefinitions definitions) {
        this.definition = definitions.get("statistics_national_db");
        this.region = definition.column(REGION).orElseThrow();
        this.statistic = definition.column(STATISTIC).orElseThrow();
    }

    @Override
    public String code() {
        return definition.code();
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public List<String> factTables() {
        return List.of(StatisticVersions.TABLE);
    }

    /**
     * The first non-empty header cell is 地区 or 指标; every other cell that is a year is a column, keyed by the year.
     * The dimension the rows do not give must be the title's ({@code 指标：…} or {@code 地区：…}).
     */
    @Override
    public HeaderBinding.Assessment assess(List<String> header, TableMetadata metadata) {
        int first = 0;
        while (first < header.size() && Cells.text(header.get(first)).isEmpty()) {
            first++;
        }
        Map<String, HeaderCell> columns = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        if (first < header.size()) {
            HeaderCell cell = HeaderCell.of(first, header.get(first));
            for (Column c : List.of(region, statistic)) {
                if (cell.is(c)) {
                    columns.put(c.name(), cell);
                }
            }
            if (columns.isEmpty()) {
                unread.add(cell.text());
            }
        }
        int years = 0;
        for (int i = first + 1; i < header.size(); i++) {
            if (Cells.text(header.get(i)).isEmpty()) {
                continue;
            }
            HeaderCell cell = HeaderCell.of(i, header.get(i));
            Matcher year = YEAR_HEADER.matcher(cell.text());
            if (year.matches() && !columns.containsKey(year.group(1))) {
                columns.put(year.group(1), cell);
                years++;
            } else {
                unread.add(cell.text());
            }
        }
        HeaderBinding binding = HeaderBinding.of(columns, unread, Set.of(), metadata, definition.columns());
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(REGION) && !columns.containsKey(STATISTIC)) {
            missing.add(REGION + "或" + STATISTIC + "（首列）");
        } else {
            for (String dimension : List.of(REGION, STATISTIC)) {
                if (!columns.containsKey(dimension) && !binding.fromMetadata().containsKey(dimension)) {
                    missing.add(dimension + "（首列，或标题“" + dimension + "：…”）");
                }
            }
        }
        if (years == 0) {
            missing.add("年份列（如 2023年）");
        }
        return new HeaderBinding.Assessment(definition, binding, missing);
    }

    @Override
    public RowLoader open(LoadContext context) throws SQLException {
        TableMetadata metadata = context.metadata();
        LocalDate versionDate = StatisticVersions.titleDate(context);
        boolean undated = metadata.published() == null;
        HeaderBinding h = context.header();
        Region scope = metadata.scope();
        // The dimension the title gives is read once: a title that names no region, or no base statistic, refuses
        // the table rather than rejecting each of its rows for the same reason.
        Region titleRegion = h.has(REGION) ? null : refusing(() -> region(h.fromMetadata().get(REGION).value(), scope,
                "标题中的" + REGION));
        Indicator titleIndicator = h.has(STATISTIC) ? null : refusing(() ->
                indicator(h.fromMetadata().get(STATISTIC).value(), "标题中的" + STATISTIC));
        List<Integer> years = h.columns().keySet().stream().filter(k -> YEAR_HEADER.matcher(k).matches())
                .map(Integer::valueOf).toList();
        Statuses statuses = new Statuses();
        statuses.read(metadata.text());
        FactAppender appender = context.appender("facts", "statistic_versions");
        record Version(RawRow row, Indicator indicator, Region region, int year, BigDecimal value, String unit,
                       String delivered) {
        }
        return new RowLoader() {
            /** Held until the notes below the table are read: a note may say which years are preliminary. */
            private final List<Version> versions = new ArrayList<>();

            @Override
            public void load(RawRow row) {
                Region place = titleRegion != null ? titleRegion
                        : region(row.cell(h.columns().get(REGION).index()), scope, REGION);
                Indicator indicator = titleIndicator != null ? titleIndicator
                        : indicator(row.cell(h.columns().get(STATISTIC).index()), STATISTIC);
                List<Version> cells = new ArrayList<>();
                for (int year : years) {
                    String raw = h.get(row, String.valueOf(year));
                    if (Cells.text(raw).isEmpty()) {
                        continue;
                    }
                    String column = h.columns().get(String.valueOf(year)).text();
                    String unit = indicator.unit().isEmpty() ? StatisticVersions.titleUnit(indicator.statistic(),
                            metadata, raw, STATISTIC + "“" + indicator.delivered() + "”未注明单位") : indicator.unit();
                    BigDecimal value = Units.convert(Cells.number(raw, column), unit, indicator.statistic().unit(),
                            column);
                    cells.add(new Version(row, indicator, place, year, value, unit, Cells.text(raw)));
                }
                versions.addAll(cells);
            }

            @Override
            public void notes(List<String> notes) {
                notes.forEach(statuses::read);
            }

            @Override
            public void close() throws SQLException {
                for (Version v : versions) {
                    StatisticVersions.append(appender, v.row(), v.indicator().statistic(), v.region(), v.year(),
                            v.value(), statuses.of(v.year()), versionDate, undated, v.indicator().delivered(),
                            v.unit(), v.delivered());
                }
                appender.close();
            }
        };
    }

    /** An indicator as the export names it, with the unit in its brackets: 地区生产总值(亿元) is GDP in 亿元. */
    record Indicator(BaseStatistic statistic, String unit, String delivered) {
    }

    /** The base statistic and unit {@code raw} names; {@code what} says where it stands, for the reason. */
    static Indicator indicator(String raw, String what) {
        String delivered = Cells.text(raw);
        if (Cells.isMissing(delivered)) {
            throw new RowRejectedException("statistic_missing", what + "为空");
        }
        HeaderCell named = HeaderCell.of(0, delivered);
        Optional<BaseStatistic> statistic = BaseStatistic.named(named.name());
        if (statistic.isEmpty()) {
            // 地区生产总值(亿美元): a base statistic in a unit nobody converts is no unknown statistic.
            Matcher bracket = UNKNOWN_UNIT.matcher(named.text());
            if (bracket.matches() && BaseStatistic.named(bracket.group(1)).isPresent()) {
                throw new RowRejectedException("unit_unconvertible", what + "“" + delivered + "”的单位“"
                        + bracket.group(2) + "”无法换算为" + BaseStatistic.named(bracket.group(1)).get().unit());
            }
            throw new RowRejectedException("statistic_unknown", what + "“" + delivered
                    + "”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）");
        }
        if (!named.unit().isEmpty()) {
            try {
                Units.convert(BigDecimal.ONE, named.unit(), statistic.get().unit(), what);
            } catch (RowRejectedException otherQuantity) {
                throw new RowRejectedException("unit_unconvertible", what + "“" + delivered + "”的单位“"
                        + named.unit() + "”无法换算为" + statistic.get().unit());
            }
        }
        return new Indicator(statistic.get(), named.unit(), delivered);
    }

    /**
     * The region {@code raw} names within {@code scope} (the city or province a title names, or null): a province, a
     * city or a county, short or full (嵊泗, 嵊泗县), or a county after its city (舟山市嵊泗县). A county name two cities
     * share (普陀区: Shanghai and Zhoushan) outside a scope that decides is rejected, naming both.
     */
    static Region region(String raw, Region scope, String what) {
        if (Cells.isMissing(raw)) {
            throw new RowRejectedException("region_name_missing", what + "为空");
        }
        try {
            return Regions.resolveName(raw, scope, what);
        } catch (RowRejectedException notOneRegion) {
            // Not one region of that name: the county rule reads 舟山市嵊泗县, and names both counties of an
            // ambiguous name.
            try {
                return Regions.countyNamed(raw, scope != null && scope.level() == Region.Level.CITY ? scope.name()
                        : null, scope != null && scope.level() == Region.Level.PROVINCE ? scope.name() : null, what);
            } catch (RowRejectedException e) {
                if (!e.code().equals("region_name_unknown")) {
                    throw e;
                }
                throw new RowRejectedException("region_name_unknown", what + "“" + Cells.text(raw) + "”不是"
                        + (scope == null ? "GB/T 2260 中" : scope.name()) + "的省、市或区县");
            }
        }
    }

    private interface Reading<T> {
        T read();
    }

    /** What {@code reading} reads from a title; a row's rejection there refuses the whole table. */
    private static <T> T refusing(Reading<T> reading) {
        try {
            return reading.read();
        } catch (RowRejectedException e) {
            throw new SheetRefusedException(e.code(), e.reason());
        }
    }

    /**
     * The 数据状态 of each year of a table, from its titles and the notes below it: 最终核实 unless a clause states
     * another ({@link PublicationStatus#statedIn}). A clause's status applies to the years it names (注：2025年数据为初步核算数),
     * else to every year; a clause that names the year wins over one that names none, and a later clause over an
     * earlier one.
     */
    static final class Statuses {

        private String everyYear = "最终核实";
        private final Map<Integer, String> byYear = new HashMap<>();

        void read(String text) {
            for (String clause : CLAUSE_END.split(Cells.text(text))) {
                String status = PublicationStatus.statedIn(clause);
                if (status == null) {
                    continue;
                }
                Matcher years = NOTE_YEARS.matcher(clause);
                boolean named = false;
                while (years.find()) {
                    int from = Integer.parseInt(years.group(1));
                    int to = years.group(2) == null ? from : Integer.parseInt(years.group(2));
                    for (int year = from; year <= to; year++) {
                        byYear.put(year, status);
                    }
                    named = true;
                }
                if (!named) {
                    everyYear = status;
                }
            }
        }

        String of(int year) {
            return byYear.getOrDefault(year, everyYear);
        }
    }
}
