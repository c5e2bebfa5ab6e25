package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.ExtractKind;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.HeaderCell;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.SheetRefusedException;
import stipanel.ingest.Units;

/**
 * 年鉴宽表 (DOMAIN.md §5): a yearbook sheet with one row per region and one column per base statistic, the unit in
 * each header's brackets. The data year, the city or province that scopes region names, the 发布日期 and whether
 * the figures are 初步 come from the title rows above the header.
 */
@Component
public class StatisticsYearbookKind implements ExtractKind {

    static final String REGION = "地区";
    private static final Set<String> REGION_HEADERS = Set.of("地区", "县(市、区)", "县(市,区)", "县市区", "地区名称", "区域");
    private static final Pattern DATA_YEAR = Pattern.compile("(\\d{4})年");
    private static final Pattern PUBLISHED = Pattern.compile("发布日期[:：]?\\s*(.+)");

    @Override
    public String code() {
        return "statistics_yearbook";
    }

    @Override
    public List<String> factTables() {
        return List.of(StatisticVersions.TABLE);
    }

    @Override
    public Optional<HeaderBinding> recognise(List<String> header) {
        int first = 0;
        while (first < header.size() && Cells.text(header.get(first)).isEmpty()) {
            first++;
        }
        if (first == header.size() || !REGION_HEADERS.contains(HeaderCell.of(first, header.get(first)).name())) {
            return Optional.empty();
        }
        Map<String, HeaderCell> columns = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        columns.put(REGION, HeaderCell.of(first, header.get(first)));
        for (int i = first + 1; i < header.size(); i++) {
            if (Cells.text(header.get(i)).isEmpty()) {
                continue;
            }
            HeaderCell cell = HeaderCell.of(i, header.get(i));
            Optional<BaseStatistic> statistic = BaseStatistic.named(cell.name());
            if (statistic.isPresent() && !columns.containsKey(statistic.get().code())) {
                columns.put(statistic.get().code(), cell);
            } else {
                unread.add(cell.text());
            }
        }
        return columns.size() > 1 ? Optional.of(HeaderBinding.of(columns, unread)) : Optional.empty();
    }

    @Override
    public RowLoader open(LoadContext context) throws SQLException {
        String title = String.join(" ", context.titleTexts());
        Matcher year = DATA_YEAR.matcher(title);
        if (!year.find()) {
            throw new SheetRefusedException("the title rows name no data year (such as 2024年)");
        }
        int dataYear = Integer.parseInt(year.group(1));
        Region scope = Regions.namedIn(title).orElse(null);
        LocalDate published = publishedOn(context.titleTexts());
        boolean undated = published == null;
        LocalDate versionDate = undated ? context.delivery().firstIngestedOn() : published;
        String status = title.contains("初步") ? "初步核实" : "最终核实";
        HeaderBinding h = context.header();
        FactAppender appender = context.appender("facts", "statistic_versions");
        return new RowLoader() {
            @Override
            public void load(RawRow row) throws SQLException {
                Region region = Regions.resolveName(h.get(row, REGION), scope, REGION);
                record Version(BaseStatistic statistic, BigDecimal value, String unit, String delivered) {
                }
                List<Version> versions = new ArrayList<>();
                for (Map.Entry<String, HeaderCell> column : h.columns().entrySet()) {
                    if (column.getKey().equals(REGION)) {
                        continue;
                    }
                    BaseStatistic statistic = BaseStatistic.byCode(column.getKey()).orElseThrow();
                    String header = column.getValue().text();
                    String unit = column.getValue().unit();
                    BigDecimal value = Units.convert(Cells.number(h.get(row, column.getKey()), header), unit,
                            statistic.unit(), header);
                    versions.add(new Version(statistic, value, unit, Cells.text(h.get(row, column.getKey()))));
                }
                for (Version v : versions) {
                    StatisticVersions.append(appender, row, v.statistic(), region, dataYear, v.value(), status, versionDate, undated,
                            v.statistic().name(), v.unit(), v.delivered());
                }
            }

            @Override
            public void close() throws SQLException {
                appender.close();
            }
        };
    }

    private static LocalDate publishedOn(List<String> titleTexts) {
        for (String text : titleTexts) {
            Matcher m = PUBLISHED.matcher(text);
            if (m.find()) {
                try {
                    return Cells.date(m.group(1).strip(), "发布日期");
                } catch (RowRejectedException e) {
                    throw new SheetRefusedException("the title's 发布日期 is not a date: '" + m.group(1) + "'");
                }
            }
        }
        return null;
    }
}
