package se.utskick.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The SMTP relay, as a connection to it answers now: OK on a {@code 220} greeting; WARN when it
 * cannot be reached or greets with anything else (letters wait in the outbox and are retried, and a
 * restart of the node would not help, so never FAIL). With implicit TLS only the connection is
 * tried. Nothing is sent: the probe says QUIT after the greeting. Bounded by two seconds.
 */
public final class RelayProbe implements Probe {
    private static final int TIMEOUT_MS = 2000;
    private final String host;
    private final int port;
    private final boolean implicitTls;

    /** @param host the relay, or {@code embedded} for the demo's in-process mail server on {@code port} */
    public RelayProbe(String host, int port, boolean implicitTls) {
        this.host = host;
        this.port = port;
        this.implicitTls = implicitTls;
    }

    @Override
    public Check check() {
        String where = ("embedded".equalsIgnoreCase(host) ? "127.0.0.1" : host) + ":" + port;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("embedded".equalsIgnoreCase(host) ? "127.0.0.1" : host, port), TIMEOUT_MS);
            if (implicitTls) {
                return Check.ok("relay", where + " accepts connections (implicit TLS: greeting not read)");
            }
            s.setSoTimeout(TIMEOUT_MS);
            String greeting = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            s.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            if (greeting != null && greeting.startsWith("220")) {
                return Check.ok("relay", where + " greets with 220");
            }
            return Check.warn("relay", where + " greets with '" + (greeting == null ? "nothing" : greeting.length() > 80
                    ? greeting.substring(0, 80) : greeting) + "' instead of 220: letters wait in the outbox; see 'utskick doctor'");
        } catch (IOException e) {
            return Check.warn("relay", where + " cannot be reached (" + e.getClass().getSimpleName()
                    + "): letters wait in the outbox and are retried; check smtp.host and smtp.port, or run 'utskick doctor'");
        }
    }
}
