package se.utskick.health;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * What a node offers its operator over HTTP: {@code /health} (open: no personal data, and a load
 * balancer or container engine must reach it without credentials) and {@code /metrics} (only with
 * {@code web.metrics.token} set, and only to a request that carries it as a bearer token).
 */
public record Operations(NodeHealth health, Metrics metrics, Optional<String> metricsToken) {

    /** Reads {@code web.metrics.token}: empty turns {@code /metrics} off; otherwise at least 24 characters. */
    public static Optional<String> metricsToken(Config c) {
        Optional<String> token = c.optional("web.metrics.token");
        if (token.isPresent() && token.get().length() < 24) {
            throw new ConfigException("the configuration key web.metrics.token (UTSKICK_WEB_METRICS_TOKEN) must be at least 24"
                    + " characters, or empty to turn /metrics off; generate one with: openssl rand -hex 24");
        }
        return token;
    }

    /** True when {@code authorization} is {@code Bearer TOKEN} with the configured token (constant time). */
    public boolean mayScrape(String authorization) {
        if (metricsToken.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, metricsToken.get().getBytes(StandardCharsets.UTF_8));
    }
}
