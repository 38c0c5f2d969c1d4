package se.utskick.web;

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
 * A hand-written SMTP relay on 127.0.0.1 in front of a test's GreenMail: every line of a session is
 * passed on to the SMTP server at {@link #target} unchanged (bytes as they are, no pipelining), except
 * RCPT TO for an address in {@link #refuse}, which is answered here with the mapped reply and never
 * reaches GreenMail. So one receiver can refuse while everything else arrives in GreenMail as sent.
 */
final class RefusingRelay implements AutoCloseable {
    private final ServerSocket socket;
    /** Recipient address (lower case) to the answer given to its RCPT TO. */
    final Map<String, String> refuse = new ConcurrentHashMap<>();
    /** The port of the SMTP server behind; set before the first connection. */
    volatile int target;
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

    RefusingRelay() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("refusing-relay").start(this::accept);
    }

    int port() {
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

    private void serve(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                InputStream cin = new BufferedInputStream(client.getInputStream()); OutputStream cout = client.getOutputStream();
                InputStream sin = new BufferedInputStream(server.getInputStream()); OutputStream sout = server.getOutputStream()) {
            open.add(server);
            relayReply(sin, cout);
            for (String line; (line = readLine(cin)) != null; ) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                if (cmd.equals("RCPT")) {
                    String answer = refuse.get(between(line).toLowerCase());
                    if (answer != null) {
                        write(cout, answer);
                        continue;
                    }
                }
                write(sout, line);
                String reply = relayReply(sin, cout);
                if (cmd.equals("DATA") && reply.startsWith("354")) {
                    for (String l; (l = readLine(cin)) != null; ) {
                        write(sout, l);
                        if (l.equals(".")) {
                            break;
                        }
                    }
                    relayReply(sin, cout);
                } else if (cmd.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // either side went away
        }
    }

    /** Copies one (possibly multi-line) reply from the server to the client; returns its last line. */
    private static String relayReply(InputStream sin, OutputStream cout) throws IOException {
        while (true) {
            String l = readLine(sin);
            if (l == null) {
                throw new IOException("the server closed");
            }
            write(cout, l);
            if (l.length() < 4 || l.charAt(3) != '-') {
                return l;
            }
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

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
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
