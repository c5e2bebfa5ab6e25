package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column names as data (jobs/kinds/*.yml) and a deployment folder that extends them without a new build. */
class KindDefinitionsTest {

    @Test
    void everyKindTheJarShipsIsDefinedInJobs() {
        assertEquals(List.of("above_scale_roster", "certification_list", "enterprise_registry", "patents",
                "statistics_long", "statistics_national_db", "statistics_yearbook"),
                KindDefinitions.shipped().all().stream().map(KindDefinition::code).sorted().toList());
        Column pledge = KindDefinitions.shipped().get("patents").column("质押融资金额").orElseThrow();
        assertEquals("万元", pledge.unit());
        assertTrue(pledge.aliases().contains("质押金额"));
    }

    @Test
    void headersMatchWithAnyBracketsBracketedTagsAndInnerSpaces() {
        Column applicant = KindDefinitions.shipped().get("patents").column("申请（专利权）人").orElseThrow();
        for (String delivered : List.of("申请(专利权)人", "申请（专利权）人", "[标]申请(专利权)人", "【标】申请（专利权）人",
                "申请 （专利权） 人")) {
            assertTrue(HeaderCell.of(0, delivered).is(applicant), delivered);
        }
        Column region = KindDefinitions.shipped().get("statistics_yearbook").column("地区").orElseThrow();
        assertTrue(HeaderCell.of(0, "地　　区").is(region));
        assertTrue(HeaderCell.of(0, "县（市、区）").is(region));
        HeaderCell revenue = HeaderCell.of(0, "营业收入（千元）");
        assertEquals("营业收入", revenue.name());
        assertEquals("千元", revenue.unit());
    }

    @Test
    void aDeploymentAddsAliasesAndMayMakeAColumnRequired(@TempDir Path deployment) throws IOException {
        write(deployment, "patents.yml", """
                code: patents
                columns:
                  - name: 申请号
                    aliases: [专利申请编号]
                  - name: 名称
                    required: true
                """);
        KindDefinition patents = KindDefinitions.of(deployment).get("patents");
        Column number = patents.column("申请号").orElseThrow();
        assertTrue(number.aliases().contains("专利申请编号"));
        assertTrue(number.aliases().contains("专利申请号"), "the shipped aliases stay");
        assertTrue(patents.column("名称").orElseThrow().required());
        assertTrue(HeaderBinding.assess(List.of("专利申请编号", "申请日", "授权公告日", "名称"), patents,
                TableMetadata.none()).bound());
        assertFalse(KindDefinitions.shipped().get("patents").column("申请号").orElseThrow().aliases()
                .contains("专利申请编号"), "the jar's definitions are untouched");
    }

    @Test
    void aDeploymentMayReplaceAColumnsAliases(@TempDir Path deployment) throws IOException {
        write(deployment, "roster.yml", """
                code: above_scale_roster
                columns:
                  - name: 营业收入
                    replace_aliases: true
                    aliases: [营业收入（本年）]
                """);
        assertEquals(List.of("营业收入（本年）"), KindDefinitions.of(deployment).get("above_scale_roster")
                .column("营业收入").orElseThrow().aliases());
    }

    @Test
    void anUnknownKindColumnOrBrokenFileIsAConfigurationErrorNamingTheFile(@TempDir Path deployment)
            throws IOException {
        Path kinds = write(deployment, "x.yml", "code: trademarks\n");
        KindDefinitions.DefinitionException unknownKind = assertThrows(KindDefinitions.DefinitionException.class,
                () -> KindDefinitions.of(deployment));
        assertTrue(unknownKind.getMessage().startsWith(kinds + "：没有种类 trademarks"), unknownKind.getMessage());
        Files.writeString(kinds, "code: patents\ncolumns:\n  - name: 商标号\n", StandardCharsets.UTF_8);
        KindDefinitions.DefinitionException unknownColumn = assertThrows(KindDefinitions.DefinitionException.class,
                () -> KindDefinitions.of(deployment));
        assertTrue(unknownColumn.getMessage().startsWith(kinds + "：种类 patents 没有列 商标号"), unknownColumn.getMessage());
        Files.writeString(kinds, "code: patents\ncolumns:\n  - name: [申请号\n", StandardCharsets.UTF_8);
        KindDefinitions.DefinitionException yaml = assertThrows(KindDefinitions.DefinitionException.class,
                () -> KindDefinitions.of(deployment));
        assertTrue(yaml.getMessage().startsWith(kinds + " 第 4 行：YAML 格式错误"), yaml.getMessage());
    }

    private static Path write(Path deployment, String name, String text) throws IOException {
        Path kinds = Files.createDirectories(deployment.resolve("kinds"));
        return Files.writeString(kinds.resolve(name), text, StandardCharsets.UTF_8);
    }
}
