package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.AudienceFixture;

/**
 * Guards the missing-address reminders: each association's message lists exactly its active
 * members whose address is MISSING, INVALID or BOUNCED (checked against SQL written here), with the
 * bad value and the reason, only to that association's contact, marked auto-generated and logged
 * as deliveries; nothing is sent when nothing needs fixing, nor twice in a month; the chair gets it
 * when the officer cannot be reached, and the ombudsman (the OMBUDSMAN member, else
 * mail.ombudsman.address) gets the associations nobody could be told about.
 */
class AddressRemindersTest {
    private static final Pattern NUMBER = Pattern.compile("medlemsnummer (\\S+)");
    private ReminderHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static Set<String> numbersIn(MimeMessage m) {
        Set<String> out = new TreeSet<>();
        Matcher x = NUMBER.matcher(ReminderHarness.part(m, "text/plain"));
        while (x.find()) {
            out.add(x.group(1));
        }
        return out;
    }

    @Test
    void eachOfficersReminderListsExactlyTheirAssociationsMembersWithoutAUsableAddress() throws Exception {
        h = new ReminderHarness("mail.ombudsman.address", "ombudsman@varmland.example.org");
        AudienceFixture.generate(h.db, 400, 17);
        String summary = h.app.reminders().sendAddressReminders();
        h.sendQueued();

        long letter = Long.parseLong(h.strings("SELECT letter_id FROM reminder WHERE purpose = 'ADDRESSES' AND period = '2026-03'").getFirst());
        List<String> told = h.strings("SELECT DISTINCT association_id FROM delivery WHERE letter_id = " + letter + " AND association_id IS NOT NULL");
        assertFalse(told.isEmpty(), summary);
        for (String assoc : told) {
            Set<String> expected = new TreeSet<>(h.strings("SELECT member_number FROM member WHERE association_id = " + assoc
                    + " AND status = 'ACTIVE' AND email_status <> 'OK'"));
            for (String email : h.strings("SELECT email FROM delivery WHERE letter_id = " + letter + " AND association_id = " + assoc)) {
                List<MimeMessage> got = h.sentTo(email);
                assertEquals(1, got.size(), email);
                assertEquals(expected, numbersIn(got.getFirst()), "association " + assoc);
                assertEquals("auto-generated", ReminderHarness.header(got.getFirst(), "Auto-Submitted"));
            }
        }
        Set<String> withProblems = new HashSet<>(h.strings("SELECT DISTINCT association_id FROM member WHERE status = 'ACTIVE' "
                + "AND email_status <> 'OK' AND association_id IS NOT NULL"));
        withProblems.removeAll(told);
        List<MimeMessage> toOmbudsman = h.sentTo("ombudsman@varmland.example.org");
        assertEquals(withProblems.isEmpty() ? 0 : 1, toOmbudsman.size(), "the unreachable: " + withProblems);
        assertEquals(h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = " + letter), h.sent().size());
        assertEquals(0, h.count("SELECT COUNT(*) FROM reminder_recipient"), "recipients are forgotten once frozen");
    }

    @Test
    void theJobIsOfferedToTheScheduleWithItsCronAndSummarisesWithCountsOnly() throws Exception {
        h = new ReminderHarness("schedule.reminders.address.cron", "0 30 7 2 * ?");
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Åsa", "Öberg", karlstad, "MISSING", null, null);
        var job = h.app.jobs().stream().filter(j -> j.name().equals("address-reminders")).findFirst().orElseThrow();
        assertEquals("0 30 7 2 * ?", job.schedule());
        assertTrue(h.app.jobs().stream().anyMatch(j -> j.name().equals("feedback-reminders")));

        String summary = job.run();

        assertEquals("2026-03: letter 1, 1 associations told, 0 unreachable, 1 messages queued", summary);
        assertFalse(summary.contains("Karlstad") || summary.contains("K2") || summary.contains("example.org"), summary);
    }

    @Test
    void officerSeesNameNumberBadValueAndReasonAndHowToFixIt() throws Exception {
        h = new ReminderHarness("reminders.register.url", "https://register.example.org/login");
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Åsa", "Öberg", karlstad, "INVALID", "asa(at)example", "saknar @");
        h.member("K3", "Björn", "Lind", karlstad, "BOUNCED", null, "550 5.1.1 user unknown");
        h.member("K4", "Ida", "Ström", karlstad, "MISSING", null, null);
        h.member("K5", "Kalle", "Karlsson", karlstad, "OK", null, null);

        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        MimeMessage m = h.sentTo("k1@example.org").getFirst();
        String text = ReminderHarness.part(m, "text/plain");
        assertEquals(Set.of("K2", "K3", "K4"), numbersIn(m));
        assertTrue(text.contains("Åsa Öberg, medlemsnummer K2"), text);
        assertTrue(text.contains("asa(at)example – felaktig"), text);
        assertTrue(text.contains("Orsak: saknar @"), text);
        assertTrue(text.contains("k3@example.org – studsar"), text);
        assertTrue(text.contains("Orsak: 550 5.1.1 user unknown"), text);
        assertTrue(text.contains("(ingen) – saknas"), text);
        assertTrue(text.contains("https://register.example.org/login"), text);
        String html = ReminderHarness.part(m, "text/html");
        assertTrue(html.contains("asa(at)example") && html.contains("Så rättar du"), html);
        assertEquals("Medlemmar utan fungerande e-postadress", m.getSubject());
    }

    /**
     * Issue 13 point 4: the register's reasons are English (for the CLI); the officer's reminder
     * says each problem in Swedish, with the detail the reason names, and no English words; its
     * List-Id is an RFC 2919 phrase plus a plain {@code <id>}, only the phrase encoded (RFC 2047).
     */
    @Test
    void officerReadsEachProblemInSwedishAndTheListIdIdIsPlain() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Åsa", "Öberg", karlstad, "INVALID", "asa.example.org",
                se.utskick.register.EmailCheck.of("asa.example.org").reason());
        h.member("K3", "Ida", "Ström", karlstad, "MISSING", null, se.utskick.register.EmailCheck.of("").reason());
        h.member("K4", "Sören", "Lind", karlstad, "INVALID", "sören@example.org",
                se.utskick.register.EmailCheck.of("sören@example.org").reason());
        h.member("K5", "Märta", "Nilsson", karlstad, "INVALID", "marta@example.c0m",
                se.utskick.register.EmailCheck.of("marta@example.c0m").reason());
        h.member("K6", "Björn", "Sjöberg", karlstad, "BOUNCED", null,
                "hard bounce 5.1.1: 550 5.1.1 <k6@example.org>: Recipient address rejected: User unknown (letter 4)");
        h.member("K7", "Göran", "Åkesson", karlstad, "INVALID", "k7@example.org",
                "refused by the receiving server: 550 5.1.1 no such user");

        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        MimeMessage m = h.sentTo("k1@example.org").getFirst();
        String text = ReminderHarness.part(m, "text/plain");
        String html = ReminderHarness.part(m, "text/html");
        assertTrue(text.contains("Orsak: adressen saknar @; skriv den som namn@domän"), text);
        assertTrue(text.contains("Orsak: ingen adress i registret"), text);
        assertTrue(text.contains("Orsak: delen före @ innehåller ”ö”"), text);
        assertTrue(text.contains("Orsak: domänen slutar på ”c0m”"), text);
        assertTrue(text.contains("säger att adressen inte finns (serverns svar: 5.1.1: 550 5.1.1"), text);
        assertFalse(text.contains("(letter 4)"), text);
        assertTrue(text.contains("tog inte emot adressen (serverns svar: 550 5.1.1 no such user)"), text);
        for (String english : List.of("no address in the register", "has no @", "write it as", "the part before", "the domain",
                "hard bounce", "refused by")) {
            assertFalse(text.contains(english), english + " in " + text);
            assertFalse(html.contains(english), english + " in " + html);
        }
        assertTrue(html.contains("adressen saknar @; skriv den som namn@domän"), html);

