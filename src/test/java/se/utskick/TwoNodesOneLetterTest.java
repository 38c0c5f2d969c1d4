package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.delivery.SenderPool;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards the outbox's sharing between nodes on the real graph (issue 18, the 2-node run): two
 * sending nodes — two graphs built by {@link Utskick#wire}, each on its own connection pool to one
 * database, as two processes would be — both run sender pools while one of them freezes a members'
 * letter; both take part, and every recipient frozen receives the letter exactly once at a real SMTP
 * server (GreenMail), every delivery row ends SENT after one attempt, and the two pools' recorded
 * rows add up to the recipients. (The same across two JVMs, without the graph: {@code DeliveryCrashTest};
 * measured with figures: {@code bench send --nodes 2}.)
 */
class TwoNodesOneLetterTest {

    @Test
    void twoNodesSharingOneLetterSendItToEveryRecipientExactlyOnce(@TempDir Path dir) throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        String url = TestDatabase.freshUrl();
        try (Database db1 = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 6);
             Database db2 = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 6)) {
            AudienceFixture.generate(db1, 700, 18);
            Config config = Config.of(config(mail, dir));
            Utskick first = Utskick.wire(config, db1);
            Utskick second = Utskick.wire(config, db2);
            Letter letter = first.letters().create(LetterKind.MEMBERS, "2026-12", List.of(), null);
            first.letters().addItemText(letter.id(), "Julmöte i Åmål", "Välkommen på **julmötet** – alla är välkomna!");
            first.letters().approve(letter.id());

            SenderPool one = first.delivery().senders();
            SenderPool two = second.delivery().senders();
            int frozen;
            try {
                one.start();
                two.start();
                frozen = first.delivery().send(letter.id());
                long end = System.nanoTime() + 120_000_000_000L;
                while (second.letters().get(letter.id()).state() != LetterState.SENT) {
                    assertTrue(System.nanoTime() < end, "the letter was still being sent after 120 s");
                    Thread.sleep(50);
                }
            } finally {
                one.stop();
                two.stop();
            }
            System.out.printf("two nodes, one letter: %d recipients, the first node recorded %d, the second %d%n", frozen,
                    one.recorded(), two.recorded());
            assertTrue(frozen >= 400, "the fixture gives at least 400 recipients, gave " + frozen);

            List<String> arrived = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                arrived.add(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            }
            Map<String, Long> perRecipient = arrived.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(frozen, arrived.size(), "as many messages arrived as recipients were frozen");
            perRecipient.forEach((to, n) -> assertEquals(1L, n, to + " got the letter exactly once"));
            assertEquals(frozenAddresses(db1, letter.id()), perRecipient.keySet(), "every recipient frozen got it, nobody else");

            assertEquals(frozen, count(db2, "SELECT COUNT(*) FROM delivery WHERE letter_id = " + letter.id()
                    + " AND state = 'SENT' AND attempts = 1"), "every row SENT after one claim");
            assertEquals(frozen, one.recorded() + two.recorded(), "the two nodes' recorded rows add up to the recipients");
            assertTrue(one.recorded() > 0 && two.recorded() > 0,
                    "both nodes took part: " + one.recorded() + " and " + two.recorded());
        } finally {
            mail.stop();
        }
    }

    private static Map<String, String> config(GreenMail mail, Path dir) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("security.secret", TestSecret.VALUE);
        cfg.put("smtp.host", "127.0.0.1");
        cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
        cfg.put("smtp.starttls", "off");
        cfg.put("mail.domain", GreenMailConfig.DOMAIN);
        cfg.put("delivery.poll.interval", "PT0.05S");
        cfg.put("letters.templates.dir", dir.resolve("none").toString());
        cfg.put("delivery.workers", "2");
        cfg.put("delivery.batch.size", "10");
        return cfg;
    }

    private static Set<String> frozenAddresses(Database db, long letterId) {
        return db.withConnection(c -> {
            Set<String> out = new HashSet<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT email FROM delivery WHERE letter_id = " + letterId)) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    private static int count(Database db, String sql) {
        return db.withConnection(c -> {
            try (ResultSet r = c.createStatement().executeQuery(sql)) {
                r.next();
                return r.getInt(1);
            }
        });
    }
}
