package se.utskick.doctor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of SPF (RFC 7208) the doctor needs: would {@code check_host(ip, domain)} pass for the
 * relay's address. Evaluates {@code all}, {@code include}, {@code a}, {@code mx}, {@code ip4},
 * {@code ip6}, {@code exists} (without macros) and {@code redirect=}, counting the DNS lookups of
 * {@code include}, {@code a}, {@code mx}, {@code ptr}, {@code exists} and {@code redirect} across the
 * whole evaluation: the eleventh is a permerror (§4.6.4), so a loop of includes ends at once; so is
 * a third lookup that finds nothing (the void-lookup limit of the same section).
 * Macros and {@code ptr} cannot be decided here: the result is then {@link Result#UNDECIDED}.
 * One instance per evaluation (it counts).
 */
final class Spf {
    static final int MAX_LOOKUPS = 10;
    private static final Pattern RECORD = Pattern.compile("(?i)^v=spf1( .*)?$");

    enum Result { PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR, TEMPERROR, UNDECIDED }

    /** The result and, in words, why: the mechanism that matched and where, or the error. */
    record Verdict(Result result, String why) {
    }

    private final Dns dns;
    private int lookups;
    private int voidLookups;
    static final int MAX_VOID_LOOKUPS = 2;
    /** Why the last include matched: the mechanism inside it. */
    private String via;

    Spf(Dns dns) {
        this.dns = dns;
    }

    /** The one {@code v=spf1} record of {@code domain}; empty if none; a permerror {@link Stop} if several. */
    static Optional<String> record(Dns dns, String domain) {
        List<String> spf = dns.txt(domain).stream().filter(t -> RECORD.matcher(t.strip()).matches()).toList();
        if (spf.size() > 1) {
            throw new Stop(Result.PERMERROR, domain + " has " + spf.size() + " v=spf1 records; RFC 7208 §4.5 allows one");
        }
        return spf.stream().findFirst().map(String::strip);
    }

    Verdict check(InetAddress ip, String domain) {
        try {
            return evaluate(ip, domain);
        } catch (Stop s) {
            return new Verdict(s.result, s.getMessage());
        } catch (DnsException e) {
            return new Verdict(Result.TEMPERROR, e.getMessage());
        }
    }

    private Verdict evaluate(InetAddress ip, String domain) {
        Optional<String> rec = record(dns, domain);
        if (rec.isEmpty()) {
            return new Verdict(Result.NONE, "no v=spf1 record at " + domain);
        }
        String redirect = null;
        String[] terms = rec.get().split("\\s+");
        for (int t = 1; t < terms.length; t++) {
            String term = terms[t];
            if (term.isEmpty()) {
                continue;
            }
            int eq = term.indexOf('=');
            int colon = term.indexOf(':');
            int slash = term.indexOf('/');
            if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
                String name = term.substring(0, eq).toLowerCase(Locale.ROOT);
                if (name.equals("redirect")) {
                    redirect = term.substring(eq + 1);
                }
                continue; // exp= and unknown modifiers do not change the result
            }
            char q = term.charAt(0);
            Result onMatch = switch (q) {
                case '-' -> Result.FAIL;
                case '~' -> Result.SOFTFAIL;
                case '?' -> Result.NEUTRAL;
                default -> Result.PASS;
            };
            String mech = "+-~?".indexOf(q) >= 0 ? term.substring(1) : term;
            if (mech.contains("%")) {
                return new Verdict(Result.UNDECIDED, "'" + term + "' in the record of " + domain
                        + " uses a macro, which the doctor does not expand");
            }
            via = null;
            if (matches(ip, domain, mech, term)) {
                String here = "'" + term + "' in the record of " + domain;
                return new Verdict(onMatch, via == null ? here : via + ", through " + here);
            }
        }
        if (redirect != null) {
            count(domain, "redirect=" + redirect);
            Verdict v = evaluate(ip, redirect);
            if (v.result == Result.NONE) {
                throw new Stop(Result.PERMERROR, "redirect=" + redirect + " in the record of " + domain + " leads to no v=spf1 record");
            }
            return v;
        }
        return new Verdict(Result.NEUTRAL, "no mechanism in the record of " + domain + " matched, and it has no 'all'");
    }

    private boolean matches(InetAddress ip, String domain, String mech, String term) {
        String lower = mech.toLowerCase(Locale.ROOT);
        String name = lower.split("[:/]", 2)[0];
        String arg = mech.length() > name.length() && mech.charAt(name.length()) == ':'
                ? mech.substring(name.length() + 1) : "";
        String target = arg.split("/", 2)[0];
        String cidr = name.length() < mech.length() ? mech.substring(name.length() + (arg.isEmpty() ? 0 : 1 + target.length())) : "";
        return switch (name) {
            case "all" -> true;
            case "include" -> {
                require(!target.isEmpty(), domain, term);
                count(domain, term);
                Verdict inner = evaluate(ip, target);
                yield switch (inner.result) {
                    case PASS -> {
                        via = inner.why;
                        yield true;
                    }
                    case FAIL, SOFTFAIL, NEUTRAL -> false;
                    case NONE -> throw new Stop(Result.PERMERROR, term + " in the record of " + domain + " leads to no v=spf1 record");
                    default -> throw new Stop(inner.result, inner.why);
                };
            }
            case "a" -> {
                count(domain, term);
                yield anyInRange(ip, notVoid(dns.addresses(target.isEmpty() ? domain : target), domain, term), cidr);
            }
            case "mx" -> {
                count(domain, term);
                List<Dns.Mx> mx = notVoid(dns.mx(target.isEmpty() ? domain : target), domain, term);
                if (mx.size() > 10) {
                    throw new Stop(Result.PERMERROR, term + " in the record of " + domain + " names more than 10 MX hosts");
                }
                boolean any = false;
                for (Dns.Mx m : mx) {
                    any |= !m.host().isEmpty() && anyInRange(ip, dns.addresses(m.host()), cidr);
                }
                yield any;
            }
            case "ip4", "ip6" -> {
                require(!target.isEmpty(), domain, term);
                InetAddress net = literal(target, domain, term);
                yield net.getClass() == ip.getClass() && inRange(ip, net, cidr.isEmpty() ? "" : cidr, name.equals("ip6"));
            }
            case "exists" -> {
                require(!target.isEmpty(), domain, term);
                count(domain, term);
                yield notVoid(dns.addresses(target), domain, term).stream().anyMatch(a -> a instanceof Inet4Address);
            }
            case "ptr" -> {
                count(domain, term);
                throw new Stop(Result.UNDECIDED, "'" + term + "' in the record of " + domain
                        + " needs a reverse lookup of the sending address, which the doctor does not do (RFC 7208 §5.5: do not use ptr)");
            }
            default -> throw new Stop(Result.PERMERROR, "'" + term + "' in the record of " + domain + " is not an SPF mechanism");
        };
    }

    private void count(String domain, String term) {
        if (++lookups > MAX_LOOKUPS) {
            throw new Stop(Result.PERMERROR, "more than " + MAX_LOOKUPS + " DNS lookups (RFC 7208 §4.6.4), the eleventh at '"
                    + term + "' in the record of " + domain + "; an include loop or too many includes");
        }
    }

    /** RFC 7208 §4.6.4: a third lookup that finds nothing is a permerror. */
    private <T> List<T> notVoid(List<T> answer, String domain, String term) {
        if (answer.isEmpty() && ++voidLookups > MAX_VOID_LOOKUPS) {
            throw new Stop(Result.PERMERROR, "more than " + MAX_VOID_LOOKUPS + " lookups that found nothing (RFC 7208 §4.6.4), "
                    + "the third at '" + term + "' in the record of " + domain + "; remove mechanisms for names that no longer exist");
        }
        return answer;
    }

    private static void require(boolean ok, String domain, String term) {
        if (!ok) {
            throw new Stop(Result.PERMERROR, "'" + term + "' in the record of " + domain + " lacks its domain or address");
        }
    }

    private static InetAddress literal(String text, String domain, String term) {
        try {
            if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException();
            }
            return InetAddress.getByName(text);
        } catch (Exception e) {
            throw new Stop(Result.PERMERROR, "'" + term + "' in the record of " + domain + " has no valid address");
        }
    }

    /** {@code cidr}: "", "/24", "//64" or "/24//64" (RFC 7208 §5.6 dual-cidr-length). */
    private static boolean anyInRange(InetAddress ip, List<InetAddress> addresses, String cidr) {
        String v4 = cidr;
        String v6 = "";
        int dbl = cidr.indexOf("//");
        if (dbl >= 0) {
            v4 = cidr.substring(0, dbl);
            v6 = cidr.substring(dbl + 1);
        }
        for (InetAddress a : addresses) {
            if (a.getClass() == ip.getClass() && inRange(ip, a, ip instanceof Inet4Address ? v4 : v6, !(ip instanceof Inet4Address))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(InetAddress ip, InetAddress net, String cidr, boolean v6) {
        int max = v6 ? 128 : 32;
        int bits = max;
        if (!cidr.isEmpty()) {
            try {
                bits = Integer.parseInt(cidr.substring(1));
            } catch (NumberFormatException e) {
                throw new Stop(Result.PERMERROR, "'" + cidr + "' is not a prefix length");
            }
            if (bits < 0 || bits > max) {
                throw new Stop(Result.PERMERROR, "'" + cidr + "' is not a prefix length of 0 to " + max);
            }
        }
        byte[] a = ip.getAddress();
        byte[] b = net.getAddress();
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Ends the evaluation with an error result. */
    static final class Stop extends RuntimeException {
        final Result result;

        Stop(Result result, String why) {
            super(why, null, false, false);
            this.result = result;
        }
    }
}
