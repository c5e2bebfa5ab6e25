package stipanel.panel;

import java.util.List;

/** What the panel is computed from besides the facts: the indicator catalogue and the plans of the run. */
public record PanelDefinitions(List<Indicator> indicators, List<Plan> plans) {
}
