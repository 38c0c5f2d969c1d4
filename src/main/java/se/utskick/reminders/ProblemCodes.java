package se.utskick.reminders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an address is unusable, as a code the reminder templates turn into Swedish: the register
 * keeps its reasons in English, for the CLI ({@code register.EmailCheck}: "has no @; write it as
 * name@domain"), and sending and bounces write theirs ("refused by the receiving server: …",
 * "hard bounce 5.1.1: …"). A reminder is a Swedish letter, so it never prints those words: it gets
 * {@code problem} (one of the codes below) and {@code detail} (the character, domain part or the
 * receiving server's own answer the text names, when it names one). A reason that matches no code
 * (typed by hand, or from a later version) is {@code other}, with the reason as its detail.
 * Stateless.
 */
final class ProblemCodes {
    private record Rule(String code, Pattern pattern) {
    }

    /** In the order EmailCheck tests; a group, when present, is the detail. */
    private static final List<Rule> RULES = List.of(
            rule("missing", "no address in the register"),
            rule("space", "contains a space.*"),
            rule("comma", "contains a comma or semicolon.*"),
            rule("no_at", "has no @.*"),
            rule("two_at", "has more than one @.*"),
            rule("empty_local", "nothing before the @"),
            rule("long_local", "the part before the @ is longer than 64 characters"),
            rule("dots_local", "has a dot at the start or end of the name or two dots in a row"),
            rule("bad_char_local", "the part before the @ contains '(.)'.*"),
            rule("empty_domain", "nothing after the @"),
            rule("bad_idn", "the domain is not a valid international domain name"),
            rule("long_domain", "the domain is longer than 253 characters"),
            rule("dots_domain", "the domain has a dot at its start or end or two dots in a row"),
            rule("no_dot", "the domain has no dot.*"),
            rule("bad_label", "the domain part '(.*)' is not a valid name"),
            rule("bad_char_domain", "the domain contains '(.)'"),
            rule("bad_tld", "the domain ends in '(.*)', which is not a top-level domain"),
            rule("refused", "refused by the receiving server: (.*)"),
            rule("hard_bounce", "hard bounce (.*?)(?: \\(letter \\d+\\))?"),
            rule("soft_bounces", "soft bounces past the threshold, last (.*?)(?: \\(letter \\d+\\))?"));

    private ProblemCodes() {
    }

    private static Rule rule(String code, String regex) {
        return new Rule(code, Pattern.compile(regex, Pattern.DOTALL));
    }

    /** {@code problem} and, when the reason names one, {@code detail}; empty for no reason. */
    static Map<String, Object> of(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            return m;
        }
        String r = reason.strip();
        for (Rule rule : RULES) {
            Matcher x = rule.pattern().matcher(r);
            if (x.matches()) {
                m.put("problem", rule.code());
                if (x.groupCount() > 0 && x.group(1) != null && !x.group(1).isBlank()) {
                    m.put("detail", x.group(1).strip());
                }
                return m;
            }
        }
        m.put("problem", "other");
        m.put("detail", r);
        return m;
    }
}
