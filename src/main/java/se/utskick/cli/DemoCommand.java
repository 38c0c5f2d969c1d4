package se.utskick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Config;
import se.utskick.Utskick;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.SenderPool;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterState;
import se.utskick.register.ImportOptions;
import se.utskick.register.ImportReport;
import se.utskick.register.Register;
import se.utskick.register.SampleRegister;
import se.utskick.schedule.Schedule;

/**
 * {@code demo}: the district's month on embedded defaults, in one process. It writes the sample
 * district's register export under {@code data/} and imports it; runs the assembly jobs for this
 * month's board letter and members' letter (with queued items and events), approves them and
 * writes their previews under {@code out/demo/}; sends them through the in-process GreenMail with
 * this process's workers; puts a board's reply, an out-of-office and a bounce in the reply mailbox
 * and runs the poll job; prints the feedback table and the delivery status; runs the membership
 * officers' reminder job if this build has one; then keeps the web interface (with a demo sign-in),
 * the senders and the scheduler running until Ctrl-C ({@code --no-wait}: ends instead). Runs
 * again and again: the second import changes nothing, the letters are found, nothing is sent twice.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the district's month on embedded defaults: import, assemble, approve, send, replies, feedback.")
public final class DemoCommand implements Callable<Integer> {
    /** Where the demo writes the sample export. */
    static final Path SAMPLE_EXPORT = Path.of("data", "medlemsregister.csv");
    /** Where the demo writes the letters' previews. */
    static final Path PREVIEWS = Path.of("out", "demo");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--no-wait",
            description = "End after the month instead of keeping the web interface running (for scripts and tests).")
    boolean noWait;

    @picocli.CommandLine.Option(names = "--use-configured",
            description = "Run the demo against the configured database and mail relay (db.url, smtp.host) instead of refusing:"
                    + " it writes 3,000 fictional members, the demo account and this month's two letters there, and sends them.")
    boolean useConfigured;

    /** The demo's sign-in for the web interface; created only by the demo. */
    static final String DEMO_USER = "ombud";
    static final String DEMO_PASSWORD = "demo-ombud-2026";

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        refuseConfiguredServers(main.config(), useConfigured);
        try (Utskick app = Utskick.start(demoConfig(main.config()));
             Schedule schedule = app.schedule()) {
            register(app.register(), out);
            out.println("== This month's letters (jobs assemble-members and assemble-board)");
            List<Letter> letters = DemoLetters.run(app, schedule, out, PREVIEWS);
            out.println("== Sending through the embedded mail server");
            boolean sentNow = send(app, letters, out);
            Letter members = letters.get(0);
            Letter board = letters.get(1);
            out.println("== Replies");
            if (sentNow && DemoReplies.deliver(app, board.id(), members.id(), out)) {
                out.println("job poll-replies: " + schedule.runNow("poll-replies"));
                RepliesCommand.print(app.replies().log().list(null, null, 10), out);
                out.println("addresses now marked BOUNCED in the register: "
                        + app.register().summary().emailStatus().getOrDefault(se.utskick.register.EmailStatus.BOUNCED, 0));
            } else if (!sentNow) {
                out.println("the letters were sent by an earlier run; their replies are in the log already");
            }
            out.println("== Feedback on " + board.label());
            FeedbackCommand.print(app.replies().log().feedback(board.id()), out);
            out.println("== Delivery status");
            for (Letter l : letters) {
                app.delivery().log().run(l.id()).ifPresent(r -> out.println(l.label() + ": " + SendProgress.counts(r)));
            }
            reminders(app, schedule, out);
            whereToLook(app, members, board, out);
            webInterface(app, schedule, out);
        }
        return 0;
    }

    /**
     * Creates the demo sign-in (once), starts the node (web interface, workers, scheduler) and,
     * unless {@code --no-wait}, keeps it running until Ctrl-C.
     */
    private void webInterface(Utskick app, Schedule schedule, PrintWriter out) throws InterruptedException {
        out.println("== The web interface");
        if (app.users().find(DEMO_USER).isEmpty()) {
            app.users().add(DEMO_USER, "Ombudsman (demo)", DEMO_PASSWORD.toCharArray());
        }
        // A fresh second factor at every demo start, printed with the demo password (demo only).
        se.utskick.users.TotpEnrolment totp = app.users().resetTotp(DEMO_USER);
        se.utskick.Node node = app.startNode(schedule);
        out.println("open:            " + node.address());
        out.println("sign in as:      " + DEMO_USER + " / " + DEMO_PASSWORD + "   (demo account; real ones: utskick users add NAME)");
        out.println("then the code:   from an authenticator app with this demo secret: " + totp.grouped());
        out.println("                 (" + totp.uri() + ")");
        if (noWait) {
            node.stop(java.time.Duration.ofSeconds(3));
            out.println("(--no-wait: the interface stopped again)");
            return;
        }
        out.println("the interface, the senders and the scheduler run until you press Ctrl-C");
        out.flush();
        node.runUntilStopped(app.config().duration("serve.stop.grace", java.time.Duration.ofSeconds(3)));
    }

    /**
     * The demo writes a fictional register (3,000 members), a demo account with a published
     * password and two letters, and sends them: on the embedded defaults that is harmless, on a
     * configured database or relay it would mix fiction into a real register and mail fictional
     * addresses through a real relay. So a configured {@code db.url} or {@code smtp.host} is refused
     * unless {@code --use-configured} says so.
     */
    static void refuseConfiguredServers(Config c, boolean useConfigured) {
        List<String> configured = new ArrayList<>();
        if (c.optional("db.url").isPresent()) {
            configured.add("a database (db.url)");
        }
        if (!DeliveryConfig.from(c).embedded()) {
            configured.add("a mail relay (smtp.host = " + DeliveryConfig.from(c).smtpHost() + ")");
        }
        if (!configured.isEmpty() && !useConfigured) {
            throw new se.utskick.UtskickException("the demo would write 3,000 fictional members, the demo account '" + DEMO_USER
                    + "' and two letters into " + String.join(" and send them through ", configured)
                    + ", which this configuration names; run it on the embedded defaults (unset db.url, smtp.host = embedded)"
                    + " or add --use-configured if that is really meant");
        }
    }

    /**
     * The configuration marked as the demo's (the shipped demo secret is accepted only here), with
     * this month as the assembly period (the embedded reply mailbox comes from
     * {@link Utskick#withEmbeddedMailbox}).
     */
    static Config demoConfig(Config c) {
        return c.forDemo().with("schedule.assembly.months.ahead", "0").with("schedule.assembly.preview.dir", PREVIEWS.toString());
    }

    private static void register(Register register, PrintWriter out) {
        out.println("== The sample district's register export");
        SampleRegister.writeCsv(SAMPLE_EXPORT, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        out.println("written to " + SAMPLE_EXPORT + " (" + SampleRegister.DEFAULT_MEMBERS + " members)");
        out.println("== Import");
        ImportReport report = register.importFile(SAMPLE_EXPORT, ImportOptions.defaults());
        RegisterPrinter.report(out, report);
        out.println("== The register");
        RegisterPrinter.summary(out, register.summary());
    }

    /** Sends the approved letters and waits for every letter being sent (the ombudsman's notices too). */
    private static boolean send(Utskick app, List<Letter> letters, PrintWriter out) throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        for (Letter l : letters) {
            if (app.letters().get(l.id()).state() == LetterState.APPROVED) {
                out.printf("%s: %d recipients frozen%n", l.label(), app.delivery().send(l.id()));
                sent.add(l.id());
            } else {
                out.printf("%s is %s already%n", l.label(), app.letters().get(l.id()).state());
            }
        }
        drain(app, out);
        return !sent.isEmpty();
    }

    /** Runs this process's workers until nothing is being sent (at most five minutes). */
    static void drain(Utskick app, PrintWriter out) throws InterruptedException {
        if (app.delivery().sending().isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try (SenderPool pool = app.delivery().senders()) {
            pool.start();
            long end = t0 + 300_000_000_000L;
            while (!app.delivery().sending().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            out.printf("%d messages sent in %.1f s%n", pool.recorded(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void reminders(Utskick app, Schedule schedule, PrintWriter out) throws InterruptedException {
        out.println("== Membership officers' reminders");
        if (app.jobs().stream().noneMatch(j -> j.name().equals("address-reminders"))) {
            out.println("(no address-reminders job in this build)");
            return;
        }
        out.println("job address-reminders: " + schedule.runNow("address-reminders"));
        drain(app, out);
    }

    private static void whereToLook(Utskick app, Letter members, Letter board, PrintWriter out) {
        out.println("== Where to look");
        out.println("previews:        " + PREVIEWS.toAbsolutePath() + "/{" + members.slug() + "," + board.slug() + "}.html");
        out.println("feedback:        utskick feedback " + board.id());
        out.println("delivery log:    utskick letter status " + members.id() + "   utskick deliveries " + members.id());
        out.println("reply log:       utskick replies");
        out.println("jobs and runs:   utskick schedule show");
        out.println("the service:     utskick serve   (scheduler, senders, reply polling, web interface)");
        out.println("(the embedded mail server and the web interface stop with this command; the database stays)");
    }
}
