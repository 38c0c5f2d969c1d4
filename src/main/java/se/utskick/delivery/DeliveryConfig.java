package se.utskick.delivery;

import java.net.IDN;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The delivery settings, read once from the {@code smtp.*}, {@code mail.*}, {@code delivery.*} and
 * {@code dkim.*} keys (documented in config/utskick.properties). Building it validates every value,
 * so a wrong one stops the start with the key's name.
 *
 * @param smtpHost    the SMTP relay, or {@code embedded} for an in-process GreenMail (demo)
 * @param mailDomain  the domain of Message-IDs and of the reply+, bounce+ and unsubscribe+ addresses
 * @param retention   how long a finished delivery keeps its details (SMTP reply, recipient's name)
 * @param messageDeadline the longest one message's SMTP exchange may take; past it the message is DEFERRED
 * @param stallAttempts   attempts that ran past the deadline (or a read timeout) before a message is FAILED
 * @param pacing          pacing per group of receiving domains ({@code delivery.pace.*})
 * @param relays          the relays ("default" is the one of the smtp.* keys) and the routes per letter kind
 */
public record DeliveryConfig(
        String smtpHost, int smtpPort, StartTls startTls, boolean implicitTls, Optional<String> smtpUser,
        Optional<String> smtpPassword, String heloName, Duration connectTimeout, Duration readTimeout,
        Duration writeTimeout, String fromAddress, String fromName, String mailDomain, String unsubscribeBaseUrl,
        int workers, int batchSize, Duration lease, Duration retryBackoff, Duration retryBackoffMax,
        Duration maxAge, Duration pollInterval, int ratePerSecond, int ratePerHour, Optional<Dkim> dkim,
        Duration retention, Duration messageDeadline, int stallAttempts, PaceConfig pacing, RelayConfig relays) {

    /** STARTTLS policy: the upgrade is demanded, tried when offered, or never tried. */
    public enum StartTls { REQUIRED, IF_AVAILABLE, OFF }

    /** DKIM signing settings; the private key is a PKCS#8 PEM or DER file. */
    public record Dkim(String domain, String selector, Path privateKeyFile) {
    }

    public static final String EMBEDDED = "embedded";

    public static DeliveryConfig from(Config c) {
        DeliveryConfig d = read(c);
        d.checkLease();
        return d;
    }

    private static DeliveryConfig read(Config c) {
        DeliveryConfig d = readBase(c);
        return d.withRelays(RelayConfig.from(c, d.defaultRelay()));
    }

    /** The relay of the smtp.* keys, capped by delivery.rate.*. */
    RelayConfig.Relay defaultRelay() {
        return new RelayConfig.Relay("default", embedded() ? "127.0.0.1" : smtpHost, smtpPort, startTls, implicitTls, smtpUser,
                smtpPassword, ratePerSecond, ratePerHour);
    }

    private DeliveryConfig withRelays(RelayConfig r) {
        return new DeliveryConfig(smtpHost, smtpPort, startTls, implicitTls, smtpUser, smtpPassword, heloName, connectTimeout,
                readTimeout, writeTimeout, fromAddress, fromName, mailDomain, unsubscribeBaseUrl, workers, batchSize, lease,
                retryBackoff, retryBackoffMax, maxAge, pollInterval, ratePerSecond, ratePerHour, dkim, retention, messageDeadline,
                stallAttempts, pacing, r);
    }

    private static DeliveryConfig readBase(Config c) {
        String domain = asciiDomain("mail.domain", c.string("mail.domain", "utskick.example.org"));
        String from = c.string("mail.from.address", "distriktet@" + domain);
        HeaderText.requireAddress("mail.from.address", from);
        return new DeliveryConfig(
                c.string("smtp.host", EMBEDDED),
                c.integer("smtp.port", 2525, 1, 65535),
                c.enumValue("smtp.starttls", StartTls.class, StartTls.IF_AVAILABLE),
                c.bool("smtp.tls", false),
                c.optional("smtp.user"),
                c.optional("smtp.password"),
                asciiDomain("smtp.helo", c.string("smtp.helo", domain)),
                positive(c, "smtp.timeout.connect", Duration.ofSeconds(10)),
                positive(c, "smtp.timeout.read", Duration.ofSeconds(60)),
                positive(c, "smtp.timeout.write", Duration.ofSeconds(60)),
                from,
                HeaderText.requireSingleLine("mail.from.name", c.string("mail.from.name", c.string("district.name", "Utskick"))),
                domain,
                url(c.string("mail.unsubscribe.url", "https://" + domain + "/u/")),
                c.integer("delivery.workers", 4, 1, 64),
                c.integer("delivery.batch.size", 50, 1, 1000),
                positive(c, "delivery.lease", Duration.ofMinutes(5)),
                positive(c, "delivery.retry.backoff", Duration.ofMinutes(5)),
                positive(c, "delivery.retry.backoff.max", Duration.ofHours(4)),
                positive(c, "delivery.max.age", Duration.ofDays(3)),
                positive(c, "delivery.poll.interval", Duration.ofSeconds(2)),
                c.integer("delivery.rate.per.second", 0, 0, 1_000_000),
                c.integer("delivery.rate.per.hour", 0, 0, Integer.MAX_VALUE),
                dkim(c),
                positive(c, "delivery.retention", Duration.ofDays(365)),
                positive(c, "delivery.message.deadline", Duration.ofMinutes(2)),
                c.integer("delivery.stall.attempts", 3, 1, 100),
                PaceConfig.from(c, domain), null);
    }

    /**
     * The shortest safe lease: a worker renews its rows' lease when half of it is left, and must be
     * able to wait its turn at the rate cap and finish one message (the deadline) in that half, or
     * its rows could expire while it still holds them and another worker send them too.
     */
    Duration minimumLease() {
        long gapNanos = Math.max(ratePerSecond == 0 ? 0 : 1_000_000_000L / ratePerSecond,
                ratePerHour == 0 ? 0 : 3_600_000_000_000L / ratePerHour);
        if (relays != null) {
            gapNanos = Math.max(gapNanos, relays.maxGapNanos());
        }
        return messageDeadline.plusNanos(gapNanos * workers).multipliedBy(2);
    }

    private void checkLease() {
        Duration min = minimumLease();
        if (lease.compareTo(min) < 0) {
            throw new ConfigException("the configuration key delivery.lease is " + shown(lease) + " but must be at least "
                    + shown(min) + " with these settings: a sender renews its lease when half is left and must wait its turn at the "
                    + "rate cap and finish one message in that half (delivery.message.deadline = " + shown(messageDeadline)
                    + ", delivery.workers = " + workers + ", delivery.rate.per.second = " + ratePerSecond
                    + ", delivery.rate.per.hour = " + ratePerHour + "); raise delivery.lease or lower delivery.message.deadline");
        }
    }

    private static String shown(Duration d) {
        long ms = d.toMillis();
        return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
    }

    private static Optional<Dkim> dkim(Config c) {
        Optional<String> key = c.optional("dkim.private.key.file");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dkim(asciiDomain("dkim.domain", c.required("dkim.domain")),
                HeaderText.requireSingleLine("dkim.selector", c.required("dkim.selector")), Path.of(key.get())));
    }

    private static Duration positive(Config c, String key, Duration fallback) {
        Duration d = c.duration(key, fallback);
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException("the configuration key " + key + " must be a duration above zero, such as 30s");
        }
        return d;
    }

    static String asciiDomain(String key, String domain) {
        try {
            String ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES);
            if (ascii.isEmpty() || !ascii.contains(".") && !ascii.equals("localhost")) {
                throw new IllegalArgumentException("not a domain");
            }
            return ascii.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the configuration key " + key + " is '" + domain
                    + "' but must be a domain name such as varmland.example.org");
        }
    }

    private static String url(String base) {
        if (!base.startsWith("https://") && !base.startsWith("http://") || base.matches(".*\\s.*")) {
            throw new ConfigException("the configuration key mail.unsubscribe.url is '" + base
                    + "' but must be an https:// URL, such as https://varmland.example.org/u/");
        }
        return base.endsWith("/") ? base : base + "/";
    }

    /** Hides the SMTP password: records print every component otherwise. */
    @Override
    public String toString() {
        return "DeliveryConfig[smtp=" + smtpHost + ":" + smtpPort + ", starttls=" + startTls + ", tls=" + implicitTls
                + ", user=" + smtpUser.orElse("-") + ", domain=" + mailDomain + ", workers=" + workers + "]";
    }

    public boolean embedded() {
        return smtpHost.equalsIgnoreCase(EMBEDDED);
    }
}
