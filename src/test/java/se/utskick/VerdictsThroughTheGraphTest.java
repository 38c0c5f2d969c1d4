package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.delivery.DeliveryLog.BlockedDomain;
import se.utskick.letters.LetterKind;
import se.utskick.replies.Feedback;
import se.utskick.replies.MessageKind;
import se.utskick.testing.ScriptedSmtpServer;

/**
 * Guards, on the real graph ({@link Utskick#wire}), that what comes back from receivers is judged by
 * its cause (issue 13): a refusal of our sender or a policy refusal never marks a member, at send
 * time (a hand-written SMTP server) or in the reply mailbox (real GreenMail IMAP); only an answer
 * naming the recipient's address as bad marks it; a spam complaint unsubscribes from the members'
 * letter and is never feedback; human replies and automatic answers are told apart.
 */
class VerdictsThroughTheGraphTest {
    @TempDir
    Path dir;

    /** Three associations, each with a chair and a board member; addresses at two receiving domains. */
    private static void boards(VerdictHarness h) {
        for (String name : List.of("Karlstad", "Arvika", "Torsby")) {
            long a = h.association(name);
            String p = name.substring(0, 1).toLowerCase();
            h.member(p.toUpperCase() + "1", p + "1@mail.example.org", a, "CHAIR");
            h.member(p.toUpperCase() + "2", p + "2@post.example.net", a, "BOARD_MEMBER");
        }
    }

    private static final List<String> ALL = List.of("Karlstad", "Arvika", "Torsby");

