package stipanel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.cli.ExitCode;
import stipanel.testing.PipelineRun;

/**
 * The files the nightly jar writes for people (the workbook, the report, the warehouse) get the permissions the
 * process's umask gives any new file, so the office's staff can open them; and the run says what it reads at once.
 */
class FilesPeopleOpenIT {

    @Test
    void underUmask027TheWorkbookTheReportAndTheWarehouseAreReadableByTheGroupOnly(@TempDir Path root)
            throws IOException {
        // given
        PipelineRun night = new PipelineRun(root).deliverSamples("statistics");
        // when the jar runs under umask 027 (not the usual 022, so that the permissions are seen to follow it)
        JarRun run = JarRun.completeUnderUmask(night, "027");
        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.COMPLETED);
        for (Path file : List.of(night.out.resolve("嵊泗县_科技创新指标面板_2026-11-28.xlsx"),
                night.out.resolve("嵊泗县_科技创新指标晨报_2026-11-28.html"), night.warehouse)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-r-----");
        }
        // and nothing is left beside them
        try (var files = Files.list(night.out)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(2);
        }
        // and the first line of its output is its own, before Spring's first
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("sti-panel：收件箱 " + night.inbox.toAbsolutePath() + "：11 个文件，");
    }
}
