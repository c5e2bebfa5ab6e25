package stipanel.patents;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** 法律状态 as the patent office's search systems word it, normalised to the five states of DOMAIN.md §6. */
public enum LegalStatus {

    VALID("有效", "有效专利", "授权", "专利权维持", "维持"),
    LAPSED("失效", "失效专利", "无效", "权利终止", "专利权终止", "未缴年费", "未缴年费专利权终止", "期限届满", "专利权期限届满",
            "放弃", "避重放弃"),
    PENDING("审中", "在审", "实质审查", "实审", "公开"),
    REJECTED("驳回", "被驳回"),
    WITHDRAWN("撤回", "视为撤回", "主动撤回");

    /** Every wording, compacted ({@link Text#compact}), and the state it names: also the fast lane's list. */
    static final Map<String, LegalStatus> WORDINGS = new LinkedHashMap<>();

    static {
        for (LegalStatus s : values()) {
            s.wordings.forEach(w -> WORDINGS.put(w, s));
        }
    }

    private final String label;
    private final List<String> wordings;

    LegalStatus(String label, String... otherWordings) {
        this.label = label;
        this.wordings = Stream.concat(Stream.of(label), Arrays.stream(otherWordings)).toList();
    }

    public String label() {
        return label;
    }

    /** The state a delivered text names; empty when it names none. */
    public static Optional<LegalStatus> named(String raw) {
        return Optional.ofNullable(WORDINGS.get(Text.compact(raw)));
    }
}
