package stipanel.patents;

import java.util.Optional;


/** 法律状态 as the patent office's search systems word it, normalised to the five states of DOMAIN.md §6. */
public enum LegalStatus {

    VALID("有效"),
    LAPSED("失效"),
    PENDING("审中"),
    REJECTED("驳回"),
    WITHDRAWN("撤回");

    private final String label;

    LegalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state a delivered text names; empty when it names none. */
    public static Optional<LegalStatus> named(String raw) {
        String t = Text.compact(raw);
        return switch (t) {
            case "有效", "有效专利", "授权", "专利权维持", "维持" -> Optional.of(VALID);
            case "失效", "失效专利", "无效", "权利终止", "专利权终止", "未缴年费", "未缴年费专利权终止", "期限届满",
                 "专利权期限届满", "放弃", "避重放弃" -> Optional.of(LAPSED);
            case "审中", "在审", "实质审查", "实审", "公开" -> Optional.of(PENDING);
            case "驳回", "被驳回" -> Optional.of(REJECTED);
            case "撤回", "视为撤回", "主动撤回" -> Optional.of(WITHDRAWN);
            default -> Optional.empty();
        };
    }
}
