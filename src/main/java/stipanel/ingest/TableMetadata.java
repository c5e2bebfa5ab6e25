package stipanel.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table's title rows, its sheet name and its file name say about it (jobs/kinds/README.md, {@code metadata}),
 * read once for every kind: the money unit of the columns whose header states none, the
 * data year, the extract's cut-off, the 发布日期, the city or province that scopes region names, and whether the
 * table is a proposed list (拟认定, 公示). Each is null (or false) when nothing states it; a stated value that cannot
 * be read is kept as stated, with a note, never replaced by a default.
 */
public record TableMetadata(List<String> titles, String sheet, String fileName, String text,
                            UnitStatement moneyUnit, Integer year, LocalDate cutoff, String cutoffFrom,
                            LocalDate published, String publishedUnreadable, Region scope, boolean proposed,
                            List<String> notes) {

    /**
     * A unit line of the title ({@code 金额单位：千元}): {@code stated} as written, {@code unit} the normalised unit,
     * or null when it names no unit of money that converts to 万元.
     */
    public record UnitStatement(String stated, String unit) {
        public boolean convertible() {
            return unit != null;
        }
    }

    /**
     * 金额单位：千元, 单位：万元, （单位：亿元）, 单位:元; the unit ends at a bracket, space or separator. A bare 单位 after
     * another character (填报单位：…, 制表单位：…) names an office, not a unit.
     */
    private static final Pattern UNIT_LINE =
            Pattern.compile("(金额单位|货币单位|计量单位|(?<![\\u4e00-\\u9fff])单位)\\s*[:：]\\s*([^\\s,，;；、)）\\]】]+)");
    /**
     * A year of the data: 2024年 or 2024年度, not the year of a date (2024年6月) nor either end of a period (2023—2027年,
     * 时间：2016年-2025年).
     */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?<!\\d{4}\\s?年?\\s?[-—–~～至到]\\s?)((?:19|20)\\d{2})\\s*年(?:度)?"
            + "(?!\\s*\\d{1,2}\\s*月)(?!\\s*[-—–~～至到]\\s*(?:19|20)\\d{2})");
    private static final Pattern CUTOFF_LABEL = Pattern.compile(
            "(导出时间|导出日期|下载时间|下载日期|检索日期|检索时间|数据截止日期|数据截止时间|数据截至|数据截止|统计截止日期|截止日期|截至日期|截止时间|截至|截止)"
                    + "\\s*[:：]?\\s*(\\d{4}\\s*(?:[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?|\\d{4}))");
    private static final Pattern PUBLISHED_LABEL = Pattern.compile("(发布日期|公布日期|发布时间)\\s*[:：]?\\s*(\\S+)");
    /** A full date in a file name: 20250106, 2025-01-06, 2025_01_06, 2025.01.06, 2025年1月6日. */
    private static final Pattern FILE_NAME_DATE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})(?:([-_.])(\\d{2})\\2(\\d{2})|(\\d{2})(\\d{2})|年(\\d{1,2})月(\\d{1,2})日)(?!\\d)");
    // 公示系统 is the 国家企业信用信息公示系统 that 企查查's disclaimer names as its source, not a proposed list.
    private static final Pattern PROPOSED = Pattern.compile("拟认定|拟入库|拟备案|拟推荐|拟公布|公示(?!系统)");

    /** The metadata of a table with {@code titles} above its header, in sheet {@code sheet} of file {@code fileName}. */
    public static TableMetadata of(List<String> titles, String sheet, String fileName) {
        List<String> notes = new ArrayList<>();
        String text = String.join(" ", titles) + (sheet == null || sheet.isEmpty() ? "" : " " + sheet);
        LocalDate cutoff = cutoffIn(titles, notes);
        String cutoffFrom = cutoff == null ? null : "标题";
        if (cutoff == null) {
            cutoff = dateInFileName(fileName);
            cutoffFrom = cutoff == null ? null : "文件名";
        }
        StatedDate published = publishedIn(titles);
        return new TableMetadata(List.copyOf(titles), sheet == null ? "" : sheet, fileName, text,
                moneyUnitIn(titles), yearIn(text, notes), cutoff, cutoffFrom,
                published == null ? null : published.date(),
                published != null && published.date() == null ? published.stated() : null,
                Regions.namedIn(String.join(" ", titles)).orElse(null), PROPOSED.matcher(text).find(),
                List.copyOf(notes));
    }

    /**
     * What a labelled title row says after its label, the label being {@code column}'s name or an alias (the national
     * database's {@code 指标：地区生产总值(亿元)}, {@code 地区：嵊泗县}); null when no title is so labelled.
     */
    public String labelled(Column column) {
        for (String title : titles) {
            String t = Cells.text(title);
            int colon = t.indexOf(':');
            if (colon > 0 && column.isNamed(HeaderCell.normaliseName(t.substring(0, colon)))) {
                return t.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** No title, sheet or file name: what a table without metadata has. */
    public static TableMetadata none() {
        return of(List.of(), "", "");
    }

    /** The money unit a unit line states, or null when no line states one; a unit of another quantity is no statement. */
    static UnitStatement moneyUnitIn(List<String> titles) {
        for (String title : titles) {
            Matcher m = UNIT_LINE.matcher(Cells.text(title));
            while (m.find()) {
                String stated = m.group(2);
                boolean money = m.group(1).startsWith("金额") || m.group(1).startsWith("货币");
                if (Units.isMoney(stated)) {
                    return new UnitStatement(stated, Units.normalise(stated));
                }
                if (money || !Units.isKnown(stated)) {
                    // 金额单位 naming no money unit, or a unit nobody knows: the money columns cannot be read in it.
                    return new UnitStatement(stated, null);
                }
            }
        }
        return null;
    }

    /** The one data year the text names (2024年, 2024年度); null when it names none or several. */
    static Integer yearIn(String text, List<String> notes) {
        Set<Integer> years = new LinkedHashSet<>();
        Matcher m = YEAR.matcher(Cells.text(text));
        while (m.find()) {
            years.add(Integer.parseInt(m.group(1)));
        }
        if (years.size() > 1) {
            notes.add("标题中有多个年份 " + years + "，不据此确定数据年份");
            return null;
        }
        return years.isEmpty() ? null : years.iterator().next();
    }

    private static LocalDate cutoffIn(List<String> titles, List<String> notes) {
        for (String title : titles) {
            Matcher m = CUTOFF_LABEL.matcher(Cells.text(title));
            if (m.find()) {
                String date = m.group(2).replaceAll("\\s", "");
                try {
                    LocalDate d = Cells.date(date, m.group(1));
                    if (d != null) {
                        return d;
                    }
                } catch (RowRejectedException e) {
                    notes.add("标题中的" + m.group(1) + "“" + date + "”不是日期，未采用");
                }
            }
        }
        return null;
    }

    private record StatedDate(String stated, LocalDate date) {
    }

    /** The 发布日期 a title states (the date null when the statement is no date), or null when none does. */
    private static StatedDate publishedIn(List<String> titles) {
        for (String title : titles) {
            Matcher m = PUBLISHED_LABEL.matcher(Cells.text(title));
            if (m.find()) {
                try {
                    return new StatedDate(m.group(2), Cells.date(m.group(2), m.group(1)));
                } catch (RowRejectedException e) {
                    return new StatedDate(m.group(2), null);
                }
            }
        }
        return null;
    }

    /** A full, valid calendar date in a file name; a bare year or year-month is no date. */
    static LocalDate dateInFileName(String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = FILE_NAME_DATE.matcher(Cells.text(fileName));
        LocalDate found = null;
        // Several dates (a period 20240101-20250106): the latest is the cut-off.
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            String month = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(7);
            String day = m.group(4) != null ? m.group(4) : m.group(6) != null ? m.group(6) : m.group(8);
            try {
                LocalDate date = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
                found = found == null || date.isAfter(found) ? date : found;
            } catch (java.time.DateTimeException notADate) {
                continue;
            }
        }
        return found;
    }
}
