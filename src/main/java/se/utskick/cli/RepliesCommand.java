package se.utskick.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.UtskickException;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.MessageKind;

/** {@code replies [--letter L] [--kind K]} and {@code replies show ID}: the reply log. */
@Command(name = "replies", mixinStandardHelpOptions = true,
        description = "List the messages read from the reply mailbox (replies, auto-replies, bounces, unsubscribes).",
        subcommands = RepliesCommand.Show.class)
final class RepliesCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--letter", paramLabel = "LETTER", description = "Only messages about this letter (id or name).")
    String letter;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: reply, auto_reply, hard_bounce, soft_bounce, delayed, unsubscribe.")
    String kind;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many, newest first (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        print(main.app().replies().log().list(letter == null ? null : LetterRef.id(main, letter), kind(kind), limit), spec.commandLine().getOut());
        return 0;
    }

    static void print(List<LoggedMessage> rows, PrintWriter out) {
        out.printf("%-6s %-16s %-11s %-10s %-6s %-6s %-32s %s%n", "ID", "RECEIVED", "KIND", "MATCHED BY", "LETTER", "ASSOC",
                "FROM", "SUBJECT / EXCERPT");
        for (LoggedMessage m : rows) {
            out.printf("%-6d %-16s %-11s %-10s %-6s %-6s %-32s %s%n", m.id(), TIME.format(m.receivedAt()), m.kind(),
                    m.correlation(), orDash(m.letterId()), orDash(m.associationId()), cut(m.sender(), 32),
                    cut(m.subject(), 40) + (m.excerpt() == null || m.excerpt().isEmpty() ? "" : " — " + cut(m.excerpt(), 60)));
        }
        out.println(rows.size() + " message(s)");
    }

    static MessageKind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MessageKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UtskickException("--kind " + value + " is not a kind; use one of reply, auto_reply, hard_bounce,"
                    + " soft_bounce, delayed, unsubscribe");
        }
    }

    static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    /** At most {@code n} characters on one line; control characters from the message are shown as spaces. */
    static String cut(String s, int n) {
        if (s == null) {
            return "-";
        }
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() <= n ? one : one.substring(0, n - 1) + "…";
    }

    /** {@code replies show ID}: one message in full. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one message with its full text.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RepliesCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The message's ID from the list.")
        long id;

        @Option(names = "--raw", description = "Print the message exactly as it was read (while the retention keeps it).")
        boolean raw;

        @Override
        public Integer call() {
            var log = parent.main.app().replies().log();
            PrintWriter out = spec.commandLine().getOut();
            if (raw) {
                byte[] bytes = log.raw(id).orElseThrow(() -> new UtskickException(
                        "message " + id + " has no raw copy (unknown ID, or removed after replies.retention)"));
                out.print(new String(bytes, StandardCharsets.UTF_8));
                out.flush();
                return 0;
            }
            LoggedMessage m = log.show(id).orElseThrow(() -> new UtskickException(
                    "there is no message " + id + " in the reply log; list them with: utskick replies"));
            out.println("Message     " + m.id());
            out.println("Received    " + TIME.format(m.receivedAt()));
            out.println("Kind        " + m.kind() + (m.effect() == null ? "" : " (" + m.effect() + ")"));
            out.println("Matched by  " + m.correlation());
            out.println("Letter      " + orDash(m.letterId()) + (m.letterKind() == null ? "" : " (" + m.letterKind() + ")"));
            out.println("Delivery    " + orDash(m.deliveryId()));
            out.println("Association " + orDash(m.associationId()));
            out.println("Member      " + orDash(m.memberId()));
            out.println("From        " + cut(m.sender(), 200));
            out.println("Subject     " + cut(m.subject(), 500));
            if (m.bounceStatus() != null) {
                out.println("Bounce      " + m.bounceStatus() + " " + orDash(m.bounceRecipient()));
                out.println("Diagnostic  " + orDash(m.bounceDiagnostic()));
            }
            out.println();
            out.println(m.bodyText() == null ? "" : m.bodyText().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", ""));
            return 0;
        }
    }
}
