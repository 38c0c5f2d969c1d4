package se.utskick.doctor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.RelayConfig;

/**
 * The SMTP check ({@link SmtpCheck}) of every relay the sender workers may use: the default one of
 * the {@code smtp.*} keys, then each relay of {@code smtp.relays} by name, each reported under its own
 * name ("smtp", "smtp bulk", "smtp bulk tls"…). With further relays there is then one line per letter
 * kind ({@code route board}, {@code route members}…): FAIL when a relay its {@code smtp.route.KIND}
 * names failed its check, naming that relay and saying whether another relay of the route is left to
 * carry those letters; OK otherwise. A relay that no route names is a WARN: it carries nothing.
 * Without {@code smtp.relays} the findings are those of the default relay alone, as before.
 */
final class RelayChecks {
    private final DeliveryConfig c;

    RelayChecks(DeliveryConfig c) {
        this.c = c;
    }

    List<Finding> run() {
        RelayConfig rc = c.relays();
        if (rc == null || rc.relays().size() <= 1) {
            return new SmtpCheck(c, rc == null ? defaultRelay() : rc.relays().get("default")).run();
        }
        List<Finding> out = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        List<String> names = new ArrayList<>(List.of("default"));
        names.addAll(new TreeSet<>(rc.relays().keySet()).stream().filter(n -> !n.equals("default")).toList());
        for (String name : names) {
            List<Finding> found = new SmtpCheck(c, rc.relays().get(name)).run();
            out.addAll(found);
            if (found.stream().anyMatch(f -> f.status() == Status.FAIL)) {
                failed.add(name);
            }
        }
        for (String kind : RelayConfig.KINDS) {
            out.add(route(rc, kind, failed));
        }
        for (String name : names) {
            if (kinds(rc, name).isEmpty()) {
                out.add(Finding.warn("route", "the relay " + name + " is named in no smtp.route.*: it carries no letters",
                        "name it in smtp.route.board, .members, .targeted or .reminder, or take it out of smtp.relays"));
            }
        }
        return out;
    }

    private static Finding route(RelayConfig rc, String kind, Set<String> failed) {
        List<String> route = rc.routes().getOrDefault(kind, List.of("default"));
        String key = "smtp.route." + kind + " = " + String.join(" ", route);
        List<String> down = route.stream().filter(failed::contains).toList();
        if (down.isEmpty()) {
            return Finding.ok("route " + kind, key + ": every relay of it passed its check");
        }
        List<String> up = route.stream().filter(n -> !failed.contains(n)).toList();
        String found = (down.size() == 1 ? "the relay " : "the relays ") + String.join(", ", down) + " of " + key
                + " failed " + (down.size() == 1 ? "its check" : "their checks") + " above: " + (up.isEmpty()
                ? "no relay of the route works, so " + kind + " letters will not go out"
                : kind + " letters go to " + String.join(", ", up) + " only after each failed attempt sets "
                + (down.size() == 1 ? "it" : "them") + " aside for smtp.relay.set.aside");
        List<String> fixes = new ArrayList<>();
        for (String name : down) {
            fixes.add(name + " (it carries " + String.join(", ", kinds(rc, name)) + "; see the " + RelayKeys.of(name).part()
                    + " lines)");
        }
        return Finding.fail("route " + kind, found, "fix " + String.join(" and ", fixes) + ", or take "
                + (down.size() == 1 ? "it" : "them") + " out of smtp.route." + kind);
    }

    /** The letter kinds whose route names {@code relay}, in the order of {@link RelayConfig#KINDS}. */
    private static List<String> kinds(RelayConfig rc, String relay) {
        return RelayConfig.KINDS.stream().filter(k -> rc.routes().getOrDefault(k, List.of("default")).contains(relay)).toList();
    }

    /** The relay of the smtp.* keys, for a configuration read without relays. */
    private RelayConfig.Relay defaultRelay() {
        return new RelayConfig.Relay("default", c.embedded() ? "127.0.0.1" : c.smtpHost(), c.smtpPort(), c.startTls(),
                c.implicitTls(), c.smtpUser(), c.smtpPassword(), c.ratePerSecond(), c.ratePerHour());
    }
}
