package stipanel.patents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import stipanel.ingest.Cells;

/** 法律状态 as the patent office's search systems word it, normalised to the five states of docs/source-rules.md "Patents". */
public enum LegalStatus {

    VALID("有效", "有效专利", "授权", "有权", "专利权维持", "维持"),
    LAPSED("失效", "失效专利", "无效", "无权", "权利终止", "专利权终止", "专利权的终止", "未缴年费", "年费终止",
            "未缴年费专利权终止", "期限届满", "专利权期限届满", "放弃", "避重放弃", "放弃专利权"),
    PENDING("审中", "在审", "实质审查", "实审", "实质审查的生效", "公开", "公布"),
    REJECTED("驳回", "被驳回", "发明专利申请公布后的驳回"),
    WITHDRAWN("撤回", "视为撤回", "主动撤回", "发明专利申请公布后的视为撤回", "发明专利申请公布后的撤回");

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

    private static final Pattern EVENT_SEPARATORS = Pattern.compile("[;；|\\n]+");
    private static final Pattern DATED = Pattern.compile(
            "(\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?|\\d{8})[:：\\s]*(.*)|(.*?)[:：\\s]*(\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?|\\d{8})");

    /** One event of a history: its date (null when undated) and the state it names (null for a transfer, a pledge…). */
    record Event(LocalDate date, LegalStatus status) {
    }

    /**
     * The events of a history cell ({@code 2018-03-02 实质审查的生效; 2020-03-05 授权}), one per part; a single
     * wording is a history of one undated event.
     */
    static List<Event> events(String cell, String column) {
        List<Event> events = new ArrayList<>();
        for (String part : EVENT_SEPARATORS.split(Cells.text(cell))) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = DATED.matcher(p);
            LocalDate date = null;
            String wording = p;
            if (m.matches()) {
                date = Cells.date(m.group(1) != null ? m.group(1) : m.group(4), column);
                wording = m.group(1) != null ? m.group(2) : m.group(3);
            }
            events.add(new Event(date, named(wording).orElse(null)));
        }
        return events;
    }
}
