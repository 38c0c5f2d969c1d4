package se.utskick.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/**
 * Guards the cluster contract: two Quartz nodes on one database fire each trigger once between
 * them, and every run is logged with its outcome.
 */
class ScheduleClusterTest {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        db.withConnection(c -> c.createStatement().executeUpdate(
                "CREATE TABLE tick (id BIGINT AUTO_INCREMENT PRIMARY KEY, node VARCHAR(200) NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Inserts one row per firing, naming the node that ran it. */
    private ScheduledJob tick(String node) {
        return new ScheduledJob() {
            public String name() { return "tick"; }
            public String description() { return "records each firing"; }
            public String schedule() { return "0/2 * * * * ?"; }
            public String run() {
                db.withConnection(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO tick (node) VALUES (?)")) {
                        ps.setString(1, node);
                        return ps.executeUpdate();
                    }
                });
                return "ticked";
            }
        };
    }

    @Test
    void twoNodesFireEachTriggerOnceBetweenThem() throws Exception {
        ScheduleConfig a = new ScheduleConfig("node-a", 2, Duration.ofSeconds(2), ZoneId.of("Europe/Stockholm"));
        ScheduleConfig b = new ScheduleConfig("node-b", 2, Duration.ofSeconds(2), ZoneId.of("Europe/Stockholm"));
        try (Schedule one = Schedule.create(db, a, List.of(tick("node-a")));
             Schedule two = Schedule.create(db, b, List.of(tick("node-b")))) {
            one.start();
            two.start();
            Thread.sleep(9_000);
        }
        // 9 s of a trigger every 2 s is at most 5 firings (6 with a boundary); if both nodes fired
        // each trigger there would be about twice that. Under heavy load Quartz may fire fewer.
        int ticks = count("SELECT COUNT(*) FROM tick");
        assertTrue(ticks >= 2 && ticks <= 6, "expected one run per firing between the two nodes, got " + ticks);
        assertEquals(ticks, count("SELECT COUNT(*) FROM job_run WHERE job_name = 'tick' AND outcome = 'SUCCEEDED'"));
    }

    @Test
    void runNowRunsTheJobAndLogsIt() {
        ScheduleConfig a = new ScheduleConfig("node-a", 1, Duration.ofSeconds(2), ZoneId.of("UTC"));
        try (Schedule one = Schedule.create(db, a, List.of(tick("node-a")))) {
            assertEquals("ticked", one.runNow("tick"));
            assertEquals(1, one.succeededRuns("tick"));
            Schedule.JobStatus s = one.show().get(0);
            assertEquals("SUCCEEDED", s.lastOutcome());
        }
    }

    @Test
    void unknownJobIsRefusedNamingTheKnownOnes() {
        ScheduleConfig a = new ScheduleConfig("node-a", 1, Duration.ofSeconds(2), ZoneId.of("UTC"));
        try (Schedule one = Schedule.create(db, a, List.of(tick("node-a")))) {
            UtskickException e = assertThrows(UtskickException.class, () -> one.runNow("tock"));
            assertTrue(e.getMessage().contains("tick"), e.getMessage());
        }
    }

    @Test
    void badCronExpressionIsRefusedAtStartNamingTheJob() {
        ScheduledJob bad = new ScheduledJob() {
            public String name() { return "monthly-assembly"; }
            public String description() { return "x"; }
            public String schedule() { return "every first monday"; }
            public String run() { return ""; }
        };
        ScheduleConfig a = new ScheduleConfig("node-a", 1, Duration.ofSeconds(2), ZoneId.of("UTC"));
        try (Schedule one = Schedule.create(db, a, List.of(bad))) {
            UtskickException e = assertThrows(UtskickException.class, one::start);
            assertTrue(e.getMessage().contains("monthly-assembly"), e.getMessage());
        }
    }

    @Test
    void unknownTimeZoneIsAConfigError() {
        assertThrows(ConfigException.class, () -> ScheduleConfig.from(Config.of(Map.of("schedule.timezone", "Europe/Karlstad"))));
    }

    private int count(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
