package se.utskick;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.EmbeddedMailServer;

/**
 * The embedded mail set-up of {@code smtp.host = embedded}, for the composition root: the reply
 * mailbox on the embedded server, and starting GreenMail unless another Utskick process already
 * runs one on the port. Stateless.
 */
final class EmbeddedMail {
    private static final Logger log = LoggerFactory.getLogger(Utskick.class);

    private EmbeddedMail() {
    }

    /** See {@link Utskick#withEmbeddedMailbox}. */
    static Config withMailbox(Config c) {
        DeliveryConfig dc = DeliveryConfig.from(c);
        if (!dc.embedded() || c.optional("replies.imap.host").isPresent()) {
            return c;
        }
        return c.with("replies.imap.host", "127.0.0.1").with("replies.imap.protocol", "imap")
                .with("replies.imap.port", c.string("smtp.embedded.imap.port", "3143"))
                .with("replies.imap.starttls", "false").with("replies.imap.user", "replies@" + dc.mailDomain())
                .with("replies.imap.password", "demo");
    }

    /** GreenMail on smtp.port when embedded and the port is free; null when not started here. */
    static EmbeddedMailServer start(DeliveryConfig dc, Config config) {
        if (!dc.embedded()) {
            return null;
        }
        if (listening(dc.smtpPort())) {
            log.info("embedded mail server: port {} is taken, using the one already there", dc.smtpPort());
            return null;
        }
        try {
            EmbeddedMailServer mail = EmbeddedMailServer.start(dc.smtpPort(), config.integer("smtp.embedded.imap.port", 3143, 1, 65535));
            log.info("embedded mail server (GreenMail) on 127.0.0.1: SMTP {}, IMAP {}", mail.smtpPort(), mail.imapPort());
            return mail;
        } catch (RuntimeException e) {
            log.info("embedded mail server not started here ({}); using the one already on port {}", e.getMessage(), dc.smtpPort());
            return null;
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
