package se.utskick.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import se.utskick.Config;
import se.utskick.UtskickException;
import se.utskick.Utskick;

/**
 * The command line: {@code java -jar target/utskick.jar <command>}.
 *
 * <p>Exit codes: 0 success, 1 failure (one line on stderr naming what was wrong; the stack trace
 * only with {@code --verbose}), 2 usage error. Commands that need the database call {@link #app()},
 * which starts the graph once and closes it when the command ends.
 */
@Command(name = "utskick", mixinStandardHelpOptions = true, version = "Utskick 0.1",
        description = "Newsletters and mailing lists for a party district.",
        subcommands = {CommandLine.HelpCommand.class, ConfigCommand.class, RegisterCommand.class, LetterCommand.class,
                DeliveriesCommand.class, SendersCommand.class, SampleCommand.class, BenchCommand.class, DemoCommand.class,
                ListsCommand.class, EventsCommand.class, RepliesCommand.class, FeedbackCommand.class,
                ResubscribeCommand.class, ServeCommand.class, ScheduleCommand.class, UsersCommand.class, AuditCommand.class,
                BackupCommands.Write.class, BackupCommands.Restore.class, DoctorCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: config/utskick.properties, or $UTSKICK_CONFIG).")
    Path configFile;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show debug logging and stack traces.")
    void verbose(boolean on) {
        verbose = on;
        if (on) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("se.utskick")).setLevel(Level.DEBUG);
        }
    }

    boolean verbose;
    private Utskick app;
    private Config config;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code. Used by {@link #main} and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (main.verbose || !(e instanceof UtskickException)) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().println("utskick: " + message(e));
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            main.close();
        }
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** The configuration, read once from {@code --config}, {@code $UTSKICK_CONFIG} or the default file. */
    Config config() {
        if (config == null) {
            Path file = configFile;
            if (file == null && System.getenv("UTSKICK_CONFIG") != null) {
                file = Path.of(System.getenv("UTSKICK_CONFIG"));
            }
            config = Config.load(file == null ? Config.defaultFile() : file, System.getenv());
        }
        return config;
    }

    /** The started application graph; started on first use, closed when the command ends. */
    Utskick app() {
        if (app == null) {
            app = Utskick.start(config());
        }
        return app;
    }

    /**
     * Records a change of data made by this command in the audit log, with actor {@code cli:} + the
     * operating-system user. Called after the change succeeded; names things by id only.
     */
    void audit(String action, String subject, String detail) {
        app().audit().record(actor(), action, subject, detail);
    }

    /** {@code cli:} + the operating-system user, as the audit log's actor. */
    static String actor() {
        String user = System.getProperty("user.name", "").replaceAll("\\p{Cntrl}", "");
        String actor = "cli:" + (user.isEmpty() ? "unknown" : user);
        return actor.length() > 64 ? actor.substring(0, 64) : actor;
    }

    private void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    private static String message(Exception e) {
        if (e instanceof se.utskick.UserError u) {
            return UserErrorWords.of(u);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
