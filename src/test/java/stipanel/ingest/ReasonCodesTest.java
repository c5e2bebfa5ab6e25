package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every reason code the product can write is listed in {@code jobs/reference/reason_codes.csv}, and the catalogue
 * lists no code nobody writes. The codes are read from the sources where they are written: in Java the code argument
 * of {@code new RowRejectedException(…)}, {@code new SheetRefusedException(…)} (and their {@code this(…)}),
 * {@code new FileOutcome(…)}, FileIngester's {@code refused(…)}, {@code new Explained(…)} and the nightly
 * ingest's {@code postpone(…)} of an unfinished file; in SQL a
 * {@code {'code': '…', 'reason': …}} struct; in the header of an indicator's file of {@code jobs/indicators/} its
 * {@code undefined_when}'s code.
 * A code is written as a literal where its reason is raised, so that this test sees it.
 */
class ReasonCodesTest {

    /**
     * Rows rejected before reasons had codes (warehouses made before migration 002) have none: the morning report
     * groups them under this code, which no rule raises.
     */
    static final String BEFORE_CODES = "unclassified";

    /** Where a code is passed on rather than raised: it was checked where it was written. */
    static final Set<String> FORWARDED = Set.of("code", "why.code()", "e.code()", "tally.refusedSheet", "null");

    static final Pattern CODE = Pattern.compile("[a-z]+(_[a-z]+)*");

    @Test
    void everyCodeWrittenIsInTheCatalogueAndTheCatalogueListsNoOther() throws IOException {
        // given every place a code is written
        Found found = new Found();
        for (Path java : files(Path.of("src/main/java"), ".java")) {
            found.java(java.toString().replace('\\', '/'), Files.readString(java, StandardCharsets.UTF_8));
        }
        for (Path sql : files(Path.of("src/main/resources"), ".sql")) {
            found.sql(sql.toString(), Files.readString(sql, StandardCharsets.UTF_8));
        }
        for (Path sql : files(Path.of("jobs"), ".sql")) {
            found.sql(sql.toString(), Files.readString(sql, StandardCharsets.UTF_8));
        }
        for (Path indicator : files(Path.of("jobs/indicators"), ".sql")) {
            found.indicator(indicator.toString(), Files.readString(indicator, StandardCharsets.UTF_8));
        }
        // when compared with the catalogue
        Set<String> catalogue = catalogue().keySet();
        Set<String> unlisted = new TreeSet<>(found.codes.keySet());
        unlisted.removeAll(catalogue);
        Set<String> unused = new TreeSet<>(catalogue);
        unused.removeAll(found.codes.keySet());
        unused.remove(BEFORE_CODES);
        // then
        assertEquals(List.of(), found.problems, "codes that are not written as literals");
        assertEquals(Map.of(), unlisted.stream().collect(Collectors.toMap(c -> c, found.codes::get)),
                "codes used but not in jobs/reference/reason_codes.csv (code → where)");
        assertEquals(Set.of(), unused, "codes in jobs/reference/reason_codes.csv that nothing writes");
        // and the scan saw the codes of every kind of place (a scan that finds nothing would pass the rest)
        assertTrue(catalogue.contains(BEFORE_CODES));
        assertTrue(!found.codes.containsKey(BEFORE_CODES), "no rule may raise " + BEFORE_CODES);
        for (String code : List.of("number_invalid", "title_year_missing", "file_zip_bomb",
                "no_known_header", "before_plan", "indicator_undefined", "base_year_missing")) {
            assertTrue(found.codes.containsKey(code), code);
        }
    }

