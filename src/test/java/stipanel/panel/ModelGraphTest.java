package stipanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The model graph: the build order comes from what models declare they read, and a failed check names its row. */
class ModelGraphTest {

    private static Model model(String name, String reads, String checks, String sql) {
        return Model.parse("/*\ndescription: 'test model / test'\nreads: [" + reads + "]\n" + checks + "*/\n" + sql,
                name + ".sql", name);
    }

    @Test
    void modelsAreBuiltAfterWhatTheyReadWhateverTheirNames() {
        // given: a_totals reads m_rows, which reads z_source; names alone would order them a, m, z
        List<Model> models = List.of(
                model("marts.a_totals", "marts.m_rows", "", "select sum(n) as n from marts.m_rows"),
                model("marts.m_rows", "marts.z_source", "", "select n from marts.z_source"),
                model("marts.z_source", "", "", "select 1 as n"));
        // when
        List<String> order = ModelGraph.of(models, List.of(), List.of()).ordered().stream().map(Model::name).toList();
        // then
        assertThat(order).containsExactly("marts.z_source", "marts.m_rows", "marts.a_totals");
    }

    @Test
    void aReadLeftOutOfTheHeaderOrACycleStopsTheBuildBeforeItStarts() {
        assertThatThrownBy(() -> model("marts.b", "", "", "select * from marts.a join ref.regions on true"))
                .hasMessageContaining("marts.b.sql")
                .hasMessageContaining("not declared: [marts.a, ref.regions]");
        assertThatThrownBy(() -> model("marts.b", "marts.a, marts.c", "", "select * from marts.a"))
                .hasMessageContaining("declared, not read: [marts.c]");
        List<Model> cycle = List.of(model("marts.a", "marts.b", "", "select * from marts.b"),
                model("marts.b", "marts.a", "", "select * from marts.a"));
        assertThatThrownBy(() -> ModelGraph.of(cycle, List.of(), List.of()))
                .hasMessageContaining("[marts.a, marts.b] read each other in a cycle");
    }

    @Test
    void aFailedCheckStopsTheBuildNamingTheModelTheCheckAndARow() throws Exception {
        assertThat(failure("unique: [k]", "select * from (values (1, 'x'), (2, 'y'), (2, 'z')) t(k, v)"))
                .contains("marts.t", "unique [k]", "k=2, rows=2");
        assertThat(failure("not_null: [v]", "select * from (values (1, 'x'), (2, null)) t(k, v)"))
                .contains("not_null v", "k=2, v=null");
        assertThat(failure("accepted_values:\n    v: [x, y]", "select * from (values (1, 'x'), (3, 'w')) t(k, v)"))
                .contains("accepted_values v [x, y]", "k=3, v=w");
        assertThat(failure("fails_when:\n    - select 'k ' || k || ' is odd' from marts.t where k % 2 = 1",
                "select * from (values (2), (3)) t(k)"))
                .contains("fails_when", "k 3 is odd");
        // and a model whose rows pass builds
        assertThat(failure("unique: [k]\n  not_null: [k]", "select * from (values (1), (2)) t(k)")).isNull();
    }

    /**
     * After a by_city replacement the declared checks read the replaced regions' rows: the other rows were checked
     * when written. Unless the unique key lacks the by_city column: then two regions may share a key, and the whole
     * table is read.
     */
    @Test
    void theChecksOfReplacedRowsReadTheirRegionsUnlessTheKeyCrossesRegions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("create schema marts; create table marts.t as select * from (values ('330921', 1, 'a'), "
                    + "('330921', 1, 'b'), ('330922', 1, 'a'), ('330922', 2, null)) v(region_code, k, v)");
            Model byRegionAndKey = model("marts.t", "", "by_city: region_code\nchecks:\n  unique: [region_code, k]\n"
                    + "  not_null: [v]\n", "select 1");
            assertThatThrownBy(() -> PanelBuilder.check(c, byRegionAndKey, Set.of("330922")))
                    .hasMessageContaining("not_null v").hasMessageContaining("region_code=330922, k=2");
            s.execute("update marts.t set v = 'c' where v is null");
            // 岱山县's repeated key was not replaced, so it is not read
            PanelBuilder.check(c, byRegionAndKey, Set.of("330922"));
            assertThatThrownBy(() -> PanelBuilder.check(c, byRegionAndKey, null))
                    .hasMessageContaining("unique [region_code, k]").hasMessageContaining("region_code=330921, k=1");

            Model byKey = model("marts.t", "", "by_city: region_code\nchecks:\n  unique: [k, v]\n", "select 1");
            s.execute("update marts.t set v = 'b' where region_code = '330921' and v = 'a'");
            assertThatThrownBy(() -> PanelBuilder.check(c, byKey, Set.of("330922")))
                    .hasMessageContaining("unique [k, v]").hasMessageContaining("k=1, v=b");
        }
    }

    private static String failure(String checks, String sql) throws Exception {
        Model m = model("marts.t", "", "checks:\n  " + checks + "\n", sql);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("create schema marts; create schema ref; create schema ops; create table ref.components (code varchar,"
                    + " name varchar, unit varchar, source varchar); create table ops.schema_migrations (version integer);"
                    + " create table ops.model_builds (model varchar primary key, inputs varchar, output varchar,"
                    + " built_at timestamp, seconds double, deliveries_through bigint, regions_replaced integer);"
                    + " create schema ingest; create table ingest.deliveries (delivery_id bigint)");
            new PanelBuilder(ModelGraph.of(List.of(m), List.of(), List.of())).build(c);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Test
    void everyIndicatorHasOneFileAndEachOfItsInputsAModelThatComputesIt() {
        // given the shipped graph
        ModelGraph graph = ModelGraph.shipped(IndicatorCatalogue.load());
        for (Indicator indicator : graph.indicators()) {
            // when its SQL is described
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelListing.print(graph, indicator.code(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String listing = bytes.toString(StandardCharsets.UTF_8);
            // then it starts with its own file and names a model for every input
            assertThat(listing).startsWith("-- " + indicator.code() + "  ")
                    .contains("jobs/indicators/" + indicator.code().toLowerCase() + ".sql")
                    .doesNotContain("is computed by no model");
            assertThat(graph.model("marts.indicator_values").sql()).contains("select '" + indicator.code() + "'");
        }
        assertThat(ModelGraphTest.listing(graph, "HV_INV_PATENTS"))
                .contains("-- input HV_INV_PATENTS is computed by marts.patent_components (jobs/components/patents.sql)",
                        "staging.patent_year_end_of  src/main/resources/sql/warehouse/050_patents.sql");
        // the tables a night may replace by city say so; a table over every region (the grid) does not
        assertThat(ModelGraphTest.listing(graph, "marts.components")).contains("-- by_city: region_code");
        assertThat(ModelGraphTest.listing(graph, "marts.panel_grid")).doesNotContain("-- by_city");
    }

    private static String listing(ModelGraph graph, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelListing.print(graph, name, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
