package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guards the reply mailbox against a real IMAP server (GreenMail): every message is correlated
 * by the strongest evidence it carries, classified, logged and moved out of the inbox, and each is
 * processed exactly once, across duplicates and a poller killed half-way.
 */
class MailboxPollerTest {
    static final long BOARD_LETTER = 10;
    static final long MEMBERS_LETTER = 20;

    MailboxHarness h;
    long kil;
    long anna;

    @BeforeEach
    void setUp() {
        h = new MailboxHarness();
        kil = h.register.association("Kils partiförening");
        anna = h.register.member("1001", "anna@example.com", kil);
        h.deliveries.add("boardAnna", 1, BOARD_LETTER, "BOARD", anna, kil, "anna@example.com");
        h.deliveries.add("membersAnna", 2, MEMBERS_LETTER, "MEMBERS", anna, kil, "anna@example.com");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<LoggedMessage> log(Replies r) {
        return r.log().list(null, null, 100);
    }

    @Test
    void replyByReplyToTokenIsLoggedWithLetterAndAssociation() {
        h.deliver(Mail.from("Anna <anna@example.com>").to("reply+boardAnna@utskick.example.se")
                .subject("SV: Styrelsebrev november").text("Vi tar upp det på mötet.\n\n> Hej styrelsen!").raw());
        Replies r = h.replies();

        MailboxPoller.Result result = r.poller().pollOnce();

        assertEquals(1, result.recorded());
        LoggedMessage m = log(r).getFirst();
        assertEquals(MessageKind.REPLY, m.kind());
        assertEquals(Correlation.TOKEN, m.correlation());
        assertEquals(BOARD_LETTER, m.letterId());
        assertEquals(kil, m.associationId());
        assertEquals("Vi tar upp det på mötet.", m.excerpt());
        assertEquals("SV: Styrelsebrev november", m.subject());
        assertEquals(0, h.count("INBOX"));
        assertEquals(1, h.count(MailboxHarness.PROCESSED));
    }

    @Test
    void replyWithOnlyInReplyToIsCorrelatedByMessageId() {
        h.deliver(Mail.from("anna@example.com").to("kansliet@utskick.example.se")
                .inReplyTo("boardAnna@utskick.example.se").subject("Re: Styrelsebrev").text("Svar utan Reply-To.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(Correlation.MESSAGE_ID, m.correlation());
        assertEquals(BOARD_LETTER, m.letterId());
        assertEquals(kil, m.associationId());
    }

    /**
     * "Another address": a board member answers from a private address that is not in the
     * register. The In-Reply-To of their mail program still names our Message-ID, which decides.
     */
    @Test
    void replyFromBoardMembersOtherAddressCountsByItsInReplyTo() {
        h.deliver(Mail.from("Anna Privat <anna.privat@example.net>").to("kansliet@utskick.example.se")
                .inReplyTo("boardAnna@utskick.example.se").subject("Re: Styrelsebrev").text("Från min privata adress.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(Correlation.MESSAGE_ID, m.correlation());
        assertEquals(kil, m.associationId());
        assertEquals(anna, m.memberId());
        assertTrue(m.sender().contains("anna.privat@example.net"));
    }

    @Test
    void mailFromRegisteredAddressWithoutReferencesIdentifiesTheMemberOnly() {
        h.deliver(Mail.from("anna@example.com").to("kansliet@utskick.example.se").subject("En fråga").text("Hej!").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(Correlation.ADDRESS, m.correlation());
        assertEquals(anna, m.memberId());
        assertNull(m.letterId());
    }

    @Test
    void forgedTokenFromAStrangerMatchesNothing() {
        h.deliver(Mail.from("okand@example.org").to("reply+boardAnnX@utskick.example.se").subject("Hej").text("?").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(Correlation.UNMATCHED, m.correlation());
        assertNull(m.letterId());
        assertNull(m.memberId());
    }

    @Test
    void swedishOutOfOfficeIsAnAutoReply() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se")
                .subject("Frånvaro: Styrelsebrev november").text("Jag är på semester till och med 30 november.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.AUTO_REPLY, log(r).getFirst().kind());
    }

    @Test
    void swedishOutlookAutomaticReplyIsAnAutoReplyByItsHeaders() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se")
                .header("X-Auto-Response-Suppress", "All").header("Auto-Submitted", "auto-generated")
                .subject("Automatiskt svar: Styrelsebrev november").text("Jag är ledig.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.AUTO_REPLY, log(r).getFirst().kind());
    }

    @Test
    void englishOutOfOfficeIsAnAutoReply() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se")
                .header("Auto-Submitted", "auto-replied").subject("Out of Office: Styrelsebrev november")
                .text("I am out of the office until Monday.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.AUTO_REPLY, log(r).getFirst().kind());
    }

    @Test
    void autoSubmittedNoIsAPersonsReply() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se")
                .header("Auto-Submitted", "no").subject("Re: Styrelsebrev").text("Ja.").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.REPLY, log(r).getFirst().kind());
    }

    @Test
    void sameMessageDeliveredTwiceIsProcessedOnce() {
        String raw = Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re").text("En gång.").raw();
        h.deliver(raw);
        h.deliver(raw);
        Replies r = h.replies();

        MailboxPoller.Result result = r.poller().pollOnce();

        assertEquals(1, result.recorded());
        assertEquals(1, result.alreadyRecorded());
        assertEquals(1, log(r).size());
        assertEquals(0, h.count("INBOX"));
        assertEquals(2, h.count(MailboxHarness.PROCESSED));
    }

    @Test
    void sameMessageArrivingAgainInALaterPollIsNotRecordedAgain() {
        String raw = Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re").text("En gång.").raw();
        h.deliver(raw);
        h.replies().poller().pollOnce();
        h.deliver(raw);

        MailboxPoller.Result second = h.replies().poller().pollOnce();

        assertEquals(0, second.recorded());
        assertEquals(1, log(h.replies()).size());
    }

    @Test
    void pollerKilledMidBatchThenRestartedProcessesEveryMessageOnce() {
        for (int i = 0; i < 6; i++) {
            h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Svar " + i).text("Nr " + i).raw());
        }
        h.deliveries.failAfter(3);

        assertThrows(InMemoryDeliveries.SimulatedCrash.class, () -> h.replies().poller().pollOnce());
        assertEquals(3, log(h.replies()).size());

        h.deliveries.failAfter(Integer.MAX_VALUE);
        MailboxPoller.Result restarted = h.replies().poller().pollOnce();

        assertEquals(3, restarted.recorded());
        List<LoggedMessage> all = log(h.replies());
        assertEquals(6, all.size());
        assertEquals(6, all.stream().map(LoggedMessage::subject).distinct().count());
        assertEquals(0, h.count("INBOX"));
    }

    @Test
    void messageRecordedButNotMovedBeforeACrashIsOnlyMovedOnRestart() throws Exception {
        Mail mail = Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re").text("Hej.");
        h.deliver(mail.raw());
        // the crash window: recorded in the database, still in the inbox
        h.processor().process(new ReplyRepository.Place("elsewhere", 1, 1), mail.raw().getBytes("UTF-8"), java.time.Instant.now());

        MailboxPoller.Result result = h.replies().poller().pollOnce();

        assertEquals(0, result.recorded());
        assertEquals(1, result.alreadyRecorded());
        assertEquals(1, log(h.replies()).size());
        assertEquals(0, h.count("INBOX"));
    }

    @Test
    void htmlOnlyReplyIsLoggedAsTextWithoutMarkupOrScript() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re: Styrelsebrev")
                .html("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
                        + "<p>Vi &auml;r med p&aring; <b>1 maj</b>!</p><div>Den 22 nov. 2026 skrev Kansliet:</div>"
                        + "<blockquote>Hej styrelsen</blockquote></body></html>").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = r.log().show(log(r).getFirst().id()).orElseThrow();
        assertEquals("Vi är med på 1 maj!", m.excerpt());
        assertFalse(m.bodyText().contains("<"));
        assertFalse(m.bodyText().contains("alert"));
        assertTrue(m.bodyText().contains("Hej styrelsen"), "the full text keeps the quoted history");
    }

    @Test
    void hardBounceMarksTheAddressBouncedWithReasonAndLetter() {
        h.deliver(Fixtures.bounce("postfix-hard-5.1.1.eml", "boardAnna"));
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(MessageKind.HARD_BOUNCE, m.kind());
        assertEquals("5.1.1", m.bounceStatus());
        assertEquals("BOUNCED", h.register.emailStatus(anna));
        assertTrue(h.register.emailStatusReason(anna).contains("5.1.1"));
        assertTrue(h.register.emailStatusReason(anna).contains("letter " + BOARD_LETTER));
    }

    @Test
    void hardBounceForAnAddressChangedSinceTheLetterLeavesTheNewAddressAlone() {
        long bo = h.register.member("1002", "bo.ny@example.com", kil);
        h.deliveries.add("boardBo", 3, BOARD_LETTER, "BOARD", bo, kil, "bo.gammal@example.com");
        h.deliver(Fixtures.bounce("exim-hard.eml", "boardBo"));
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals("OK", h.register.emailStatus(bo));
        assertEquals("address not marked (already so, or changed since the letter)", log(r).getFirst().effect());
    }

    @Test
    void forgedBounceNamingAMembersAddressButNoDeliveryOfOursChangesNothing() {
        h.deliver("From: MAILER-DAEMON@mx.example.net\r\nTo: kansliet@utskick.example.se\r\n"
                + "X-Failed-Recipients: anna@example.com\r\nSubject: Mail delivery failed\r\n\r\n"
                + "  anna@example.com\r\n    550 5.1.1 User unknown\r\n");
        Replies r = h.replies();

        r.poller().pollOnce();

        LoggedMessage m = log(r).getFirst();
        assertEquals(MessageKind.HARD_BOUNCE, m.kind());
        assertEquals(Correlation.ADDRESS, m.correlation());
        assertEquals(MessageProcessor.UNPROVEN, m.effect());
        assertEquals("OK", h.register.emailStatus(anna));
    }

    @Test
    void delayedReportChangesNothing() {
        h.deliver(Fixtures.bounce("postfix-delayed.eml", "boardAnna"));
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.DELAYED, log(r).getFirst().kind());
        assertEquals("OK", h.register.emailStatus(anna));
    }

    @Test
    void mailToTheUnsubscribeAddressUnsubscribesFromTheMembersLetter() {
        h.deliver(Mail.from("anna@example.com").to("unsubscribe+membersAnna@utskick.example.se").subject("unsubscribe").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(MessageKind.UNSUBSCRIBE, log(r).getFirst().kind());
        assertTrue(h.register.unsubscribed(anna));
    }

    @Test
    void mailToAnUnsubscribeAddressWithAForgedOrBoardTokenChangesNothing() {
        h.deliver(Mail.from("x@example.org").to("unsubscribe+membersAnnX@utskick.example.se")
                .inReplyTo("membersAnna@utskick.example.se").subject("unsubscribe").raw());
        h.deliver(Mail.from("x@example.org").to("unsubscribe+boardAnna@utskick.example.se").subject("unsubscribe").raw());
        Replies r = h.replies();

        r.poller().pollOnce();

        assertEquals(2, log(r).size());
        assertFalse(h.register.unsubscribed(anna));
    }

    @Test
    void badInputsAreLoggedWithoutStoppingThePoll() {
        h.deliver("From: anna@example.com\r\nTo: reply+boardAnna@utskick.example.se\r\nSubject: trasig\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"saknas\"\r\n\r\ningen gräns här\r\n");
        h.deliver("From: anna@example.com\r\nTo: reply+boardAnna@utskick.example.se\r\nSubject: bara bild\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n");
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna\"<script>%&@utskick.example.se").subject("skräp").text("x").raw());
        h.deliver(Mail.from("anna@example.com").to("reply+" + "A".repeat(5000) + "@utskick.example.se")
                .subject("Lång ".repeat(20_000)).text("y").raw());
        h.deliver("this is not a mail at all\r\n\r\n\u0001\u0002");
        Replies r = h.replies();

        MailboxPoller.Result result = r.poller().pollOnce();

        assertEquals(5, result.recorded());
        assertEquals(0, result.failed());
        assertTrue(log(r).stream().allMatch(m -> m.subject() == null || m.subject().length() <= IncomingMessage.MAX_SUBJECT));
        assertEquals(0, h.count("INBOX"));
    }

    @Test
    void rawMessageIsKeptUntilTheRetentionPurge() {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re").text("Hej.").raw());
        Replies r = h.replies();
        r.poller().pollOnce();
        long id = log(r).getFirst().id();
        assertTrue(r.log().raw(id).isPresent());

        assertEquals(0, r.log().purge());
        ReplyLog expired = new ReplyLog(h.db, new ReplyRepository(), h.letters, java.time.Duration.ofDays(180),
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(181)));

        assertEquals(1, expired.purge());
        assertTrue(r.log().raw(id).isEmpty());
        assertTrue(r.log().show(id).isPresent(), "the log line stays");
    }

    @Test
    void scheduledJobsPollTheMailboxAndPurgeWithCountsOnly() throws Exception {
        h.deliver(Mail.from("anna@example.com").to("reply+boardAnna@utskick.example.se").subject("Re").text("Hej.").raw());
        Replies r = h.replies();
        var jobs = r.jobs().stream().collect(java.util.stream.Collectors.toMap(j -> j.name(), j -> j));

        assertEquals(java.util.Set.of("poll-replies", "purge-replies"), jobs.keySet());
        assertEquals("every:60", jobs.get("poll-replies").schedule());
        assertEquals("1 recorded, 0 already recorded, 0 failed", jobs.get("poll-replies").run());
        assertEquals("0 raw messages purged", jobs.get("purge-replies").run());
    }

    @Test
    void logsAtInfoAndAboveNameNoAddressNoNameAndNoText() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("se.utskick");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            h.deliver(Mail.from("Anna Andersson <anna@example.com>").to("reply+boardAnna@utskick.example.se")
                    .subject("Hemligt ämne").text("Hemlig text").raw());
            h.deliver(Fixtures.bounce("postfix-hard-5.1.1.eml", "boardAnna"));
            h.deliver(Mail.from("anna@example.com").to("unsubscribe+membersAnna@utskick.example.se").subject("x").raw());
            h.deliver("From: anna@example.com\r\nTo: reply+boardAnna@utskick.example.se\r\nContent-Type: multipart/mixed\r\n\r\n");
            h.replies().poller().pollOnce();
        } finally {
            logger.detachAppender(appender);
        }