    @Test
    void theCatalogueIsWellFormed() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (CSVRecord r : records()) {
            String code = r.get("code");
            if (!seen.add(code)) {
                problems.add(code + " is listed twice");
            }
            if (!CODE.matcher(code).matches()) {
                problems.add(code + " is not lower_snake_case");
            }
            if (!Set.of("row", "sheet", "file", "value").contains(r.get("applies_to"))) {
                problems.add(code + " applies to '" + r.get("applies_to") + "', none of row, sheet, file, value");
            }
            if (!r.get("description_zh").matches(".*\\p{IsHan}.*")) {
                problems.add(code + " has no Chinese description");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theScanFindsLiteralCodesAndFlagsWhatItCannotCheck() {
        // given sources as a kind, the mechanism and the panel might write them
        Found found = new Found();
        found.java("src/main/java/stipanel/statistics/X.java", """
                class X {
                    // new RowRejectedException("in_a_comment", "…") is no code
                    /* nor is new SheetRefusedException("in_a_block", "…") */
                    String s = "new RowRejectedException(\\"in_a_string\\", x)";
                    String t = \"""
                            new RowRejectedException("in_a_text_block", x)
                            \""";
                    void load() {
                        throw new RowRejectedException("made_up", column + "“" + f(a, b) + "”");
                    }
                    void open() {
                        throw new SheetRefusedException(someCode, "标题");
                    }
                    void old() {
                        throw new RowRejectedException(column + " is missing");
                    }
                    FileOutcome refused(String code, String message) {
                        return new FileOutcome(Status.REFUSED, code, "", "", List.of(message), 0, 0, 0);
                    }
                    FileOutcome empty() {
                        return refused("file_made_up", "空文件");
                    }
                }
                """);
        found.java("src/main/java/stipanel/patents/Y.java", """
                class Y { void f() { throw new RowRejectedException(NUMBER + " is missing"); } }
                """);
        found.sql("x.sql", """
                -- {'code': 'in_sql_comment', 'reason': 'x'}
                select case when a then {'code': 'sql_made_up', 'reason': '缺少输入：' || b} end as why
                """);
        found.indicator("x.sql", """
                /*
                code: X
                undefined_when:
                  code: yaml_made_up
                  reason: 分母为 0
                */
                select region_code, year, a / b as value from marts.components_wide
                """);
        // then
        assertEquals(new TreeSet<>(List.of("made_up", "file_made_up", "sql_made_up", "yaml_made_up")),
                found.codes.keySet());
        assertEquals(List.of(
                "src/main/java/stipanel/statistics/X.java:12: SheetRefusedException(someCode, …): "
                        + "the code is no literal",
                "src/main/java/stipanel/statistics/X.java:15: RowRejectedException(…) without a code",
                "src/main/java/stipanel/patents/Y.java:1: RowRejectedException(…) without a code"),
                found.problems);
    }

    private static Map<String, CSVRecord> catalogue() throws IOException {
        Map<String, CSVRecord> codes = new TreeMap<>();
        for (CSVRecord r : records()) {
            codes.put(r.get("code"), r);
        }
        return codes;
    }

    private static List<CSVRecord> records() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("jobs/reference/reason_codes.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The codes found (code → first place) and what could not be checked. */
    static final class Found {

        /** The calls that take a code, and which argument it is. */
        private static final Map<String, Integer> CODE_ARGUMENT = Map.of("RowRejectedException", 0,
                "SheetRefusedException", 0, "FileOutcome", 1, "Explained", 0, "refused", 0, "this", 0, "postpone", 4);
        private static final Pattern SQL_CODE = Pattern.compile("'code'\\s*:\\s*'([^']*)'");

        final Map<String, String> codes = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        void java(String path, String source) {
            String code = JavaSource.blankCommentsAndLiterals(source);
            Matcher m = Pattern.compile("\\b(new\\s+)?(RowRejectedException|SheetRefusedException|FileOutcome|Explained"
                    + "|refused|postpone|this)\\s*\\(").matcher(code);
            while (m.find()) {
                String name = m.group(2);
                boolean constructed = m.group(1) != null;
                boolean call = switch (name) {
                    case "refused", "postpone" -> JavaSource.isCall(code, m.start(2));
                    case "this" -> path.endsWith("/RowRejectedException.java")
                            || path.endsWith("/SheetRefusedException.java");
                    default -> constructed;
                };
                if (!call) {
                    continue;
                }
                long line = 1 + source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                List<String> arguments = JavaSource.arguments(source, code, m.end() - 1);
                int at = CODE_ARGUMENT.get(name);
                String where = path + ":" + line;
                if (arguments.size() == 1 && at == 0 && !name.equals("this")) {
                    problems.add(where + ": " + name + "(…) without a code");
                    continue;
                }
                String argument = arguments.get(at);
                if (argument.startsWith("\"")) {
                    String literal = argument.substring(1, argument.length() - 1);
                    if (!CODE.matcher(literal).matches()) {
                        problems.add(where + ": " + name + "(" + argument + ", …): not lower_snake_case");
                    }
                    codes.putIfAbsent(literal, where);
                } else if (!FORWARDED.contains(argument)) {
                    problems.add(where + ": " + name + "(" + argument + ", …): the code is no literal");
                }
            }
        }

        void sql(String path, String source) {
            Matcher m = SQL_CODE.matcher(source.replaceAll("(?m)^\\s*--.*$", ""));
            while (m.find()) {
                codes.putIfAbsent(m.group(1), path);
            }
        }

        @SuppressWarnings("unchecked")
        void indicator(String path, String definition) {
            Map<String, Object> header = new Yaml().load(definition.substring(definition.indexOf("/*") + 2,
                    definition.indexOf("*/")));
            Map<String, Object> undefined = (Map<String, Object>) header.get("undefined_when");
            if (undefined != null) {
                codes.putIfAbsent((String) undefined.get("code"), path + " " + header.get("code"));
            }
        }
    }

    /** Just enough Java lexing to find calls and their arguments outside comments, strings and text blocks. */
    static final class JavaSource {

        /** The source with comments and the contents of literals replaced by spaces: positions stay the same. */
        static String blankCommentsAndLiterals(String s) {
            StringBuilder out = new StringBuilder(s);
            int i = 0;
            while (i < s.length()) {
                if (s.startsWith("//", i)) {
                    int end = s.indexOf('\n', i);
                    i = blank(out, i, end < 0 ? s.length() : end);
                } else if (s.startsWith("/*", i)) {
                    i = blank(out, i, s.indexOf("*/", i + 2) + 2);
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    i = blank(out, i + 3, end) + 3;
                } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                    char quote = s.charAt(i);
                    int j = i + 1;
                    while (s.charAt(j) != quote) {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = blank(out, i + 1, j) + 1;
                } else {
                    i++;
                }
            }
            return out.toString();
        }

        private static int blank(StringBuilder out, int from, int to) {
            for (int k = from; k < to; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            return to;
        }

        /** A call, not a declaration: what stands before the name is no type (return, throw, or punctuation). */
        static boolean isCall(String code, int nameStart) {
            String before = code.substring(0, nameStart).stripTrailing();
            return before.endsWith("return") || before.endsWith("throw") || before.endsWith("->")
                    || "(=,;{}:?".indexOf(before.charAt(before.length() - 1)) >= 0;
        }

        /** The arguments of the call whose '(' is at {@code open}, as written (literals intact), trimmed. */
        static List<String> arguments(String source, String code, int open) {
            List<String> arguments = new ArrayList<>();
            int depth = 0;
            int start = open + 1;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        arguments.add(source.substring(start, i).strip());
                        return arguments;
                    }
                } else if (c == ',' && depth == 1) {
                    arguments.add(source.substring(start, i).strip());
                    start = i + 1;
                }
            }
            throw new IllegalStateException("unbalanced call at " + open);
        }
    }
}
