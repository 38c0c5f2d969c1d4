package se.utskick.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Debian's python3-dkim (installed by {@code ./test.sh}), which shares no code with our signer, run over
 * messages as they arrived: {@code dkim/verify_folder.py} is fed the public key instead of DNS.
 */
public final class PythonDkim {
    public static final String PYTHON = "/usr/bin/python3";

    /** What the verifier printed (its first line {@code checked N invalid M}) and its exit code. */
    public record Report(String text, int exitCode) {
    }

    private PythonDkim() {
    }

    /**
     * Writes {@code received} as {@code dir/received/NNNNN.eml}, verifies each against {@code key} for
     * selector {@code utskick} of {@code domain}; fails when the verifier does not end within {@code limit}.
     */
    public static Report verify(Path dir, MimeMessage[] received, PublicKey key, String domain, Duration limit) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("received"));
        for (int i = 0; i < received.length; i++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(String.format("%05d.eml", i)))) {
                received[i].writeTo(out);
            }
        }
        Path script = dir.resolve("verify_folder.py");
        try (var in = PythonDkim.class.getResourceAsStream("/dkim/verify_folder.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), folder.toString(), "utskick", domain,
                Base64.getEncoder().encodeToString(key.getEncoded())).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS), "the verifier did not finish");
        return new Report(report, p.exitValue());
    }
}
