package stipanel.ingest;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The shared ingest mechanism: opens a delivered file, finds in each table the header row of a known kind (title
 * rows may stand above it, and what they, the sheet name and the file name say is the table's {@link TableMetadata}),
 * hands every data row to that kind's loader, and records each rejected row with its reason code, its Chinese reason
 * and raw content. Blank rows are skipped; from a notes row (注：…, 资料来源：…) on, the table is over, and its loader
 * is given the notes ({@link ExtractKind.RowLoader#notes}). A file in which no table matches is refused as a whole,
 * naming the nearest kind and what it lacks; a workbook sheet that matches nothing is reported.
 */
public final class FileIngester {

    /** How far down a table its header row may stand (title rows above it). */
    static final int HEADER_SEARCH_ROWS = 30;

    /** A cell longer than this rejects its row: no field of any extract is near it; a runaway quote is. */
    static final int MAX_CELL_CHARS = 32_768;
    /** How much of a rejected row {@code rejected_rows.raw} keeps. */
    static final int MAX_RAW_CHARS = 4_096;
    /** How many unread column names the ledger's message lists. */
    static final int MAX_LISTED_COLUMNS = 20;

    private static final Pattern NOTES_ROW = Pattern.compile("^(注\\d*|资料来源|数据来源|说明|附注)\\s*[:：].*|^注[①1-9].*");

    private final List<ExtractKind> kinds;

    private final boolean staging;

    private final Consumer<TableReport> reports;

    public FileIngester(List<ExtractKind> kinds) {
        this(kinds, true, table -> { });
    }

    private FileIngester(List<ExtractKind> kinds, boolean staging, Consumer<TableReport> reports) {
        this.kinds = List.copyOf(kinds);
        this.staging = staging;
        this.reports = reports;
    }

    /** An ingester that reads every file row by row, never staging one: the reference the staged path must equal. */
    public static FileIngester rowByRow(List<ExtractKind> kinds) {
        return new FileIngester(kinds, false, table -> { });
    }

    /** An ingester that also tells {@code reports} how it read each table of a file (for {@code inspect}). */
    public static FileIngester reporting(List<ExtractKind> kinds, Consumer<TableReport> reports) {
        return new FileIngester(kinds, true, reports);
    }

    /**
     * How one table of a file was read: the header row found (its number and cells) with the kind it matched and how
     * its columns are bound, or, where no row matched, the nearest kind; {@code refusal} when the kind refused the
     * table as a whole.
     */
    public record TableReport(String sheet, int headerRow, List<String> header, ExtractKind kind, HeaderBinding binding,
                              Nearest nearest, String refusal) {
    }

    public FileOutcome ingest(Delivery delivery, DuckDBConnection connection, IngestSettings settings)
            throws SQLException {
        ExtractFormat.Detected detected;
        try {
            detected = ExtractFormat.detect(delivery.path());
        } catch (IOException e) {
            return refused("file_unreadable", "文件无法读取：" + e.getMessage(), "");
        }
        if (delivery.sizeBytes() == 0) {
            return refused("file_empty", "空文件（0 字节）：请重新导出", "");
        }
        ExtractFormat format = detected.format();
        String what = detected.what();
        switch (format) {
            case WORKBOOK, DOCUMENT, CSV -> {
            }
            case PDF -> {
                return refused("file_pdf", "PDF 文件：请导出为 Excel 或 CSV", what);
            }
            case IMAGE -> {
                return refused("file_image", "图片文件（" + what + "）：图片里的表格无法读取，请交付 Excel 或 CSV", what);
            }
            case ARCHIVE -> {
                return refused("file_archive", "压缩包（" + what + "）：请解压后直接交付其中的 Excel、CSV 或 Word 文件",
                        what);
            }
            case LEGACY_WORD -> {
                return refused("file_legacy_word", "旧版 Word 文档（.doc）：请另存为 .docx 或导出为 Excel", what);
            }
            case ENCRYPTED -> {
                return refused("file_encrypted", "文件有密码保护，请去掉密码后再交付", what);
            }
            case HTML -> {
                return refused("file_html", "网页文件（" + what + "），不是 Excel 工作簿（许多系统把网页表格存为 .xls）："
                        + "请在 Excel 或 WPS 中打开后另存为 .xlsx，或导出为 CSV", what);
            }
            case XML_SPREADSHEET -> {
                return refused("file_xml_spreadsheet", "Excel 2003 XML 表格，不是 .xls/.xlsx 工作簿：请在 Excel 或 WPS 中"
                        + "打开后另存为 .xlsx，或导出为 CSV", what);
            }
            case OFD -> {
                return refused("file_ofd", "OFD 版式文件：请交付 Excel、CSV 或 Word（.docx）格式的名单", what);
            }
            case PRESENTATION -> {
                return refused("file_presentation", "PowerPoint 演示文稿：请把其中的表格导出为 Excel 或 CSV", what);
            }
            case OPEN_DOCUMENT -> {
                return refused("file_open_document", "OpenDocument 文件（.ods/.odt）：请另存为 .xlsx 或 .docx", what);
            }
            case OTHER -> {
                return refused("file_not_table", "既不是 CSV 文本文件，也不是 Excel 工作簿或 Word 文档：请导出为 Excel 或 CSV",
                        what);
            }
        }
        String named = namedAsWorkbook(delivery) && format == ExtractFormat.CSV
                ? "文件名像 Excel 工作簿，内容却是文本，已按 CSV 读取；" : "";
        Tally tally = new Tally();
        String description = what;
        try {
            Optional<String> staged = staging && format == ExtractFormat.CSV
                    ? ingestStaged(delivery, connection, settings, tally) : Optional.empty();
            if (staged.isPresent()) {
                description = staged.get();
            } else {
                try (DuckDBAppender rejections = connection.createAppender("ingest", "rejected_rows");
                     ExtractFormat.ExtractReader reader = ExtractFormat.open(delivery.path(), format)) {
                    description = reader.description();
                    tally.undecodable = reader instanceof CsvExtractReader csv && csv.invalidBytes() > 0;
                    List<SheetSource> sheets = reader.sheets();
                    if (sheets.isEmpty() && format == ExtractFormat.DOCUMENT) {
                        return refused("file_document_no_table", "Word 文档中没有表格：请把名单做成表格，或导出为 Excel 或 CSV",
                                description);
                    }
                    for (SheetSource sheet : sheets) {
                        ingestSheet(sheet, delivery, connection, settings, rejections, tally);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A file that breaks off midway (truncated, corrupt) loads nothing: what it appended is taken back.
            discard(delivery, connection, tally.kinds);
            Explained why = explain(e, format);
            if (why.ofFormat()) {
                return refused(why.code(), why.text(), description);
            }
            return refused(why.code(), named + "文件无法读完" + (tally.lastRow > 0 ? "（读到第 " + tally.lastRow + " 行）" : "")
                    + "，整个文件未装载：" + why.text(), description);
        } catch (OutOfMemoryError e) {
            // A workbook within the size limits can still outgrow a small heap; what it held is garbage now. Refusing
            // it lets the run go on; failing would fail every night on the same file.
            discard(delivery, connection, tally.kinds);
            return refused("file_too_large", "文件太大，当前 Java 内存读不下（可提高 -Xmx，或改为 CSV 交付）："
                    + e.getMessage(), description);
        }
        if (tally.kinds.isEmpty() && tally.refusedSheet != null) {
            tally.messages.add(0, named + "没有一张表可以装载");
            return new FileOutcome(FileOutcome.Status.REFUSED, tally.refusedSheet, "", description, tally.messages,
                    0, 0, 0);
        }
        if (tally.kinds.isEmpty()) {
            tally.messages.add(0, named + "没有一张表的表头属于已知的提取种类" + tally.nearest.describe()
                    + (tally.undecodable ? "（字节既不是有效的 UTF-8 也不是 GB18030：可能不是文本导出）" : ""));
            return new FileOutcome(FileOutcome.Status.REFUSED, "no_known_header", "", description, tally.messages,
                    0, 0, 0);
        }
        if (tally.read == 0) {
            tally.messages.add("表头下没有数据行");
        }
        return new FileOutcome(FileOutcome.Status.LOADED, null, String.join(",", tally.kinds.stream()
                .map(ExtractKind::code).toList()), description, tally.messages, tally.read, tally.loaded, tally.rejected);
    }

    private void ingestSheet(SheetSource sheet, Delivery delivery, DuckDBConnection connection,
                             IngestSettings settings, DuckDBAppender rejections, Tally tally) throws SQLException {
        String where = sheet.place().isEmpty() ? "" : sheet.place() + "：";
        Iterator<RawRow> rows = sheet.rows();
        List<RawRow> head = new ArrayList<>();
        while (head.size() < HEADER_SEARCH_ROWS && rows.hasNext()) {
            head.add(rows.next());
        }
        Nearest nearest = new Nearest();
        Optional<Header> found = findHeader(head, sheet::headerDepth, sheet, delivery.fileName(), nearest);
        tally.nearest.consider(nearest);
        if (found.isEmpty()) {
            if (!sheet.name().isEmpty()) {
                tally.messages.add(where + "不属于任何已知的提取种类，已跳过");
            }
            reports.accept(new TableReport(sheet.name(), 0, List.of(), null, null, nearest, null));
            return;
        }
        Header header = found.get();
        LoadContext context = header.context(connection, delivery, sheet.name(), settings, where, tally);
        ExtractKind.RowLoader loader;
        try {
            loader = header.kind().open(context);
        } catch (SheetRefusedException e) {
            tally.messages.add(where + header.kind().name() + "整表未装载：" + e.getMessage());
            tally.refusedSheet = tally.refusedSheet == null ? e.code() : tally.refusedSheet;
            reports.accept(header.report(sheet.name(), head, e.getMessage()));
            return;
        }
        reports.accept(header.report(sheet.name(), head, null));
        tally.kinds.add(header.kind());
        try (loader) {
            loadRows(concat(head.subList(header.end(), head.size()).iterator(), rows), header.width(head), loader,
                    context, rejections, tally);
        }
    }

    /**
     * A CSV staged by DuckDB for a kind with a fast lane: the lane's rows go into the fact table in one statement,
     * the others through the kind's loader as in the row path. Empty when the file is no such CSV, or cannot be
     * staged exactly as the row path reads it; the row path then reads it.
     */
    private Optional<String> ingestStaged(Delivery delivery, DuckDBConnection connection, IngestSettings settings,
                                          Tally tally) throws SQLException, IOException {
        Optional<StagedCsv> opened = StagedCsv.open(delivery.path());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (StagedCsv csv = opened.get()) {
            List<RawRow> head = csv.head(HEADER_SEARCH_ROWS);
            Optional<Header> found = findHeader(head, row -> 1, null, delivery.fileName(), new Nearest());
            if (found.isEmpty() || !(found.get().kind() instanceof SetBasedKind kind)) {
                return Optional.empty();
            }
            Header header = found.get();
            RawRow headerRow = head.get(header.index());
            if (header.end() < head.size() && head.get(header.end()).number() != headerRow.number() + 1) {
                // A header cell broken over lines (an Excel header with a line break): the lines are not the rows.
                return Optional.empty();
            }
            int width = headerRow.cells().size();
            Optional<List<StagedCsv.Part>> parts = csv.split(headerRow.number());
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            LoadContext context = header.context(connection, delivery, "", settings, "", tally);
            tally.kinds.add(kind);
            String lane = kind.fastLane(new LoadContext(csv.reader(connection), context.delivery(), context.sheet(),
                    context.header(), context.settings()));
            String delivered = delivered(kind, context.header(), width);
            for (StagedCsv.Part part : parts.get()) {
                if (!csv.stage(connection, part, width, delivered, lane)) {
                    // Not one row per line after all (or DuckDB refused a later part): the row path reads the file.
                    discard(delivery, connection, tally.kinds);
                    tally.clear();
                    return Optional.empty();
                }
                if (loadStagedPart(csv, kind, headerRow.number(), width, context, tally)) {
                    break;
                }
            }
            reports.accept(header.report("", head, null));
            return Optional.of(csv.description());
        }
    }

    /**
     * Loads the staged part: the rows off the fast lane through the kind's loader, then the lane's rows in one
     * statement. True when a notes row ended the table.
     */
    private static boolean loadStagedPart(StagedCsv csv, SetBasedKind kind, int headerLine, int width,
                                          LoadContext context, Tally tally) throws SQLException {
        DuckDBConnection connection = context.connection();
        int stoppedAt;
        try (ExtractKind.RowLoader loader = kind.open(context);
             DuckDBAppender rejections = connection.createAppender("ingest", "rejected_rows");
             Statement s = connection.createStatement();
             ResultSet slow = s.executeQuery("select ordinal, cells from " + csv.table()
                     + " where not fast order by ordinal")) {
            stoppedAt = loadRows(StagedCsv.rows(slow, headerLine, width), width, loader, context, rejections, tally);
        }
        // Below a notes row the table is over, for the lane's rows too. The hash and the numbers are written into
        // the statement (a hexadecimal hash, numbers: nothing to escape).
        String insert = "insert into " + kind.factTables().get(0) + " select '" + context.delivery().contentHash()
                + "', '', " + (headerLine + 1L) + " + ordinal, * exclude (ordinal, fast, cells) from " + csv.table()
                + " where fast" + (stoppedAt == Integer.MAX_VALUE ? "" : " and ordinal < "
                + ((long) stoppedAt - headerLine - 1));
        try (Statement s = connection.createStatement()) {
            // The facts need no order (their row numbers say where they came from); DuckDB inserts faster when its
            // threads may interleave their rows.
            s.execute("set preserve_insertion_order = false");
            int fast = s.executeUpdate(insert);
            s.execute("reset preserve_insertion_order");
            tally.read += fast;
            tally.loaded += fast;
        }
        return stoppedAt != Integer.MAX_VALUE;
    }

    /**
     * The view a fast lane reads, over the rows {@code {{source}}} stands for ({@code c0}, each row's position, then
     * its cells): the position, whether every cell fits {@link #MAX_CELL_CHARS}, the cells, and the kind's columns
     * by name (NULL for a column the file does not have).
     */
    private static String delivered(SetBasedKind kind, HeaderBinding binding, int width) {
        StringBuilder fit = new StringBuilder();
        StringBuilder cells = new StringBuilder();
        for (int c = 1; c <= width; c++) {
            fit.append(c > 1 ? " and " : "").append("coalesce(length(c").append(c).append(") <= ")
                    .append(MAX_CELL_CHARS).append(", true)");
            cells.append(c > 1 ? ", " : "").append('c').append(c);
        }
        StringBuilder columns = new StringBuilder();
        for (Column column : kind.columns()) {
            HeaderCell cell = binding.columns().get(column.name());
            HeaderBinding.Given given = binding.fromMetadata().get(column.name());
            String delivered = cell == null ? "null::varchar" : "c" + (cell.index() + 1);
            // What the title or file name gives (a cut-off) stands in for a missing cell, as HeaderBinding.get does.
            columns.append(",\n        ").append(given == null ? delivered : "coalesce(" + delivered + ", "
                    + literal(given.value()) + ")").append(" as \"").append(column.name()).append('"');
        }
        return "create or replace temp view delivered as\nselect c0 as ordinal, " + fit + " as cells_fit, ["
                + cells + "] as cells" + columns + "\nfrom {{source}}";
    }

    /**
     * Loads a table's data rows: blank rows skipped, each row loaded or rejected with its reason. Returns the number
     * of the notes row that ended the table, or {@link Integer#MAX_VALUE}.
     */
    private static int loadRows(Iterator<RawRow> data, int width, ExtractKind.RowLoader loader, LoadContext context,
                                DuckDBAppender rejections, Tally tally) throws SQLException {
        while (data.hasNext()) {
            RawRow row = data.next();
            tally.lastRow = row.number();
            if (row.isBlank()) {
                continue;
            }
            if (NOTES_ROW.matcher(row.firstText()).matches()) {
                loader.notes(notes(row, data));
                return row.number();
            }
            tally.read++;
            try {
                checkCells(row, width, tally.undecodable);
                checkMoneyUnit(row, context.header());
                loader.load(row);
                tally.loaded++;
            } catch (RowRejectedException e) {
                tally.rejected++;
                rejections.beginRow().append(context.delivery().contentHash()).append(context.sheet())
                        .append(row.number()).append(e.reason()).append(raw(row)).append(e.code()).endRow();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The notes row {@code first} and the rows after it (at most {@link #HEADER_SEARCH_ROWS}), each as its text. */
    private static List<String> notes(RawRow first, Iterator<RawRow> rest) {
        List<String> notes = new ArrayList<>();
        RawRow row = first;
        while (row != null && notes.size() < HEADER_SEARCH_ROWS) {
            String text = String.join(",", row.cells().stream().map(Cells::text).filter(t -> !t.isEmpty()).toList());
            if (!text.isEmpty()) {
                notes.add(text);
            }
            row = rest.hasNext() ? rest.next() : null;
        }
        return notes;
    }

    /**
     * The first row of {@code head} that is (with the rows merged below it) the header of a known kind; the rows above
     * it (and the sheet's own titles) are its title rows. Where none is, {@code tally} keeps the nearest kind.
     */
    private Optional<Header> findHeader(List<RawRow> head, IntUnaryOperator headerDepth, SheetSource sheet,
                                        String fileName, Nearest nearest) {
        List<String> sheetTitles = sheet == null ? List.of() : sheet.titles();
        String sheetName = sheet == null ? "" : sheet.name();
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).isBlank()) {
                continue;
            }
            int depth = Math.min(headerDepth.applyAsInt(head.get(i).number()), head.size() - i);
            // A title merged across the table's width stands in each cell it covers: read it once.
            Set<String> titles = new LinkedHashSet<>(sheetTitles);
            head.subList(0, i).stream().flatMap(r -> r.cells().stream()).map(Cells::text).filter(t -> !t.isEmpty())
                    .forEach(titles::add);
            TableMetadata metadata = TableMetadata.of(List.copyOf(titles), sheetName, fileName);
            List<String> header = combine(head.subList(i, i + depth));
            Optional<Recognised> match = recognise(header, metadata, head.get(i).number(), sheetName, nearest);
            if (match.isPresent()) {
                return Optional.of(new Header(i, depth, match.get().kind(), match.get().binding()));
            }
        }
        return Optional.empty();
    }

    /** A row with a value in a money column whose unit only an unconvertible title line states. */
    private static void checkMoneyUnit(RawRow row, HeaderBinding header) {
        for (String column : header.unreadableMoneyColumns()) {
            if (!Cells.isMissing(header.get(row, column))) {
                throw new RowRejectedException("title_unit_unconvertible", column + "：标题所述金额单位“"
                        + header.metadata().moneyUnit().stated() + "”无法换算为万元，数值无法读取");
            }
        }
    }

    /**
     * Rows no kind should see: the end of a file cut off in transit, a runaway cell, or bytes that did not decode. A
     * last row that no line break ends and that lacks some of the header's {@code width} cells was cut off; its
     * missing cells are not empty ones. (A file may lack the final line break; cut off after its last cell, it
     * cannot be told from one that does.)
     */
    private static void checkCells(RawRow row, int width, boolean undecodable) {
        if (row.cutOff() && row.cells().size() < width) {
            throw new RowRejectedException("row_truncated", "文件在这一行中间结束（被截断？）：只有 "
                    + row.cells().size() + " 列，表头有 " + width + " 列");
        }
        for (int c = 0; c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (cell.length() > MAX_CELL_CHARS) {
                throw new RowRejectedException("cell_too_long", "第 " + (c + 1) + " 列有 " + cell.length()
                        + " 个字符，超过任何字段可能的 " + MAX_CELL_CHARS + " 个（可能是引号未闭合）");
            }
            if (undecodable && cell.indexOf('\uFFFD') >= 0) {
                throw new RowRejectedException("bytes_undecodable", "第 " + (c + 1) + " 列含有文件编码中无效的字节"
                        + "（原始内容中显示为 \uFFFD）");
            }
        }
    }

    /** The row as delivered, cut to {@link #MAX_RAW_CHARS} characters (a runaway row would bloat the table). */
    private static String raw(RawRow row) {
        long length = 0;
        for (String c : row.cells()) {
            length += c == null ? 0 : c.length();
            if (length > MAX_RAW_CHARS) {
                List<String> cut = new ArrayList<>();
                long kept = 0;
                for (String d : row.cells()) {
                    String t = d == null ? "" : d;
                    if (kept + t.length() > MAX_RAW_CHARS) {
                        cut.add(t.substring(0, (int) Math.max(0, MAX_RAW_CHARS - kept)));
                        break;
                    }
                    cut.add(t);
                    kept += t.length();
                }
                return new RawRow(row.number(), cut).raw() + " …（已截断；共 " + row.cells().size() + " 个单元格）";
            }
        }
        return row.raw();
    }

    private static boolean namedAsWorkbook(Delivery delivery) {
        String name = delivery.fileName().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm");
    }

    /** {@code ofFormat}: the file is of a format refused as such, and the message says so without "无法读完". */
    private record Explained(String code, String text, boolean ofFormat) {
        Explained(String code, String text) {
            this(code, text, false);
        }
    }

    /** What the office calls the file: a Word document is never called a workbook. */
    private static String noun(ExtractFormat format) {
        return format == ExtractFormat.DOCUMENT ? "Word 文档" : "工作簿";
    }

    /** The reason a file could not be read, in words the office acts on. */
    private static Explained explain(Throwable e, ExtractFormat format) {
        String root = rootMessage(e);
        if (root.contains("EOF reached before encapsulated token finished")) {
            return new Explained("file_truncated", "文件在一个带引号的字段中间结束（文件被截断？请重新导出）：" + root);
        }
        if (e instanceof WorkbookExtractReader.ExpandsTooFar || root.contains("Zip bomb detected")) {
            return new Explained("file_zip_bomb", noun(format) + "解压后远大于正常的" + noun(format)
                    + "，疑为压缩炸弹，已拒收（" + (e instanceof WorkbookExtractReader.ExpandsTooFar ? e.getMessage()
                    : root.lines().findFirst().orElse("")) + "）");
        }
        if (root.contains("DOCTYPE is disallowed")) {
            return new Explained("file_doctype", noun(format)
                    + "的 XML 声明了 DOCTYPE（不解析任何实体、不读取文件以外的内容），已拒收：" + root);
        }
        if (e instanceof org.apache.poi.EncryptedDocumentException
                || e.getCause() instanceof org.apache.poi.EncryptedDocumentException) {
            return new Explained("file_encrypted", "文件有密码保护，请去掉密码后再交付", true);
        }
        if (e instanceof org.apache.poi.hssf.OldExcelFormatException) {
            return new Explained("file_old_excel", "Excel 95 或更早版本的工作簿：请另存为 .xlsx 后再交付", true);
        }
        if (format == ExtractFormat.DOCUMENT) {
            return new Explained("file_corrupt_document", "不是有效的 Word 文档（已损坏或被截断）：" + root);
        }
        if (format == ExtractFormat.WORKBOOK) {
            return new Explained("file_corrupt_workbook", "不是有效的 Excel 工作簿（已损坏、被截断，或是其他 zip 文件）："
                    + root);
        }
        return new Explained("file_unreadable", "读取时出错（" + root + "）");
    }

    /** The kind whose columns bind most of {@code header}; where none binds, the nearest is kept in the tally. */
    private Optional<Recognised> recognise(List<String> header, TableMetadata metadata, int rowNumber,
                                           String sheet, Nearest nearest) {
        Recognised best = null;
        for (ExtractKind kind : kinds) {
            HeaderBinding.Assessment a = kind.assess(header, metadata);
            if (a.bound()) {
                if (best == null || a.binding().size() > best.binding().size()) {
                    best = new Recognised(kind, a.binding());
                }
            } else {
                nearest.consider(a, rowNumber, sheet);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A header spread over several rows by merged cells: per column the distinct texts, top to bottom. */
    static List<String> combine(List<RawRow> rows) {
        if (rows.size() == 1) {
            return rows.get(0).cells();
        }
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> header = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Set<String> parts = new LinkedHashSet<>();
            for (RawRow r : rows) {
                String t = Cells.text(r.cell(c));
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            header.add(String.join("", parts));
        }
        return header;
    }

    private static void discard(Delivery delivery, DuckDBConnection connection, Set<ExtractKind> kinds)
            throws SQLException {
        List<String> tables = new ArrayList<>(List.of("ingest.rejected_rows"));
        kinds.forEach(k -> tables.addAll(k.factTables()));
        for (String table : tables) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + " where content_hash = ?")) {
                delete.setString(1, delivery.contentHash());
                delete.executeUpdate();
            }
        }
    }

    private static FileOutcome refused(String code, String message, String format) {
        return new FileOutcome(FileOutcome.Status.REFUSED, code, "", format, List.of(message), 0, 0, 0);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }

    private record Recognised(ExtractKind kind, HeaderBinding binding) {
    }

    /** A header found at {@code index} of the head, {@code depth} rows deep. */
    private record Header(int index, int depth, ExtractKind kind, HeaderBinding binding) {

        /** The position of the first row below the header. */
        int end() {
            return index + depth;
        }

        /** How many columns the header has (its cells, with the rows merged below it). */
        int width(List<RawRow> head) {
            return combine(head.subList(index, end())).size();
        }

        TableReport report(String sheet, List<RawRow> head, String refusal) {
            return new TableReport(sheet, head.get(index).number(), combine(head.subList(index, end())), kind, binding,
                    null, refusal);
        }

        /**
         * The loader's context; the columns no kind reads, the values taken from titles and file name, and a title
         * unit the headers contradict are reported in the file's messages.
         */
        LoadContext context(DuckDBConnection connection, Delivery delivery, String sheet, IngestSettings settings,
                            String where, Tally tally) {
            List<String> unread = binding.unread();
            if (!unread.isEmpty()) {
                tally.messages.add(where + kind.name() + "（" + kind.code() + "）未读取的列："
                        + String.join("、", unread.subList(0, Math.min(unread.size(), MAX_LISTED_COLUMNS)))
                        + (unread.size() > MAX_LISTED_COLUMNS ? " 等另 " + (unread.size() - MAX_LISTED_COLUMNS) + " 列"
                        : ""));
            }
            TableMetadata metadata = binding.metadata();
            binding.fromMetadata().forEach((column, given) -> {
                if (!binding.has(column)) {
                    tally.messages.add(where + column + "取自" + given.from() + "：" + given.value());
                }
            });
            if (metadata.moneyUnit() != null && !binding.unitConflicts().isEmpty()) {
                tally.messages.add(where + "标题所述金额单位“" + metadata.moneyUnit().stated() + "”与表头"
                        + String.join("、", binding.unitConflicts()) + "的单位不同，以表头为准");
            }
            metadata.notes().forEach(note -> tally.messages.add(where + note));
            return new LoadContext(connection, delivery, sheet, binding, settings);
        }
    }

    /** The kind a header came closest to where no kind is its own: what a refusal names. */
    public static final class Nearest {
        private HeaderBinding.Assessment assessment;
        private int row;
        private String sheet;

        void consider(HeaderBinding.Assessment a, int row, String sheet) {
            if (a.binding().size() > 0 && (assessment == null || a.binding().size() > assessment.binding().size()
                    || a.binding().size() == assessment.binding().size()
                    && a.missing().size() < assessment.missing().size())) {
                this.assessment = a;
                this.row = row;
                this.sheet = sheet;
            }
        }

        void consider(Nearest other) {
            if (other.assessment != null) {
                consider(other.assessment, other.row, other.sheet);
            }
        }

        void clear() {
            assessment = null;
        }

        public HeaderBinding.Assessment assessment() {
            return assessment;
        }

        /** "。最接近的是…：缺少必需列…；已识别的列…；其余的列…", or why nothing is near. */
        public String describe() {
            if (assessment == null) {
                return "：没有一个表头单元格是已知种类的列名（可用 inspect 命令查看文件的读取方式）";
            }
            List<String> has = new ArrayList<>();
            assessment.binding().columns().forEach((column, cell) -> has.add(cell.text().equals(column) ? column
                    : cell.text() + "→" + column));
            List<String> unread = assessment.binding().unread();
            return "。最接近的是“" + assessment.kind().name() + "”（" + assessment.kind().code() + "，"
                    + (sheet == null || sheet.isEmpty() ? "" : "工作表“" + sheet + "”")
                    + "第 " + row + " 行）：缺少必需列 " + String.join("、", assessment.missing())
                    + "；已识别的列 " + String.join("、", has)
                    + (unread.isEmpty() ? "" : "；其余的列 "
                    + String.join("、", unread.subList(0, Math.min(unread.size(), MAX_LISTED_COLUMNS))));
        }
    }

    private static final class Tally {
        final Set<ExtractKind> kinds = new LinkedHashSet<>();
        final List<String> messages = new ArrayList<>();
        /** The code of the first table recognised but refused as a whole (a yearbook without a year). */
        String refusedSheet;
        final Nearest nearest = new Nearest();
        long read;
        long loaded;
        long rejected;
        int lastRow;
        boolean undecodable;

        /** Forgets a staged attempt whose rows were discarded. */
        void clear() {
            kinds.clear();
            messages.clear();
            read = 0;
            loaded = 0;
            rejected = 0;
            lastRow = 0;
            nearest.clear();
            refusedSheet = null;
        }
    }
}
