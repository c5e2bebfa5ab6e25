package stipanel.patents;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * The grant date a publication number gives where no 授权公告日 column does (docs/sources.md): the platform exports
 * list a patent's publications ({@code CN112345678A; CN112345678B}) and their dates, and a grant kind code — B or C
 * for an invention, U for a utility model, S for a design — dates the grant. A number without a kind code, or with A
 * (the application's publication), grants nothing: the patent is an application, kept and never valid.
 */
final class GrantPublication {

    static final String NUMBER = "公开（公告）号";
    static final String DATE = "公开（公告）日";

    private static final Pattern SEPARATORS = Pattern.compile("[;；,，、|\\s]+");
    /** CN 112345678 B, old numbers with a dot (CN1234567.C), a kind code with a digit (B1). */
    private static final Pattern PUBLICATION = Pattern.compile("(?:CN)?[0-9]{6,10}(?:\\.[0-9X])?([A-Z])[0-9]?");

    private GrantPublication() {
    }

    /**
     * The grant date the publications give, or null when none is a grant. A grant publication of another type than
     * the application number's, or without its date, rejects the row: a patent counted as granted on a guessed date
     * would be a wrong number.
     */
    static LocalDate grantDate(String numbers, String dates, PatentType type) {
        if (Cells.isMissing(numbers)) {
            return null;
        }
        List<String> publications = split(Cells.text(numbers));
        for (int i = 0; i < publications.size(); i++) {
            String publication = Text.compact(publications.get(i));
            Matcher m = PUBLICATION.matcher(publication);
            PatentType granted = m.matches() ? grantKind(m.group(1).charAt(0)) : null;
            if (granted == null) {
                continue;
            }
            if (granted != type) {
                throw new RowRejectedException("publication_kind_mismatch", NUMBER + "“" + publication
                        + "”的文献种类代码 " + m.group(1) + " 是" + granted.label() + "的授权公告，而申请号表明是"
                        + type.label());
            }
            List<String> dated = Cells.isMissing(dates) ? List.of() : split(Cells.text(dates));
            String date = dated.size() == publications.size() ? dated.get(i) : null;
            if (date == null || Cells.isMissing(date)) {
                throw new RowRejectedException("grant_date_missing", NUMBER + "“" + publication + "”是授权公告，但"
                        + DATE + (dated.isEmpty() ? "为空" : "“" + Cells.text(dates) + "”与公开（公告）号不能一一对应")
                        + "，无法确定授权日期");
            }
            return Cells.date(date, DATE);
        }
        return null;
    }

    private static List<String> split(String cell) {
        return SEPARATORS.splitAsStream(cell.strip()).filter(s -> !s.isEmpty()).toList();
    }

    /** The type a grant kind code publishes; null for an application's publication (A) or an unknown code. */
    static PatentType grantKind(char code) {
        return switch (code) {
            case 'B', 'C' -> PatentType.INVENTION;
            case 'U' -> PatentType.UTILITY_MODEL;
            case 'S' -> PatentType.DESIGN;
            default -> null;
        };
    }
}
