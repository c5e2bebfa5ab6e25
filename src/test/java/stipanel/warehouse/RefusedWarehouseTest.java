package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.cli.NightlyRun;
import stipanel.testing.PipelineRun;

/**
 * A warehouse file this release must not write is refused with exit code 2 and a message saying why, and is left
 * byte for byte as it was (issue 17, "Bad input").
 */
class RefusedWarehouseTest {

    @Test
    void aWarehouseOfANewerSchemaVersionIsRefusedNamingBothVersions(@TempDir Path root) throws IOException {
        // given: a warehouse a later release has migrated to a version this one does not know
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        SchemaMigrationTest.gunzip("warehouse-ec7766f.duckdb.gz", run.warehouse);
        SchemaMigrationTest.execute(run.warehouse, "create table ops.schema_migrations (version integer primary key, "
                + "migration varchar not null, applied_at timestamp not null, applied_by varchar not null)",
                "insert into ops.schema_migrations values (1, '001_schema_of_ec7766f.sql', now(), 'sti-panel 0.1.0'), "
                        + "(99, '099_from_the_future.sql', now(), 'sti-panel 9.9.0')");
        byte[] before = Files.readAllBytes(run.warehouse);

        // when
        run.run();

        // then
        assertEquals(2, run.exitCode, run.stdout + run.stderr);
        assertTrue(run.stderr.contains("仓库的架构版本为 99（最后由 sti-panel 9.9.0 写入），而本程序 sti-panel (development build) "
                + "只支持到架构版本 " + Migrations.latest()), run.stderr);
        assertTrue(run.stderr.contains("schema version 99 (last written by sti-panel 9.9.0)"), run.stderr);
        assertUntouched(run, before);
    }

    @Test
    void aFileThatIsNoDuckDbDatabaseIsRefused(@TempDir Path root) throws IOException {
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        Files.createDirectories(run.warehouse.getParent());
        Files.writeString(run.warehouse, "年份,地区代码,指标名称,数值\n2024,330922,地区生产总值,1\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(run.warehouse);

        run.run();

        assertEquals(2, run.exitCode, run.stdout + run.stderr);
        assertTrue(run.stderr.contains("仓库文件 " + run.warehouse.toAbsolutePath() + " 不是 DuckDB 数据库（文件开头没有 DuckDB 的标识）"),
                run.stderr);
        assertUntouched(run, before);
    }

    @Test
    void anEmptyFileIsRefused(@TempDir Path root) throws IOException {
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        Files.createDirectories(run.warehouse.getParent());
        Files.write(run.warehouse, new byte[0]);

        run.run();

        assertEquals(2, run.exitCode, run.stdout + run.stderr);
        assertTrue(run.stderr.contains("不是 DuckDB 数据库（文件为空）"), run.stderr);
        assertUntouched(run, new byte[0]);
    }

    @Test
    void aDuckDbDatabaseOfSomethingElseIsRefused(@TempDir Path root) throws IOException {
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        Files.createDirectories(run.warehouse.getParent());
        SchemaMigrationTest.execute(run.warehouse, "create table sales (id integer)", "insert into sales values (1)");
        byte[] before = Files.readAllBytes(run.warehouse);

        run.run();

        assertEquals(2, run.exitCode, run.stdout + run.stderr);
        assertTrue(run.stderr.contains("不是 sti-panel 仓库（其中有表 main.sales）"), run.stderr);
        assertUntouched(run, before);
    }

    @Test
    void anUnversionedWarehouseWhoseTablesAreNotThoseOfVersion1IsRefused(@TempDir Path root) throws IOException {
        // given: a warehouse of an earlier build, one column short of ec7766f's
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        SchemaMigrationTest.gunzip("warehouse-ec7766f.duckdb.gz", run.warehouse);
        SchemaMigrationTest.execute(run.warehouse, "alter table facts.roster_entries drop column has_rd_institution");
        byte[] before = Files.readAllBytes(run.warehouse);

        run.run();

        assertEquals(2, run.exitCode, run.stdout + run.stderr);
        assertTrue(run.stderr.contains("缺少 facts.roster_entries.has_rd_institution BOOLEAN，多出 -"), run.stderr);
        assertUntouched(run, before);
    }

    private static void assertUntouched(PipelineRun run, byte[] before) throws IOException {
        assertArrayEquals(before, Files.readAllBytes(run.warehouse), "the warehouse was changed");
        assertFalse(Files.exists(NightlyRun.workingCopy(run.warehouse)), "a working copy was left");
        assertFalse(Files.exists(run.out) && Files.list(run.out).findAny().isPresent(), "a workbook was written");
    }
}
