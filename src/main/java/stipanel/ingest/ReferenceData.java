package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the CSV tables shipped under {@code jobs/} (on the classpath as {@code jobs/}), named by their path under it. */
public final class ReferenceData {

    private ReferenceData() {
    }

    public static List<CSVRecord> csv(String name) {
        String path = "jobs/" + name;
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference table missing from the build: " + path);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            return format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
