package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.GreenMailConfig;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.health.Check;
import se.utskick.health.DatabaseProbe;
import se.utskick.health.NodeHealth;
import se.utskick.schedule.Schedule;
import se.utskick.schedule.ScheduleConfig;

/**
 * Guards {@code GET /health} of a real node (the one {@code serve} runs): 200 and UP with each
 * part's state while the node can work, 503 and DOWN naming the part when it cannot, no sign-in
 * needed and no personal data in the answer.
 */
class NodeHealthTest {
    @Test
    void aRunningNodeIsUpAndAStoppedSchedulerMakesItDown() throws Exception {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("svar@" + GreenMailConfig.DOMAIN, "svar@" + GreenMailConfig.DOMAIN, "hemligt");
        try (Database db = TestDatabase.fresh();
             Utskick app = Utskick.wire(Config.of(GreenMailConfig.of(mail, "svar@" + GreenMailConfig.DOMAIN, "hemligt")), db)) {
            Schedule schedule = Schedule.create(db, ScheduleConfig.from(app.config()), app.jobs());
            ServiceNode node = ServiceNode.start(app, schedule);
            try {
                HttpResponse<String> up = get(node.webPort());
                assertEquals(200, up.statusCode(), up.body());
                assertTrue(up.body().startsWith("{\"status\":\"UP\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"database\",\"status\":\"OK\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"scheduler\",\"status\":\"OK\""), up.body());
                assertEquals("application/json", up.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                assertFalse(up.body().contains("@"), "no addresses in the health answer: " + up.body());

                schedule.close();
                HttpResponse<String> down = get(node.webPort());
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.body().startsWith("{\"status\":\"DOWN\""), down.body());
                assertTrue(down.body().contains("{\"name\":\"scheduler\",\"status\":\"FAIL\""), down.body());
            } finally {
                node.stop(Duration.ofSeconds(5));
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerFailsWithTheFix() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        org.mariadb.jdbc.MariaDbDataSource nowhere = new org.mariadb.jdbc.MariaDbDataSource(
                "jdbc:mariadb://127.0.0.1:" + closed + "/utskick?connectTimeout=500");
        {
            NodeHealth.Report r = new NodeHealth(List.of(new DatabaseProbe(nowhere)), Clock.systemUTC()).report();
            assertFalse(r.up());
            Check db = r.checks().get(0);
            assertEquals(Check.Status.FAIL, db.status());
            assertTrue(db.detail().contains("db.url"), db.detail());
            assertTrue(r.json().startsWith("{\"status\":\"DOWN\""), r.json());
        }
    }

    @Test
    void aProbeThatThrowsIsAFailNotABrokenReport() {
        NodeHealth.Report r = new NodeHealth(List.of(() -> Check.ok("a", "fine \"quoted\"\n"), () -> {
            throw new IllegalStateException("boom");
        }), Clock.systemUTC()).report();
        assertFalse(r.up());
        assertTrue(r.json().contains("\"detail\":\"fine \\\"quoted\\\"\\u000a\""), r.json());
        assertEquals(Check.Status.FAIL, r.checks().get(1).status());
    }

    private static HttpResponse<String> get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
