package se.utskick.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.letters.IllegalTransition;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterException;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.schedule.Schedule;
import se.utskick.schedule.ScheduleConfig;

/**
 * Guards "never two": the monthly draft of a kind is created once per period with its queued items
 * added once, even with two scheduler nodes (two graphs, two Quartz instances) on one database
 * firing and running the job; only the creating node notifies the ombudsman; a scheduled letter
 * whose time passed while no node ran is frozen once, at the first run after start.
 */
class MonthlyAssemblyTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 120, 5);
        AudienceFixture.person(db, "O1", "Olga", "Ombud", null, "ACTIVE", "OK", false, "OMBUDSMAN");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Utskick app(String... overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("security.secret", se.utskick.TestSecret.VALUE);
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", "1");
        m.put("mail.domain", "varmland.example.org");
        m.put("letters.templates.dir", dir.resolve("none").toString());
        m.put("schedule.assembly.preview.dir", dir.resolve("previews").toString());
        m.put("schedule.sends.interval", "1s");
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return Utskick.wire(Config.of(m), db);
    }

    private static ScheduleConfig node(String id) {
        return new ScheduleConfig(id, 2, Duration.ofSeconds(2), ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void twoSchedulerNodesFiringTheAssemblyCreateOneDraftWithEachQueuedItemOnce() throws Exception {
        Utskick a = app("schedule.assembly.board.cron", "0/1 * * * * ?");
        Utskick b = app("schedule.assembly.board.cron", "0/1 * * * * ?");
        YearMonth period = a.assembly().comingPeriod();
        Path body = Files.writeString(dir.resolve("item.md"), "Styrelsemöte i **Arvika**.");
        a.letters().queueItem(LetterKind.BOARD, period.toString(), "Möte", body);
        a.letters().queueItem(LetterKind.BOARD, period.toString(), "Kampanj", body);
        try (Schedule one = Schedule.create(db, node("node-a"), a.jobs());
             Schedule two = Schedule.create(db, node("node-b"), b.jobs())) {
            // both nodes also run it by hand, at the same moment
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> runs = pool.invokeAll(List.<Callable<String>>of(
                    () -> one.runNow("assemble-board"), () -> two.runNow("assemble-board")));
            for (Future<String> f : runs) {
                f.get();
            }
            pool.shutdown();
            one.start();
            two.start();
            Thread.sleep(4_000);
            assertTrue(one.succeededRuns("assemble-board") >= 3, "the trigger fired too: " + one.succeededRuns("assemble-board"));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM letter WHERE kind = 'BOARD' AND period = '" + period + "'"));
        Letter draft = a.letters().find("board-" + period);
        assertEquals(LetterState.DRAFT, draft.state());
        assertEquals(List.of("Möte", "Kampanj"), draft.items().stream().map(Letter.Item::heading).toList());
        assertEquals(0, count("SELECT COUNT(*) FROM queued_item WHERE letter_id IS NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM letter WHERE kind = 'TARGETED'"), "one notice to the ombudsman");
        assertEquals(1, count("SELECT COUNT(*) FROM delivery d JOIN letter l ON l.id = d.letter_id WHERE l.kind = 'TARGETED'"));
        assertTrue(Files.exists(dir.resolve("previews").resolve("board-" + period + ".html")));
    }

    @Test
    void itemQueuedWhenTheDraftExistsGoesIntoItAtOnce() throws Exception {
        Utskick a = app();
        YearMonth period = a.assembly().comingPeriod();
        a.assembly().assemble(LetterKind.MEMBERS, period);
        Path body = Files.writeString(dir.resolve("late.md"), "Sent inkommen punkt.");
        var into = a.letters().queueItem(LetterKind.MEMBERS, period.toString(), "Sent", body);
        assertEquals(1, into.orElseThrow().items().size());
        String again = a.assembly().assemble(LetterKind.MEMBERS, period);
        assertTrue(again.contains("exists already"), again);
        assertEquals(1, a.letters().find("members-" + period).items().size());
    }

    @Test
    void scheduledLetterWhoseTimePassedWhileNoNodeRanIsSentOnceAtStart() throws Exception {
        Utskick a = app();
        Utskick b = app();
        Letter l = a.letters().create(LetterKind.BOARD, "2031-01", List.of(), null);
        a.letters().addItem(l.id(), "Rubrik", Files.writeString(dir.resolve("b.md"), "Text."));
        int recipients = a.letters().approve(l.id()).recipients();
        a.delivery().schedule(l.id(), Instant.now().minus(Duration.ofHours(3)));
        try (Schedule one = Schedule.create(db, node("node-a"), a.jobs());
             Schedule two = Schedule.create(db, node("node-b"), b.jobs())) {
            one.start();
            two.start();
            long end = System.nanoTime() + 20_000_000_000L;
            while (a.letters().get(l.id()).state() == LetterState.SCHEDULED && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000);
        }
        assertEquals(LetterState.SENDING, a.letters().get(l.id()).state());
        assertEquals(1, count("SELECT COUNT(*) FROM send_run WHERE letter_id = " + l.id()));
        assertEquals(recipients, count("SELECT COUNT(*) FROM delivery WHERE letter_id = " + l.id()));
    }

    @Test
    void itemForALetterAlreadyApprovedIsRefusedNamingTheWayOut() throws Exception {
        Utskick a = app();
        Letter l = a.letters().create(LetterKind.MEMBERS, "2031-02", List.of(), null);
        Path body = Files.writeString(dir.resolve("c.md"), "Text.");
        a.letters().addItem(l.id(), "Rubrik", body);
        a.letters().approve(l.id());
        IllegalTransition e = assertThrows(IllegalTransition.class,
                () -> a.letters().queueItem(LetterKind.MEMBERS, "2031-02", "Sent", body));
        assertEquals(se.utskick.letters.LetterState.APPROVED, e.state(), e.getMessage());
    }

    @Test
    void badQueueInputIsRefusedWithTheReason() throws Exception {
        Utskick a = app();
        Path body = Files.writeString(dir.resolve("d.md"), "Text.");
        assertTrue(assertThrows(LetterException.class, () -> a.letters().queueItem(LetterKind.TARGETED, "2031-03", "H", body))
                .getMessage().contains("monthly"));
        assertTrue(assertThrows(LetterException.class, () -> a.letters().queueItem(LetterKind.BOARD, "2031-13", "H", body))
                .getMessage().contains("YYYY-MM"));
        assertTrue(assertThrows(LetterException.class, () -> a.letters().queueItem(LetterKind.BOARD, "2031-03", "två\nrader", body))
                .getMessage().contains("heading"));
        assertTrue(assertThrows(LetterException.class, () -> a.letters().queueItem(LetterKind.BOARD, "2031-03", "H", dir.resolve("saknas.md")))
                .getMessage().contains("does not exist"));
        assertEquals(0, count("SELECT COUNT(*) FROM queued_item"));
    }

    @Test
    void badScheduleValuesAreConfigErrorsNamingTheKey() {
        ConfigException cron = assertThrows(ConfigException.class,
                () -> AssemblyConfig.from(Config.of(Map.of("schedule.assembly.members.cron", "första måndagen"))));
        assertTrue(cron.getMessage().contains("schedule.assembly.members.cron"), cron.getMessage());
        ConfigException day = assertThrows(ConfigException.class,
                () -> AssemblyConfig.from(Config.of(Map.of("schedule.autosend.day", "31"))));
        assertTrue(day.getMessage().contains("schedule.autosend.day"), day.getMessage());
        ConfigException every = assertThrows(ConfigException.class,
                () -> AssemblyConfig.from(Config.of(Map.of("schedule.sends.interval", "0s"))));
        assertTrue(every.getMessage().contains("schedule.sends.interval"), every.getMessage());
    }

    private int count(String sql) {
        return AudienceFixture.count(db, sql);
    }
}
