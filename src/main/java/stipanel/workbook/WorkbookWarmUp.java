package stipanel.workbook;

import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first workbook of a JVM spends about 2.5 s loading and compiling POI, XMLBeans and the OOXML schema classes.
 * {@link #start()} writes a throwaway workbook that touches the same code as {@link PanelWorkbook} (styles, a table,
 * a line chart, a streamed sheet, the zip) to a null stream, in a daemon thread, so that this happens while the job
 * ingests and builds the panel, and the workbook step runs warm. It writes nothing and reads nothing; if it fails,
 * the workbook step simply pays the loading itself.
 */
public final class WorkbookWarmUp {

    private static final Logger log = LoggerFactory.getLogger(WorkbookWarmUp.class);

    private WorkbookWarmUp() {
    }

    public static Thread start() {
        Thread thread = new Thread(WorkbookWarmUp::run, "workbook-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    static void run() {
        long start = System.nanoTime();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            XSSFSheet sheet = wb.createSheet("趋势");
            List<String> names = List.of("年份", "实际值", "规划进度", "目标值");
            Tables.heading(sheet, st, "标题", "地区", "计量单位：%", names.size());
            Tables.header(sheet, st, names);
            int last = Tables.FIRST_BODY_ROW;
            for (Status status : Status.values()) {
                Row row = sheet.createRow(last++);
                Tables.number(row, 0, 2020.0 + status.ordinal(), st.number("0"));
                Tables.number(row, 1, 1.25 * status.ordinal(), st.number("#,##0.00", status));
                Tables.number(row, 2, null, st.number("0.00"));
                Tables.text(row, 3, status.name(), st.status(status));
            }
            last--;
            TrendSheet.chart(sheet.createDrawingPatriarch(), sheet, "趋势", last + 2, Tables.FIRST_BODY_ROW, last,
                    names.subList(1, names.size()), List.of(1, 2, 3), 5);
            Tables.notes(sheet, st, last, List.of("资料来源：", "注："), names.size());
            Tables.finish(sheet, names.size(), last, 1, Tables.Width.fit(), Tables.Width.wrap(10),
                    Tables.Width.fit(), Tables.Width.fit());
            SXSSFWorkbook streaming = new SXSSFWorkbook(wb);
            try {
                SXSSFSheet streamed = streaming.createSheet("数据质量");
                Tables.header(streamed, st, names);
                double[] widths = {10, 10, 10, 10};
                Tables.setWidths(streamed, widths);
                Row row = streamed.createRow(Tables.FIRST_BODY_ROW);
                Tables.text(row, 0, "=HYPERLINK(\"x\")", st.textWrap);
                Tables.fitRow(streamed, row, widths, List.of());
                Tables.frame(streamed, names.size(), Tables.FIRST_BODY_ROW, 0);
                wb.setSheetOrder("数据质量", 0);
                wb.setActiveSheet(0);
                streaming.write(OutputStream.nullOutputStream());
            } finally {
                streaming.dispose();
            }
            log.debug("workbook warm-up took {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            log.debug("workbook warm-up failed; the workbook step will load POI itself", e);
        }
    }
}
