package se.utskick.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest SMTP server that serves a 20,000-recipient test quickly (RFC 5321 subset: EHLO,
 * HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no extensions): it accepts everything, keeps nothing
 * but a count of accepted messages per recipient, and answers 250 only after the whole DATA was read.
 */
final class CountingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
    final AtomicLong accepted = new AtomicLong();

    CountingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("counting-smtp").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Messages accepted beyond the first per recipient. */
    long duplicates() {
        return accepted.get() - perRecipient.size();
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
            reply(out, "220 counting.test ESMTP");
            String rcpt = null;
            for (String line; (line = in.readLine()) != null; ) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, "250 counting.test");
                    case "RCPT" -> {
                        rcpt = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase();
                        reply(out, "250 2.1.5 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
                            // the message itself is not kept
                        }
                        perRecipient.computeIfAbsent(String.valueOf(rcpt), k -> new AtomicInteger()).incrementAndGet();
                        accepted.incrementAndGet();
                        reply(out, "250 2.0.0 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. killed): nothing to do
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
