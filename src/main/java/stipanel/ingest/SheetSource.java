package stipanel.ingest;

import java.util.Iterator;

/** One table of a delivered file: the single table of a CSV, one sheet of a workbook, one table of a document. */
public interface SheetSource {

    /** The sheet's name; empty for a CSV. */
    String name();

    /**
     * Text that stands above the table without being one of its rows (the paragraphs above a Word table): read as
     * title rows before the first row.
     */
    default java.util.List<String> titles() {
        return java.util.List.of();
    }

    /** Where in the file the table stands, for messages: 工作表“数据”, 表格“表格1”; empty for a CSV. */
    default String place() {
        return name().isEmpty() ? "" : "工作表“" + name() + "”";
    }

    /** The rows in order, blank ones included. Can be called once. */
    Iterator<RawRow> rows();

    /** How many rows a header starting at {@code rowNumber} spans: more than 1 where its cells are merged downwards. */
    default int headerDepth(int rowNumber) {
        return 1;
    }
}