    @Test
    void aRelayThatRefusesOurEnvelopeSenderMarksNobodyAndTheLetterPageCountsItByDomain() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(); VerdictHarness h = new VerdictHarness(smtp.port())) {
            boards(h);
            smtp.script().refuseSender("553 5.1.8 <bounce@varmland.example.org>: Sender address rejected: Domain not found");
            long letter = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, null);

            // the first refusal pauses the letter: the messages already in hand meet the same refusal
            // (BLOCKED), the rest wait for the fix; how many of each depends on the workers' timing
            int blockedRows = h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'BLOCKED'", letter);
            int waiting = h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state IN ('QUEUED', 'DEFERRED')", letter);
            assertTrue(blockedRows >= 1, "the refused message is BLOCKED");
            assertEquals(6, blockedRows + waiting, "nothing else happened to the others");
            assertEquals(0, h.count("SELECT COUNT(*) FROM member WHERE email_status <> 'OK'"), "nobody is marked");
            List<BlockedDomain> blocked = h.app.delivery().log().blockedByDomain(letter);
            assertEquals(blockedRows, blocked.stream().mapToLong(BlockedDomain::count).sum());
            assertTrue(blocked.stream().allMatch(b -> b.domain().equals("mail.example.org") || b.domain().equals("post.example.net")),
                    blocked.toString());
            assertTrue(blocked.get(0).reply().contains("5.1.8"), blocked.toString());
            assertEquals("PAUSED", h.string("SELECT state FROM send_run WHERE letter_id = ?", letter),
                    "every other message would be refused the same way: the letter waits for the fix");
            // paused by its cause, not as "could not be composed": the relay's reply is the reason, and
            // the ombudsman's notice says what happened and what to do, in Swedish
            var run = h.app.delivery().log().run(letter).orElseThrow();
            assertEquals(se.utskick.delivery.PauseKind.SENDER_REFUSED, run.pauseKind());
            assertTrue(run.pauseReason().startsWith("553 5.1.8"), run.pauseReason());
            assertEquals(Map.of(letter, new se.utskick.delivery.Pause(se.utskick.delivery.PauseKind.SENDER_REFUSED, run.pauseReason())),
                    h.app.delivery().log().pausedForError());
            String notice = h.string("SELECT i.body FROM letter_item i JOIN letter l ON l.id = i.letter_id "
                    + "WHERE l.subject LIKE 'Utskicket pausat:%'");
            assertTrue(notice.contains("vägrade ta emot brev från vår avsändaradress") && notice.contains("ingen adress har markerats")
                    && notice.contains("utskick letter resend-failed " + letter) && !notice.contains("kunde inte sättas ihop"), notice);

            assertEquals(blockedRows, h.app.delivery().resendFailed(letter), "once fixed, the blocked deliveries are queued again");
        }
    }

    @Test
    void onlyAnAnswerToRcptThatNamesTheRecipientsAddressAsBadMarksIt() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(); VerdictHarness h = new VerdictHarness(smtp.port())) {
            boards(h);
            smtp.script().refuse("k1@mail.example.org", "550 5.1.1 <k1@mail.example.org>: Recipient address rejected: User unknown in local recipient table");
            smtp.script().refuse("k2@post.example.net", "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org");
            smtp.script().refuse("a1@mail.example.org", "553 5.1.8 <bounce+x@varmland.example.org>: Sender address rejected: Domain not found");
            smtp.script().refuse("a2@post.example.net", "550 5.1.1 <a2.real@elsewhere.example>: forwarding target unknown");
            smtp.script().refuse("t1@mail.example.org", "550 user unknown");
            long letter = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, null);

            Map<String, String> state = Map.of("k1@mail.example.org", "FAILED", "k2@post.example.net", "BLOCKED",
                    "a1@mail.example.org", "BLOCKED", "a2@post.example.net", "FAILED", "t1@mail.example.org", "FAILED",
                    "t2@post.example.net", "SENT");
            state.forEach((email, s) -> assertEquals(s,
                    h.string("SELECT state FROM delivery WHERE letter_id = ? AND email = ?", letter, email), email));
            assertEquals(List.of("k1@mail.example.org", "t1@mail.example.org"), List.of(
                    h.string("SELECT GROUP_CONCAT(email ORDER BY email) FROM member WHERE email_status = 'INVALID'").split(",")));
        }
    }

    @Test
    void aPolicyReportInTheReplyMailboxBlocksTheDeliveryButNeverMarksTheMember() throws Exception {
        try (VerdictHarness h = new VerdictHarness(0)) {
            boards(h);
            long letter = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, null);
            h.receive(dsn(h.sentTo("k1@mail.example.org", "Brev"), "5.7.26",
                    "smtp; 550 5.7.26 Unauthenticated email from varmland.example.org is not accepted due to domain's DMARC policy."));
            h.receive(dsn(h.sentTo("a1@mail.example.org", "Brev"), "5.2.2", "smtp; 552 5.2.2 Mailbox full"));
            h.receive(dsn(h.sentTo("t1@mail.example.org", "Brev"), "5.1.1", "smtp; 550 5.1.1 User unknown"));

            assertEquals("BLOCKED", h.string("SELECT state FROM delivery WHERE email = 'k1@mail.example.org'"));
            assertEquals("OK", h.string("SELECT email_status FROM member WHERE email = 'k1@mail.example.org'"));
            assertEquals("SENT", h.string("SELECT state FROM delivery WHERE email = 'a1@mail.example.org'"), "mailbox full is soft");
            assertEquals("OK", h.string("SELECT email_status FROM member WHERE email = 'a1@mail.example.org'"));
            assertEquals("BOUNCED", h.string("SELECT email_status FROM member WHERE email = 't1@mail.example.org'"));
            List<BlockedDomain> blocked = h.app.delivery().log().blockedByDomain(letter);
            assertEquals(1, blocked.size());
            assertEquals("mail.example.org", blocked.get(0).domain());
            assertTrue(blocked.get(0).reply().contains("DMARC"), blocked.get(0).reply());
            assertEquals(1L, h.app.replies().log().counts(letter).get(MessageKind.BLOCKED));
        }
    }

    @Test
    void aComplaintUnsubscribesFromTheMembersLetterAndAboutABoardLetterIsNeitherFeedbackNorAnUnsubscribe() throws Exception {
        try (VerdictHarness h = new VerdictHarness(0)) {
            boards(h);
            long members = h.sendLetter(LetterKind.MEMBERS, "2026-11", List.of(), dir, null);
            h.receive(arf(h.sentTo("k2@post.example.net", "Brev")));

            assertTrue(h.string("SELECT unsubscribed_at FROM member WHERE email = 'k2@post.example.net'") != null);
            assertEquals(1L, h.app.replies().log().counts(members).get(MessageKind.COMPLAINT));

            long board = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, LocalDate.now().plusDays(10));
            MimeMessage toChair = h.sentTo("k1@mail.example.org", "Brev TARGETED");
            h.receive(arf(toChair));

            Feedback feedback = h.app.replies().log().feedback(board);
            assertEquals(0, feedback.answered(), "a complaint is no feedback");
            assertEquals(null, h.string("SELECT unsubscribed_at FROM member WHERE email = 'k1@mail.example.org'"));
            assertEquals(1L, h.app.replies().log().complaintsToAct(board), "the ombudsman is told to act");
            assertEquals(MessageKind.COMPLAINT, h.app.replies().log().list(board, null, 10).get(0).kind());
        }
    }

    @Test
    void aHumanReplyAboutAbsenceCountsAndSwedishOutOfOfficeWithoutHeadersDoesNot() throws Exception {
        try (VerdictHarness h = new VerdictHarness(0)) {
            boards(h);
            long letter = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, LocalDate.now().plusDays(10));
            h.receive(reply(h.sentTo("k1@mail.example.org", "Brev"), "SV: Frånvaro på styrelsemötet",
                    "X-Auto-Response-Suppress: All\n", "Vi kommer tre, men Anna är borta."));
            h.receive(reply(h.sentTo("a1@mail.example.org", "Brev"), "Frånvaromeddelande", "", "Jag är borta till 1 december."));
            h.receive(reply(h.sentTo("t1@mail.example.org", "Brev"), "Ej på kontoret: Brev TARGETED", "", "Åter måndag."));

            Map<String, Boolean> answered = h.app.replies().log().feedback(letter).associations().stream()
                    .collect(Collectors.toMap(Feedback.AssociationFeedback::name, Feedback.AssociationFeedback::answered));
            assertEquals(Map.of("Karlstad", true, "Arvika", false, "Torsby", false), answered);
            assertEquals(2L, h.app.replies().log().counts(letter).get(MessageKind.AUTO_REPLY));
        }
    }

    /** A standard DSN (RFC 3464) for the delivery of {@code sent}, back to its bounce+ address. */
    static String dsn(MimeMessage sent, String status, String diagnostic) throws Exception {
        return String.join("\n",
                "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                "To: bounce+" + VerdictHarness.token(sent) + "@varmland.example.org",
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <dsn-" + System.nanoTime() + "@mx.example.org>",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "", "--b", "Content-Type: text/plain", "", "Your message could not be delivered.",
                "--b", "Content-Type: message/delivery-status", "",
                "Reporting-MTA: dns; mx.example.org", "",
                "Final-Recipient: rfc822; " + VerdictHarness.to(sent),
                "Action: failed", "Status: " + status, "Diagnostic-Code: " + diagnostic, "",
                "--b", "Content-Type: text/rfc822-headers", "",
                "Message-ID: " + sent.getMessageID(), "Subject: " + sent.getSubject(), "",
                "--b--", "");
    }

    /** An ARF report (RFC 5965) of {@code sent} by the recipient's provider, quoting the message's headers. */
    static String arf(MimeMessage sent) throws Exception {
        return String.join("\n",
                "From: Feedback Loop <fbl@isp.example>",
                "To: abuse@varmland.example.org",
                "Subject: Re: " + sent.getSubject(),
                "Message-ID: <arf-" + System.nanoTime() + "@isp.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf\"",
                "", "--arf", "Content-Type: text/plain", "", "This is an email abuse report.",
                "--arf", "Content-Type: message/feedback-report", "",
                "Feedback-Type: abuse", "User-Agent: ExampleFBL/1.0", "Version: 1", "",
                "--arf", "Content-Type: text/rfc822-headers", "",
                "Message-ID: " + sent.getMessageID(), "In-Reply-To: " + sent.getMessageID(),
                "To: " + VerdictHarness.to(sent), "Subject: " + sent.getSubject(), "",
                "--arf--", "");
    }

    /** A reply as a mail client writes it: to the Reply-To, threaded on the Message-ID. */
    static String reply(MimeMessage sent, String subject, String headers, String text) throws Exception {
        return "From: " + VerdictHarness.to(sent) + "\n"
                + "To: " + VerdictHarness.header(sent, "Reply-To") + "\n"
                + "Subject: " + jakarta.mail.internet.MimeUtility.encodeText(subject, "UTF-8", "Q") + "\n"
                + "Message-ID: <svar-" + System.nanoTime() + "@example.org>\n"
                + "In-Reply-To: " + sent.getMessageID() + "\n" + headers
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + text + "\n";
    }
}
