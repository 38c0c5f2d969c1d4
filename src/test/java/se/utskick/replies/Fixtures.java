package se.utskick.replies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test messages under {@code src/test/resources/bounces/}, with {@code @TOKEN@} replaced by a token. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bounce(String name, String token) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bounces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource bounces/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@TOKEN@", token);
            return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
