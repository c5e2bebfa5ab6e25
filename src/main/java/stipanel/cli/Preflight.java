package stipanel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import stipanel.ingest.Inbox;
import stipanel.panel.Plan;

/**
 * What a run checks before it starts any work (and before Spring starts, which takes seconds): the inbox is a folder,
 * every plan file reads, and the out folder and the warehouse's folder can be made and written. Each failure is a
 * {@link ConfigurationException}, exit 2. It also counts the inbox's files, for the run's first line.
 */
record Preflight(Path inbox, Path warehouse, Path out, int files, long bytes) {

    static Preflight check(RunOptions options, Path warehouse) {
        Path inbox = options.inbox().toAbsolutePath().normalize();
        if (!Files.exists(inbox)) {
            throw new ConfigurationException("收件箱 " + inbox + " 不存在（--inbox）。若收件箱是挂载的共享目录，请检查它是否已挂载。");
        }
        if (!Files.isDirectory(inbox)) {
            throw new ConfigurationException("收件箱 " + inbox + " 不是文件夹（--inbox）");
        }
        List<Plan> plans;
        try {
            plans = options.plans().isEmpty() ? Plan.shipped() : options.plans().stream().map(Plan::read).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("规划文件有误：" + e.getMessage(), e);
        }
        if (plans.isEmpty()) {
            throw new ConfigurationException("没有规划文件：jobs/plans/ 中没有 .yml 文件，也没有用 --plan 指定");
        }
        Path out = writableFolder(options.out().toAbsolutePath().normalize(), "输出文件夹（--out）");
        writableFolder(warehouse.getParent(), "数据仓库所在的文件夹（--warehouse）");
        List<Path> files;
        long bytes = 0;
        try {
            files = Inbox.files(inbox);
            for (Path f : files) {
                bytes += Files.size(f);
            }
        } catch (IOException e) {
            throw new ConfigurationException("收件箱 " + inbox + " 无法读取：" + e, e);
        }
        return new Preflight(inbox, warehouse, out, files.size(), bytes);
    }

    private static Path writableFolder(Path folder, String what) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConfigurationException(what + " " + folder + " 无法创建：" + e, e);
        }
        if (!Files.isWritable(folder)) {
            throw new ConfigurationException(what + " " + folder + " 不可写入");
        }
        return folder;
    }

    /** The run's first line, printed at once: what it reads and where it writes. */
    String firstLine() {
        return "sti-panel：收件箱 %s：%d 个文件，%s；数据仓库 %s；输出文件夹 %s".formatted(inbox, files, size(bytes),
                warehouse, out);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
