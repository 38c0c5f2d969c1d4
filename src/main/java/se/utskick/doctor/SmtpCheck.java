package se.utskick.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.RelayConfig;

/**
 * The SMTP relay as the sender workers will meet it (RFC 5321, 3207, 4954), spoken to over a
 * plain socket with the configured connect and read timeouts: greeting, EHLO, STARTTLS (or implicit
 * TLS) with the server's certificate checked against {@code smtp.host}, AUTH PLAIN or LOGIN when
 * {@code smtp.user} is set, then {@code MAIL FROM:<bounce+doctor@mail.domain>} to see the sender is
 * accepted, RSET and QUIT. No RCPT, no DATA: nothing is ever sent. The password is never printed.
 * One check speaks to one relay: the default one ({@code smtp.*}) or one of {@code smtp.relays}, its
 * findings named and its fixes worded by {@link RelayKeys}.
 */
final class SmtpCheck {
    private final DeliveryConfig c;
    private final RelayConfig.Relay r;
    private final RelayKeys k;
    private final List<Finding> out = new ArrayList<>();
    private Socket socket;
    private BufferedReader in;
    private OutputStream wire;

    SmtpCheck(DeliveryConfig c, RelayConfig.Relay relay) {
        this.c = c;
        this.r = relay;
        this.k = RelayKeys.of(relay.name());
    }

    /** A reply: its code and lines (text after the code). */
    private record Reply(int code, List<String> lines) {
        String text() {
            return code + " " + String.join(" / ", lines);
        }
    }

    List<Finding> run() {
        if (c.embedded() && k.isDefault()) {
            return List.of(Finding.ok("smtp", "smtp.host = embedded: the in-process GreenMail on 127.0.0.1:" + c.smtpPort()
                    + " keeps every mail on this machine (demo only)"));
        }
        String where = r.host() + ":" + r.port();
        try {
            talk(where);
        } catch (UnknownHostException e) {
            out.add(Finding.fail(k.part(), "the relay's name " + r.host() + " does not resolve", "check " + k.host()));
        } catch (ConnectException e) {
            out.add(Finding.fail(k.part(), "cannot connect to " + where + ": " + e.getMessage(),
                    "check " + k.hostAndPort() + " (587 for submission with STARTTLS, 465 with " + k.tls() + ") and that "
                            + "no firewall blocks the port"));
        } catch (SocketTimeoutException e) {
            out.add(Finding.fail(k.part(), "no answer from " + where + " within the timeout (" + e.getMessage()
                            + "; smtp.timeout.connect = " + c.connectTimeout().toSeconds() + "s, smtp.timeout.read = "
                            + c.readTimeout().toSeconds() + "s)",
                    "check " + k.hostAndPort() + ", and that no firewall drops the connection"));
        } catch (javax.net.ssl.SSLException e) {
            out.add(Finding.fail(k.part("tls"), "the TLS handshake with " + where + " failed: " + e.getMessage(),
                    "the relay's certificate must be valid for the name in " + k.host() + " (use the name on the certificate, "
                            + "or add its CA to the Java trust store)"));
        } catch (IOException e) {
            out.add(Finding.fail(k.part(), "the connection to " + where + " failed: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), "check " + k.hostAndPort()));
        } finally {
            close();
        }
        return out;
    }

    private void talk(String where) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(r.host(), r.port()), (int) c.connectTimeout().toMillis());
        socket.setSoTimeout((int) c.readTimeout().toMillis());
        boolean local = socket.getInetAddress().isLoopbackAddress();
        String tls = null;
        if (r.implicitTls()) {
            tls = upgrade();
        }
        streams();
        Reply greeting = read();
        if (greeting.code != 220) {
            out.add(Finding.fail(k.part(), where + " greets with '" + greeting.text() + "' instead of 220",
                    "the relay refuses this machine: ask its operator, or check " + k.hostAndPort()));
            return;
        }
        Reply ehlo = command("EHLO " + c.heloName());
        if (ehlo.code != 250) {
            out.add(Finding.fail(k.part(), where + " answers EHLO with '" + ehlo.text()
                    + "': no ESMTP, so neither STARTTLS nor AUTH", "use a relay that speaks ESMTP"));
            return;
        }
        out.add(Finding.ok(k.part(), "connected to " + where + " (" + socket.getInetAddress().getHostAddress() + "), EHLO "
                + c.heloName() + " accepted: " + greetingText(greeting)));
        List<String> ext = extensions(ehlo);
        if (tls != null) {
            out.add(Finding.ok(k.part("tls"), "implicit TLS (" + k.tls() + "), " + tls + ", certificate valid for " + r.host()));
        } else if (ext.contains("STARTTLS") && r.startTls() != DeliveryConfig.StartTls.OFF) {
            Reply go = command("STARTTLS");
            if (go.code != 220) {
                out.add(Finding.fail(k.part("tls"), "STARTTLS is offered but answered '" + go.text() + "'", "ask the relay's operator"));
                return;
            }
            tls = upgrade();
            streams();
            ehlo = command("EHLO " + c.heloName());
            if (ehlo.code != 250) {
                out.add(Finding.fail(k.part("tls"), "EHLO after STARTTLS answered '" + ehlo.text() + "'", "ask the relay's operator"));
                return;
            }
            ext = extensions(ehlo);
            out.add(Finding.ok(k.part("tls"), "STARTTLS works (" + tls + ", certificate valid for " + r.host() + "), "
                    + k.startTls(r.startTls())));
        } else if (ext.contains("STARTTLS")) {
            out.add(Finding.warn(k.part("tls"), "STARTTLS is offered but " + k.startTls(r.startTls()) + ": mail"
                    + (r.user().isPresent() ? " and the password travel" : " travels") + " unencrypted",
                    "set " + k.startTls(DeliveryConfig.StartTls.REQUIRED)));
        } else if (r.startTls() == DeliveryConfig.StartTls.REQUIRED) {
            out.add(Finding.fail(k.part("tls"), "STARTTLS is not offered by " + where + ", but " + k.startTls(r.startTls())
                    + ": every send will fail", "use the relay's submission port 587 (STARTTLS) or port 465 with " + k.tls()));
            return;
        } else if (local) {
            out.add(Finding.ok(k.part("tls"), "no STARTTLS, with the relay on this machine (" + where + "), "
                    + k.startTls(r.startTls())));
        } else {
            out.add(Finding.warn(k.part("tls"), "STARTTLS is not offered by " + where + ": mail" + (r.user().isPresent()
                            ? " and the password travel" : " travels") + " unencrypted",
                    "use the relay's submission port 587 (STARTTLS) or port 465 with " + k.tls()));
        }
        if (!auth(ext)) {
            return;
        }
        String sender = "bounce+doctor@" + c.mailDomain();
        Reply mail = command("MAIL FROM:<" + sender + ">");
        if (mail.code == 250) {
            out.add(Finding.ok(k.part("sender"), "the relay accepts the envelope sender " + sender + " (checked with MAIL FROM, "
                    + "then reset: nothing sent)"));
        } else {
            out.add(Finding.fail(k.part("sender"), "the relay refuses the envelope sender " + sender + ": '" + mail.text() + "'",
                    r.user().isEmpty() ? "the relay may want a sign-in (" + k.signIn() + "), or to be told that "
                            + "this machine may send for " + c.mailDomain()
                            : "ask the relay's operator to allow " + r.user().get() + " to send as @" + c.mailDomain()));
        }
        command("RSET");
        command("QUIT");
    }

