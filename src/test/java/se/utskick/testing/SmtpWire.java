package se.utskick.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The wire side of {@link ScriptedSmtpServer}: CRLF lines in and out (ISO-8859-1, so bytes survive), and the hand-on to a next server. */
final class SmtpWire {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int end;
    private byte[] line = new byte[256];

    SmtpWire(InputStream in) {
        this.in = in;
    }

    /** The next line without its CR LF (or LF), or null at the end of the stream. */
    String readLine() throws IOException {
        int n = 0;
        while (true) {
            if (pos == end) {
                end = in.read(buf);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return null;
                }
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, n * 2);
            }
            line[n++] = b;
        }
    }

    /** Reads until the stream ends (a client that gives up closes it). */
    void drain() throws IOException {
        while (in.read(buf) >= 0) {
            // say nothing
        }
    }

    /**
     * The message after DATA up to the lone dot, un-dot-stuffed, with CR LF line ends; null if the
     * stream ended first or, with {@code drop}, when the fifth line is reached (the caller then closes).
     */
    byte[] readData(boolean drop) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(4096);
        int lines = 0;
        for (String l; (l = readLine()) != null; ) {
            if (drop && ++lines == 5) {
                return null;
            }
            if (l.equals(".")) {
                return data.toByteArray();
            }
            data.write((l.startsWith(".") ? l.substring(1) : l).getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return null;
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The address between the angle brackets of MAIL FROM or RCPT TO ("" if none). */
    static String between(String line) {
        int a = line.indexOf('<');
        int z = line.indexOf('>', a + 1);
        return a < 0 || z < 0 ? "" : line.substring(a + 1, z);
    }

    /** Sends one message to the SMTP server on the loopback {@code port}; an IOException if any reply is not the one expected. */
    static void forward(int port, String from, List<String> to, byte[] data) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            SmtpWire in = new SmtpWire(s.getInputStream());
            OutputStream out = s.getOutputStream();
            expect(in, 220);
            command(out, in, "EHLO scripted.test", 250);
            command(out, in, "MAIL FROM:<" + from + ">", 250);
            for (String r : to) {
                command(out, in, "RCPT TO:<" + r + ">", 250);
            }
            command(out, in, "DATA", 354);
            String[] lines = new String(data, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            StringBuilder b = new StringBuilder(data.length + 64);
            for (int i = 0; i < lines.length - 1; i++) { // the last is the empty rest after the final CR LF
                b.append(lines[i].startsWith(".") ? "." : "").append(lines[i]).append("\r\n");
            }
            out.write(b.append(".\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            expect(in, 250);
            command(out, in, "QUIT", 221);
        }
    }

    private static void command(OutputStream out, SmtpWire in, String line, int code) throws IOException {
        reply(out, line);
        expect(in, code);
    }

    private static void expect(SmtpWire in, int code) throws IOException {
        for (String l; (l = in.readLine()) != null; ) {
            if (l.length() < 4 || l.charAt(3) != '-') {
                if (!l.startsWith(String.valueOf(code))) {
                    throw new IOException("expected " + code + ", got " + l);
                }
                return;
            }
        }
        throw new IOException("the next server closed");
    }
}
