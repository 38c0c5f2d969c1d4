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

    WebFixture(int members) {
        this(members, Map.of());
    }

    /** With {@code extra} config keys on top of the fixture's own (e.g. a template override folder). */
    WebFixture(int members, Map<String, String> extra) {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mailbox = mail.setUser(MAILBOX, MAILBOX, "hemligt");
        db = TestDatabase.fresh();
        SampleRegister.load(db, members, SampleRegister.DEFAULT_SEED);
        Map<String, String> cfg = GreenMailConfig.of(mail, MAILBOX, "hemligt");
        cfg.putAll(extra);
        app = Utskick.wire(Config.of(cfg), db);
        app.users().add(USER, "Olle Ombudsman", PASSWORD.toCharArray());
        senders = app.delivery().senders();
        senders.start();
        server = WebServer.start(WebConfig.from(app.config()), app.replies().unsubscriber(), new WebUi(app, List::of));
    }

    /** A client signed in as the fixture's staff member. */
    Http signedIn() {
        Http h = new Http(base());
        int status = h.signIn(USER, PASSWORD).statusCode();
        if (status != 302) {
            throw new AssertionError("sign-in answered " + status + " instead of 302");
        }
        return h;
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