        String listId = ReminderHarness.header(m, "List-Id");
        assertTrue(listId.matches("=\\?UTF-8\\?[BQ]\\?[^ ]+\\?= <reminder\\.varmland\\.example\\.org>"), listId);
        assertEquals("Påminnelser <reminder.varmland.example.org>", jakarta.mail.internet.MimeUtility.decodeText(listId));
        String date = ReminderHarness.header(m, "Date");
        assertTrue(date.endsWith(" +0000"), date);
    }

    @Test
    void runningTwiceInAMonthSendsNothingTheSecondTime() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Ida", "Ström", karlstad, "MISSING", null, null);
        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        String second = h.app.reminders().sendAddressReminders();
        h.clock.set("2026-03-30T08:00:00Z");
        String third = h.app.reminders().sendAddressReminders();
        h.sendQueued();

        assertEquals(1, h.sent().size());
        assertTrue(second.contains("nothing sent"), second);
        assertTrue(third.contains("nothing sent"), third);
        assertEquals(1, h.count("SELECT COUNT(*) FROM delivery"));

        h.clock.set("2026-04-01T08:00:00Z");
        h.app.reminders().sendAddressReminders();
        h.sendQueued();
        assertEquals(2, h.sent().size(), "a new month is reminded again");
    }

    @Test
    void associationWithNothingToFixGetsNothingAndNoLetterIsMadeWhenNoneNeedsIt() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        long arvika = h.association("Arvika");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Kalle", "Karlsson", karlstad, "OK", null, null);
        h.member("A1", "Anna", "Officer", arvika, "OK", null, null, "MEMBERSHIP_OFFICER");
        long left = h.member("A2", "Lena", "Lind", arvika, "MISSING", null, null);
        h.db.withConnection(c -> c.createStatement().executeUpdate("UPDATE member SET status = 'LEFT' WHERE id = " + left));

        String summary = h.app.reminders().sendAddressReminders();
        h.sendQueued();

        assertTrue(summary.contains("nothing sent"), summary);
        assertEquals(0, h.sent().size());
        assertEquals(0, h.count("SELECT COUNT(*) FROM letter"));

        h.member("A3", "Göran", "Sjöberg", arvika, "MISSING", null, null);
        h.app.reminders().sendAddressReminders();
        h.sendQueued();
        assertEquals(1, h.sentTo("a1@example.org").size());
        assertEquals(0, h.sentTo("k1@example.org").size(), "Karlstad has nothing to fix");
    }

    @Test
    void chairGetsItWhenTheOfficersAddressIsUnusable() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "BOUNCED", null, "550 no such user", "MEMBERSHIP_OFFICER");
        h.member("K2", "Cecilia", "Chair", karlstad, "OK", null, null, "CHAIR");
        h.member("K3", "Ida", "Ström", karlstad, "MISSING", null, null);

        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        List<MimeMessage> sent = h.sent();
        assertEquals(1, sent.size());
        assertEquals("k2@example.org", ReminderHarness.to(sent.getFirst()));
        assertEquals(Set.of("K1", "K3"), numbersIn(sent.getFirst()), "the officer's own bad address is on the list too");
    }

    @Test
    void chairGetsItWhenThereIsNoOfficer() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        h.member("K2", "Cecilia", "Chair", karlstad, "OK", null, null, "CHAIR");
        h.member("K3", "Ida", "Ström", karlstad, "MISSING", null, null);

        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        assertEquals(List.of("k2@example.org"), h.sent().stream().map(ReminderHarness::to).toList());
    }

    @Test
    void ombudsmanGetsTheAssociationsNobodyCouldBeToldAbout() throws Exception {
        h = new ReminderHarness("mail.ombudsman.address", "unused@varmland.example.org");
        long karlstad = h.association("Karlstad");
        long torsby = h.association("Torsby");
        long kil = h.association("Kil");
        h.member("O1", "Oskar", "Ombudsman", kil, "OK", null, null, "OMBUDSMAN");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K3", "Ida", "Ström", karlstad, "MISSING", null, null);
        h.member("T1", "Tor", "Officer", torsby, "MISSING", null, null, "MEMBERSHIP_OFFICER");
        h.member("T2", "Tova", "Chair", torsby, "INVALID", "tova@", null, "CHAIR");
        h.member("T3", "Tilda", "Lind", torsby, "BOUNCED", null, null);

        String summary = h.app.reminders().sendAddressReminders();
        h.sendQueued();

        assertTrue(summary.contains("1 associations told, 1 unreachable"), summary);
        assertEquals(List.of("k1@example.org", "o1@example.org"), h.sent().stream().map(ReminderHarness::to).sorted().toList());
        MimeMessage om = h.sentTo("o1@example.org").getFirst();
        String text = ReminderHarness.part(om, "text/plain");
        assertTrue(text.contains("Torsby: 3 medlemmar att rätta"), text);
        assertFalse(text.contains("Karlstad"), text);
        assertFalse(text.contains("medlemsnummer"), "the ombudsman gets associations, not members: " + text);
        assertEquals(0, h.sentTo("unused@varmland.example.org").size(), "the OMBUDSMAN member comes first");
        assertEquals("auto-generated", ReminderHarness.header(om, "Auto-Submitted"));
    }

    @Test
    void configuredOmbudsmanAddressIsUsedWhenNoMemberHoldsTheRole() throws Exception {
        h = new ReminderHarness("mail.ombudsman.address", "ombudsman@varmland.example.org");
        long torsby = h.association("Torsby");
        h.member("T3", "Tilda", "Lind", torsby, "BOUNCED", null, null);

        h.app.reminders().sendAddressReminders();
        h.sendQueued();

        List<MimeMessage> sent = h.sent();
        assertEquals(1, sent.size());
        assertEquals("ombudsman@varmland.example.org", ReminderHarness.to(sent.getFirst()));
        assertTrue(ReminderHarness.part(sent.getFirst(), "text/plain").contains("Torsby: 1 medlem att rätta; ingen medlemsansvarig och ingen ordförande"));
    }

    @Test
    void withNobodyToTellTheSummarySaysWhatToSetAndTheNextRunTriesAgain() throws Exception {
        h = new ReminderHarness();
        long torsby = h.association("Torsby");
        h.member("T3", "Tilda", "Lind", torsby, "BOUNCED", null, null);

        String summary = h.app.reminders().sendAddressReminders();

        assertTrue(summary.contains("mail.ombudsman.address"), summary);
        assertEquals(new ArrayList<>(List.of("DRAFT")), h.strings("SELECT state FROM letter"));

        h.member("T1", "Tor", "Officer", torsby, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.app.reminders().sendAddressReminders();
        h.sendQueued();
        assertEquals(List.of("t1@example.org"), h.sent().stream().map(ReminderHarness::to).toList(),
                "once someone can be told, the next run in the month sends");
    }
}
