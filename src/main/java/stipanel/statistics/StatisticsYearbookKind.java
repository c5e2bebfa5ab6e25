package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * 年鉴宽表 (docs/source-rules.md "Statistics"): a yearbook sheet with one row per region and one column per base statistic, the unit in
 * each header's brackets (else a title's money unit). The data year, the city or province that scopes region names,
 * the 发布日期 and whether the figures are 初步 come from the table's metadata (its title rows).
 */
@Component
public class StatisticsYearbookKind implements ExtractKind {

    static final String REGION = "地区";

    private final KindDefinition definition;
    private final Column region;

    public StatisticsYearbookKind(KindDefinitions definitions) {
        this.definition = definitions.get("statistics_yearbook");
        this.region = definition.column(REGION).orElseThrow();
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

    /** The first non-empty header cell names the regions; each other cell that is a base statistic is a column. */
    @Override
    public HeaderBinding.Assessment assess(List<String> header, TableMetadata metadata) {
        int first = 0;
        while (first < header.size() && Cells.text(header.get(first)).isEmpty()) {
            first++;
        }
        Map<String, HeaderCell> columns = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        Set<String> money = new HashSet<>();
        if (first < header.size() && HeaderCell.of(first, header.get(first)).is(region)) {
            columns.put(REGION, HeaderCell.of(first, header.get(first)));
            first++;
        }
        for (int i = first; i < header.size(); i++) {
            if (Cells.text(header.get(i)).isEmpty()) {
                continue;
            }
            HeaderCell cell = HeaderCell.of(i, header.get(i));
            Optional<BaseStatistic> statistic = BaseStatistic.named(cell.name());
            if (statistic.isPresent() && !columns.containsKey(statistic.get().code())) {
                columns.put(statistic.get().code(), cell);
                if (statistic.get().unit().equals("万元")) {
                    money.add(statistic.get().code());
                }
            } else {
                unread.add(cell.text());
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(REGION)) {
            missing.add(REGION + "（首列）");
        }
        if (columns.size() - (columns.containsKey(REGION) ? 1 : 0) == 0) {
            missing.add("至少一个基础统计指标");
        }
        return new HeaderBinding.Assessment(definition, HeaderBinding.of(columns, unread, money, metadata), missing);
    }

    @Override
    public RowLoader open(LoadContext context) throws SQLException {
        TableMetadata metadata = context.metadata();
        if (metadata.year() == null) {
            throw new SheetRefusedException("title_year_missing", "标题行没有写明数据年份（如 2024年）");
        }
        LocalDate versionDate = StatisticVersions.titleDate(context);
        int dataYear = metadata.year();
        Region scope = metadata.scope();
        boolean undated = metadata.published() == null;
        String stated = PublicationStatus.statedIn(metadata.text());
        String status = stated == null ? "最终核实" : stated;
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
                    String unit = h.unit(column.getKey());
                    BigDecimal value = Units.convert(Cells.number(h.get(row, column.getKey()), header), unit,
                            statistic.unit(), header);
                    versions.add(new Version(statistic, value, unit, Cells.text(h.get(row, column.getKey()))));
                }
                for (Version v : versions) {
                    StatisticVersions.append(appender, row, v.statistic(), region, dataYear, v.value(), status,
                            versionDate, undated, v.statistic().name(), v.unit(), v.delivered());
                }
            }

            @Override
            public void close() throws SQLException {
                appender.close();
            }
        };
    }
}
