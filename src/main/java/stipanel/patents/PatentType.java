package stipanel.patents;

import java.util.Optional;


/** 专利类型 and the type digits of the application number that go with it (DOMAIN.md §6). */
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

    /** 发明 / 发明专利 / 发明授权 / PCT发明 …; empty for a text that names no type. */
    public static Optional<PatentType> named(String raw) {
        String t = Text.compact(raw);
        if (t.startsWith("PCT")) {
            t = t.substring(3);
        }
        if (t.endsWith("专利")) {
            t = t.substring(0, t.length() - 2);
        }
        return switch (t) {
            case "发明", "发明授权", "发明申请", "发明公开" -> Optional.of(INVENTION);
            case "实用新型", "新型" -> Optional.of(UTILITY_MODEL);
            case "外观设计", "外观" -> Optional.of(DESIGN);
            default -> Optional.empty();
        };
    }
}
