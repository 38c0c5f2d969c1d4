package se.utskick;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A hand-written SMTP server on 127.0.0.1 that refuses as real receivers do (RFC 5321 subset: EHLO,
 * HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT). {@link #mailFrom} is its answer to every MAIL FROM
 * (null: 250); {@link #rcpt} maps a recipient address to its answer to RCPT TO (absent: 250). The
 * addresses of the messages it accepted are kept in {@link #accepted}. {@link #rcptRule}, when set,
 * answers RCPT TO first (null from it: the map, then 250), e.g. to throttle one receiving domain;
 * {@link #acceptedCount} counts the messages accepted per address (exactly once is 1 each).
 */
public final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    public volatile String mailFrom;
    public final Map<String, String> rcpt = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    public volatile java.util.function.Function<String, String> rcptRule;
    public final Map<String, java.util.concurrent.atomic.AtomicInteger> acceptedCount = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

    public RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("refusing-smtp").start(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread.ofPlatform().daemon(true).start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            reply(out, "220 refusing.test ESMTP");
            boolean senderOk = false;
            String to = null;
            for (String line; (line = readLine(in)) != null; ) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-refusing.test\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "RSET" -> {
                        senderOk = false;
                        to = null;
                        reply(out, "250 ok");
                    }
                    case "MAIL" -> {
                        String answer = mailFrom;
                        senderOk = answer == null;
                        reply(out, answer == null ? "250 2.1.0 ok" : answer);
                    }
                    case "RCPT" -> {
                        String r = between(line);
                        var rule = rcptRule;
                        String answer = rule == null ? null : rule.apply(r.toLowerCase());
                        answer = answer != null ? answer : rcpt.get(r.toLowerCase());
                        if (!senderOk) {
                            reply(out, "503 5.5.1 need MAIL first");
                        } else if (answer != null) {
                            reply(out, answer);
                        } else {
                            to = r;
                            reply(out, "250 2.1.5 ok");
                        }
                    }
                    case "DATA" -> {
                        if (to == null) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go ahead");
                        for (String l; (l = readLine(in)) != null && !l.equals("."); ) {
                            // the message is not needed
                        }
                        accepted.add(to);
                        acceptedCount.computeIfAbsent(to.toLowerCase(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                        to = null;
                    }
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

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return null;
    }

    private static String between(String line) {
        int a = line.indexOf('<');
        int z = line.indexOf('>', a + 1);
        return a < 0 || z < 0 ? "" : line.substring(a + 1, z);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
