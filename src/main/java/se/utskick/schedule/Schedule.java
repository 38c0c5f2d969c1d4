package se.utskick.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/**
 * One node of the Quartz cluster, with the jobs the composition root gave it.
 *
 * <p>Cluster contract: every node uses the same scheduler name and the same tables (QRTZ_*), with a
 * unique instance id; Quartz's row lock in QRTZ_LOCKS makes each trigger fire on exactly one node,
 * and a node that stops checking in has its in-flight jobs recovered by another.
 *
 * <p>Misfires (the cluster was down when a trigger was due): cron jobs fire once as soon as a node
 * starts, then keep their schedule ({@code MISFIRE_INSTRUCTION_FIRE_ONCE_NOW}); interval jobs skip
 * the missed runs. Jobs are idempotent per period, so the one late run is safe.
 *
 * <p>Lifecycle: {@link #create} builds the node in standby; {@link #start} schedules the jobs
 * (adding or updating only triggers whose schedule changed) and starts firing; {@link #close}
 * stops taking triggers and waits for running jobs.
 */
public final class Schedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Schedule.class);
    static final String SCHEDULER_NAME = "utskick";
    static final String GROUP = "utskick";
    private static final AtomicInteger providers = new AtomicInteger();

    private final Scheduler quartz;
    private final Map<String, ScheduledJob> jobs;
    private final JobRuns runs;
    private final ScheduleConfig config;

    private Schedule(Scheduler quartz, Map<String, ScheduledJob> jobs, JobRuns runs, ScheduleConfig config) {
        this.quartz = quartz;
        this.jobs = jobs;
        this.runs = runs;
        this.config = config;
    }

    /** The run log's named queries ({@code sql/schedule.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return JobRuns.QUERIES;
    }

    public static Schedule create(Database db, ScheduleConfig config, List<ScheduledJob> jobList) {
        Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
        jobList.forEach(j -> jobs.put(j.name(), j));
        JobRuns runs = new JobRuns(db);
        String provider = "utskick-" + providers.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PoolProvider(db.dataSource()));
        try {
            Scheduler quartz = new StdSchedulerFactory(properties(config, provider)).getScheduler();
            // Quartz keeps a JVM-wide registry by scheduler name; all nodes share one name, so unbind
            // it to let a second node live in the same JVM (the cluster tests do that).
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            String node = quartz.getSchedulerInstanceId();
            quartz.setJobFactory((bundle, scheduler) ->
                    new RunJob(jobs.get(bundle.getJobDetail().getKey().getName()), runs, node));
            return new Schedule(quartz, jobs, runs, config);
        } catch (SchedulerException e) {
            throw new UtskickException("could not create the scheduler: " + e.getMessage(), e);
        }
    }

    private static Properties properties(ScheduleConfig c, String provider) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", c.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(c.threads()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "schedule");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(c.checkin().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    /** Schedules every job (only where missing or changed) and starts firing triggers. */
    public void start() {
        try {
            for (ScheduledJob job : jobs.values()) {
                ensureScheduled(job);
            }
            quartz.start();
            log.info("scheduler node {} started with {} jobs", quartz.getSchedulerInstanceId(), jobs.size());
        } catch (SchedulerException e) {
            throw new UtskickException("could not start the scheduler: " + e.getMessage(), e);
        }
    }

    private void ensureScheduled(ScheduledJob job) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(job.name(), GROUP);
        Trigger existing = quartz.getTrigger(key);
        if (existing != null && job.schedule().equals(existing.getDescription())) {
            return;
        }
        JobDetail detail = JobBuilder.newJob(RunJob.class).withIdentity(job.name(), GROUP)
                .withDescription(job.description()).storeDurably().build();
        quartz.scheduleJob(detail, java.util.Set.of(trigger(job, key)), true);
    }

    private Trigger trigger(ScheduledJob job, TriggerKey key) {
        String spec = job.schedule();
        TriggerBuilder<Trigger> b = TriggerBuilder.newTrigger().withIdentity(key).withDescription(spec)
                .forJob(job.name(), GROUP);
        try {
            if (spec.startsWith("every:")) {
                int seconds = Integer.parseInt(spec.substring("every:".length()));
                return b.withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(seconds)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
            }
            return b.withSchedule(CronScheduleBuilder.cronSchedule(spec).inTimeZone(java.util.TimeZone.getTimeZone(config.zone()))
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        } catch (RuntimeException e) {
            throw new UtskickException("the schedule of job " + job.name() + " is '" + spec
                    + "': not a Quartz cron expression (e.g. '0 0 8 1 * ?') nor every:SECONDS", e);
        }
    }

    /** Every job with its trigger's next fire time and its last run anywhere in the cluster. */
    public List<JobStatus> show() {
        Map<String, JobRuns.LastRun> last = runs.latest();
        List<JobStatus> out = new ArrayList<>();
        for (ScheduledJob job : jobs.values()) {
            Instant next = null;
            try {
                Trigger t = quartz.getTrigger(TriggerKey.triggerKey(job.name(), GROUP));
                Date d = t == null ? null : t.getNextFireTime();
                next = d == null ? null : d.toInstant();
            } catch (SchedulerException e) {
                throw new UtskickException("could not read the trigger of job " + job.name() + ": " + e.getMessage(), e);
            }
            JobRuns.LastRun l = last.get(job.name());
            out.add(new JobStatus(job.name(), job.description(), job.schedule(), next,
                    l == null ? null : l.started(), l == null ? null : l.outcome(), l == null ? null : l.summary()));
        }
        return out;
    }

    /** Runs one job now, in this process, logged like a scheduled run. Returns its summary. */
    public String runNow(String name) {
        ScheduledJob job = jobs.get(name);
        if (job == null) {
            throw new UtskickException("there is no job called '" + name + "'; the jobs are " + jobs.keySet());
        }
        return RunJob.runLogged(job, runs, nodeId());
    }

    /** How many runs of the job succeeded anywhere in the cluster. */
    public int succeededRuns(String name) {
        return runs.succeeded(name);
    }

    /** True between {@link #start} and {@link #close}, while Quartz fires triggers on this node. */
    public boolean running() {
        try {
            return quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    public String nodeId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }

    boolean hasJob(JobKey key) throws SchedulerException {
        return quartz.checkExists(key);
    }

    /** Stops firing and waits for running jobs to end; the node's triggers stay for the others. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    /** A job as {@code schedule show} prints it. */
    public record JobStatus(String name, String description, String schedule, Instant nextFire,
                            Instant lastRun, String lastOutcome, String lastSummary) {
    }

    /** Hands Quartz connections from our pool, so it shares the pool's settings and limits. */
    private record PoolProvider(DataSource ds) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return ds.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Database, which closes it
        }

        @Override
        public void initialize() {
            // nothing: the pool is already open
        }
    }
}
