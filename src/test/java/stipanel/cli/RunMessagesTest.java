package stipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * What a run says to the office: a configuration error at once, with exit 2 and no work done; its first line before
 * anything else; an empty inbox told apart from a night with nothing new; where the reasons for rejections are.
 */
class RunMessagesTest {

    @Test
    void aPlanFileWithAYamlErrorExitsTwoAtOnceNamingTheFileAndLine(@TempDir Path root) throws IOException {
        // given a plan whose fifth line has a second colon
        Path plan = root.resolve("broken.yml");
        Files.writeString(plan, "plan_id: broken\nregion_code: \"330921\"\ntitle: 测试\nbase_year: 2022\n"
                + "first_year: 2023: 2024\ntarget_year: 2026\n", StandardCharsets.UTF_8);
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        // when
        CliTest.Result r = CliTest.cli("run", "--inbox", run.inbox.toString(), "--warehouse", run.warehouse.toString(),
                "--out", run.out.toString(), "--plan", plan.toString());
        // then
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(r.err()).isEqualTo("sti-panel：规划文件有误：" + plan + " 第 5 行第 17 列：YAML 格式错误"
                + "（mapping values are not allowed here）\n配置有误，本次运行没有开始（退出码 2）：改正后再运行。\n");
        assertThat(r.out()).isEmpty();
        assertThat(run.warehouse.getParent()).doesNotExist();
        assertThat(run.out).doesNotExist();
    }

    @Test
    void anOutFolderThatCannotBeCreatedExitsTwoBeforeAnyWork(@TempDir Path root) throws IOException {
        // given --out inside a regular file
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        // when
        CliTest.Result r = CliTest.cli("run", "--inbox", run.inbox.toString(), "--warehouse", run.warehouse.toString(),
                "--out", file.resolve("out").toString());
        // then
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(r.err()).startsWith("sti-panel：输出文件夹（--out） " + file.resolve("out") + " 无法创建：")
                .endsWith("\n配置有误，本次运行没有开始（退出码 2）：改正后再运行。\n");
        assertThat(run.warehouse).doesNotExist();
    }

    @Test
    void anEmptyInboxIsAWarningNamingTheFolder(@TempDir Path root) {
        // given an inbox folder with nothing in it (a share that did not mount looks like this)
        PipelineRun run = new PipelineRun(root);
        // when
        run.run();
        // then
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).startsWith("sti-panel：收件箱 " + run.inbox + "：0 个文件，0 字节；数据仓库 "
                + run.warehouse + "；输出文件夹 " + run.out + "\n");
        assertThat(run.stderr).contains("sti-panel：警告：收件箱 " + run.inbox + " 中没有任何文件。若收件箱是挂载的共享目录，"
                + "请检查它是否已挂载；本次运行不装载任何数据。");
        assertThat(run.stdout).doesNotContain("没有新文件");
    }

    @Test
    void theFirstLineSaysWhatTheRunReadsTheSummaryWhereTheReasonsAreAndARerunThatNothingIsNew(@TempDir Path root)
            throws IOException {
        // given the statistics samples (one refused file, rejected rows)
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        long bytes = 0;
        int files = 0;
        try (var list = Files.list(run.inbox.resolve("statistics"))) {
            for (Path f : list.toList()) {
                bytes += Files.size(f);
                files++;
            }
        }
        // when
        run.run();
        // then
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.lines().findFirst().orElseThrow()).isEqualTo("sti-panel：收件箱 " + run.inbox + "："
                + files + " 个文件，" + Preflight.size(bytes) + "；数据仓库 " + run.warehouse + "；输出文件夹 " + run.out);
        assertThat(run.stdout).contains("拒收与被拒绝的原因见：数据仓库视图 source_files、rejected_rows，工作簿的“数据质量”表，晨报 "
                + run.out.resolve("嵊泗县_科技创新指标晨报_2026-11-28.html") + "\n");
        assertThat(run.stdout).contains("工作簿：" + run.out.resolve("嵊泗县_科技创新指标面板_2026-11-28.xlsx") + "\n");
        assertThat(run.stdout).endsWith("数据仓库：" + run.warehouse + "\n");
        assertThat(run.stdout).doesNotContain("没有新文件");
        // and the files people open have the permissions of a new file under this process's umask (0644 under 022)
        Process shell = new ProcessBuilder("sh", "-c", "umask").start();
        String umask = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        int mode = 0666 & ~Integer.parseInt(umask, 8);
        for (Path file : List.of(run.out.resolve("嵊泗县_科技创新指标面板_2026-11-28.xlsx"),
                run.out.resolve("嵊泗县_科技创新指标晨报_2026-11-28.html"), run.warehouse)) {
            assertThat(mode(file)).as(file + " under umask " + umask).isEqualTo(mode);
        }
        // when the same inbox is run again
        run.run();
        // then it is a quiet night, not an empty inbox
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout).contains("本次运行：文件 0 个已装载、0 个拒收、0 个重复；数据行 0 行已装载、0 行被拒绝\n"
                + "没有新文件：收件箱的 " + files + " 个文件在以前的运行中都已装载过"
                + "（按路径、大小和修改时间认定；若有文件改了内容而大小和修改时间未变，先 touch 该文件再运行）\n");
        assertThat(run.stdout).doesNotContain("拒收与被拒绝的原因见");
        assertThat(run.stderr).doesNotContain("没有任何文件");
    }

    @Test
    void anInboxThatIsASymbolicLinkIsReadWhereItPoints(@TempDir Path root) throws IOException {
        // given the inbox linked into place, as a mount point may be
        PipelineRun delivered = new PipelineRun(root.resolve("real")).deliverSamples("statistics");
        PipelineRun run = new PipelineRun(root.resolve("linked"));
        Files.delete(run.inbox);
        Files.createSymbolicLink(run.inbox, delivered.inbox);
        // when
        run.run();
        // then
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stderr).doesNotContain("没有任何文件");
        assertThat((Long) run.value("select count(*) from source_files")).isGreaterThan(5L);
    }

    private static int mode(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    @Test
    void sizesAreWrittenAsPeopleReadThem() {
        assertThat(Preflight.size(0)).isEqualTo("0 字节");
        assertThat(Preflight.size(1023)).isEqualTo("1023 字节");
        assertThat(Preflight.size(48_128)).isEqualTo("47.0 KB");
        assertThat(Preflight.size(1_288_490_189L)).isEqualTo("1.2 GB");
    }
}
