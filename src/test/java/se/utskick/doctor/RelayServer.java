package se.utskick.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written SMTP relay on 127.0.0.1 for the doctor's tests (RFC 5321 subset): EHLO offers
 * AUTH PLAIN LOGIN when built with a user, and STARTTLS only when asked — it then answers the
 * STARTTLS command 454 (it has no certificate). It records every command line it received, so a
 * test can see that no RCPT or DATA came.
 */
public final class RelayServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String user;
    private final String password;
    private final boolean offerStartTls;
    final List<String> commands = new CopyOnWriteArrayList<>();

    private RelayServer(String user, String password, boolean offerStartTls) throws IOException {
        this.user = user;
        this.password = password;
        this.offerStartTls = offerStartTls;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("doctor-relay").start(this::accept);
    }

    /** No sign-in, no STARTTLS. */
    public static RelayServer open() throws IOException {
        return new RelayServer(null, null, false);
    }

    /** Wants AUTH PLAIN or LOGIN with these credentials before MAIL. */
    public static RelayServer withAuth(String user, String password) throws IOException {
        return new RelayServer(user, password, false);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread.ofPlatform().daemon(true).start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 relay.test ESMTP");
            boolean signedIn = user == null;
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-relay.test\r\n250-8BITMIME" + (offerStartTls ? "\r\n250-STARTTLS" : "")
                            + (user != null ? "\r\n250-AUTH PLAIN LOGIN" : "") + "\r\n250 SIZE 10240000");
                    case "STAR" -> reply(out, "454 4.7.0 TLS not available");
                    case "AUTH" -> {
                        String[] parts = line.split(" ");
                        String given;
                        if (parts[1].equalsIgnoreCase("PLAIN")) {
                            given = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
                        } else {
                            reply(out, "334 VXNlcm5hbWU6");
                            String u = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                            reply(out, "334 UGFzc3dvcmQ6");
                            given = "\0" + u + "\0" + new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                        }
                        signedIn = given.equals("\0" + user + "\0" + password);
                        reply(out, signedIn ? "235 2.7.0 authenticated" : "535 5.7.8 authentication credentials invalid");
                    }
                    case "MAIL" -> reply(out, signedIn ? "250 2.1.0 ok" : "530 5.7.0 authentication required");
                    case "RSET", "NOOP" -> reply(out, "250 ok");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A relay that offers STARTTLS but cannot do it. */
    static RelayServer offeringStartTls() throws IOException {
        return new RelayServer(null, null, true);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
