package stipanel.panel;

import java.util.List;

/**
 * One indicator of the panel, as its file of {@code jobs/indicators/} defines it: the header's fields and the query
 * ({@code sql}, reading {@code reads}). {@code definedFrom} ({@code first_year}, {@code after_base_year} or null) and
 * {@code undefinedWhen} (or null) say why its value is NULL where no input is missing.
 */
public record Indicator(String code, String nameZh, String nameEn, String unit, String formula, List<String> inputs,
                        String trajectory, String source, String definedFrom, NullReason undefinedWhen,
                        String definitionFile, List<String> reads, String sql) {

    /** A reason code of {@code jobs/reference/reason_codes.csv} and its Chinese text. */
    public record NullReason(String code, String reason) {
    }
}