    /** Signs in when smtp.user is set; false when the rest cannot go on. */
    private boolean auth(List<String> ext) throws IOException {
        List<String> mechanisms = new ArrayList<>();
        for (String e : ext) {
            if (e.startsWith("AUTH ") || e.startsWith("AUTH=")) {
                mechanisms.addAll(List.of(e.substring(5).strip().split("\\s+")));
            }
        }
        if (r.user().isEmpty()) {
            out.add(Finding.ok(k.part("auth"), "no sign-in (" + k.noUser() + ")" + (mechanisms.isEmpty() ? ""
                    : "; the relay offers AUTH " + String.join(" ", mechanisms) + ", set " + k.user() + " if it wants one")));
            return true;
        }
        String user = r.user().get();
        if (mechanisms.isEmpty()) {
            out.add(Finding.fail(k.part("auth"), k.user() + " is set (" + user + ") but the relay offers no AUTH"
                            + (socket instanceof SSLSocket ? "" : " (many relays offer it only after STARTTLS)"),
                    socket instanceof SSLSocket ? "check " + k.hostAndPort() + ": the submission port is usually 587"
                            : "set " + k.startTls(DeliveryConfig.StartTls.REQUIRED) + ", or " + k.tls() + " with port 465"));
            return false;
        }
        String password = r.password().orElse("");
        Reply reply;
        String used;
        if (mechanisms.contains("PLAIN")) {
            used = "PLAIN";
            reply = command("AUTH PLAIN " + b64("\0" + user + "\0" + password));
        } else if (mechanisms.contains("LOGIN")) {
            used = "LOGIN";
            reply = command("AUTH LOGIN");
            if (reply.code == 334) {
                reply = command(b64(user));
            }
            if (reply.code == 334) {
                reply = command(b64(password));
            }
        } else {
            out.add(Finding.warn(k.part("auth"), "the relay offers AUTH " + String.join(" ", mechanisms)
                    + "; the doctor can try only PLAIN and LOGIN", "send a test letter to yourself to check the sign-in"));
            return false;
        }
        if (reply.code == 235) {
            out.add(Finding.ok(k.part("auth"), "signed in as " + user + " (AUTH " + used + ")"));
            return true;
        }
        out.add(Finding.fail(k.part("auth"), "the relay refuses the sign-in of " + user + " (AUTH " + used + "): '" + reply.text()
                + "'", "check " + k.user() + " and " + k.password()));
        return false;
    }

    private String upgrade() throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, r.host(), r.port(), true);
        SSLParameters p = tls.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(p);
        tls.setSoTimeout((int) c.readTimeout().toMillis());
        tls.startHandshake();
        socket = tls;
        return tls.getSession().getProtocol();
    }

    private void streams() throws IOException {
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        wire = socket.getOutputStream();
    }

    /** Sends one command line (never logged: it may hold the password) and reads the reply. */
    private Reply command(String line) throws IOException {
        wire.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        wire.flush();
        return read();
    }

    private Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = in.readLine();
            if (l == null) {
                throw new IOException("the relay closed the connection" + (lines.isEmpty() ? "" : " after '" + lines + "'"));
            }
            if (l.length() < 3 || !l.substring(0, 3).matches("\\d{3}")) {
                throw new IOException("the relay's answer is not SMTP: '" + l + "'");
            }
            lines.add(l.length() > 4 ? l.substring(4) : "");
            if (l.length() == 3 || l.charAt(3) != '-') {
                return new Reply(Integer.parseInt(l.substring(0, 3)), lines);
            }
        }
    }

    private static List<String> extensions(Reply ehlo) {
        return ehlo.lines.stream().skip(1).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }

    private static String greetingText(Reply r) {
        String l = r.lines.isEmpty() ? "" : r.lines.get(0);
        return l.length() > 80 ? l.substring(0, 80) : l;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
