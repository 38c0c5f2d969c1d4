package se.utskick.schedule;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a {@link ScheduledJob} to Quartz and records each run in job_run (successes are logged at
 * DEBUG only: interval jobs run every few seconds, and job_run already keeps every outcome). Never two at once for
 * the same job in the whole cluster ({@link DisallowConcurrentExecution} holds across nodes with
 * the clustered JDBC store).
 */
@DisallowConcurrentExecution
final class RunJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(RunJob.class);

    private final ScheduledJob job;
    private final JobRuns runs;
    private final String node;

    RunJob(ScheduledJob job, JobRuns runs, String node) {
        this.job = job;
        this.runs = runs;
        this.node = node;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        if (job == null) {
            // a trigger from a newer node whose job this node does not know: leave it to that node
            throw new JobExecutionException("job " + context.getJobDetail().getKey() + " is unknown on node " + node);
        }
        try {
            runLogged(job, runs, node);
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }

    /** Runs the job and records the run; rethrows its failure after recording it. */
    static String runLogged(ScheduledJob job, JobRuns runs, String node) {
        long id = runs.started(job.name(), node, Instant.now());
        try {
            String summary = job.run();
            runs.finished(id, true, summary, Instant.now());
            log.debug("job {} succeeded: {}", job.name(), summary);
            return summary;
        } catch (Exception e) {
            runs.finished(id, false, String.valueOf(e.getMessage()), Instant.now());
            log.warn("job {} failed: {}", job.name(), e.getMessage());
            throw e instanceof RuntimeException re ? re : new se.utskick.UtskickException(
                    "job " + job.name() + " failed: " + e.getMessage(), e);
        }
    }
}
