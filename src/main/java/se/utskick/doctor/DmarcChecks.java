package se.utskick.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.utskick.delivery.DeliveryConfig;

/**
 * The DMARC part of {@link DnsChecks}: the record that applies to the From domain (its own, else the
 * organisational domain's) with its policy, and whether DKIM or SPF aligns with the From domain under
 * that record's {@code adkim}/{@code aspf}. A lookup without an answer is a WARN, never a FAIL.
 */
final class DmarcChecks {
    private final DeliveryConfig c;
    private final Dns dns;
    private final String fromDomain;

    DmarcChecks(DeliveryConfig c, Dns dns, String fromDomain) {
        this.c = c;
        this.dns = dns;
        this.fromDomain = fromDomain;
    }

    // ---- DMARC ----------------------------------------------------------------------------------

    /** The DMARC record that applies to the From domain, its tags (empty if none) and the finding. */
    record Dmarc(Map<String, String> tags, Finding finding) {
    }

    Dmarc record() {
        String org = OrgDomain.of(fromDomain);
        String fix = "publish TXT at _dmarc." + org + ": \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + org
                + "\", then p=quarantine once the reports show only your own mail";
        try {
            String at = "_dmarc." + fromDomain;
            List<String> found = dmarcAt(at);
            boolean inherited = false;
            if (found.isEmpty() && !org.equals(fromDomain)) {
                at = "_dmarc." + org;
                found = dmarcAt(at);
                inherited = true;
            }
            if (found.isEmpty()) {
                return new Dmarc(Map.of(), Finding.fail("dmarc", "no v=DMARC1 record at _dmarc." + fromDomain
                        + (org.equals(fromDomain) ? "" : " nor _dmarc." + org)
                        + ": Gmail, Yahoo and Microsoft require DMARC of bulk senders (Microsoft rejects with 550 5.7.515)", fix));
            }
            if (found.size() > 1) {
                return new Dmarc(Map.of(), Finding.fail("dmarc", found.size() + " v=DMARC1 records at " + at
                        + ": receivers then apply none (RFC 7489 §6.6.3)", "keep one"));
            }
            Map<String, String> tags = DkimKeys.tags(found.get(0));
            String policy = inherited && tags.containsKey("sp") ? tags.get("sp") : tags.getOrDefault("p", "");
            policy = policy.toLowerCase(Locale.ROOT);
            String where = "the record at " + at + (inherited ? " (the organisational domain's, for " + fromDomain + ")" : "");
            String pct = tags.getOrDefault("pct", "100");
            return new Dmarc(tags, switch (policy) {
                case "none" -> Finding.warn("dmarc", where + " has p=none: receivers only report, nothing is protected",
                        "move to p=quarantine once the reports show only your own mail");
                case "quarantine", "reject" -> pct.equals("100")
                        ? Finding.ok("dmarc", where + " has p=" + policy)
                        : Finding.warn("dmarc", where + " has p=" + policy + " on pct=" + pct + "% of the mail", "raise pct to 100");
                default -> Finding.fail("dmarc", where + " has no valid p= tag ('" + policy + "')", fix);
            });
        } catch (DnsException e) {
            return new Dmarc(Map.of(), Finding.warn("dmarc", "cannot decide: " + e.getMessage(), "run doctor again when DNS answers"));
        }
    }

    private List<String> dmarcAt(String name) {
        return dns.txt(name).stream().map(String::strip).filter(t -> t.matches("(?i)^v\\s*=\\s*DMARC1\\s*(;.*)?$")).toList();
    }

    // ---- alignment ------------------------------------------------------------------------------

    /** DMARC passes on an aligned DKIM signature or an aligned SPF pass; DKIM alone survives forwarding. */
    Finding alignment(Dmarc dmarc) {
        boolean strictDkim = "s".equalsIgnoreCase(dmarc.tags.get("adkim"));
        boolean strictSpf = "s".equalsIgnoreCase(dmarc.tags.get("aspf"));
        String envelope = c.mailDomain();
        boolean spfAligned = strictSpf ? envelope.equals(fromDomain) : OrgDomain.of(envelope).equals(OrgDomain.of(fromDomain));
        String spfWords = "the envelope domain " + envelope + (spfAligned ? " is" : " is not") + " aligned with it"
                + (strictSpf ? " (aspf=s)" : "");
        if (c.dkim().isEmpty()) {
            return spfAligned
                    ? Finding.warn("alignment", "From " + fromDomain + " can pass DMARC only on SPF: " + spfWords
                    + ", which a forward breaks", "configure DKIM (see the dkim line)")
                    : Finding.fail("alignment", "From " + fromDomain + " cannot pass DMARC: no DKIM, and " + spfWords,
                    "configure DKIM with dkim.domain = " + OrgDomain.of(fromDomain));
        }
        String d = c.dkim().get().domain();
        boolean dkimAligned = strictDkim ? d.equals(fromDomain) : OrgDomain.of(d).equals(OrgDomain.of(fromDomain));
        String rule = strictDkim ? "strict (adkim=s): the same domain"
                : "relaxed: the same organisational domain " + OrgDomain.of(fromDomain);
        if (dkimAligned) {
            return Finding.ok("alignment", "DKIM d=" + d + " is aligned with From " + fromDomain + " (" + rule + ")");
        }
        return spfAligned
                ? Finding.warn("alignment", "DKIM d=" + d + " is not aligned with From " + fromDomain + " (" + rule
                + "); DMARC passes only on SPF, which a forward breaks", "set dkim.domain = " + (strictDkim ? fromDomain : OrgDomain.of(fromDomain)))
                : Finding.fail("alignment", "neither DKIM d=" + d + " nor the envelope domain " + envelope
                + " is aligned with From " + fromDomain + " (" + rule + "): DMARC fails", "set dkim.domain = "
                + (strictDkim ? fromDomain : OrgDomain.of(fromDomain)));
    }
}
