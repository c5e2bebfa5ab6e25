package stipanel.workbook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 数据质量: every refused file (with the reason it was refused) and the rejected rows (file, sheet, row, reason code,
 * reason, raw content), as the warehouse's {@code source_files} and {@code rejected_rows} list them: of one file's rows
 * rejected for one reason, the first {@value #SHOWN_PER_REASON}, then one line that counts the rest. Delivered text is
 * written as string cells (quote-prefixed), so a value such as {@code =HYPERLINK(…)} stays text in Excel, WPS and
 * LibreOffice.
 */
final class DataQualitySheet {

    static final String NAME = "数据质量";
    /** Rows beyond this stay in the warehouse (rejected_rows): a workbook the city opens, not a dump. */
    static final int MAX_REJECTED_ROWS = 50_000;
    /**
     * A file's rows rejected for one reason beyond this are counted, not listed: a hundred examples show the office
     * what to correct, and the sheet's cost stays with what the files get wrong, not with how often (a national
     * patent extract's 15,000 rejected rows are a few reasons; listing them all took the night's workbook 2 s).
     */
    static final int SHOWN_PER_REASON = 100;
    /** A reason or raw row longer than this shows its start: a row of the sheet is at most 409 pt tall. */
    static final int MAX_SHOWN = 600;
    /** 原因代码 holds the longest code (24 characters) in one line; the rest fits A4 landscape at 9 pt. */
    private static final double[] WIDTHS = {6, 17, 9, 9, 6, 27, 29, 27};

    private DataQualitySheet() {
    }

    /**
     * Streamed ({@link SXSSFWorkbook}, inline strings): up to 50,000 rows of unique text, which in the shared strings
     * table of an {@code XSSFWorkbook} cost an XML serialisation per cell (the national warehouse's 11,468 rejected
     * rows took the warm workbook from 0.6 s to 3 s).
     * Rows are written top to bottom only.
     */
    static void write(SXSSFWorkbook wb, Styles st, WorkbookData d, Connection c) throws SQLException {
        SXSSFSheet sheet = wb.createSheet(NAME);
        List<String> header = List.of("序号", "文件", "文件状态", "工作表", "行号", "原因代码", "原因", "原始内容");
        String summary;
        try (PreparedStatement p = c.prepareStatement("""
                select count(*), count(*) filter (where status = 'loaded'), count(*) filter (where status = 'refused'),
                       count(*) filter (where status = 'duplicate'), coalesce(sum(rows_read), 0),
                       coalesce(sum(rows_loaded), 0), coalesce(sum(rows_rejected), 0)
                from main.source_files
                """); ResultSet r = p.executeQuery()) {
            r.next();
            summary = "交付文件 %d 个（装载 %d，拒收 %d，重复 %d）；数据行 读取 %d ＝ 装载 %d ＋ 拒绝 %d　%s".formatted(
                    r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7),
                    d.dateLabel());
        }
        Tables.heading(sheet, st, d.plan().regionName() + "科技创新指标面板数据质量：拒收文件与被拒绝的数据行（" + d.date() + "）",
                summary, null, header.size());
        Tables.header(sheet, st, header);
        // Streamed rows are written once: the widths are set first, and each row's height as it is written.
        Tables.setWidths(sheet, WIDTHS);
        for (int row = Tables.TITLE_ROW; row <= Tables.HEADER_ROW; row++) {
            Tables.fitRow(sheet, sheet.getRow(row), WIDTHS, sheet.getMergedRegions());
        }
        int r = Tables.FIRST_BODY_ROW;
        try (PreparedStatement p = c.prepareStatement("""
                select file_name, reason_code, message from ingest.deliveries where status = 'refused'
                order by delivery_id
                """); ResultSet q = p.executeQuery()) {
            while (q.next()) {
                line(sheet, st, r++, q.getString(1), "拒收", "", null, q.getString(2), q.getString(3), "");
            }
        }
        Map<String, List<Unlisted>> unlisted = unlisted(c);
        boolean truncated = false;
        try (PreparedStatement p = c.prepareStatement("""
                select file_name, sheet, row_number, reason_code, reason, raw
                from (select *, row_number() over (partition by file_name, reason_code order by sheet, row_number)
                          as rank_in_reason
                      from main.rejected_rows)
                where rank_in_reason <= ?
                order by file_name, sheet, row_number
                limit ?
                """)) {
            p.setInt(1, SHOWN_PER_REASON);
            p.setInt(2, MAX_REJECTED_ROWS + 1);
            try (ResultSet q = p.executeQuery()) {
                String file = null;
                int listed = 0;
                while (q.next()) {
                    if (listed == MAX_REJECTED_ROWS) {
                        truncated = true;
                        break;
                    }
                    if (file != null && !file.equals(q.getString(1))) {
                        r = unlistedLines(sheet, st, r, file, unlisted.get(file));
                    }
                    file = q.getString(1);
                    line(sheet, st, r++, file, "行被拒绝", q.getString(2), WorkbookData.nullable(q, 3),
                            q.getString(4), q.getString(5), q.getString(6));
                    listed++;
                }
                if (file != null && !truncated) {
                    r = unlistedLines(sheet, st, r, file, unlisted.get(file));
                }
            }
        }
        // Loaded list rows whose enterprise the registry does not identify (docs/sources.md): the office adds the extract.
        try (PreparedStatement p = c.prepareStatement("""
                select file_name, sheet, row_number, reason_code, reason, enterprise_name
                from marts.certification_name_issues
                """); ResultSet q = p.executeQuery()) {
            while (q.next()) {
                line(sheet, st, r++, q.getString(1),
                        q.getString(4).equals("name_ambiguous") ? "名称匹配多家" : "名称未匹配", q.getString(2),
                        WorkbookData.nullable(q, 3), q.getString(4), q.getString(5), q.getString(6));
            }
        }
        long rejected;
        try (PreparedStatement p = c.prepareStatement("select count(*) from main.rejected_rows");
             ResultSet q = p.executeQuery()) {
            q.next();
            rejected = q.getLong(1);
        }
        int last = r - 1;
        List<String> notes = new ArrayList<>(List.of(
                "资料来源：数据仓库视图 source_files、rejected_rows（拒收原因见 ingest.deliveries.message，"
                        + "原因代码的含义见 ref.reason_codes）。",
                "注：1. 行号为用户所见行号：CSV 表头为第1行，工作表为其自身行号。原始内容为该行按 CSV 格式重写的原文，按文本原样显示；"
                        + "超过 " + MAX_SHOWN + " 个字符的原因或原文只显示开头，全文见数据仓库视图 rejected_rows。",
                "　　2. 拒收文件整份未装载（表头不符合任何已知数据类型或文件无法读取），已保留待核。"
                        + "“名称未匹配”“名称匹配多家”为已装载的认定名单行：名单未列信用代码，按名称在企业登记中未找到或找到多家"
                        + "（视图 staging.certification_name_issues），补交相应企业登记后下次运行即可识别。"));
        // The numbered notes follow 资料来源, so the next one's number is the size of the list.
        if (!unlisted.isEmpty()) {
            notes.add("　　" + notes.size() + ". 同一文件因同一原因被拒绝的行超过 " + SHOWN_PER_REASON + " 行时，本表列出前 "
                    + SHOWN_PER_REASON + " 行，其余以一行“未列出”注明行数；全部被拒绝的行见数据仓库视图 rejected_rows。");
        }
        if (truncated) {
            notes.add("　　" + notes.size() + ". 本表最多列出 " + MAX_REJECTED_ROWS + " 行被拒绝的行（共 " + rejected
                    + " 行），其余见数据仓库视图 rejected_rows。");
        }
        int next = Tables.notes(sheet, st, last, notes, header.size());
        for (int row = last + 2; row < next; row++) {
            Tables.fitRow(sheet, sheet.getRow(row), WIDTHS, sheet.getMergedRegions());
        }
        Tables.frame(sheet, header.size(), last, 2);
    }

    /** A file's rows rejected for one reason and not listed: {@code count} beyond the first {@link #SHOWN_PER_REASON}. */
    private record Unlisted(String reasonCode, long count) {
    }

    /** By file, the reasons with more rejected rows than are listed, and how many more. */
    private static Map<String, List<Unlisted>> unlisted(Connection c) throws SQLException {
        Map<String, List<Unlisted>> byFile = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                select file_name, reason_code, count(*) - ? from main.rejected_rows
                group by file_name, reason_code having count(*) > ?
                order by file_name, reason_code
                """)) {
            p.setInt(1, SHOWN_PER_REASON);
            p.setInt(2, SHOWN_PER_REASON);
            try (ResultSet q = p.executeQuery()) {
                while (q.next()) {
                    byFile.computeIfAbsent(q.getString(1), f -> new ArrayList<>())
                            .add(new Unlisted(q.getString(2), q.getLong(3)));
                }
            }
        }
        return byFile;
    }

    /** After a file's listed rows, one line per reason whose further rows are only counted. Returns the next row. */
    private static int unlistedLines(SXSSFSheet sheet, Styles st, int r, String file, List<Unlisted> reasons) {
        for (Unlisted u : reasons == null ? List.<Unlisted>of() : reasons) {
            line(sheet, st, r++, file, "未列出", "", null, u.reasonCode(),
                    "该文件另有 " + u.count() + " 行因此原因被拒绝，本表只列出前 " + SHOWN_PER_REASON + " 行", "");
        }
        return r;
    }

    /** Row {@code r}: 序号 (from the first body row), file, what happened, sheet, row, reason code, reason, raw. */
    private static void line(SXSSFSheet sheet, Styles st, int r, String file, String what, String sheetName,
                             Double rowNumber, String code, String reason, String raw) {
        Row row = sheet.createRow(r);
        Tables.number(row, 0, (double) (r - Tables.FIRST_BODY_ROW + 1), st.number("0"));
        Tables.text(row, 1, file, st.textWrap);
        Tables.text(row, 2, what, st.centered);
        Tables.text(row, 3, sheetName, st.textWrap);
        Tables.number(row, 4, rowNumber, st.number("0"));
        Tables.text(row, 5, code, st.text);
        Tables.text(row, 6, shown(reason), st.textWrap);
        Tables.text(row, 7, shown(raw), st.textWrap);
        Tables.fitRow(sheet, row, WIDTHS, List.of());
    }

    private static String shown(String text) {
        return text == null || text.length() <= MAX_SHOWN ? text
                : text.substring(0, MAX_SHOWN) + "…（共 " + text.length() + " 个字符）";
    }
}
