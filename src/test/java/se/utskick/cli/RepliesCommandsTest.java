package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.replies.Correlation;
import se.utskick.replies.Feedback;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.MessageKind;

/**
 * Guards the ombudsman's reply commands end to end through {@link Main}: the log is listed and
 * shown, filters are checked, and the feedback table says who answered and who did not.
 */
class RepliesCommandsTest {
    static String url;
    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void database() throws Exception {
        url = TestDatabase.freshUrl();
        config = dir.resolve("utskick.properties");
        Files.writeString(config, "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = test-secret-for-the-replies-cli-tests-000000\n");
        String[] first = run("replies"); // the first start migrates the schema
        assertEquals("0", first[0], first[2]);
        try (var c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.password())) {
            c.createStatement().execute("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at,"
                    + " kind, correlation, letter_id, letter_kind, association_id, sender, subject, body_text, excerpt)"
                    + " VALUES ('INBOX', 1, 1, NOW(3), NOW(3), 'REPLY', 'TOKEN', 10, 'BOARD', 3, 'Anna <anna@example.com>',"
                    + " 'SV: Styrelsebrev', 'Vi är med.\n\n> Hej', 'Vi är med.')");
        }
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "--config";
        full[1] = config.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        int code = Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void repliesListsTheLogWithKindAndExcerpt() {
        String[] r = run("replies", "--letter", "10", "--kind", "reply");

        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("REPLY"));
        assertTrue(r[1].contains("Vi är med."));
        assertTrue(r[1].contains("1 message(s)"));
    }

    @Test
    void repliesShowPrintsTheFullText() {
        String[] r = run("replies", "show", "1");

        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("> Hej"));
        assertTrue(r[1].contains("Anna <anna@example.com>"));
    }

    @Test
    void unknownKindIsRefusedWithTheKindsToUse() {
        String[] r = run("replies", "--kind", "spam");

        assertEquals("1", r[0]);
        assertTrue(r[2].contains("auto_reply"));
    }

    @Test
    void showingAnUnknownMessageSaysSo() {
        String[] r = run("replies", "show", "999");

        assertEquals("1", r[0]);
        assertTrue(r[2].contains("no message 999"));
    }

    @Test
    void feedbackTableSaysWhoAnsweredAndWhoNotYet() {
        LoggedMessage reply = new LoggedMessage(1, Instant.parse("2026-11-23T08:12:00Z"), MessageKind.REPLY, Correlation.TOKEN,
                10L, "BOARD", 1L, 3L, 5L, "Anna <anna@example.com>", "SV", "Vi är med.", null, null, null, null, null, null, null);
        Feedback f = new Feedback(10, "Styrelsebrev november", Optional.of(LocalDate.of(2026, 12, 1)), List.of(
                new Feedback.AssociationFeedback(3, "Arvika", List.of(reply, reply)),
                new Feedback.AssociationFeedback(4, "Torsby", List.of())));
        StringWriter out = new StringWriter();

        FeedbackCommand.print(f, new PrintWriter(out, true));

        String text = out.toString();
        assertTrue(text.contains("Deadline: 2026-12-01"));
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Arvika") && l.contains("yes") && l.contains("2026-11-23 09:12")
                && l.contains("anna@example.com") && l.contains("Vi är med. (+1 more)")));
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Torsby") && l.contains("not yet")));
        assertTrue(text.contains("1 of 2 associations have answered"));
    }
}
