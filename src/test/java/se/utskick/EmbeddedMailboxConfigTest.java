package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.utskick.replies.RepliesConfig;

/**
 * Guards the embedded defaults running the whole month: with {@code smtp.host = embedded} and no
 * reply mailbox configured, the reply poller reads the embedded mail server's mailbox (so
 * {@code serve} has a {@code poll-replies} job); a configured mailbox or a real relay is left alone.
 */
class EmbeddedMailboxConfigTest {
    @Test
    void embeddedMailPollsTheEmbeddedMailbox() {
        Config c = Config.of(Map.of("smtp.host", "embedded", "smtp.embedded.imap.port", "3999", "mail.domain", "d.example.org"));
        RepliesConfig rc = RepliesConfig.from(Utskick.withEmbeddedMailbox(c));
        assertEquals("127.0.0.1", rc.host().orElseThrow());
        assertEquals(3999, rc.port());
        assertEquals(RepliesConfig.Protocol.IMAP, rc.protocol());
        assertEquals("replies@d.example.org", rc.user());
    }

    @Test
    void aConfiguredMailboxOrARealRelayIsLeftAsItIs() {
        Config mailbox = Config.of(Map.of("smtp.host", "embedded", "replies.imap.host", "imap.example.org"));
        assertSame(mailbox, Utskick.withEmbeddedMailbox(mailbox));
        Config relay = Config.of(Map.of("smtp.host", "smtp.example.org"));
        assertSame(relay, Utskick.withEmbeddedMailbox(relay));
        assertEquals(java.util.Optional.empty(), RepliesConfig.from(Utskick.withEmbeddedMailbox(relay)).host());
    }
}
