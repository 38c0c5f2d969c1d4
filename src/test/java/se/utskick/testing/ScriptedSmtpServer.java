package se.utskick.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' one hand-written SMTP server, on 127.0.0.1 and a free port: a real socket server, one
 * thread per connection, that speaks the RFC 5321 subset senders use (EHLO/HELO, STARTTLS and AUTH
 * PLAIN/LOGIN when scripted, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no pipelining) and answers as its
 * {@link SmtpScript} says, so a test can make a receiver refuse, throttle, stall, cut a connection
 * or hang. Unknown commands get 502, RCPT before an accepted MAIL 503, DATA without recipients 554.
 *
 * <p>What it saw is public for the test to assert on: every message it accepted ({@link #received},
 * one entry per recipient, with the message bytes unless {@link SmtpScript#countOnly}), the count per
 * recipient address in lower case ({@link #perRecipient}), every command line ({@link #commands};
 * not the lines of DATA nor AUTH LOGIN's answers) and the connections opened ({@link #sessions}).
 * {@link #close} closes the listening socket and every open connection, and ends a scripted hang.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** One accepted message for one recipient, bytes as received (un-dot-stuffed, CR LF). */
    public record Received(String mailFrom, String rcpt, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] NOT_KEPT = new byte[0];
    private final SmtpScript script;
    private final ServerSocket socket;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    public final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>();
    public final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    private ScriptedSmtpServer(SmtpScript script) throws IOException {
        this.script = script;
        socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("scripted-smtp-" + socket.getLocalPort()).start(this::accept);
    }

    /** A server that accepts everything. */
    public static ScriptedSmtpServer start() throws IOException {
        return new ScriptedSmtpServer(new SmtpScript());
    }

    public static ScriptedSmtpServer start(SmtpScript script) throws IOException {
        return new ScriptedSmtpServer(script);
    }

    /** The script, to change answers while the server runs. */
    public SmtpScript script() {
        return script;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The messages accepted for {@code rcpt} (any case). */
    public List<Received> to(String rcpt) {
        return received.stream().filter(r -> r.rcpt().equalsIgnoreCase(rcpt)).toList();
    }

    /** Messages accepted, counted per recipient. */
    public int accepted() {
        return accepted.get();
    }

    /** Messages accepted beyond the first per recipient. */
    public long duplicates() {
        return accepted.get() - perRecipient.size();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                sessions.incrementAndGet();
                if (!script.silent) {
                    Thread.ofPlatform().daemon(true).start(() -> serve(s));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; OutputStream out = s.getOutputStream()) {
            new Session(new SmtpWire(s.getInputStream()), out).run();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    /** One connection's state: the sender and recipients of the message under way, and the sign-in. */
    private final class Session {
        private final SmtpWire in;
        private final OutputStream out;
        private boolean signedIn = script.user == null;
        private String from;
        private final List<String> to = new ArrayList<>();
        private boolean drop;

        Session(SmtpWire in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException, InterruptedException {
            reply("220 scripted.test ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                boolean goOn = switch (cmd) {
                    case "EHLO" -> ehlo();
                    case "HELO", "NOOP" -> reply("250 ok");
                    case "STAR" -> reply(script.startTls ? "454 4.7.0 TLS not available" : "502 5.5.2 not implemented");
                    case "AUTH" -> auth(line);
                    case "RSET" -> {
                        reset();
                        yield reply("250 ok");
                    }
                    case "MAIL" -> mail(line);
                    case "RCPT" -> rcpt(SmtpWire.between(line));
                    case "DATA" -> data();
                    case "QUIT" -> reply("221 bye") && false;
                    default -> reply("502 5.5.2 not implemented");
                };
                if (!goOn) {
                    return;
                }
            }
        }

        private boolean ehlo() throws IOException {
            List<String> lines = new ArrayList<>(List.of("scripted.test", "8BITMIME"));
            if (script.startTls) {
                lines.add("STARTTLS");
            }
            if (script.user != null) {
                lines.add("AUTH PLAIN LOGIN");
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                b.append(i > 0 ? "\r\n" : "").append(i < lines.size() - 1 ? "250-" : "250 ").append(lines.get(i));
            }
            return reply(b.toString());
        }

        private boolean auth(String line) throws IOException {
            String[] parts = line.split(" ");
            String given;
            if (parts.length > 2 && parts[1].equalsIgnoreCase("PLAIN")) {
                given = decode(parts[2]);
            } else if (parts.length > 1 && parts[1].equalsIgnoreCase("LOGIN")) {
                reply("334 VXNlcm5hbWU6");
                String user = decode(in.readLine());
                reply("334 UGFzc3dvcmQ6");
                given = "\0" + user + "\0" + decode(in.readLine());
            } else {
                return reply("504 5.5.4 unrecognized authentication type");
            }
            signedIn = script.user != null && given.equals("\0" + script.user + "\0" + script.password);
            return reply(signedIn ? "235 2.7.0 authenticated" : "535 5.7.8 authentication credentials invalid");
        }

        private boolean mail(String line) throws IOException, InterruptedException {
            int hang = script.hangAfter;
            if (hang >= 0 && accepted.get() >= hang) {
                closed.await();
                return false;
            }
            reset();
            String refusal = script.mailFromReply();
            if (!signedIn) {
                return reply("530 5.7.0 authentication required");
            } else if (refusal != null) {
                return reply(refusal);
            }
            from = SmtpWire.between(line);
            return reply("250 2.1.0 ok");
        }

        private boolean rcpt(String address) throws IOException {
            if (from == null) {
                return reply("503 5.5.1 need MAIL first");
            }
            int attempt = rcptAttempts.computeIfAbsent(address.toLowerCase(Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
            String answer = script.rcptReply(address, attempt);
            if (SmtpScript.STALL.equals(answer)) {
                in.drain();
                return false;
            }
            if (answer == null || SmtpScript.DROP_IN_DATA.equals(answer)) {
                drop |= answer != null;
                to.add(address);
                return reply("250 2.1.5 ok");
            }
            return reply(answer) && !answer.startsWith("421");
        }

        private boolean data() throws IOException, InterruptedException {
            if (to.isEmpty()) {
                return reply("554 5.5.1 no valid recipients");
            }
            reply("354 go ahead");
            byte[] data = in.readData(drop);
            if (data == null) {
                return false;
            }
            long delay = script.perMessageMs;
            if (delay > 0) {
                Thread.sleep(delay);
            }
            int relay = script.relayPort;
            if (relay > 0) {
                try {
                    SmtpWire.forward(relay, from, to, data);
                } catch (IOException e) {
                    reset();
                    return reply("451 4.4.1 the next server failed: " + e.getMessage());
                }
            }
            for (String r : to) {
                received.add(new Received(from, r, script.keepData ? data : NOT_KEPT));
                perRecipient.computeIfAbsent(r.toLowerCase(Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
                accepted.incrementAndGet();
            }
            reset();
            return reply("250 2.0.0 ok queued as " + accepted.get());
        }

        private void reset() {
            from = null;
            to.clear();
            drop = false;
        }

        /** Always true: the session goes on. */
        private boolean reply(String text) throws IOException {
            SmtpWire.reply(out, text);
            return true;
        }

        private String decode(String b64) {
            return b64 == null ? "" : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        }
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
