package se.utskick.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plus-address carrying one of our tokens, e.g. {@code reply+TOKEN@lists.example.se}. The token is
 * opaque here: only {@link DeliveryDirectory#byToken} can tell a genuine one from a forged one.
 */
record TokenAddress(Purpose purpose, String token) {

    enum Purpose { REPLY, BOUNCE, UNSUBSCRIBE }

    private static final Pattern PLUS = Pattern.compile(
            "(?i)(?<![A-Za-z0-9._%+-])(reply|bounce|unsubscribe)\\+([A-Za-z0-9._=-]{1,200})@");

    /** The tokens in these header values (To, Delivered-To, ...), in order, without repeats. */
    static List<TokenAddress> in(List<String> headerValues) {
        List<TokenAddress> out = new ArrayList<>();
        for (String v : headerValues) {
            Matcher m = PLUS.matcher(v);
            while (m.find()) {
                TokenAddress t = new TokenAddress(Purpose.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2));
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
