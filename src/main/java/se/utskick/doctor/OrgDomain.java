package se.utskick.doctor;

import java.util.Locale;
import java.util.Set;

/**
 * The organisational domain of a name (RFC 7489 §3.2), for relaxed DMARC alignment: the public
 * suffix and one label more. The doctor does not carry the whole Public Suffix List: a name's last
 * two labels are its organisational domain ({@code nyhetsbrev.varmland.example.se} →
 * {@code example.se}), except under the few two-label public suffixes listed here (.co.uk and its
 * kin, the Swedish .org.se/.pp.se/.tm.se/.parti.se/.press.se, .com.au…), where it is the last three.
 * Right for .se, .nu, .org, .com, .net, .eu and .co.uk; for other country suffixes with a second
 * level the answer may be one label too short, which makes alignment look better than it is.
 */
final class OrgDomain {
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk",
            "org.se", "pp.se", "tm.se", "parti.se", "press.se",
            "com.au", "net.au", "org.au", "co.nz", "org.nz", "co.jp", "com.br");

    private OrgDomain() {
    }

    static String of(String domain) {
        String d = JndiDns.stripDot(domain.toLowerCase(Locale.ROOT));
        String[] labels = d.split("\\.");
        if (labels.length <= 2) {
            return d;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        if (TWO_LABEL_SUFFIXES.contains(lastTwo)) {
            return labels[labels.length - 3] + "." + lastTwo;
        }
        return lastTwo;
    }
}
