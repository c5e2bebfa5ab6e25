package stipanel.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVRecord;

import stipanel.cli.Cli;
import stipanel.ingest.ReferenceData;
import stipanel.ingest.Uscc;
import stipanel.patents.ApplicationNumber;

/**
 * {@code generate}: synthetic national-scale deliveries over every county of {@code jobs/reference/gbt2260/areas.csv},
 * deterministic from a seed, in the exact layouts the kinds read (docs/source-rules.md): a patent extract, the
 * enterprise registry, the certification lists and the statistics long form for every county and year. Check
 * characters are valid (application numbers per ZC 0006-2003, USCC per GB 32100 and GB 11714), and a small
 * deterministic share of rows is broken in the ways real deliveries are (a wrong check character, a type that
 * disagrees with the number, 失效 without its date, an unknown region code, an impossible date). Rows are written
 * as they are made: memory stays constant whatever the counts.
 */
public final class Generate {

    static final String USAGE = """
            Usage: src/bench/bench generate --out DIR [options]

              --out DIR             folder to write into (created)
              --seed N              random seed; the same seed writes the same bytes          (default 1)
              --patents N           rows of the patent extract                                (default 1000000)
              --registry N          rows of the enterprise registry                           (default 1000000)
              --certifications N    rows of the certification lists                           (default 100000)
              --years N             statistics for every county over the last N years to 2024 (default 10; 0 = none)
              --encoding E          utf-8, gbk or both (GBK files get a .gbk.csv suffix)      (default utf-8)
              --bad-per-mille N     rows per thousand broken on purpose                       (default 5)
            """;

    /** Division-consistent GB/T 4754 codes. */
    private static final String[] INDUSTRIES = {"C3921", "C3731", "G5532", "C1361", "D4415", "M7320", "I6513",
            "C2761", "C3562", "F5191", "3921", "C3841"};
    private static final String[] IPCS = {"F03D 7/04", "F03B 13/14", "H01M 10/0525", "G06N 3/08", "C12N 15/10",
            "A61K 36/02", "A47G 19/02", "A63H 33/00", "B63B 35/44", "A01K 61/54", "B63C 9/08", "H04L 9/32",
            "G06F16/22", "C02F 1/44", "E02B 3/06", "H02J 3/38"};
    private static final String[] TITLE_WORDS = {"海上", "浮式", "风电", "储能", "电池", "养殖", "装置", "系统", "方法",
            "检测", "控制", "智能", "波浪能", "贻贝", "渔船", "平台", "材料", "制备", "生物", "算法"};
    private static final String[] NAME_WORDS = {"海洋", "科技", "智能", "新能源", "生物", "装备", "数字", "材料",
            "远洋", "绿色", "精密", "信息"};
    private static final String[] CERT_CATEGORIES = {"高新技术企业", "科技型中小企业", "专精特新中小企业",
            "创新型中小企业", "科技服务机构", "企业研发机构", "专精特新\"小巨人\"企业"};
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Statistics (name as delivered, unit, base value per county, yearly growth). */
    private record Stat(String name, String unit, double base, double growth) {
    }

    private static final Stat[] STATS = {
            new Stat("地区生产总值", "亿元", 300, 0.06), new Stat("R&D经费内部支出", "万元", 60000, 0.10),
            new Stat("规模以上工业企业营业收入", "亿元", 150, 0.07), new Stat("规上工业企业研发费用", "万元", 15000, 0.09),
            new Stat("规上工业增加值", "万元", 400000, 0.06), new Stat("高新技术产业增加值", "万元", 120000, 0.08),
            new Stat("R&D人员折合全时当量", "人年", 2500, 0.05), new Stat("就业人员数", "万人", 30, 0.01),
            new Stat("年末常住人口", "万人", 50, 0.005), new Stat("财政科技支出", "万元", 20000, 0.12),
            new Stat("技能人才总量", "人", 60000, 0.04), new Stat("高技能人才总量", "人", 20000, 0.05),
            new Stat("新引进高校毕业生", "人", 3000, 0.03), new Stat("派遣科技特派员", "人次", 40, 0.02),
            new Stat("硬核科技攻关项目", "项", 12, 0.05), new Stat("科技成果转化应用", "项", 8, 0.05)};

    record County(String code, String name) {
    }

    record Options(Path out, long seed, long patents, long registry, long certifications, int years,
                   List<Charset> charsets, int badPerMille) {
    }

    private final Options options;
    private final List<County> counties;

