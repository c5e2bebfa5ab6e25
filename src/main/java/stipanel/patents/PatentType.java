package stipanel.patents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/** 专利类型 and the type digits of the application number that go with it (docs/source-rules.md "Patents"). */
public enum PatentType {

    INVENTION("发明"),
    UTILITY_MODEL("实用新型"),
    DESIGN("外观设计");

    private final String label;

    PatentType(String label) {
        this.label = label;
    }

    /** The name stored in the warehouse: 发明, 实用新型 or 外观设计. */
    public String label() {
        return label;
    }

    public static Optional<PatentType> ofDigit(int digit) {
        return switch (digit) {
            case 1, 8 -> Optional.of(INVENTION);
            case 2, 9 -> Optional.of(UTILITY_MODEL);
            case 3 -> Optional.of(DESIGN);
            default -> Optional.empty();
        };
    }

    /** The wordings of 专利类型 after PCT and 专利 are taken off, the common ones first (the fast lane tries them in order). */
    private static final Map<String, PatentType> WORDINGS = new LinkedHashMap<>();

    static {
        for (PatentType type : values()) {
            WORDINGS.put(type.label, type);
        }
        List.of("发明授权", "授权发明", "发明申请", "发明公开").forEach(w -> WORDINGS.put(w, INVENTION));
        WORDINGS.put("新型", UTILITY_MODEL);
        WORDINGS.put("外观", DESIGN);
    }

    /** 发明 / 发明专利 / 发明授权 / PCT发明 …; empty for a text that names no type. */
    public static Optional<PatentType> named(String raw) {
        String t = Text.compact(raw);
        if (t.startsWith("PCT")) {
            t = t.substring(3);
        }
        if (t.endsWith("专利")) {
            t = t.substring(0, t.length() - 2);
        }
        return Optional.ofNullable(WORDINGS.get(t));
    }

    /** Every compacted text {@link #named} accepts, with the type it names: each wording with or without PCT and 专利. */
    static Map<String, PatentType> spellings() {
        Map<String, PatentType> all = new LinkedHashMap<>();
        for (String form : List.of("%s", "%s专利", "PCT%s", "PCT%s专利")) {
            WORDINGS.forEach((w, type) -> all.put(form.formatted(w), type));
        }
        return all;
    }
}
