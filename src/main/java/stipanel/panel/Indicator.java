package stipanel.panel;

import java.util.List;

/** One indicator of the panel, as {@code jobs/indicators/indicators.yml} describes it; its SQL is {@code sql}. */
public record Indicator(String code, String nameZh, String nameEn, String unit, String formula, List<String> inputs,
                        String trajectory, String source, String undefinedWhen, String definitionFile, String sql) {
}