    Generate(Options options) {
        this.options = options;
        this.counties = counties();
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = parse(args);
        long start = System.nanoTime();
        try {
            Files.createDirectories(o.out());
            for (Path written : new Generate(o).writeAll()) {
                out.printf("%s  %,d bytes%n", written, Files.size(written));
            }
        } catch (IOException e) {
            err.println("sti-panel generate: " + e.getMessage());
            return 1;
        }
        out.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    static Options parse(List<String> args) {
        Path out = null;
        long seed = 1;
        long patents = 1_000_000;
        long registry = 1_000_000;
        long certifications = 100_000;
        int years = 10;
        String encoding = "utf-8";
        int bad = 5;
        for (Map.Entry<String, String> pair : Cli.optionPairs(args)) {
            String option = pair.getKey();
            String value = pair.getValue();
            switch (option) {
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--patents" -> patents = count(value);
                case "--registry" -> registry = count(value);
                case "--certifications" -> certifications = count(value);
                case "--years" -> years = (int) count(value);
                case "--encoding" -> encoding = value.toLowerCase(Locale.ROOT);
                case "--bad-per-mille" -> bad = (int) count(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required\n" + USAGE);
        }
        List<Charset> charsets = switch (encoding) {
            case "utf-8", "utf8" -> List.of(StandardCharsets.UTF_8);
            case "gbk" -> List.of(Charset.forName("GBK"));
            case "both" -> List.of(StandardCharsets.UTF_8, Charset.forName("GBK"));
            default -> throw new IllegalArgumentException("--encoding is utf-8, gbk or both, not '" + encoding + "'");
        };
        return new Options(out, seed, patents, registry, certifications, years, charsets, bad);
    }

    /** Accepts 10000000, 10_000_000, 10m, 3M, 500k. */
    static long count(String s) {
        String t = s.replace("_", "").toLowerCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a count: '" + s + "'");
        }
    }

    List<Path> writeAll() throws IOException {
        List<Path> written = new ArrayList<>();
        for (Charset charset : options.charsets()) {
            String suffix = charset.equals(StandardCharsets.UTF_8) ? ".csv" : ".gbk.csv";
            if (options.patents() > 0) {
                written.add(write("patents" + suffix, charset, this::patents));
            }
            if (options.registry() > 0) {
                written.add(write("registry" + suffix, charset, this::registry));
            }
            if (options.certifications() > 0) {
                written.add(write("certifications" + suffix, charset, this::certifications));
            }
            if (options.years() > 0) {
                written.add(write("statistics" + suffix, charset, this::statistics));
            }
        }
        return written;
    }

    private interface Body {
        void write(Writer w, SplittableRandom random) throws IOException;
    }

    private Path write(String name, Charset charset, Body body) throws IOException {
        Path file = options.out().resolve(name);
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // The same seed and file name give the same rows, whatever the encoding: GBK files are twins of UTF-8 ones.
        SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + name.replace(".gbk", "").hashCode());
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), encoder), 1 << 16)) {
            body.write(w, random);
        }
        return file;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 专利 (docs/source-rules.md "Patents")

    void patents(Writer w, SplittableRandom r) throws IOException {
        w.write("申请号,专利类型,申请日,授权公告日,名称,主分类号,申请（专利权）人,专利权人统一社会信用代码,地区代码,"
                + "法律状态,失效日期,海外同族,质押融资金额（万元）,获奖情况,数据截止日期\n");
        StringBuilder line = new StringBuilder(256);
        for (long i = 0; i < options.patents(); i++) {
            line.setLength(0);
            int year = 1996 + r.nextInt(29);
            int u = r.nextInt(100);
            int typeDigit = u < 40 ? 1 : u < 80 ? 2 : u < 95 ? 3 : u < 98 ? 8 : 9;
            String digits = digits(year, typeDigit, i % 10_000_000);
            char check = ApplicationNumber.checkCharacter(digits);
            String type = typeDigit == 1 || typeDigit == 8 ? "发明" : typeDigit == 2 || typeDigit == 9 ? "实用新型" : "外观设计";
            LocalDate filed = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
            boolean granted = r.nextInt(100) < 85;
            LocalDate grant = granted ? filed.plusDays(200 + r.nextInt(typeDigit == 1 || typeDigit == 8 ? 1400 : 400)) : null;
            boolean lapsed = granted && r.nextInt(100) < 20;
            LocalDate lapse = lapsed ? grant.plusDays(365 + r.nextInt(3000)) : null;
            String status = !granted ? (r.nextInt(4) == 0 ? "驳回" : "审中") : lapsed ? "失效" : "有效";
            long enterprise = r.nextLong(Math.max(1, options.registry()));
            County county = countyOf(enterprise);
            String uscc = uscc(enterprise);
            String number = switch (r.nextInt(10)) {
                case 0 -> "CN" + digits + "." + check;
                case 1 -> "ZL" + digits + check;
                default -> digits + "." + check;
            };
            String region = r.nextInt(100) < 5 ? "" : r.nextInt(10) == 0 ? county.code() + "000000" : county.code();
            String typeCell = r.nextInt(20) == 0 ? "" : r.nextInt(5) == 0 && type.equals("发明") ? "发明专利" : type;
            String overseas = switch (r.nextInt(10)) {
                case 0 -> "是";
                case 1 -> String.valueOf(r.nextInt(5));
                case 2, 3, 4 -> "";
                default -> "否";
            };
            String pledge = r.nextInt(50) == 0 ? (r.nextBoolean() ? "1,200" : String.valueOf(100 + r.nextInt(2000))) : "";
            String award = r.nextInt(500) == 0 ? (r.nextBoolean() ? "中国专利银奖" : "浙江省专利金奖") : "";
            // A deterministic share of broken rows, each broken one way.
            if (r.nextInt(1000) < options.badPerMille()) {
                switch (r.nextInt(5)) {
                    case 0 -> number = digits + "." + (check == '0' ? '1' : '0');
                    case 1 -> typeCell = type.equals("外观设计") ? "发明" : "外观设计";
                    case 2 -> {
                        status = "失效";
                        lapse = null;
                    }
                    case 3 -> region = "999999";
                    default -> filed = null;
                }
            }
            line.append(number).append(',').append(typeCell).append(',')
                    .append(filed == null ? "2023-02-30" : date(filed, r)).append(',')
                    .append(grant == null ? "" : date(grant, r)).append(',')
                    .append("一种").append(word(r, TITLE_WORDS)).append(word(r, TITLE_WORDS)).append(word(r, TITLE_WORDS))
                    .append(',').append(IPCS[r.nextInt(IPCS.length)]).append(',')
                    .append(companyName(county, enterprise)).append(',').append(uscc).append(',')
                    .append(region).append(',').append(status).append(',')
                    .append(lapse == null ? "" : lapse.toString()).append(',').append(overseas).append(',');
            if (pledge.indexOf(',') >= 0) {
                line.append('"').append(pledge).append('"');
            } else {
                line.append(pledge);
            }
            line.append(',').append(award).append(",2025-06-30\n");
            w.append(line);
        }
    }

    /** 4-digit year, type digit, 7-digit serial. */
    static String digits(int year, int typeDigit, long serial) {
        char[] d = new char[12];
        int y = year;
        for (int k = 3; k >= 0; k--) {
            d[k] = (char) ('0' + y % 10);
            y /= 10;
        }
        d[4] = (char) ('0' + typeDigit);
        long s = serial;
        for (int k = 11; k >= 5; k--) {
            d[k] = (char) ('0' + s % 10);
            s /= 10;
        }
        return new String(d);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 企业登记 (docs/source-rules.md "Enterprises")

    void registry(Writer w, SplittableRandom r) throws IOException {
        w.write("统一社会信用代码,企业名称,企业类型,登记状态,成立日期,状态变更日期,注册资本,行业代码,住所行政区划代码,"
                + "登记机关,数据截止日期\n");
        StringBuilder line = new StringBuilder(256);
        for (long i = 0; i < options.registry(); i++) {
            line.setLength(0);
            County county = countyOf(i);
            String uscc = uscc(i);
            LocalDate established = LocalDate.of(1990 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28));
            int s = r.nextInt(100);
            String status = s < 75 ? (r.nextInt(5) == 0 ? "在业" : "存续") : s < 88 ? "注销" : s < 95 ? "吊销，未注销" : "迁出";
            LocalDate changed = s < 75 ? null : established.plusDays(100 + r.nextInt(5000));
            String capital = switch (r.nextInt(6)) {
                case 0 -> (10 + r.nextInt(5000)) + "万元人民币";
                case 1 -> (10 + r.nextInt(5000)) + "万元（认缴）";
                case 2 -> (1 + r.nextInt(900)) + "万美元";
                case 3 -> (100000 + r.nextInt(9_000_000)) + "元";
                default -> (10 + r.nextInt(5000)) + "万元";
            };
            if (r.nextInt(1000) < options.badPerMille()) {
                switch (r.nextInt(4)) {
                    case 0 -> uscc = uscc.substring(0, 17) + (uscc.charAt(17) == 'A' ? 'B' : 'A');
                    case 1 -> {
                        status = "注销";
                        changed = null;
                    }
                    case 2 -> capital = "若干";
                    default -> established = null;
                }
            }
            line.append(uscc).append(',').append(companyName(county, i)).append(",有限责任公司,").append(status)
                    .append(',').append(established == null ? "" : date(established, r)).append(',')
                    .append(changed == null ? "" : changed.toString()).append(',').append(csv(capital)).append(',')
                    .append(INDUSTRIES[r.nextInt(INDUSTRIES.length)]).append(',').append(county.code()).append(',')
                    .append(county.name()).append("市场监督管理局,2025-06-30\n");
            w.append(line);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 科技认定名单 (docs/source-rules.md "Enterprises")

    void certifications(Writer w, SplittableRandom r) throws IOException {
        w.write("统一社会信用代码,企业名称,认定类别,证书编号,认定日期,有效期至,认定年度,状态,撤销日期,地区代码\n");
        StringBuilder line = new StringBuilder(256);
        for (long i = 0; i < options.certifications(); i++) {
            line.setLength(0);
            long enterprise = r.nextLong(Math.max(1, options.registry()));
            County county = countyOf(enterprise);
            String category = CERT_CATEGORIES[r.nextInt(CERT_CATEGORIES.length)];
            LocalDate certified = LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28));
            String certificate = category.equals("高新技术企业")
                    ? String.format(Locale.ROOT, "GR%d%s%06d", certified.getYear(), county.code().substring(0, 2),
                    r.nextInt(1_000_000))
                    : "";
            boolean revoked = r.nextInt(50) == 0;
            String status = revoked ? "撤销" : r.nextInt(3) == 0 ? "" : "有效";
            LocalDate revokedOn = revoked ? certified.plusDays(100 + r.nextInt(700)) : null;
            if (r.nextInt(1000) < options.badPerMille()) {
                switch (r.nextInt(3)) {
                    case 0 -> certificate = category.equals("高新技术企业") ? "GR20" : certificate;
                    case 1 -> revokedOn = revoked ? null : revokedOn;
                    default -> category = "优秀企业";
                }
            }
            line.append(uscc(enterprise)).append(',').append(companyName(county, enterprise)).append(',')
                    .append(csv(category)).append(',').append(certificate).append(',').append(date(certified, r))
                    .append(",,").append(category.equals("科技型中小企业") ? String.valueOf(certified.getYear()) : "")
                    .append(',').append(status).append(',').append(revokedOn == null ? "" : revokedOn.toString())
                    .append(',').append(county.code()).append('\n');
            w.append(line);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 统计指标长表 (docs/source-rules.md "Statistics"): every statistic for every county and year

    void statistics(Writer w, SplittableRandom r) throws IOException {
        w.write("年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期\n");
        StringBuilder line = new StringBuilder(128);
        int last = 2024;
        for (County county : counties) {
            double scale = 0.3 + r.nextDouble() * 2;
            for (int year = last - options.years() + 1; year <= last; year++) {
                for (Stat stat : STATS) {
                    line.setLength(0);
                    double value = stat.base() * scale * Math.pow(1 + stat.growth(), year - 2015)
                            * (0.95 + r.nextDouble() * 0.1);
                    String text = stat.unit().equals("亿元") || stat.unit().equals("万人")
                            ? String.format(Locale.ROOT, "%.2f", value) : String.valueOf(Math.round(value));
                    if (r.nextInt(1000) < options.badPerMille()) {
                        text = r.nextBoolean() ? "…" : "12,34";
                    }
                    line.append(year).append(',').append(county.code()).append(',').append(county.name()).append(',')
                            .append(csv(stat.name())).append(',').append(csv(text)).append(',').append(stat.unit())
                            .append(",最终核实,").append(year + 1).append("-06-30\n");
                    w.append(line);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Enterprise i's county: spread over every county of the country. */
    County countyOf(long enterprise) {
        return counties.get((int) Math.floorMod(enterprise * 2_654_435_761L, counties.size()));
    }

    /** Enterprise i's credit code: 91 + its county + an organisation code made from i (GB 11714) + GB 32100 check. */
    String uscc(long enterprise) {
        StringBuilder org = new StringBuilder(8);
        long n = enterprise;
        for (int k = 0; k < 8; k++) {
            org.append(USCC_ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        org.reverse();
        org.append(Uscc.organisationCheck(org.toString()));
        String first17 = "91" + countyOf(enterprise).code() + org;
        return first17 + Uscc.checkCharacter(first17);
    }

    private static String companyName(County county, long enterprise) {
        return county.name() + NAME_WORDS[(int) (enterprise % NAME_WORDS.length)]
                + NAME_WORDS[(int) (enterprise / NAME_WORDS.length % NAME_WORDS.length)] + "有限公司";
    }

    /** Mostly ISO; some rows in the other delivered forms of docs/source-rules.md. */
    private static String date(LocalDate d, SplittableRandom r) {
        return switch (r.nextInt(20)) {
            case 0 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 1 -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case 2 -> String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            default -> d.toString();
        };
    }

    private static String word(SplittableRandom r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    private static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('，') >= 0
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static List<County> counties() {
        List<County> list = new ArrayList<>();
        for (CSVRecord r : ReferenceData.csv("reference/gbt2260/areas.csv")) {
            list.add(new County(r.get("code"), r.get("name")));
        }
        return List.copyOf(list);
    }
}
