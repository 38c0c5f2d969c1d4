package se.utskick.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * Pacing per receiving domain ({@code delivery.pace.*}): the receiving domains grouped as the large
 * providers count them, each group with its limits. Groups in the order they are matched: gmail,
 * microsoft, yahoo, district (defaults to {@code mail.domain}), then "other" for every other domain.
 *
 * @param groups    the groups, "other" last
 * @param hold      how long a group that answered "too fast" sends nothing (its rows are deferred)
 * @param raiseAfter successes after which a slowed group's rate is raised by a quarter again
 */
public record PaceConfig(List<Group> groups, Duration hold, int raiseAfter) {
    /** The group names, in matching order; each has {@code delivery.pace.NAME.*} keys. */
    public static final List<String> NAMES = List.of("gmail", "microsoft", "yahoo", "district", "other");

    /**
     * One group of receiving domains.
     *
     * @param domains     exact domains, or {@code name.*} for any top-level domain after {@code name}; empty for "other"
     * @param connections how many of this process's senders may send to the group at once (0 = all of them)
     * @param perMinute   messages per minute to the group from this process (0 = no cap until it answers "too fast")
     */
    public record Group(String name, List<String> domains, int connections, int perMinute) {
        boolean matches(String domain) {
            for (String d : domains) {
                if (d.endsWith(".*") ? domain.startsWith(d.substring(0, d.length() - 1)) : domain.equals(d)) {
                    return true;
                }
            }
            return false;
        }
    }

    static PaceConfig from(Config c, String mailDomain) {
        List<Group> groups = new ArrayList<>();
        for (String name : NAMES) {
            String prefix = "delivery.pace." + name + ".";
            List<String> domains = List.of();
            if (!name.equals("other")) {
                String fallback = switch (name) {
                    case "gmail" -> "gmail.com, googlemail.com";
                    case "microsoft" -> "outlook.com, hotmail.*, live.*, msn.com";
                    case "yahoo" -> "yahoo.*, ymail.com";
                    default -> mailDomain;
                };
                String v = c.string(prefix + "domains", fallback);
                domains = domains(prefix + "domains", v.isBlank() ? fallback : v);
            }
            boolean provider = List.of("gmail", "microsoft", "yahoo").contains(name);
            int connections = c.integer(prefix + "connections", provider ? 2 : 0, 0, 64);
            int perMinute = c.integer(prefix + "per.minute", name.equals("gmail") ? 600 : provider ? 300 : 0, 0, 1_000_000);
            groups.add(new Group(name, domains, connections, perMinute));
        }
        Duration hold = c.duration("delivery.pace.hold", Duration.ofMinutes(2));
        if (hold.isNegative() || hold.isZero()) {
            throw new ConfigException("the configuration key delivery.pace.hold must be a duration above zero, such as 2m");
        }
        return new PaceConfig(List.copyOf(groups), hold, c.integer("delivery.pace.raise.after", 50, 1, 1_000_000));
    }

    private static List<String> domains(String key, String value) {
        List<String> out = new ArrayList<>();
        for (String d : value.split("[,\\s]+")) {
            String t = d.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("[a-z0-9.-]+(\\.\\*)?") || t.startsWith(".")) {
                throw new ConfigException("the configuration key " + key + " has '" + d + "', which is not a domain"
                        + " (such as gmail.com) or a name with any top-level domain (such as hotmail.*)");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** The group of an address's domain ("other" when no group names it). */
    Group groupOf(String email) {
        int at = email.lastIndexOf('@');
        String domain = (at < 0 ? email : email.substring(at + 1)).toLowerCase(Locale.ROOT);
        for (Group g : groups) {
            if (g.matches(domain)) {
                return g;
            }
        }
        return groups.get(groups.size() - 1);
    }
}
