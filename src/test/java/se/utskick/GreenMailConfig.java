package se.utskick;

import com.icegreen.greenmail.util.GreenMail;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration of a whole graph that sends through a test's GreenMail (SMTP, no STARTTLS) and
 * reads its reply mailbox over IMAP, on the district's mail domain, with the web server on a free
 * port. Returned as a mutable map so a test can add or change keys.
 */
public final class GreenMailConfig {
    public static final String DOMAIN = "varmland.example.org";

    private GreenMailConfig() {
    }

    public static Map<String, String> of(GreenMail mail, String mailbox, String mailboxPassword) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("security.secret", se.utskick.TestSecret.VALUE);
        cfg.put("smtp.host", "127.0.0.1");
        cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
        cfg.put("smtp.starttls", "off");
        cfg.put("mail.domain", DOMAIN);
        cfg.put("delivery.poll.interval", "PT0.05S");
        cfg.put("replies.imap.protocol", "imap");
        cfg.put("replies.imap.host", "127.0.0.1");
        cfg.put("replies.imap.port", String.valueOf(mail.getImap().getPort()));
        cfg.put("replies.imap.starttls", "false");
        cfg.put("replies.imap.user", mailbox);
        cfg.put("replies.imap.password", mailboxPassword);
        cfg.put("web.port", "0");
        return cfg;
    }
}
