package stipanel.workbook;


/** The panel's status as the workbook and the report show it: a Chinese label and a colour. */
public enum Status {
    ACHIEVED("achieved", "已达标", "C6EFCE", "006100"),
    ON_TRACK("on_track", "符合进度", "DDEBF7", "1F4E78"),
    BEHIND("behind", "落后", "FFC7CE", "9C0006"),
    NO_DATA("no_data", "无数据", "EDEDED", "595959");

    public final String code;
    public final String label;
    /** Background and text colour, RGB hex. */
    public final String fill;
    public final String font;

    Status(String code, String label, String fill, String font) {
        this.code = code;
        this.label = label;
        this.fill = fill;
        this.font = font;
    }

    public static Status of(String code) {
        if (code == null) {
            return null;
        }
        for (Status s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }

}