        assertFalse(appender.list.isEmpty());
        for (var event : appender.list) {
            if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)) {
                String line = event.getFormattedMessage();
                for (String secret : List.of("@", "Anna", "Andersson", "1001", "Hemlig", "boardAnna", "membersAnna")) {
                    assertFalse(line.contains(secret), "log line names personal data: " + line);
                }
            }
        }
    }

    @Test
    void erasingAMemberBlanksTheirMessagesButKeepsKindLetterAndAssociation() {
        h.deliver(Mail.from("Anna <anna@example.com>").to("reply+boardAnna@utskick.example.se")
                .subject("Re: Styrelsebrev").text("Personligt svar.").raw());
        Replies r = h.replies();
        r.poller().pollOnce();
        h.register.register.addErasureStep(new RepliesErasure());

        h.register.register.erase("1001");

        LoggedMessage m = r.log().show(log(r).getFirst().id()).orElseThrow();
        assertNull(m.sender());
        assertNull(m.bodyText());
        assertNull(m.excerpt());
        assertNull(m.memberId());
        assertTrue(r.log().raw(m.id()).isEmpty());
        assertEquals(MessageKind.REPLY, m.kind());
        assertEquals(BOARD_LETTER, m.letterId());
        assertEquals(kil, m.associationId());
    }
}
