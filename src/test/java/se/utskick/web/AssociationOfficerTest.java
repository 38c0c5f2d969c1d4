package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.register.MemberView;

/**
 * The membership officer's view on the real graph: the monthly address reminder that arrived in
 * GreenMail carries a link showing that officer their own association's members without a working
 * address, and no other association's; the link changes nothing and its visits are audited.
 */
class AssociationOfficerTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(2000);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theAddressRemindersLinkShowsTheOfficerOnlyTheirOwnAssociationsMembersToFix() throws Exception {
        int before = fx.mail.getReceivedMessages().length;
        fx.app.reminders().sendAddressReminders();
        long end = System.nanoTime() + 60_000_000_000L;
        String link = null;
        MimeMessage found = null;
        while (link == null && System.nanoTime() < end) {
            MimeMessage[] all = fx.mail.getReceivedMessages();
            for (int i = before; i < all.length && link == null; i++) {
                Matcher m = AssociationMail.LINK.matcher(AssociationMail.text(all[i]));
                if (m.find()) {
                    link = m.group(1);
                    found = all[i];
                }
            }
            Thread.sleep(100);
        }
        assertTrue(link != null, "an address reminder with a link arrived");
        // the message is in GreenMail a moment before its batch is recorded SENT; a link works from then
        long did = fx.app.delivery().tokens().pages().verify(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
        long sentBy = System.nanoTime() + 30_000_000_000L;
        while (fx.app.delivery().log().byId(did).orElseThrow().sentAt() == null && System.nanoTime() < sentBy) {
            Thread.sleep(20);
        }
        PageClient officer = new PageClient(fx.base());
        HttpResponse<String> r = officer.get(link);
        assertEquals(200, r.statusCode());
        String page = r.body();
        String association = fx.app.register().associationNames().values().stream()
                .filter(n -> page.contains("<h1>" + n + ":")).findFirst().orElseThrow(() -> new AssertionError(page));
        assertTrue(AssociationMail.text(found).contains(association), "the link is in that association's reminder");
        List<MemberView> mine = fx.app.register().missingEmail(Optional.of(association));
        assertFalse(mine.isEmpty());
        for (MemberView m : mine) {
            assertTrue(page.contains("<td>" + m.number() + "</td>"), "lists " + m.number());
        }
        for (MemberView m : fx.app.register().missingEmail(Optional.empty())) {
            if (!association.equals(m.association())) {
                assertFalse(page.contains("<td>" + m.number() + "</td>"), "never another association's member " + m.number());
            }
        }
        assertFalse(fx.app.audit().recent(null, "association.officer.visit", null, 10).isEmpty(), "the visit is audited");

        long events = AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0);
        String csrf = officer.cookie("utskick_forening");
        assertTrue(csrf != null, "the page set its form cookie");
        HttpResponse<String> post = officer.post(link + "/arrangemang", "csrf", csrf, "title", "Möte", "kind", "TORGMOTE",
                "starts", AssociationMail.nextMonthAt(2, 10), "place", "Torget");
        assertEquals(404, post.statusCode(), "the officer's link changes nothing");
        assertEquals(events, AssociationMail.count(fx, "SELECT COUNT(*) FROM event WHERE id > ?", 0));

        // the ombudsman revokes every link of the association: the officer's link opens nothing
        Http staff = fx.signedIn();
        long id = AssociationMail.associationId(fx, association);
        assertEquals(302, staff.post("/foreningsarbete/lankar/forening", "csrf", staff.csrf("/foreningsarbete/inskickat"),
                "association", String.valueOf(id)).statusCode());
        HttpResponse<String> gone = officer.get(link);
        assertEquals(404, gone.statusCode());
        assertFalse(gone.body().contains(association), "names nothing");
        assertTrue(staff.get("/foreningsarbete/inskickat").body().contains("Alla länkar till " + association));
    }
}
