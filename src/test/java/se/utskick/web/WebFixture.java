package se.utskick.web;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import java.util.Map;
import se.utskick.Config;
import se.utskick.GreenMailConfig;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.delivery.SenderPool;
import se.utskick.register.SampleRegister;

/**
 * The whole application behind the web interface, for the interface's tests: a fresh database
 * with the sample district, real GreenMail (SMTP for sending, IMAP for the reply mailbox), this
 * process's sender workers, the HTTP server on a free port, and one staff account.
 */
final class WebFixture implements AutoCloseable {
    static final String USER = "ombud";
    static final String PASSWORD = "rätt-lösenord-123";
    static final String MAILBOX = "svar@varmland.example.org";
    final GreenMail mail;
    final GreenMailUser mailbox;
    final Database db;
    final Utskick app;
    final SenderPool senders;
    final WebServer server;
    /** The fixture user's second-factor secret (base32), as its authenticator app holds it. */
    final String totpSecret;
    private long lastStep = Long.MIN_VALUE;

    WebFixture(int members) {
        this(members, Map.of());
    }

    /** With {@code extra} config keys on top of the fixture's own (e.g. a template override folder). */
    WebFixture(int members, Map<String, String> extra) {
        this(members, extra, java.time.Clock.systemUTC());
    }

    /** On {@code clock}, for tests of time: code steps, expiry. */
    WebFixture(int members, Map<String, String> extra, java.time.Clock clock) {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mailbox = mail.setUser(MAILBOX, MAILBOX, "hemligt");
        db = TestDatabase.fresh();
        SampleRegister.load(db, members, SampleRegister.DEFAULT_SEED);
        Map<String, String> cfg = GreenMailConfig.of(mail, MAILBOX, "hemligt");
        cfg.putAll(extra);
        app = Utskick.wire(Config.of(cfg), db, clock);
        app.users().add(USER, "Olle Ombudsman", PASSWORD.toCharArray());
        totpSecret = app.users().resetTotp(USER).secret();
        senders = app.delivery().senders();
        senders.start();
        server = WebServer.start(WebConfig.from(app.config()), app.replies().unsubscriber(), new WebUi(app, List::of));
    }

    /** A client signed in as the fixture's staff member. */
    Http signedIn() {
        Http h = new Http(base());
        var r = h.signIn(USER, PASSWORD, nextCode());
        if (r.statusCode() != 302 || !"/".equals(r.headers().firstValue("Location").orElse(""))) {
            throw new AssertionError("sign-in answered " + r.statusCode() + " instead of 302 to /: " + r.body());
        }
        return h;
    }

    /**
     * A code of the fixture user's app that the server has not seen yet. The server takes each step
     * once and accepts one step before and after now, so up to three sign-ins fit in one 30-second
     * step (codes of the step before, this one, the next); a fourth waits for the next step. The last
     * 1.5 seconds of a step are waited out, so the server's clock is in the same step as ours.
     */
    synchronized String nextCode() {
        while (true) {
            long ms = System.currentTimeMillis();
            long intoStep = ms % (se.utskick.users.Totp.STEP_SECONDS * 1000);
            if (intoStep > se.utskick.users.Totp.STEP_SECONDS * 1000 - 1500) {
                sleep(se.utskick.users.Totp.STEP_SECONDS * 1000 - intoStep + 100);
                continue;
            }
            long now = se.utskick.users.Totp.step(java.time.Instant.ofEpochMilli(ms));
            long step = Math.max(now - 1, lastStep + 1);
            if (step > now + 1) {
                sleep(se.utskick.users.Totp.STEP_SECONDS * 1000 - intoStep + 100);
                continue;
            }
            lastStep = step;
            return se.utskick.users.Totp.code(totpSecret, java.time.Instant.ofEpochSecond(step * se.utskick.users.Totp.STEP_SECONDS));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        senders.stop();
        db.close();
        mail.stop();
    }
}
