package se.utskick.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on 127.0.0.1 for fault injection (RFC 5321 subset: EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT; no pipelining). It records every message it accepted, byte for byte.
 * Faults are chosen by the recipient's local-part prefix, counted per address:
 * {@code t421…} answers 421 and closes the first time; {@code t451…} answers 451 the first two
 * times; {@code p550…} always answers 550 5.1.1; {@code drop…} closes the connection in the middle
 * of DATA the first time. {@link #silent} makes a server that accepts TCP and never says a word;
 * {@link #hangingAfter} one that stops answering (until closed) once it has accepted n messages.
 * {@code stall…} never answers RCPT (until the client closes the connection), on every attempt: a
 * recipient whose server stalls. {@link #slow} makes a relay that takes that long to accept each message.
 */
final class FaultySmtpServer implements AutoCloseable {
    record Received(String mailFrom, String rcpt, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket socket;
    private final boolean silent;
    private final int hangAfter;
    private final long delayMs;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger sessions = new AtomicInteger();
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

    private FaultySmtpServer(boolean silent, int hangAfter) throws IOException {
        this(silent, hangAfter, 0);
    }

    private FaultySmtpServer(boolean silent, int hangAfter, long delayMs) throws IOException {
        this.silent = silent;
        this.hangAfter = hangAfter;
        this.delayMs = delayMs;
        this.socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("faulty-smtp").start(this::accept);
    }

    static FaultySmtpServer start() throws IOException {
        return new FaultySmtpServer(false, -1);
    }

    /** A server that answers normally until it has accepted {@code n} messages, then never again. */
    static FaultySmtpServer hangingAfter(int n) throws IOException {
        return new FaultySmtpServer(false, n);
    }

    /** A slow relay: answers the end of each message's DATA only after {@code perMessage}. */
    static FaultySmtpServer slow(java.time.Duration perMessage) throws IOException {
        return new FaultySmtpServer(false, -1, perMessage.toMillis());
    }

    static FaultySmtpServer silent() throws IOException {
        return new FaultySmtpServer(true, -1);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Received> to(String rcpt) {
        return received.stream().filter(r -> r.rcpt().equalsIgnoreCase(rcpt)).toList();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                sessions.incrementAndGet();
                if (!silent) {
                    Thread.ofPlatform().daemon(true).start(() -> serve(s));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            reply(out, "220 faulty.test ESMTP");
            String from = null;
            String rcpt = null;
            for (String line; (line = readLine(in)) != null; ) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-faulty.test\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "RSET" -> {
                        from = null;
                        rcpt = null;
                        reply(out, "250 ok");
                    }
                    case "MAIL" -> {
                        if (hangAfter >= 0 && received.size() >= hangAfter) {
                            closed.await();
                            return;
                        }
                        from = between(line);
                        reply(out, "250 2.1.0 ok");
                    }
                    case "RCPT" -> {
                        String r = between(line);
                        int attempt = rcptAttempts.computeIfAbsent(r.toLowerCase(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.startsWith("stall")) {
                            while (in.read() != -1) {
                                // say nothing until the client gives up and closes
                            }
                            return;
                        } else if (r.startsWith("t421") && attempt == 1) {
                            reply(out, "421 4.3.2 shutting down");
                            return;
                        } else if (r.startsWith("t451") && attempt <= 2) {
                            reply(out, "451 4.3.0 try again later");
                        } else if (r.startsWith("p550")) {
                            reply(out, "550 5.1.1 no such user here");
                        } else {
                            rcpt = r;
                            reply(out, "250 2.1.5 ok");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        byte[] data = readData(in, rcpt != null && rcpt.startsWith("drop") && rcptAttempts.get(rcpt.toLowerCase()).get() == 1);
                        if (data == null) {
                            return;
                        }
                        if (delayMs > 0) {
                            Thread.sleep(delayMs);
                        }
                        received.add(new Received(from, rcpt, data));
                        reply(out, "250 2.0.0 ok queued as " + received.size());
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The message up to the lone dot, un-dot-stuffed; null if {@code drop}: then the connection is cut half-way. */
    private static byte[] readData(InputStream in, boolean drop) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int lines = 0;
        for (String line; (line = readLine(in)) != null; ) {
            if (drop && ++lines == 5) {
                return null;
            }
            if (line.equals(".")) {
                return data.toByteArray();
            }
            data.write((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return null;
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
        closed.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
