package se.utskick.schedule;

/**
 * One job of the month. Implementations live in the feature they serve (letters, delivery,
 * replies...) or are small adapters in the composition root.
 *
 * <p>Contract: {@link #run} is idempotent for its period (running it twice, e.g. after a crash, does
 * no harm: "never two drafts of the same kind for the same period"), returns a one-line summary
 * with counts only (no personal data: it is stored and printed), and throws on failure. The
 * cluster never runs two instances of the same job at once.
 */
public interface ScheduledJob {

    /** Stable name, used as the Quartz job key and on the command line ({@code schedule run NAME}). */
    String name();

    /** What it does, for {@code schedule show}. */
    String description();

    /** A Quartz cron expression (seconds first), or an interval in seconds as {@code every:N}. */
    String schedule();

    String run() throws Exception;

    /** A job from its parts; {@code work} returns the run's summary. */
    static ScheduledJob of(String name, String description, String schedule, java.util.concurrent.Callable<String> work) {
        return new ScheduledJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String schedule() {
                return schedule;
            }

            @Override
            public String run() throws Exception {
                return work.call();
            }
        };
    }
}
