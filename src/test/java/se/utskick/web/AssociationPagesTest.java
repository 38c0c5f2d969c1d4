package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.Utskick;
import se.utskick.audit.AuditEntry;
import se.utskick.letters.Letter;
import se.utskick.replies.Feedback;

/**
 * The association page over real HTTP on the real graph: a targeted mailing with a question goes to
 * four boards through GreenMail; the links read from the messages that arrived open each board's
 * own page. Answers, events and uploads through the page, and what forged, expired, revoked and
 * other associations' tokens and bad input do: a Swedish message, or a page that names nothing,
 * and nothing stored.
 */
class AssociationPagesTest {
    static WebFixture fx;
    static Letter letter;
    static List<String> names;
    static Map<String, String> links;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void send() throws Exception {
        fx = new WebFixture(3000);
        names = AssociationMail.associations(fx, 4);
        letter = AssociationMail.sendQuestion(fx, names, "Hur många valarbetare har ni?", LocalDate.now().plusDays(14));
        links = AssociationMail.links(fx, names);
        assertEquals(4, links.size(), "every board's message carries its page link: " + links);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String a(int i) {
        return names.get(i);
    }

    @Test
    void theLinkFromTheLetterOpensItsOwnAssociationsPageAndTheVisitIsAuditedByDeliveryNotAddress() {
        HttpResponse<String> r = new PageClient(fx.base()).get(links.get(a(0)));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains(a(0)), "names its association");
        assertTrue(r.body().contains("Hur många valarbetare har ni?"), "shows the question");
        for (String other : List.of(a(1), a(2), a(3))) {
            assertFalse(r.body().contains(other), "shows nothing of " + other);
        }
        List<AuditEntry> visits = fx.app.audit().recent(null, "association.page.visit", null, 100);
        assertFalse(visits.isEmpty());
        assertTrue(visits.getFirst().actor().matches("link:delivery \\d+"), visits.getFirst().actor());
        assertFalse(visits.stream().anyMatch(v -> (v.actor() + v.subject() + v.detail()).contains("@")), "no address in the log");
    }

    @Test
    void anAnswerInTheFormCountsAsTheAssociationsFeedbackLikeAnEmailReply() {
        PageClient board = new PageClient(fx.base());
        String page = links.get(a(1));
        HttpResponse<String> r = board.post(page + "/svar", "csrf", board.csrf(page), "letter", String.valueOf(letter.id()),
                "answer", "Vi har fjorton valarbetare.");
        assertEquals(302, r.statusCode(), r.body());
        Feedback f = fx.app.replies().log().feedback(letter.id());
        Feedback.AssociationFeedback mine = f.associations().stream().filter(x -> x.name().equals(a(1))).findFirst().orElseThrow();
        assertTrue(mine.answered(), "the feedback table counts the form answer");
        assertTrue(mine.replies().getFirst().excerpt().contains("fjorton"));
        String after = board.get(page).body();
        assertTrue(after.contains("Föreningen har svarat") && after.contains("fjorton valarbetare"), "the board sees it answered, and what");
    }

