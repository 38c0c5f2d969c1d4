package se.utskick.doctor;

import java.net.InetAddress;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.utskick.UtskickException;
import se.utskick.delivery.DeliveryConfig;

/**
 * The sending domain's DNS as receivers read it: SPF of the envelope domain ({@code mail.domain}, the
 * bounce+ address) covers the relay, the DKIM selector publishes the public half of the configured
 * key, DKIM (or SPF) aligns with the From domain, DMARC exists with a policy, and the reply domain
 * has an MX. Gmail, Yahoo and Microsoft require SPF, DKIM and DMARC of bulk senders (2024–2025).
 * A lookup without an answer is a WARN (cannot decide), never a FAIL. DMARC and alignment are
 * {@link DmarcChecks}.
 */
final class DnsChecks {
    private final DeliveryConfig c;
    private final Dns dns;
    private final String fromDomain;

    DnsChecks(DeliveryConfig c, Dns dns) {
        this.c = c;
        this.dns = dns;
        String from = c.fromAddress();
        this.fromDomain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    List<Finding> run() {
        List<Finding> out = new ArrayList<>();
        out.add(spf());
        out.add(dkim());
        DmarcChecks dmarc = new DmarcChecks(c, dns, fromDomain);
        DmarcChecks.Dmarc record = dmarc.record();
        out.add(record.finding());
        out.add(dmarc.alignment(record));
        out.add(mx());
        return out;
    }

    // ---- SPF ------------------------------------------------------------------------------------

    Finding spf() {
        String domain = c.mailDomain();
        String record;
        try {
            Optional<String> r = Spf.record(dns, domain);
            if (r.isEmpty()) {
                return Finding.fail("spf", "no v=spf1 TXT record at " + domain + " (the bounce+ envelope domain, mail.domain)",
                        "publish TXT at " + domain + ": \"v=spf1 " + mechanismFor(c.smtpHost()) + " -all\" (your relay "
                                + "provider names the include: to use)");
            }
            record = r.get();
        } catch (Spf.Stop e) {
            return Finding.fail("spf", e.getMessage(), "merge them into one v=spf1 record");
        } catch (DnsException e) {
            return Finding.warn("spf", "cannot decide: " + e.getMessage(), "run doctor again when DNS answers");
        }
        for (String term : record.split("\\s+")) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.equals("all") || t.equals("+all")) {
                return Finding.fail("spf", "the record at " + domain + " ends in '" + term + "': anyone may send as " + domain,
                        "end it with -all (or ~all) instead");
            }
        }
        List<InetAddress> relay;
        try {
            relay = relayAddresses();
        } catch (DnsException e) {
            return Finding.warn("spf", "record found, but the relay " + c.smtpHost() + " has no address: " + e.getMessage(),
                    "check smtp.host");
        }
        if (relay.isEmpty()) {
            return Finding.warn("spf", "record found, but the relay " + c.smtpHost() + " has no address in DNS, so "
                    + "coverage cannot be decided", "check smtp.host");
        }
        List<String> notCovered = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        String covered = "";
        for (InetAddress ip : relay) {
            Spf.Verdict v = new Spf(dns).check(ip, domain);
            switch (v.result()) {
                case PASS -> covered = v.why();
                case FAIL, SOFTFAIL, NEUTRAL -> {
                    if (publicAddress(ip)) {
                        notCovered.add(ip.getHostAddress() + " (" + v.result().name().toLowerCase(Locale.ROOT) + ", " + v.why() + ")");
                    } else {
                        undecided.add(ip.getHostAddress() + " is not a public address; the address mail leaves from is "
                                + "not known here (" + v.result().name().toLowerCase(Locale.ROOT) + ")");
                    }
                }
                case PERMERROR -> {
                    return Finding.fail("spf", "the record at " + domain + " is broken (permerror): " + v.why()
                                    + "; receivers treat it as a failed SPF check",
                            "flatten the includes or remove the loop, at most 10 lookups in all");
                }
                default -> undecided.add(ip.getHostAddress() + ": " + v.result().name().toLowerCase(Locale.ROOT) + ", " + v.why());
            }
        }
        if (!notCovered.isEmpty()) {
            return Finding.fail("spf", "the record at " + domain + " does not cover the relay " + c.smtpHost() + ": "
                            + String.join("; ", notCovered),
                    "add the relay to the record (the include: your provider names, or " + mechanismFor(c.smtpHost())
                            + "); if the relay sends out from other addresses than smtp.host resolves to, check those");
        }
        if (!undecided.isEmpty()) {
            return Finding.warn("spf", "record found at " + domain + ", coverage of the relay cannot be decided: "
                    + String.join("; ", undecided), "check that the record covers the public address your mail leaves from");
        }
        return Finding.ok("spf", "the record at " + domain + " covers the relay " + c.smtpHost() + " by " + covered);
    }

    private List<InetAddress> relayAddresses() {
        String host = c.smtpHost();
        if (host.equalsIgnoreCase("localhost")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        if (host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            try {
                return List.of(InetAddress.getByName(host));
            } catch (java.net.UnknownHostException e) {
                return List.of();
            }
        }
        return dns.addresses(host);
    }

    private static boolean publicAddress(InetAddress ip) {
        return !(ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isAnyLocalAddress()
                || ip.getAddress().length == 16 && (ip.getAddress()[0] & 0xfe) == 0xfc);
    }

    private static String mechanismFor(String host) {
        return host.matches("[0-9.]+") ? "ip4:" + host : host.contains(":") ? "ip6:" + host : "a:" + host;
    }

    // ---- DKIM -----------------------------------------------------------------------------------

    Finding dkim() {
        if (c.dkim().isEmpty()) {
            return Finding.fail("dkim", "not configured (dkim.private.key.file is empty): mail goes out unsigned, and Gmail "
                            + "and Yahoo require DKIM of bulk senders (Microsoft too since 2025)",
                    "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem && openssl pkcs8 -topk8 "
                            + "-nocrypt -outform der -in dkim.pem -out dkim.der; set dkim.domain = " + OrgDomain.of(fromDomain)
                            + ", dkim.selector (e.g. utskick1) and dkim.private.key.file = dkim.der; run doctor again for the "
                            + "TXT record to publish");
        }
        DeliveryConfig.Dkim d = c.dkim().get();
        String name = d.selector() + "._domainkey." + d.domain();
        RSAPrivateKey key;
        try {
            key = DkimKeys.privateKey(d.privateKeyFile());
        } catch (UtskickException e) {
            return Finding.fail("dkim", e.getMessage(), "convert it: openssl pkcs8 -topk8 -nocrypt -outform der -in key.pem -out key.der");
        }
        String publish = "publish TXT at " + name + ": \"" + DkimKeys.record(key) + "\"";
        List<String> records;
        try {
            records = dns.txt(name).stream().filter(r -> !r.isBlank()).toList();
        } catch (DnsException e) {
            return Finding.warn("dkim", "cannot decide: " + e.getMessage(), "run doctor again when DNS answers");
        }
        if (records.isEmpty()) {
            return Finding.fail("dkim", "no TXT record at " + name + ": receivers cannot verify the signature", publish);
        }
        if (records.size() > 1) {
            return Finding.fail("dkim", records.size() + " TXT records at " + name + ": receivers may take either",
                    "keep one: " + publish.substring("publish ".length()));
        }
        Map<String, String> tags = DkimKeys.tags(records.get(0));
        String k = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        if (!k.equals("rsa")) {
            return Finding.fail("dkim", "the record at " + name + " is a k=" + k + " key, but Utskick signs with rsa-sha256", publish);
        }
        String p = tags.get("p");
        if (p == null || p.isEmpty()) {
            return Finding.fail("dkim", "the record at " + name + " has " + (p == null ? "no p= tag" : "an empty p= (the key is revoked)"),
                    publish);
        }
        RSAPublicKey published;
        try {
            published = DkimKeys.publishedKey(p);
        } catch (UtskickException e) {
            return Finding.fail("dkim", "the record at " + name + ": " + e.getMessage(), publish);
        }
        if (!DkimKeys.samePair(key, published)) {
            return Finding.fail("dkim", "the key published at " + name + " is not the public half of dkim.private.key.file ("
                    + d.privateKeyFile() + "): it belongs to another key pair, so every signature fails", publish);
        }
        int bits = published.getModulus().bitLength();
        if (bits < 1024) {
            return Finding.fail("dkim", "the key at " + name + " matches but has " + bits + " bits; receivers ignore keys under 1024",
                    "make a 2048-bit key");
        }
        if (tags.getOrDefault("t", "").contains("y")) {
            return Finding.warn("dkim", "the key at " + name + " matches, but t=y marks the domain as testing DKIM",
                    "remove t=y from the record");
        }
        if (bits < 2048) {
            return Finding.warn("dkim", "the key at " + name + " matches but has " + bits + " bits", "make a 2048-bit key");
        }
        return Finding.ok("dkim", "the key at " + name + " matches dkim.private.key.file (RSA " + bits + " bits)");
    }

    // ---- MX -------------------------------------------------------------------------------------

    Finding mx() {
        String domain = c.mailDomain();
        try {
            List<Dns.Mx> mx = dns.mx(domain);
            if (mx.size() == 1 && mx.get(0).host().isEmpty()) {
                return Finding.fail("mx", domain + " has a null MX (RFC 7505): it accepts no mail, so replies and bounces "
                        + "to reply+/bounce+ addresses are lost", "publish the MX of the mailbox that replies.imap.* reads");
            }
            if (!mx.isEmpty()) {
                return Finding.ok("mx", domain + " receives mail at " + mx.stream()
                        .sorted(java.util.Comparator.comparingInt(Dns.Mx::preference))
                        .map(m -> m.host() + " (" + m.preference() + ")").collect(Collectors.joining(", ")));
            }
            if (!dns.addresses(domain).isEmpty()) {
                return Finding.warn("mx", domain + " has no MX record; senders fall back to its address record (RFC 5321 §5.1)",
                        "publish the MX of the mailbox that replies.imap.* reads");
            }
            return Finding.fail("mx", domain + " has no MX and no address: replies and bounces to reply+/bounce+ addresses "
                    + "cannot arrive", "publish the MX of the mailbox that replies.imap.* reads");
        } catch (DnsException e) {
            return Finding.warn("mx", "cannot decide: " + e.getMessage(), "run doctor again when DNS answers");
        }
    }
}
