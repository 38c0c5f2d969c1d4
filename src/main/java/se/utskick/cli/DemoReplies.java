package se.utskick.cli;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import se.utskick.Utskick;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.EmbeddedMailServer;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.replies.RepliesConfig;

/**
 * The demo's incoming mail: a board's reply to the board letter, an out-of-office answer and a
 * hard bounce to the members' letter, put straight into the reply mailbox of the embedded GreenMail
 * (GreenMail has no plus-addressing, so a real server's delivery of {@code reply+TOKEN@} and
 * {@code bounce+TOKEN@} into the one mailbox is done by hand). Correlation is by the token in the
 * To address, as in production.
 */
final class DemoReplies {
    private DemoReplies() {
    }

    /** Delivers the three messages; false (and says why) when there is no embedded mailbox to put them in. */
    static boolean deliver(Utskick app, long boardLetter, long membersLetter, PrintWriter out) {
        Optional<EmbeddedMailServer> mail = app.embeddedMail();
        RepliesConfig rc = RepliesConfig.from(app.config());
        if (mail.isEmpty() || rc.host().isEmpty()) {
            out.println("no embedded mail server in this process: replies are not simulated");
            return false;
        }
        String domain = app.delivery().config().mailDomain();
        List<LoggedDelivery> board = app.delivery().log().deliveries(boardLetter, Optional.of(DeliveryState.SENT), 1);
        List<LoggedDelivery> members = app.delivery().log().deliveries(membersLetter, Optional.of(DeliveryState.SENT), 2);
        if (board.isEmpty() || members.size() < 2) {
            out.println("the letters have too few sent deliveries to answer");
            return false;
        }
        GreenMailUser box = mail.get().greenMail().setUser(rc.user(), rc.user(), rc.password());
        LoggedDelivery b = board.getFirst();
        put(box, "From: " + b.email() + "\r\nTo: reply+" + token(app, b) + "@" + domain + "\r\n"
                + "Subject: Re: Styrelsebrevet\r\nIn-Reply-To: " + b.messageId() + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hej! Vi planerar ett gatumöte, en studiecirkel och en temakväll om vården.\r\nHälsningar, styrelsen\r\n");
        LoggedDelivery away = members.get(0);
        put(box, "From: " + away.email() + "\r\nTo: reply+" + token(app, away) + "@" + domain + "\r\n"
                + "Subject: Frånvaro: Värmlandsvänstern informerar\r\nAuto-Submitted: auto-replied\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nJag är på semester till och med den 30:e.\r\n");
        LoggedDelivery gone = members.get(1);
        put(box, bounce(gone.email(), "bounce+" + token(app, gone) + "@" + domain));
        out.println("3 messages put in the reply mailbox " + rc.user() + ": a board's reply, an out-of-office, a bounce");
        return true;
    }

    private static String token(Utskick app, LoggedDelivery d) {
        return app.delivery().tokens().issue(d.id());
    }

    private static String bounce(String failed, String to) {
        String boundary = "demo-dsn-boundary";
        return "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\nTo: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "<" + failed + ">: 550 5.1.1 User unknown\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n"
                + "--" + boundary + "--\r\n";
    }

    private static void put(GreenMailUser box, String raw) {
        try {
            String withId = "Message-ID: <demo." + System.nanoTime() + "@client.example.org>\r\nMIME-Version: 1.0\r\n" + raw;
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(withId.getBytes(StandardCharsets.UTF_8)));
            m.setSentDate(new java.util.Date());
            box.deliver(m);
        } catch (Exception e) {
            throw new se.utskick.UtskickException("could not put a demo message in the reply mailbox: " + e.getMessage(), e);
        }
    }
}
