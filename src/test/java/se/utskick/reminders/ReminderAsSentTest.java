package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * A membership officer's reminder is shown afterwards as the officer got it (issue 16): after one of
 * the members it listed has fixed their address, the reminder as sent still lists all three, the same
 * text the relay received; and it was sent to its one recipient, whatever the register holds today.
 */
class ReminderAsSentTest {
    ReminderHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void theReminderAsSentListsTheMembersTheOfficerGot() throws Exception {
        h = new ReminderHarness();
        long karlstad = h.association("Karlstad");
        h.member("K1", "Olle", "Officer", karlstad, "OK", null, null, "MEMBERSHIP_OFFICER");
        h.member("K2", "Åsa", "Öberg", karlstad, "INVALID", "asa(at)example", "saknar @");
        h.member("K3", "Björn", "Lind", karlstad, "BOUNCED", null, "550 5.1.1 user unknown");
        h.member("K4", "Ida", "Ström", karlstad, "MISSING", null, null);
        h.app.reminders().sendAddressReminders();
        h.sendQueued();
        MimeMessage got = h.sentTo("k1@example.org").getFirst();
        String received = ReminderHarness.part(got, "text/plain");
        assertTrue(received.contains("medlemsnummer K2"), received);

        // Åsa's address is corrected afterwards: today's reminder would list two members
        h.db.withConnection(c -> c.createStatement().executeUpdate("UPDATE member SET email = 'asa@example.org', email_status = 'OK' WHERE member_number = 'K2'"));

        Letter reminder = h.app.letters().reading().recent(LetterKind.REMINDER, 1).getFirst();
        assertEquals(1, h.app.delivery().log().run(reminder.id()).orElseThrow().recipients(), "sent to its one officer");
        LoggedDelivery d = h.app.delivery().log().deliveries(reminder.id(), Optional.empty(), 1).getFirst();
        var to = h.app.delivery().log().sentTo(reminder.id(), d.id()).orElseThrow();
        String asSent = h.app.letters().reading().asSent(reminder.id(), to.memberId(), to.email(), to.firstName(), to.lastName(),
                to.associationId()).message().text();
        for (String number : new String[] {"K2", "K3", "K4"}) {
            assertTrue(asSent.contains("medlemsnummer " + number), number + " as sent: " + asSent);
        }
        String firstLines = asSent.lines().filter(s -> s.contains("medlemsnummer")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(received.replace("\r\n", "\n").contains(firstLines.lines().findFirst().orElseThrow()), "the same text the relay got");

        // erasing a member the reminder names removes its stored rendering (it named them)
        h.app.register().erase("K3");
        assertEquals(0, h.count("SELECT COUNT(*) FROM letter_rendering WHERE letter_id = " + reminder.id()));
    }
}
