package stipanel.enterprises;

import java.util.List;
import java.util.Optional;

import stipanel.ingest.Cells;

/**
 * 认定类别 of the certification lists (docs/source-rules.md "Enterprises"), with the spellings lists use, the plan component each counts
 * toward and how long a certificate is valid.
 */
public enum CertificationCategory {

    HIGH_TECH("高新技术企业", "HTE_COUNT", Validity.YEARS_3_DEFAULT,
            "国家高新技术企业", "国家级高新技术企业"),
    TECH_SME("科技型中小企业", "TECH_SME_COUNT", Validity.THE_YEAR,
            "科技型中小企业入库", "入库科技型中小企业", "科技型中小企业(入库)"),
    SRDI_PROVINCIAL("专精特新中小企业", "SRDI_COUNT", Validity.YEARS_3_DEFAULT,
            "专精特新中小企业(省级)", "省级专精特新中小企业", "浙江省专精特新中小企业"),
    SRDI_NATIONAL("专精特新小巨人企业", "SRDI_COUNT", Validity.YEARS_3_DEFAULT,
            "专精特新小巨人企业(国家级)", "国家级专精特新小巨人企业", "专精特新小巨人"),
    INNOVATIVE_SME("创新型中小企业", null, Validity.YEARS_3_DEFAULT),
    TECH_SERVICE_ORG("科技服务机构", "TECH_SERVICE_ORGS", Validity.UNTIL_REVOKED,
            "科技中介服务机构"),
    RD_INSTITUTION("企业研发机构", "RD_INST", Validity.UNTIL_REVOKED,
            "省级企业研究院", "省级高新技术企业研发中心", "市级企业研发中心");

    /** How long a certificate counts. */
    public enum Validity {
        /** 认定日期 ≤ d ≤ 有效期至, which defaults to 认定日期 + 3 years (same day). */
        YEARS_3_DEFAULT,
        /** The 认定年度 (else the year of 认定日期) only. */
        THE_YEAR,
        /** From 认定日期 until 撤销日期 (or an 有效期至 the list states). */
        UNTIL_REVOKED
    }

    private final String canonical;
    private final String component;
    private final Validity validity;
    private final List<String> aliases;

    CertificationCategory(String canonical, String component, Validity validity, String... aliases) {
        this.canonical = canonical;
        this.component = component;
        this.validity = validity;
        this.aliases = List.of(aliases);
    }

    public String canonical() {
        return canonical;
    }

    /** The plan component it counts toward ({@code RD_INST} feeds RD_INST_COVERAGE), or {@code null}. */
    public String component() {
        return component;
    }

    public Validity validity() {
        return validity;
    }

    /** The category a delivered 认定类别 names: NFKC, white space and quotation marks ignored. */
    public static Optional<CertificationCategory> named(String raw) {
        String key = key(raw);
        for (CertificationCategory c : values()) {
            if (key(c.canonical).equals(key) || c.aliases.stream().anyMatch(a -> key(a).equals(key))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The one category a list's title or sheet name names ({@code 2024年度浙江省科技型中小企业备案名单} → 科技型中小企业); a name
     * inside a longer one (高新技术企业 in 省级高新技术企业研发中心) is the longer one's. Empty when it names none or two.
     */
    public static Optional<CertificationCategory> namedIn(String text) {
        String t = key(text);
        List<int[]> spans = new java.util.ArrayList<>();
        List<CertificationCategory> found = new java.util.ArrayList<>();
        for (CertificationCategory c : values()) {
            for (String name : c.names()) {
                String k = key(name);
                for (int i = t.indexOf(k); i >= 0; i = t.indexOf(k, i + 1)) {
                    spans.add(new int[] {i, i + k.length()});
                    found.add(c);
                }
            }
        }
        java.util.Set<CertificationCategory> named = new java.util.LinkedHashSet<>();
        for (int a = 0; a < spans.size(); a++) {
            boolean inside = false;
            for (int b = 0; b < spans.size(); b++) {
                int[] x = spans.get(a);
                int[] y = spans.get(b);
                if (found.get(a) != found.get(b) && y[0] <= x[0] && x[1] <= y[1] && y[1] - y[0] > x[1] - x[0]) {
                    inside = true;
                }
            }
            if (!inside) {
                named.add(found.get(a));
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    private List<String> names() {
        List<String> names = new java.util.ArrayList<>(aliases);
        names.add(canonical);
        return names;
    }

    private static String key(String s) {
        return Cells.text(s).replaceAll("[\\s\"'“”‘’「」『』]", "");
    }
}
