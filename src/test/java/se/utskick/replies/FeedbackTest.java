package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.UtskickException;
import se.utskick.replies.LetterDirectory.Association;
import se.utskick.replies.LetterDirectory.Letter;

/**
 * Guards the feedback report: an association has answered a board letter exactly when a person
 * on its board replied to it; auto-replies, bounces and replies to other letters never count; every
 * reply is kept, first one first.
 */
class FeedbackTest {
    static final long LETTER = 30;
    MailboxHarness h;
    long arvika;
    long kil;
    long torsby;

    @BeforeEach
    void setUp() {
        h = new MailboxHarness();
        arvika = h.register.association("Arvika");
        kil = h.register.association("Kil");
        torsby = h.register.association("Torsby");
        h.letters.add(new Letter(LETTER, "BOARD", "Styrelsebrev november", Optional.of(LocalDate.of(2026, 12, 1))),
                List.of(new Association(torsby, "Torsby"), new Association(arvika, "Arvika"), new Association(kil, "Kil")));
        h.letters.add(new Letter(31, "MEMBERS", "Medlemsbrev", Optional.empty()), List.of());
        h.deliveries.add("a1", 1, LETTER, "BOARD", h.register.member("1", "ordf@arvika.example", arvika), arvika, "ordf@arvika.example");
        h.deliveries.add("a2", 2, LETTER, "BOARD", h.register.member("2", "kass@arvika.example", arvika), arvika, "kass@arvika.example");
        h.deliveries.add("k1", 3, LETTER, "BOARD", h.register.member("3", "ordf@kil.example", kil), kil, "ordf@kil.example");
        h.deliveries.add("t1", 4, LETTER, "BOARD", h.register.member("4", "ordf@torsby.example", torsby), torsby, "ordf@torsby.example");
        h.deliveries.add("tm", 5, 31, "MEMBERS", 4L, torsby, "ordf@torsby.example");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void reply(String token, String from, String subject, String text) {
        h.deliver(Mail.from(from).to("reply+" + token + "@utskick.example.se").subject(subject).text(text).raw());
    }

    @Test
    void withThreeBoardsAndTwoAnsweringFeedbackShowsExactlyThoseTwo() {
        reply("a1", "ordf@arvika.example", "Re: Styrelsebrev", "Arvika ställer upp.");
        reply("k1", "ordf@kil.example", "Re: Styrelsebrev", "Kil är med.");
        reply("t1", "ordf@torsby.example", "Frånvaro: Styrelsebrev", "Borta.");
        reply("tm", "ordf@torsby.example", "Re: Medlemsbrev", "Svar på medlemsbrevet, inte styrelsebrevet.");
        h.deliver(Fixtures.bounce("postfix-soft-4.2.2.eml", "t1"));
        Replies r = h.replies();
        r.poller().pollOnce();

        Feedback f = r.log().feedback(LETTER);

        assertEquals(3, f.expected());
        assertEquals(2, f.answered());
        assertEquals(List.of("Arvika", "Kil", "Torsby"), f.associations().stream().map(Feedback.AssociationFeedback::name).toList());
        assertEquals(List.of(true, true, false), f.associations().stream().map(Feedback.AssociationFeedback::answered).toList());
        assertEquals("Arvika ställer upp.", f.associations().get(0).replies().getFirst().excerpt());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 1)), f.deadline());
    }

    @Test
    void everyReplyOfABoardIsKeptFirstOneFirst() {
        reply("a1", "ordf@arvika.example", "Re: Styrelsebrev", "Första svaret.");
        h.replies().poller().pollOnce();
        reply("a2", "kass@arvika.example", "Re: Styrelsebrev", "Ett till från kassören.");
        h.replies().poller().pollOnce();

        Feedback f = h.replies().log().feedback(LETTER);

        List<LoggedMessage> arvikas = f.associations().get(0).replies();
        assertEquals(List.of("Första svaret.", "Ett till från kassören."), arvikas.stream().map(LoggedMessage::excerpt).toList());
        assertEquals(1, f.answered());
    }

    @Test
    void noRepliesYetShowsEveryAssociationUnanswered() {
        Feedback f = h.replies().log().feedback(LETTER);

        assertEquals(0, f.answered());
        assertFalse(f.associations().stream().anyMatch(Feedback.AssociationFeedback::answered));
    }

    @Test
    void feedbackOnAMembersLetterIsRefusedWithWhereToLook() {
        UtskickException e = assertThrows(UtskickException.class, () -> h.replies().log().feedback(31));

        assertTrue(e.getMessage().contains("replies --letter 31"), e.getMessage());
    }

    @Test
    void feedbackOnAnUnknownLetterNamesIt() {
        UtskickException e = assertThrows(UtskickException.class, () -> h.replies().log().feedback(999));

        assertTrue(e.getMessage().contains("999"));
    }
}
