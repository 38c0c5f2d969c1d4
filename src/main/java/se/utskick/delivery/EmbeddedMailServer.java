package se.utskick.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's mail server: GreenMail in this process, SMTP on {@code smtp.port} and IMAP on
 * {@code smtp.embedded.imap.port}, both on 127.0.0.1, used when {@code smtp.host = embedded}.
 * It accepts every recipient and keeps the mail in memory (lost at exit); any user can log in to
 * IMAP with any password, which creates the mailbox. Never for production.
 */
public final class EmbeddedMailServer implements AutoCloseable {
    private final GreenMail greenMail;

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static EmbeddedMailServer start(int smtpPort, int imapPort) {
        GreenMail g = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        g.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig().withDisabledAuthentication());
        g.start();
        return new EmbeddedMailServer(g);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The GreenMail instance, for the demo and tests that read what arrived. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
