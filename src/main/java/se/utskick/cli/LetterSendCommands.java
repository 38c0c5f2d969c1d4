package se.utskick.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryException;
import se.utskick.delivery.SendRun;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;

/**
 * The delivery subcommands of {@code letter}: send, status, pause, resume, cancel, resend-failed.
 * Each is a nested class so the letters feature's {@code letter} command can list them.
 */
final class LetterSendCommands {
    /** How long a stopped {@code letter send} (Ctrl-C) waits for its workers to record what they sent. */
    static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

    private LetterSendCommands() {
    }

    /** Shared plumbing: the app's delivery feature and the output. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        LetterCommand letter;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LETTER", description = "The letter: its id or name (12, members-2026-03).")
        String letterRef;

        private Long letterId;

        /** The letter's id, looked up once from the reference given. */
        long letterId() {
            if (letterId == null) {
                letterId = LetterRef.id(letter.main, letterRef);
            }
            return letterId;
        }

        Delivery delivery() {
            return letter.main.app().delivery();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        SendRun run() {
            return delivery().log().run(letterId()).orElseThrow(() -> new DeliveryException(
                    "letter " + letterId() + " has not been sent (send it with: letter send " + letterId() + ")"));
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = {
            "Send an approved letter: freeze its audience into the outbox and send it with this process's workers,",
            "showing progress (Ctrl-C stops this process; the rest stays queued for any sender)."})
    static final class Send extends Base {
        @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
                description = "Schedule instead: 2026-12-01T08:00 (Swedish time) or 2026-12-01T07:00:00Z.")
        Instant at;

        @Option(names = "--no-wait", description = "Only freeze the audience; the senders of any process send it.")
        boolean noWait;

        @Override
        public Integer call() throws InterruptedException {
            if (at != null) {
                delivery().schedule(letterId(), at);
                letter.main.audit("letter.schedule", "letter " + letterId(), "at " + at);
                out().println("letter " + letterId() + " scheduled for " + at);
                return 0;
            }
            if (delivery().log().state(letterId()).isPresent()) {
                throw new DeliveryException("letter " + letterId() + " has already been handed to the senders; follow it with"
                        + " 'letter status " + letterId() + "', or add workers with 'senders' (rows a stopped process held"
                        + " go back to the queue when their lease ends)");
            }
            long t0 = System.nanoTime();
            int n = delivery().send(letterId());
            letter.main.audit("letter.send", "letter " + letterId(), n + " recipients");
            out().printf("letter %d: %d recipients frozen in %d ms%n", letterId(), n, (System.nanoTime() - t0) / 1_000_000);
            if (noWait) {
                return 0;
            }
            try (SenderPool pool = delivery().senders()) {
                // Ctrl-C: the workers record what they sent and give back what they hold, instead of
                // dying mid-batch (rows stuck for a lease, sent ones sent again)
                letter.main.app().database().holdEmbeddedAtExit();
                Thread stop = Thread.ofPlatform().name("send-stop").unstarted(() -> {
                    pool.stop(STOP_GRACE);
                    letter.main.app().close();
                });
                Runtime.getRuntime().addShutdownHook(stop);
                pool.start();
                try {
                    SendRun end = new SendProgress(delivery().log(), out()).follow(letterId());
                    return end.state() == SendRunState.FINISHED || end.state() == SendRunState.PAUSED ? 0 : 1;
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(stop);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running or ran
                    }
                }
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Deliveries of a letter counted per state; while it is sending, a live progress line.")
    static final class Status extends Base {
        @Option(names = "--once", description = "Print the counts and return, even while sending.")
        boolean once;

        @Override
        public Integer call() throws InterruptedException {
            SendRun run = run();
            if (run.state() == SendRunState.RUNNING && !once) {
                new SendProgress(delivery().log(), out()).follow(letterId());
                run = run();
            } else {
                out().println(SendProgress.counts(run));
            }
            // pacing per receiving domain (issue 18)
            out().println("per receiving domain group:");
            se.utskick.delivery.PacingLog.lines(delivery().pacing().progress(letterId()), java.time.Instant.now()).forEach(out()::println);
            if (run.state() == SendRunState.PAUSED && run.pauseReason() != null) {
                if (run.pauseKind() == se.utskick.delivery.PauseKind.SENDER_REFUSED) {
                    out().println("paused by a sender because the relay refused our envelope sender (MAIL FROM): " + run.pauseReason());
                    out().println("fix the sender (mail.domain, the relay's rules for senders, SPF: see 'utskick doctor'), then: utskick letter resume "
                            + letterId() + " and utskick letter resend-failed " + letterId());
                } else {
                    out().println("paused by a sender because the letter cannot be composed: " + run.pauseReason());
                    out().println("fix that, then: utskick letter resume " + letterId());
                }
            }
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop claiming new deliveries of a letter being sent.")
    static final class Pause extends Base {
        @Override
        public Integer call() {
            delivery().pause(letterId());
            letter.main.audit("letter.pause", "letter " + letterId(), "");
            out().println("letter " + letterId() + " paused (messages in flight finish); resume with: letter resume " + letterId());
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused letter.")
    static final class Resume extends Base {
        @Override
        public Integer call() {
            delivery().resume(letterId());
            letter.main.audit("letter.resume", "letter " + letterId(), "");
            out().println("letter " + letterId() + " resumed");
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel the rest of a send (or a scheduled letter); what was sent stays in the log.")
    static final class Cancel extends Base {
        @Override
        public Integer call() {
            int n = delivery().cancel(letterId());
            letter.main.audit("letter.cancel", "letter " + letterId(), n + " deliveries not sent");
            out().println("letter " + letterId() + " cancelled; " + n + " deliveries not sent");
            return 0;
        }
    }

    @Command(name = "resend-failed", mixinStandardHelpOptions = true, description = {
            "Queue a letter's FAILED deliveries again, to the member's current address, for members whose",
            "address is OK in the register now (after the membership officer fixed it)."})
    static final class ResendFailed extends Base {
        @Override
        public Integer call() {
            int n = delivery().resendFailed(letterId());
            letter.main.audit("letter.resend-failed", "letter " + letterId(), n + " deliveries queued again");
            out().println("letter " + letterId() + ": " + n + " failed deliveries queued again"
                    + (n > 0 ? " (run: letter status " + letterId() + ", or any sender process)" : ""));
            return 0;
        }
    }

    /** ISO instant, or a local date-time in Swedish time. */
    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
                        ? java.time.OffsetDateTime.parse(value).toInstant()
                        : LocalDateTime.parse(value).atZone(ZoneId.of("Europe/Stockholm")).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time; use 2026-12-01T08:00 (Swedish time)"
                        + " or 2026-12-01T07:00:00Z");
            }
        }
    }
}
