package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards that the templates a letter uses are fixed at approval (issue 12 finding 7): approve,
 * edit the template files, send, and the MIME that arrived at GreenMail has the approved text in
 * both parts; the edit affects the next letter. Also guards what every message carries (issue 13
 * point 4): {@code Date} in {@code +0000}, never {@code GMT}; the "draft ready" notice to the
 * ombudsman is marked {@code Auto-Submitted: auto-generated}.
 */
class ApprovedTemplatesTest {
    @TempDir
    Path dir;
    private GreenMail mail;
    private Database db;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 60, 3);
        AudienceFixture.person(db, "O1", "Olga", "Ombud", null, "ACTIVE", "OK", false, "OMBUDSMAN");
    }

    @AfterEach
    void stop() {
        db.close();
        mail.stop();
    }

    private Utskick app(Path templates) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("security.secret", se.utskick.TestSecret.VALUE);
        cfg.put("smtp.host", "127.0.0.1");
        cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
        cfg.put("smtp.starttls", "off");
        cfg.put("mail.domain", "varmland.example.org");
        cfg.put("delivery.poll.interval", "PT0.05S");
        cfg.put("letters.templates.dir", templates.toString());
        cfg.put("schedule.assembly.preview.dir", dir.resolve("previews").toString());
        return Utskick.wire(Config.of(cfg), db);
    }

    private void templates(Path folder, String version) throws Exception {
        Files.writeString(folder.resolve("targeted.ftlh"), "<p>Hej ${recipient.firstName}! Mallen är version " + version + ".</p>\n");
        Files.writeString(folder.resolve("targeted.ftl"), "Hej ${recipient.firstName}! Mallen är version " + version + ".\n");
    }

    @Test
    void anEditAfterApprovalIsNotWhatIsSentButTheNextLetterGetsIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("templates"));
        templates(folder, "ett");
        Utskick app = app(folder);
        Letter l = app.letters().create(LetterKind.TARGETED, null, List.of(), "all-boards");
        app.letters().setSubject(l.id(), "Till styrelserna");
        app.letters().addItemText(l.id(), "Rubrik", "Text.");
        app.letters().approve(l.id());

        templates(folder, "två");
        // FreeMarker's cache looks at a file again 5 s after it last did: wait past that, as a real edit would
        Thread.sleep(6_000);

        int frozen = app.delivery().send(l.id());
        app.delivery().senders().start();
        try {
            assertTrue(mail.waitForIncomingEmail(30_000, frozen), "expected " + frozen + " messages");
            long end = System.nanoTime() + 30_000_000_000L;
            while (app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        } finally {
            app.delivery().senders().stop();
        }
        assertEquals(LetterState.SENT, app.letters().get(l.id()).state());
        MimeMessage[] got = mail.getReceivedMessages();
        assertEquals(frozen, got.length);
        for (MimeMessage m : got) {
            String raw = GreenMailUtil.getWholeMessage(m);
            String text = MimeParts.part(m, "text/plain");
            String html = MimeParts.part(m, "text/html");
            assertTrue(text.contains("Mallen är version ett.") && html.contains("Mallen är version ett."), raw);
            assertFalse(text.contains("två") || html.contains("två"), raw);
            String date = m.getHeader("Date")[0];
            assertTrue(date.endsWith(" +0000") && !date.contains("GMT"), date);
        }
        assertTrue(app.letters().preview(l.id(), null).message().text().contains("version ett"), "the sent letter's preview");

        Letter next = app.letters().create(LetterKind.TARGETED, null, List.of(), "all-boards");
        app.letters().setSubject(next.id(), "Nästa");
        app.letters().addItemText(next.id(), "Rubrik", "Text.");
        app.letters().approve(next.id());
        assertTrue(app.letters().preview(next.id(), null).message().text().contains("Mallen är version två."));
        assertEquals(2, count("SELECT COUNT(*) FROM letter_template WHERE letter_id = " + l.id()), "targeted.ftlh and targeted.ftl stored");
    }

    @Test
    void draftReadyNoticeIsMarkedAutoGenerated() throws Exception {
        Utskick app = app(dir.resolve("none"));
        YearMonth period = app.assembly().comingPeriod();
        app.assembly().assemble(LetterKind.BOARD, period);
        app.delivery().senders().start();
        try {
            assertTrue(mail.waitForIncomingEmail(30_000, 1), "the notice");
        } finally {
            app.delivery().senders().stop();
        }
        MimeMessage notice = mail.getReceivedMessages()[0];
        assertTrue(notice.getSubject().startsWith("Utkast klart"), notice.getSubject());
        assertEquals("auto-generated", notice.getHeader("Auto-Submitted")[0]);
        assertTrue(notice.getHeader("Date")[0].endsWith(" +0000"), notice.getHeader("Date")[0]);
    }

    private long count(String sql) {
        return db.withConnection(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
