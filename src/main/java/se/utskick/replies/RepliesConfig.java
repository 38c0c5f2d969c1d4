package se.utskick.replies;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The reply mailbox and bounce settings (keys {@code replies.*}, documented in
 * {@code config/utskick.properties}). With no {@code replies.imap.host} the poller is off.
 */
public record RepliesConfig(Protocol protocol, Optional<String> host, int port, String user, String password,
                            boolean startTls, List<String> folders, String processedFolder, Duration pollInterval,
                            Duration retention, int softBounceThreshold, Duration softBounceStale) {

    public enum Protocol { IMAP, IMAPS }

    public static RepliesConfig from(Config c) {
        Protocol protocol = c.enumValue("replies.imap.protocol", Protocol.class, Protocol.IMAPS);
        List<String> folders = Arrays.stream(c.string("replies.imap.folders", "INBOX").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (folders.isEmpty()) {
            throw new ConfigException("the configuration key replies.imap.folders names no folder; set it to e.g. INBOX");
        }
        String processed = c.string("replies.imap.processed.folder", "Utskick-processed");
        if (folders.contains(processed)) {
            throw new ConfigException("the configuration key replies.imap.processed.folder (" + processed
                    + ") must not be one of replies.imap.folders");
        }
        return new RepliesConfig(protocol, c.optional("replies.imap.host"),
                c.integer("replies.imap.port", protocol == Protocol.IMAPS ? 993 : 143, 1, 65535),
                c.string("replies.imap.user", ""), c.string("replies.imap.password", ""),
                c.bool("replies.imap.starttls", protocol == Protocol.IMAP),
                folders, processed,
                positive(c, "replies.poll.interval", Duration.ofMinutes(1)),
                positive(c, "replies.retention", Duration.ofDays(180)),
                c.integer("replies.bounce.soft.threshold", 5, 1, 1000),
                positive(c, "replies.bounce.soft.stale", Duration.ofDays(7)));
    }

    private static Duration positive(Config c, String key, Duration fallback) {
        Duration d = c.duration(key, fallback);
        if (d.isZero()) {
            throw new ConfigException("the configuration key " + key + " must be longer than zero");
        }
        return d;
    }

    /** Hides the password: records print every component otherwise. */
    @Override
    public String toString() {
        return "RepliesConfig[" + protocol + "://" + host.orElse("(off)") + ":" + port + ", folders=" + folders
                + ", processed=" + processedFolder + "]";
    }
}
