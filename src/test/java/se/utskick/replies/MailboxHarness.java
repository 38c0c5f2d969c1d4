package se.utskick.replies;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * A real GreenMail IMAP mailbox, a fresh migrated database with a register, the in-memory delivery
 * log and letter directory, and the replies feature wired on them. One per test; close it.
 */
final class MailboxHarness implements AutoCloseable {
    static final String USER = "replies@utskick.example.se";
    static final String PROCESSED = "Utskick-processed";

    final Database db = TestDatabase.fresh();
    final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    final GreenMailUser user;
    final SqlRegister register = new SqlRegister(db);
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final InMemoryLetters letters = new InMemoryLetters();
    final RepliesConfig config;

    MailboxHarness() {
        greenMail.start();
        user = greenMail.setUser(USER, USER, "hemligt");
        config = RepliesConfig.from(Config.of(Map.of(
                "replies.imap.protocol", "imap", "replies.imap.host", "127.0.0.1",
                "replies.imap.port", String.valueOf(greenMail.getImap().getPort()),
                "replies.imap.user", USER, "replies.imap.password", "hemligt",
                "replies.imap.starttls", "false", "replies.imap.processed.folder", PROCESSED)));
    }

    /** A new wiring of the feature, as a restarted process would build it. */
    Replies replies() {
        return Replies.create(db, config, deliveries, letters, register, register, register, Clock.systemUTC());
    }

    MessageProcessor processor() {
        return new MessageProcessor(db, new ReplyRepository(), new Correlator(deliveries, register),
                new BounceScores(config.softBounceThreshold(), config.softBounceStale().toDays()),
                register, register, Clock.systemUTC());
    }

    void deliver(String rawMessage) {
        deliver(rawMessage.getBytes(StandardCharsets.UTF_8));
    }

    void deliver(byte[] raw) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages are in {@code folder} now, not counting those flagged \Deleted. */
    int count(String folder) {
        try (Store store = greenMail.getImap().createStore()) {
            store.connect(USER, "hemligt");
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            try {
                return f.getMessageCount() - f.getDeletedMessageCount();
            } finally {
                f.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
        db.close();
    }
}
