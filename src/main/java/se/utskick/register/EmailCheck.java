package se.utskick.register;

import java.net.IDN;
import java.util.Locale;

/**
 * The verdict on one e-mail address from the register export: trimmed, domain lower-cased and
 * converted to ASCII (IDNA, {@link IDN#toASCII}). A malformed address is not an error of the
 * import: the member keeps the raw value with status INVALID and a reason the membership officer
 * can act on.
 *
 * @param status  OK, MISSING or INVALID (never BOUNCED: that comes from replies)
 * @param email   the normalised address, or null unless OK
 * @param raw     the value as given (trimmed), or null if empty
 * @param reason  why it is not usable, or null if OK
 */
public record EmailCheck(EmailStatus status, String email, String raw, String reason) {
    static final int MAX_RAW = 320;
    private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";

    /** Checks and normalises {@code value} (null and blank mean missing). */
    public static EmailCheck of(String value) {
        String raw = value == null ? "" : value.strip();
        if (raw.isEmpty()) {
            return new EmailCheck(EmailStatus.MISSING, null, null, "no address in the register");
        }
        String kept = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
        String problem = problem(raw);
        if (problem != null) {
            return new EmailCheck(EmailStatus.INVALID, null, kept, problem);
        }
        int at = raw.indexOf('@');
        String domain = raw.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.chars().allMatch(ch -> ch < 128)) {
            try {
                domain = IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return new EmailCheck(EmailStatus.INVALID, null, kept, "the domain is not a valid international domain name");
            }
        }
        String domainProblem = domainProblem(domain);
        if (domainProblem != null) {
            return new EmailCheck(EmailStatus.INVALID, null, kept, domainProblem);
        }
        return new EmailCheck(EmailStatus.OK, raw.substring(0, at) + "@" + domain, kept, null);
    }

    /** The normalised form of an address that is already known to be well-formed, or null if it is not. */
    public static String normalise(String address) {
        EmailCheck c = of(address);
        return c.status == EmailStatus.OK ? c.email : null;
    }

    private static String problem(String raw) {
        if (raw.chars().anyMatch(Character::isWhitespace)) {
            return "contains a space; remove it";
        }
        if (raw.indexOf(',') >= 0 || raw.indexOf(';') >= 0) {
            return "contains a comma or semicolon (a typo for '.', or two addresses in one field); keep one address";
        }
        int at = raw.indexOf('@');
        if (at < 0) {
            return "has no @; write it as name@domain";
        }
        if (raw.indexOf('@', at + 1) >= 0) {
            return "has more than one @; keep one address";
        }
        String local = raw.substring(0, at);
        if (local.isEmpty()) {
            return "nothing before the @";
        }
        if (local.length() > 64) {
            return "the part before the @ is longer than 64 characters";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "has a dot at the start or end of the name or two dots in a row";
        }
        for (int i = 0; i < local.length(); i++) {
            char ch = local.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '.' || ATEXT.indexOf(ch) >= 0;
            if (!ok) {
                return "the part before the @ contains '" + ch + "', which most mail servers refuse (only a-z, 0-9 and . _ - + are safe)";
            }
        }
        if (raw.substring(at + 1).isEmpty()) {
            return "nothing after the @";
        }
        return null;
    }

    private static String domainProblem(String domain) {
        if (domain.length() > 253) {
            return "the domain is longer than 253 characters";
        }
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "the domain has a dot at its start or end or two dots in a row";
        }
        String[] labels = domain.split("\\.");
        if (labels.length < 2) {
            return "the domain has no dot (e.g. example.org)";
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return "the domain part '" + label + "' is not a valid name";
            }
            for (int i = 0; i < label.length(); i++) {
                char ch = label.charAt(i);
                if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) {
                    return "the domain contains '" + ch + "'";
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (!tld.startsWith("xn--") && !tld.chars().allMatch(Character::isLetter)) {
            return "the domain ends in '" + tld + "', which is not a top-level domain";
        }
        return null;
    }
}
