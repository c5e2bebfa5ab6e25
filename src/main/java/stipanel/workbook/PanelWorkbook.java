package stipanel.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.output.AtomicFile;

/**
 * The workbook the city receives, one per plan of the run, named {@code <region>_科技创新指标面板_<date>.xlsx}
 * (the as-of date, else the run's date), laid out as Chinese statistical tables: 指标面板, 各县对比, 趋势,
 * 数据质量, 指标说明. Numbers are numeric cells read from the warehouse's views; text is never a formula.
 */
public final class PanelWorkbook {

    private PanelWorkbook() {
    }

    /** Writes one workbook per plan into {@code outDir}, each beside and renamed (a reader never sees half a file). */
    public static List<Path> write(Connection c, Path outDir, LocalDate asOf, LocalDate runDate) throws SQLException,
            IOException {
        return write(c, outDir, WorkbookData.loadAll(c, asOf, runDate));
    }

    /** Writes the workbook of each plan's {@code data} into {@code outDir}. */
    public static List<Path> write(Connection c, Path outDir, List<WorkbookData> plans) throws SQLException,
            IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (WorkbookData data : plans) {
            Path target = outDir.resolve(fileName(data.plan().regionName(), data.date()));
            SXSSFWorkbook wb = build(data, c);
            try (wb) {
                AtomicFile.write(target, wb::write);
            } finally {
                wb.dispose();
            }
            written.add(target);
        }
        return written;
    }

    public static String fileName(String regionName, LocalDate date) {
        return regionName + "_科技创新指标面板_" + date + ".xlsx";
    }

    /** The sheets in the workbook's order; 数据质量 streams its rows, so it is written last and moved into place. */
    static SXSSFWorkbook build(WorkbookData data, Connection c) throws SQLException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        PanelSheet.write(wb, st, data);
        ComparisonSheet.write(wb, st, data);
        TrendSheet.write(wb, st, data);
        DefinitionsSheet.write(wb, st, data);
        SXSSFWorkbook streaming = new SXSSFWorkbook(wb);
        DataQualitySheet.write(streaming, st, data, c);
        wb.setSheetOrder(DataQualitySheet.NAME, wb.getSheetIndex(DefinitionsSheet.NAME));
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        return streaming;
    }
}
