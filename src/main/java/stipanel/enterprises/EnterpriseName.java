package stipanel.enterprises;

import java.util.ArrayList;
import java.util.List;

import stipanel.ingest.Cells;

/**
 * An enterprise's name as lists and the registry are matched on (docs/sources.md "Certification lists as published"):
 * NFKC (full-width brackets （） become ()), no white space anywhere. Nothing else is dropped: 有限公司 and 有限责任公司
 * are different names, and a guess that joins two firms would count a certificate for the wrong one.
 */
final class EnterpriseName {

    private EnterpriseName() {
    }

    /** The matching key of a name; {@code null} for a missing one. */
    static String key(String raw) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        String key = Cells.text(raw).replaceAll("\\s", "").replace('（', '(').replace('）', ')');
        return key.isEmpty() ? null : key;
    }

    /**
     * The keys of a 曾用名 cell, which may list several names ({@code 甲公司；乙公司}, {@code 甲公司、乙公司}), joined by
     * {@code |} for SQL's {@code string_split}; {@code null} when it names none.
     */
    static String keys(String raw) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String name : Cells.text(raw).split("[;；,，、|/\\n]+")) {
            String key = key(name);
            if (key != null && !Cells.isMissing(key) && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys.isEmpty() ? null : String.join("|", keys);
    }
}
