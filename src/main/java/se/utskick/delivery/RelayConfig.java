package se.utskick.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The SMTP relays and which letters each may carry (issue 18). The relay "default" is the one of the
 * {@code smtp.*} keys with the {@code delivery.rate.*} caps, as before; {@code smtp.relays} adds more,
 * each with its own address, TLS, sign-in ({@code smtp.relays.password}) and caps. {@code smtp.route.KIND}
 * lists, per letter kind, the relays that may carry it in order of preference: the first one not set
 * aside sends; a relay that cannot be reached or refuses our sender is set aside for
 * {@code smtp.relay.set.aside} and its rows go to the next.
 *
 * @param relays the relays by name, "default" first
 * @param routes per letter kind (board, members, targeted, reminder) the relay names in order
 */
public record RelayConfig(Map<String, Relay> relays, Map<String, List<String>> routes, Duration setAside) {
    /** The letter kinds as the List-Id names them (the first label of its id). */
    public static final List<String> KINDS = List.of("board", "members", "targeted", "reminder");

    /** One relay: where, how (TLS, sign-in), and its caps (0 = none). */
    public record Relay(String name, String host, int port, DeliveryConfig.StartTls startTls, boolean implicitTls,
                        Optional<String> user, Optional<String> password, int perSecond, int perHour) {
        /** Hides the password. */
        @Override
        public String toString() {
            return name + "=" + host + ":" + port;
        }
    }

    static RelayConfig from(Config c, Relay fallback) {
        Map<String, Relay> relays = new LinkedHashMap<>();
        relays.put("default", fallback);
        Map<String, String> passwords = pairs("smtp.relays.password", c.string("smtp.relays.password", ""));
        for (Map.Entry<String, String> e : pairs("smtp.relays", c.string("smtp.relays", "")).entrySet()) {
            if (e.getKey().equals("default")) {
                throw new ConfigException("the configuration key smtp.relays names 'default', which is the relay of the smtp.* keys;"
                        + " give the further relay another name");
            }
            relays.put(e.getKey(), relay(e.getKey(), e.getValue(), Optional.ofNullable(passwords.get(e.getKey()))));
        }
        for (String p : passwords.keySet()) {
            if (!relays.containsKey(p) || p.equals("default")) {
                throw new ConfigException("the configuration key smtp.relays.password names '" + p + "', which is not a relay of"
                        + " smtp.relays (the default relay's password is smtp.password)");
            }
        }
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (String kind : KINDS) {
            String key = "smtp.route." + kind;
            List<String> names = new ArrayList<>();
            for (String n : c.string(key, "default").split("[,\\s]+")) {
                if (n.isBlank()) {
                    continue;
                }
                if (!relays.containsKey(n)) {
                    throw new ConfigException("the configuration key " + key + " names the relay '" + n + "', but the relays are "
                            + relays.keySet() + " (default and those of smtp.relays)");
                }
                names.add(n);
            }
            routes.put(kind, List.copyOf(names.isEmpty() ? List.of("default") : names));
        }
        Duration aside = c.duration("smtp.relay.set.aside", Duration.ofMinutes(5));
        if (aside.isZero() || aside.isNegative()) {
            throw new ConfigException("the configuration key smtp.relay.set.aside must be a duration above zero, such as 5m");
        }
        return new RelayConfig(Map.copyOf(relays), Map.copyOf(routes), aside);
    }

    /** The relays that may carry letters of {@code kind}, in order (unknown kinds: as the members' letter). */
    List<Relay> route(String kind) {
        List<String> names = routes.getOrDefault(kind, routes.get("members"));
        List<Relay> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(relays.get(n));
        }
        return out;
    }

    /** The longest gap between two messages any relay's caps demand, for the lease check. */
    long maxGapNanos() {
        long max = 0;
        for (Relay r : relays.values()) {
            max = Math.max(max, Math.max(r.perSecond() == 0 ? 0 : 1_000_000_000L / r.perSecond(),
                    r.perHour() == 0 ? 0 : 3_600_000_000_000L / r.perHour()));
        }
        return max;
    }

    /** {@code smtp://[user@]host[:port][?starttls=required|if_available|off&per.second=N&per.hour=N]}, or smtps:// for implicit TLS. */
    private static Relay relay(String name, String spec, Optional<String> password) {
        String key = "smtp.relays";
        try {
            URI u = new URI(spec);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("smtp") && !scheme.equals("smtps") || u.getHost() == null) {
                throw new URISyntaxException(spec, "not smtp://host or smtps://host");
            }
            if (u.getUserInfo() != null && u.getUserInfo().contains(":")) {
                throw new ConfigException("the configuration key " + key + " has a password in the relay " + name
                        + "'s URL; give it in smtp.relays.password instead (a secret, never printed)");
            }
            boolean tls = scheme.equals("smtps");
            Map<String, String> q = new HashMap<>();
            if (u.getQuery() != null) {
                for (String kv : u.getQuery().split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq < 0) {
                        throw new URISyntaxException(spec, "'" + kv + "' is not name=value");
                    }
                    q.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            for (String k : q.keySet()) {
                if (!List.of("starttls", "per.second", "per.hour").contains(k)) {
                    throw new URISyntaxException(spec, "unknown setting '" + k + "' (starttls, per.second, per.hour)");
                }
            }
            DeliveryConfig.StartTls starttls = DeliveryConfig.StartTls.valueOf(
                    q.getOrDefault("starttls", tls ? "off" : "if_available").toUpperCase(Locale.ROOT));
            return new Relay(name, u.getHost(), u.getPort() > 0 ? u.getPort() : tls ? 465 : 587, starttls, tls,
                    Optional.ofNullable(u.getUserInfo()), password, Integer.parseInt(q.getOrDefault("per.second", "0")),
                    Integer.parseInt(q.getOrDefault("per.hour", "0")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ConfigException("the configuration key " + key + " has the relay " + name + " = '" + spec + "', which is not"
                    + " smtp://[user@]host[:port][?starttls=required|if_available|off&per.second=N&per.hour=N] or smtps://…: "
                    + e.getMessage());
        }
    }

    /** {@code name=value name=value} (spaces or commas between pairs). */
    private static Map<String, String> pairs(String key, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : value.strip().split("[,\\s]+")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || !p.substring(0, eq).matches("[a-z0-9_-]+")) {
                throw new ConfigException("the configuration key " + key + " must be name=value pairs separated by spaces,"
                        + " with names of lower-case letters, digits, - and _");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
