package se.utskick.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the {@link RefusalCause} of a refusal from its enhanced status code (RFC 3463) and the
 * server's text. The code decides when it is specific; the text decides when the code is generic
 * ({@code x.0.0}, {@code x.y.0}) or missing. Whenever the answer could also mean that the receiver
 * refused us (policy words, a blocklist, SPF/DKIM/DMARC, x.7.x anywhere in it) the cause is
 * {@link RefusalCause#POLICY}: a member's address is marked only when nothing else could explain
 * the answer. Stateless and thread-safe.
 */
public final class Refusals {
    /** An enhanced status code, e.g. {@code 5.1.1} (also inside {@code #5.1.1} or {@code (554.30)} is not one). */
    public static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

    /** Words by which receivers say that they refuse the sender, not the recipient. */
    private static final Pattern POLICY_TEXT = Pattern.compile("(?iu)\\b(block(ed|ing|list(ed)?)?|black ?list(ed)?"
            + "|deny ?list(ed)?|spamhaus|spamcop|barracuda|sorbs|dnsbl|rbl|uceprotect|listed (at|on|in|by)|reputation"
            + "|spam|junk mail|bulk mail|phish\\w*|virus|malware|dmarc|spf|dkim|unauthenticated|authentication"
            + "|policy|policies|prohibit\\w*|not permitted|not allowed|banned|rate limit(ed)?|too many (messages|connections|recipients)"
            + "|throttl\\w*|abuse|complaints?|relay(ing)? (access )?(denied|not permitted)|sender (address )?(rejected|denied|refused|blocked)"
            + "|sender verify|reverse dns|rdns|ptr record|helo|suspicious|unsolicited|content (rejected|filter)"
            + "|refused by (the )?(recipient|receiving)|not authori[sz]ed|access denied|tss\\d\\d|unexpected volume"
            + "|poor sending|sending ip|your ip|ip address|client host .* (blocked|rejected))\\b");

    /** Words by which receivers say that the address does not exist or takes no mail. */
    private static final Pattern ADDRESS_TEXT = Pattern.compile("(?iu)(user unknown|unknown user|no such (user|mailbox|recipient|address|account|domain|person)"
            + "|user (not found|doesn'?t exist|does not exist)|unknown (recipient|mailbox|address|local[- ]?part)|recipient (unknown|not found|does not exist)"
            + "|mailbox (not found|unknown|does not exist|doesn'?t exist|is disabled|disabled|has been disabled|inactive)"
            + "|address (not found|unknown|does not exist|doesn'?t exist|couldn'?t be found|could not be found)"
            + "|account (does not exist|doesn'?t exist|(has been |is )?(disabled|deactivated|closed|inactive|expired))"
            + "|(e-?mail )?account that you tried to reach (does not exist|is disabled)|does not exist at the organization"
            + "|recipnotfound|unrou?teable address|host or domain name not found|domain (not found|does not exist|doesn'?t exist)"
            + "|no mailbox here by that name|doesn'?t have an? [\\w.-]+ account|invalid (recipient|mailbox|address)"
            + "|bad destination mailbox|addressee unknown|unknown or illegal alias|not a valid (mailbox|recipient|user)"
            + "|no longer (valid|active|in use|available)|undeliverable address|mailbox unavailable.*(unknown|not exist))");

    /** Words by which receivers say that the mailbox is full or over quota. */
    private static final Pattern FULL_TEXT = Pattern.compile("(?iu)(mailbox (is )?full|over ?quota|quota (exceeded|full)|exceed(s|ed)? (the |its )?(storage|quota)"
            + "|insufficient (system )?storage|out of storage|inbox is full|mailbox size limit|full mailbox|storage (space )?(full|quota))");

    /** Words by which receivers refuse the message itself. */
    private static final Pattern MESSAGE_TEXT = Pattern.compile("(?iu)(message (size )?(is )?too (large|big)|exceeds (the )?(maximum )?(message )?size"
            + "|message size exceeds|size limit|line too long|malformed|syntax error)");

    private Refusals() {
    }

    /** Words by which receivers say "you are sending too fast, come back later". */
    private static final Pattern THROTTLE_TEXT = Pattern.compile("(?iu)(try (again )?later|temporarily (deferred|rate limited|throttled)"
            + "|rate limit(ed|ing)?|too many (messages|connections|recipients|concurrent)|throttl\\w*|unusual rate"
            + "|unexpected volume|server busy|exceeded .*(rate|limit)|sending rate|slow down|\\[ts[s]?0?\\d\\]|resources temporarily)");

    /**
     * True when a temporary refusal says that we send too fast to this receiver (the receiving
     * domain, not the recipient): 421 (service not available, closing), 450/451 with an x.7.x
     * code, 452 4.5.3 (too many recipients), or a provider's "try again later" / rate-limit text
     * under any 4xx. Such an answer slows the receiving domain's group down; it never concerns the
     * member. Permanent (5xx) answers are never throttling: they are judged by {@link #cause}.
     *
     * @param reply the server's whole answer, starting with its basic code (e.g. {@code 451 4.7.1 …})
     */
    public static boolean throttling(String reply) {
        if (reply == null || reply.length() < 3 || reply.charAt(0) != '4') {
            return false;
        }
        int basic;
        try {
            basic = Integer.parseInt(reply.substring(0, 3));
        } catch (NumberFormatException e) {
            return false;
        }
        if (basic == 421) {
            return true;
        }
        Matcher m = ENHANCED.matcher(reply);
        if (m.find() && m.group(1).equals("4")) {
            int subject = Integer.parseInt(m.group(2));
            int detail = Integer.parseInt(m.group(3));
            if ((basic == 450 || basic == 451) && subject == 7 || basic == 452 && subject == 5 && detail == 3) {
                return true;
            }
        }
        return THROTTLE_TEXT.matcher(reply).find();
    }

    /**
     * The cause of a refusal.
     *
     * @param code the enhanced status code the report or answer gave (e.g. {@code 5.1.1}), or null
     * @param text the server's words (the SMTP answer, the Diagnostic-Code, the report's text); may be null
     * @param smtpClass 4 or 5 from the basic reply code when no enhanced code is given; 0 if unknown
     */
    public static RefusalCause cause(String code, String text, int smtpClass) {
        String t = text == null ? "" : text;
        List<int[]> codes = new ArrayList<>();
        addCodes(codes, code);
        addCodes(codes, t);
        for (int[] c : codes) {
            if (c[1] == 7 || c[1] == 1 && (c[2] == 7 || c[2] == 8)) {
                return RefusalCause.POLICY;
            }
        }
        int[] decisive = null;
        for (int[] c : codes) {
            if (c[1] != 0 && c[2] != 0) {
                decisive = c;
                break;
            }
        }
        if (decisive == null && !codes.isEmpty()) {
            decisive = codes.get(0);
        }
        int cls = decisive != null ? decisive[0] : smtpClass;
        if (decisive != null && decisive[2] != 0) {
            RefusalCause byCode = byCode(decisive);
            if (byCode == RefusalCause.ADDRESS && POLICY_TEXT.matcher(t).find()) {
                return RefusalCause.POLICY;
            }
            if (byCode != null) {
                return cls == 4 && byCode == RefusalCause.ADDRESS ? RefusalCause.TEMPORARY : byCode;
            }
        }
        return byText(t, cls, decisive == null ? 0 : decisive[1]);
    }

    /** The cause a specific code (detail not 0) states, or null when it says nothing about the cause. */
    private static RefusalCause byCode(int[] c) {
        int subject = c[1];
        int detail = c[2];
        return switch (subject) {
            case 1 -> switch (detail) {
                case 1, 2, 3, 6, 10 -> RefusalCause.ADDRESS;
                default -> RefusalCause.TEMPORARY;
            };
            case 2 -> switch (detail) {
                case 1 -> RefusalCause.ADDRESS;
                case 3 -> RefusalCause.MESSAGE;
                default -> RefusalCause.TEMPORARY;
            };
            case 3 -> detail == 4 ? RefusalCause.MESSAGE : RefusalCause.TEMPORARY;
            case 4 -> detail == 4 ? RefusalCause.ADDRESS : RefusalCause.TEMPORARY;
            case 5, 6 -> RefusalCause.MESSAGE;
            default -> null;
        };
    }

    private static RefusalCause byText(String t, int cls, int subject) {
        if (POLICY_TEXT.matcher(t).find()) {
            return RefusalCause.POLICY;
        }
        if (ADDRESS_TEXT.matcher(t).find()) {
            return cls == 5 ? RefusalCause.ADDRESS : RefusalCause.TEMPORARY;
        }
        if (FULL_TEXT.matcher(t).find()) {
            return RefusalCause.TEMPORARY;
        }
        if (MESSAGE_TEXT.matcher(t).find() || subject == 5 || subject == 6) {
            return RefusalCause.MESSAGE;
        }
        return RefusalCause.TEMPORARY;
    }

    private static void addCodes(List<int[]> out, String s) {
        if (s == null) {
            return;
        }
        Matcher m = ENHANCED.matcher(s);
        while (m.find() && out.size() < 20) {
            int cls = Integer.parseInt(m.group(1));
            if (cls != 2) {
                out.add(new int[] {cls, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
            }
        }
    }
}
