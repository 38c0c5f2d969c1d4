package se.utskick;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import se.utskick.db.DatabaseConfig;
import se.utskick.delivery.DeliveryConfig;

/**
 * The secret of a machine-local set-up. With the shipped configuration (the published demo value
 * as {@code security.secret}, {@code smtp.host = embedded}, no {@code db.url}) nothing Utskick
 * signs can leave the machine, yet the published value must not sign anything either: the first
 * start generates a random secret (48 bytes, base64) into {@code security.secret} in the embedded
 * database's folder, owner-only, and every process on that folder (the demo, {@code serve}, a
 * command beside them) signs with it. Any other set-up — a real relay or a configured database —
 * is left as it is, so the published value stays refused there ({@link Keyring#from}).
 */
final class LocalSecret {
    static final String FILE = "security.secret";

    private LocalSecret() {
    }

    /** {@code c} with the folder's generated secret in place of the demo value, when the set-up is machine-local. */
    static Config apply(Config c) {
        if (!Keyring.DEMO_SECRET.equals(c.optional("security.secret").orElse(""))
                || !DeliveryConfig.from(c).embedded() || c.optional("db.url").isPresent()) {
            return c;
        }
        return c.with("security.secret", read(DatabaseConfig.from(c).embeddedDir().resolve(FILE)));
    }

    private static String read(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.getBytes(StandardCharsets.US_ASCII).length < Keyring.MIN_BYTES) {
                throw new ConfigException("the generated secret in " + file + " is damaged (shorter than " + Keyring.MIN_BYTES
                        + " bytes); delete the file to have a new one made (links in letters sent before stop working)");
            }
            return secret;
        } catch (IOException e) {
            throw new ConfigException("cannot read or write the generated secret " + file + ": " + e.getMessage()
                    + "; set security.secret (openssl rand -base64 48) or db.embedded.dir to a writable folder");
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".new");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file); // refuses to replace: the first one made is the one
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp); // another process made it first: use theirs
        }
    }
}
