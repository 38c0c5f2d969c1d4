package se.utskick.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.schedule.Schedule;
import se.utskick.schedule.ScheduleConfig;

/** {@code schedule show} and {@code schedule run JOB}: the cluster's jobs, seen and run from the command line. */
@Command(name = "schedule", mixinStandardHelpOptions = true, description = "The scheduled jobs: show them, or run one now.",
        subcommands = {ScheduleCommand.Show.class, ScheduleCommand.Run.class})
public final class ScheduleCommand implements Runnable {
    @ParentCommand
    Main main;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** A scheduler node that is never started: it reads the cluster's triggers and runs jobs in this process. */
    Schedule node() {
        return main.app().schedule();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Every job: its trigger, next fire time, last run anywhere in the cluster, outcome and summary.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ZoneId zone = ScheduleConfig.from(parent.main.config()).zone();
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
            boolean unscheduled = false;
            try (Schedule s = parent.node()) {
                out.printf("%-18s %-16s %-19s %-19s %-9s %s%n", "JOB", "TRIGGER", "NEXT FIRE", "LAST RUN", "OUTCOME", "SUMMARY");
                for (Schedule.JobStatus j : s.show()) {
                    unscheduled |= j.nextFire() == null;
                    out.printf("%-18s %-16s %-19s %-19s %-9s %s%n", j.name(), j.schedule(), time(f, j.nextFire()),
                            time(f, j.lastRun()), j.lastOutcome() == null ? "-" : j.lastOutcome(),
                            j.lastSummary() == null ? "" : j.lastSummary());
                }
            }
            out.println("times in " + zone + (unscheduled ? "; a job without a next fire time is scheduled when 'utskick serve' starts" : ""));
            return 0;
        }

        private static String time(DateTimeFormatter f, Instant t) {
            return t == null ? "-" : f.format(t);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run one job now, in this process, recorded as a run (see: schedule show).")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "JOB", description = "The job's name, as schedule show lists it.")
        String job;

        @Override
        public Integer call() {
            try (Schedule s = parent.node()) {
                spec.commandLine().getOut().println(job + ": " + s.runNow(job));
            }
            return 0;
        }
    }
}
