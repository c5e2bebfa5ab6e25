package stipanel.enterprises;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * 登记状态 as the registry's systems spell it, normalised to seven statuses (docs/source-rules.md "Enterprises"). An enterprise stops
 * being active at its 状态变更日期 when it is 注销, 吊销, 撤销 or 迁出; 停业 and 清算 are still registered.
 */
public final class RegistrationStatus {

    /** The statuses that end an enterprise's activity at their 状态变更日期. */
    public static final Set<String> ENDING = Set.of("注销", "吊销", "撤销", "迁出");

    private static final Map<String, String> SPELLINGS = new LinkedHashMap<>();

    static {
        for (String s : List.of("存续", "在业", "开业", "在营", "正常", "登记成立", "存续(在营、开业、在册)", "存续(在营,开业,在册)")) {
            SPELLINGS.put(s, "存续");
        }
        for (String s : List.of("迁出", "迁移异地")) {
            SPELLINGS.put(s, "迁出");
        }
        for (String s : List.of("吊销", "吊销,未注销", "吊销未注销", "吊销、未注销")) {
            SPELLINGS.put(s, "吊销");
        }
        for (String s : List.of("注销", "已注销")) {
            SPELLINGS.put(s, "注销");
        }
        SPELLINGS.put("撤销", "撤销");
        SPELLINGS.put("停业", "停业");
        SPELLINGS.put("清算", "清算");
    }

    private RegistrationStatus() {
    }

    /** The normalised status; a missing or unknown one rejects the row. */
    public static String of(String raw, String column) {
        String t = Cells.text(raw).replaceAll("\\s", "").replace('，', ',');
        if (Cells.isMissing(t)) {
            throw new RowRejectedException("value_missing", column + "为空");
        }
        String status = SPELLINGS.get(t);
        if (status == null) {
            throw new RowRejectedException("status_unknown", column + "“" + Cells.text(raw)
                    + "”不是存续、迁出、吊销、注销、撤销、停业、清算或其常见写法");
        }
        return status;
    }
}
