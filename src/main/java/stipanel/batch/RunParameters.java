package stipanel.batch;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The parameters of one nightly run, as job parameters. A failed run is resumed when they are the same. */
public record RunParameters(Path inbox, Path out, LocalDate asOf, LocalDate runDate) {

    static final String INBOX = "inbox";
    static final String OUT = "out";
    static final String AS_OF = "asOf";
    static final String RUN_DATE = "runDate";
    static final String RUN = "run";

    public JobParameters toJobParameters(long run) {
        return new JobParametersBuilder()
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString())
                .addString(OUT, out.toAbsolutePath().normalize().toString())
                .addString(AS_OF, asOf == null ? "" : asOf.toString())
                .addString(RUN_DATE, runDate.toString(), false)
                .addLong(RUN, run)
                .toJobParameters();
    }

    /** Same inbox, out and as-of date: the run that failed with them can be resumed. */
    public boolean sameRunAs(JobParameters p) {
        JobParameters mine = toJobParameters(0);
        return mine.getString(INBOX).equals(p.getString(INBOX)) && mine.getString(OUT).equals(p.getString(OUT))
                && mine.getString(AS_OF).equals(p.getString(AS_OF));
    }

    static LocalDate asOf(JobParameters p) {
        String s = p.getString(AS_OF);
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
