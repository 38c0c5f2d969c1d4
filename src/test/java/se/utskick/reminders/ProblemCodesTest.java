package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.utskick.register.EmailCheck;

/**
 * Guards the link between the register's English reasons and the reminder's Swedish words: every
 * reason EmailCheck can give maps to its own code (so a change of the register's wording shows
 * here, not as English in a Swedish letter), and the detail is the part the reason names.
 */
class ProblemCodesTest {
    @Test
    void everyReasonTheRegisterGivesHasACode() {
        List<String> bad = List.of("", "a b@example.org", "a,b@example.org", "ab.example.org", "a@b@example.org", "@example.org",
                "x".repeat(65) + "@example.org", ".a@example.org", "a(b)@example.org", "a@", "a@" + "x".repeat(254) + ".se",
                "a@example..org", "a@localhost", "a@-x.org", "a@exa_mple.org", "a@example.c0m", "a@exämple.org\u0000");
        for (String address : bad) {
            EmailCheck c = EmailCheck.of(address);
            if (c.reason() == null) {
                continue;
            }
            assertNotEquals("other", ProblemCodes.of(c.reason()).get("problem"), address + ": " + c.reason());
        }
    }

    @Test
    void detailIsWhatTheReasonNames() {
        assertEquals(Map.of("problem", "bad_char_local", "detail", "("), ProblemCodes.of(EmailCheck.of("a(b)@example.org").reason()));
        assertEquals(Map.of("problem", "hard_bounce", "detail", "5.1.1: 550 user unknown"),
                ProblemCodes.of("hard bounce 5.1.1: 550 user unknown (letter 12)"));
        assertEquals(Map.of("problem", "other", "detail", "saknar @"), ProblemCodes.of("saknar @"));
        assertEquals(Map.of(), ProblemCodes.of(null));
    }
}
