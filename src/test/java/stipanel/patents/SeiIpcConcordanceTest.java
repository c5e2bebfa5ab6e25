package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import stipanel.shipped.Shipped;

/** The shipped concordance holds what docs/source-rules.md "Patents" requires, nothing it forbids, and says its version. */
class SeiIpcConcordanceTest {

    private final List<SeiIpcConcordance.Entry> entries = SeiIpcConcordance.entries();

    @Test
    void holdsTheRequiredEntriesAsInclusions() {
        Set<String> included = entries.stream().filter(e -> e.rule().equals("include"))
                .map(SeiIpcConcordance.Entry::ipcPrefix).collect(Collectors.toSet());
        for (String required : List.of("F03D", "F03B 13/", "H01M 10/", "G06N", "C12N", "A61K 36/")) {
            assertTrue(included.contains(required), required + " is missing");
        }
    }

    @Test
    void holdsNoForbiddenEntryInAnyRule() {
        List<String> forbidden = entries.stream().map(SeiIpcConcordance.Entry::ipcPrefix)
                .filter(p -> p.startsWith("A47G") || p.startsWith("A63H") || "A47G".startsWith(p)
                        || "A63H".startsWith(p))
                .toList();
        assertEquals(List.of(), forbidden);
    }

    @Test
    void everyRowCarriesTheVersionTheReadmeNames() {
        Set<String> versions = entries.stream().map(SeiIpcConcordance.Entry::version).collect(Collectors.toSet());
        assertEquals(Set.of("2021-sti.1"), versions);
        String readme = Shipped.read("jobs/reference/sei_ipc_README.md");
        assertTrue(readme.contains("`2021-sti.1`"));
        assertTrue(readme.contains("战略性新兴产业分类与国际专利分类参照关系表（2021）"));
        assertEquals(44, entries.size());
    }

    @Test
    void exclusionsNarrowAnInclusionOfTheSameIndustry() {
        List<String> exclusions = entries.stream().filter(e -> e.rule().equals("exclude"))
                .map(e -> e.seiCode() + " " + e.ipcPrefix()).toList();
        assertEquals(List.of("4.1 A61K 8/", "5.2 H01M 4/06"), exclusions);
        for (SeiIpcConcordance.Entry x : entries.stream().filter(e -> e.rule().equals("exclude")).toList()) {
            assertTrue(entries.stream().anyMatch(e -> e.rule().equals("include") && e.seiCode().equals(x.seiCode())
                    && x.ipcPrefix().startsWith(e.ipcPrefix())), x.toString());
        }
    }
}