    @Test
    void aForgedTokenOrAReplyTokenOpensNothingAndNamesNothing() {
        PageClient c = new PageClient(fx.base());
        String good = links.get(a(0));
        char last = good.charAt(good.length() - 1);
        String forged = good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a');
        long delivery = fx.app.delivery().tokens().pages().verify(good.substring(good.lastIndexOf('/') + 1)).orElseThrow();
        String replyToken = "/forening/" + fx.app.delivery().tokens().issue(delivery);
        for (String path : List.of(forged, replyToken, "/forening/x", "/forening/" + "a".repeat(24))) {
            HttpResponse<String> r = c.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("Länken gäller inte"));
            names.forEach(n -> assertFalse(r.body().contains(n), path + " names " + n));
        }
        long events = AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0);
        c.csrf(good);
        HttpResponse<String> r = c.post(forged + "/arrangemang", "csrf", "x", "title", "Torgmöte", "kind", "TORGMOTE",
                "starts", AssociationMail.nextMonthAt(3, 11), "place", "Torget");
        assertTrue(r.statusCode() == 403 || r.statusCode() == 404, "refused: " + r.statusCode());
        assertEquals(events, AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0), "nothing stored");
    }

    @Test
    void aFormWithoutTheCsrfFieldIsRefusedAndStoresNothing() {
        PageClient c = new PageClient(fx.base());
        String page = links.get(a(0));
        c.csrf(page);
        long events = AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0);
        HttpResponse<String> r = c.post(page + "/arrangemang", "title", "Torgmöte", "kind", "TORGMOTE",
                "starts", AssociationMail.nextMonthAt(3, 11), "place", "Torget");
        assertEquals(403, r.statusCode());
        assertEquals(events, AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0));
    }

    @Test
    void anExpiredLinkOpensNothingAndChangesNothing() throws Exception {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(61));
        // not closed: the second graph shares the fixture's database
        Utskick future = Utskick.wire(fx.app.config(), fx.db, later);
        try (WebServer web = WebServer.start(new WebConfig("127.0.0.1", 0), future.replies().unsubscriber(),
                     new WebUi(future, List::of))) {
            PageClient c = new PageClient("http://127.0.0.1:" + web.port());
            String page = links.get(a(2));
            HttpResponse<String> r = c.get(page);
            assertEquals(404, r.statusCode());
            assertFalse(r.body().contains(a(2)));
            long answers = AssociationMail.count(fx, "SELECT COUNT(*) FROM inbound_message WHERE letter_id = ?", letter.id());
            r = c.post(page + "/svar", "csrf", "t".repeat(43), "letter", String.valueOf(letter.id()), "answer", "För sent");
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404);
            assertEquals(answers, AssociationMail.count(fx, "SELECT COUNT(*) FROM inbound_message WHERE letter_id = ?", letter.id()));
        }
        assertEquals(200, new PageClient(fx.base()).get(links.get(a(2))).statusCode(), "still good today");
    }

    @Test
    void aRevokedLinkOpensNothingAndChangesNothing() {
        String page = links.get(a(3));
        PageClient board = new PageClient(fx.base());
        String csrf = board.csrf(page);
        long delivery = fx.app.delivery().tokens().pages().verify(page.substring(page.lastIndexOf('/') + 1)).orElseThrow();
        Http staff = fx.signedIn();
        HttpResponse<String> r = staff.post("/foreningsarbete/lankar/leverans", "csrf", staff.csrf("/foreningsarbete/inskickat"),
                "delivery", String.valueOf(delivery));
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(404, board.get(page).statusCode());
        long events = AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0);
        r = board.post(page + "/arrangemang", "csrf", csrf, "title", "Torgmöte", "kind", "TORGMOTE",
                "starts", AssociationMail.nextMonthAt(4, 11), "place", "Torget");
        assertEquals(404, r.statusCode());
        assertEquals(events, AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0));
        assertFalse(fx.app.audit().recent(null, "association.link.revoked", null, 10).isEmpty(), "the refused visit is audited");
    }

    @Test
    void theFeedbackReminderSkipsABoardThatAnsweredInTheFormAndRemindsOneThatDidNot() {
        PageClient board = new PageClient(fx.base());
        String page = links.get(a(0));
        assertEquals(302, board.post(page + "/svar", "csrf", board.csrf(page), "letter", String.valueOf(letter.id()),
                "answer", "Sex valarbetare.").statusCode());
        Utskick dayBefore = Utskick.wire(fx.app.config(), fx.db, Clock.offset(Clock.systemUTC(), Duration.ofDays(13)));
        dayBefore.reminders().sendFeedbackReminders();
        long reminder = AssociationMail.count(fx, "SELECT MAX(id) FROM letter WHERE kind = 'REMINDER' AND id > ?", letter.id());
        assertTrue(reminder > 0, "a reminder was made");
        long answered = AssociationMail.associationId(fx, a(0));
        long silent = AssociationMail.associationId(fx, a(2));
        assertEquals(0, AssociationMail.count(fx, "SELECT COUNT(*) FROM delivery WHERE letter_id = " + reminder
                + " AND association_id = ?", answered), "not reminded: answered in the form");
        assertTrue(AssociationMail.count(fx, "SELECT COUNT(*) FROM delivery WHERE letter_id = " + reminder
                + " AND association_id = ?", silent) > 0, "reminded: never answered");

        // the reminder that arrives carries the board's page link too (sent by the later graph: its rows are due on its clock)
        dayBefore.delivery().senders().start();
        String link = null;
        long end = System.nanoTime() + 60_000_000_000L;
        while (link == null && System.nanoTime() < end) {
            for (jakarta.mail.internet.MimeMessage m : fx.mail.getReceivedMessages()) {
                try {
                    if (m.getSubject().startsWith("Re: ")) {
                        java.util.regex.Matcher x = AssociationMail.LINK.matcher(AssociationMail.text(m));
                        if (x.find()) {
                            link = x.group(1);
                        }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            Thread.onSpinWait();
        }
        dayBefore.delivery().senders().stop();
        assertTrue(link != null, "a feedback reminder with a page link arrived");
        // the message is in GreenMail a moment before its batch is recorded SENT; a link works from then
        long did = fx.app.delivery().tokens().pages().verify(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
        long sentBy = System.nanoTime() + 30_000_000_000L;
        while (fx.app.delivery().log().byId(did).orElseThrow().sentAt() == null && System.nanoTime() < sentBy) {
            Thread.onSpinWait();
        }
        HttpResponse<String> page2 = new PageClient(fx.base()).get(link);
        assertEquals(200, page2.statusCode());
        assertTrue(names.stream().anyMatch(n -> page2.body().contains("<h1>" + n + "</h1>")));
        assertFalse(page2.body().contains("<h1>" + a(0) + "</h1>"), "never to the board that answered");
    }

    @Test
    void anEventSentInWaitsForTheOmbudsmanWhoApprovesOrRefusesWithAReasonTheBoardSees() {
        PageClient board = new PageClient(fx.base());
        String page = links.get(a(0));
        String csrf = board.csrf(page);
        java.time.LocalDateTime when = java.time.LocalDateTime.now().plusDays(1).withHour(18).withMinute(0).withSecond(0).withNano(0);
        String starts = when.toString().substring(0, 16);
        assertEquals(302, board.post(page + "/arrangemang", "csrf", csrf, "title", "Öppet möte om skolan", "kind", "OPPET_MOTE",
                "starts", starts, "place", "Folkets hus", "description", "Alla välkomna").statusCode());
        assertEquals(302, board.post(page + "/arrangemang", "csrf", csrf, "title", "Tematräff om bostäder", "kind", "TEMATRAFF",
                "starts", starts, "place", "Biblioteket").statusCode());
        var events = fx.app.letters().events();
        var sent = fx.app.associations().events(AssociationMail.associationId(fx, a(0)));
        long open = sent.stream().filter(e -> e.title().equals("Öppet möte om skolan")).findFirst().orElseThrow().id();
        long theme = sent.stream().filter(e -> e.title().equals("Tematräff om bostäder")).findFirst().orElseThrow().id();
        var window = java.util.List.of(when.minusDays(1), when.plusDays(1));
        assertTrue(events.between(window.get(0), window.get(1)).stream().noneMatch(e -> e.id() == open), "not in the letter yet");
        int before = fx.app.associations().outreach(when.getYear()).rows().stream()
                .filter(r -> r.name().equals(a(0))).findFirst().orElseThrow().approved();

        Http staff = fx.signedIn();
        String token = staff.csrf("/foreningsarbete/inskickat");
        assertEquals(302, staff.post("/foreningsarbete/arrangemang/" + open + "/godkann", "csrf", token).statusCode());
        assertEquals(302, staff.post("/foreningsarbete/arrangemang/" + theme + "/avsla", "csrf", token,
                "reason", "Samma kväll som årsmötet, välj en annan dag").statusCode());
        assertEquals(422, staff.post("/foreningsarbete/arrangemang/" + theme + "/avsla", "csrf", token, "reason", "igen").statusCode(),
                "a decided event is not decided again");

        assertTrue(events.between(window.get(0), window.get(1)).stream().anyMatch(e -> e.id() == open), "approved: in the members' letter");
        assertTrue(events.between(window.get(0), window.get(1)).stream().noneMatch(e -> e.id() == theme), "refused: never");
        assertEquals(before + 1, fx.app.associations().outreach(when.getYear()).rows().stream()
                .filter(r -> r.name().equals(a(0))).findFirst().orElseThrow().approved(), "the outreach tally counts it");
        String mine = board.get(page).body();
        assertTrue(mine.contains("Avslaget") && mine.contains("Samma kväll som årsmötet"), "the board sees the refusal and why");

        HttpResponse<String> csv = staff.get("/foreningsarbete/efter-csv?ar=" + when.getYear());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("förening;år;godkända utåtriktade;förväntat hittills;mål"), csv.body());
        HttpResponse<String> overview = staff.get("/foreningsarbete?ar=" + when.getYear());
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("<svg") && overview.body().contains(a(0)));
    }
}
