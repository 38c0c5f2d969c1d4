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
import se.utskick.Node;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.health.Check;
import se.utskick.health.DatabaseProbe;
import se.utskick.health.NodeHealth;
import se.utskick.schedule.Schedule;

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
             Utskick app = Utskick.wire(Config.of(withToken(GreenMailConfig.of(mail, "svar@" + GreenMailConfig.DOMAIN, "hemligt"))), db)) {
            Node node = app.startNode();
            Schedule schedule = node.schedule();
            schedule.runNow("purge-sessions");
            try {
                HttpResponse<String> up = get(node.webPort());
                assertEquals(200, up.statusCode(), up.body());
                assertTrue(up.body().startsWith("{\"status\":\"UP\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"database\",\"status\":\"OK\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"scheduler\",\"status\":\"OK\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"relay\",\"status\":\"OK\""), up.body());
                assertTrue(up.body().contains("{\"name\":\"senders\",\"status\":\"OK\",\"detail\":\"4 of 4 sender workers alive\""), up.body());
                assertEquals("application/json", up.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                assertFalse(up.body().contains("@"), "no addresses in the health answer: " + up.body());

                assertEquals(401, get(node.webPort(), "/metrics", null).statusCode(), "no token, no metrics");
                assertEquals(401, get(node.webPort(), "/metrics", "Bearer " + TOKEN + "x").statusCode(), "a wrong token");
                HttpResponse<String> metrics = get(node.webPort(), "/metrics", "Bearer " + TOKEN);
                assertEquals(200, metrics.statusCode(), metrics.body());
                assertTrue(metrics.body().contains("# TYPE utskick_queue_depth gauge\nutskick_queue_depth 0\n"), metrics.body());
                assertTrue(metrics.body().contains("utskick_job_runs{job=\"purge-sessions\",outcome=\"SUCCEEDED\"} "), metrics.body());
                assertFalse(metrics.body().contains("@"), metrics.body());
                assertTrue(metrics.body().contains("\nutskick_sender_workers_alive 4\n"), metrics.body());

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
    void sendersThatStoppedFailAndALetterPausedForAnErrorWarns() {
        java.time.Instant now = java.time.Instant.now();
        se.utskick.delivery.WorkerHealth working = new se.utskick.delivery.WorkerHealth("w1", true,
                se.utskick.delivery.WorkerHealth.State.IDLE, now, 0, null, null, 0);
        se.utskick.delivery.WorkerHealth stopped = new se.utskick.delivery.WorkerHealth("w2", false,
                se.utskick.delivery.WorkerHealth.State.STOPPED, now, 0, "boom", now, 1);
        Check failed = new se.utskick.health.SendersProbe(() -> List.of(working, stopped), java.util.Map::of).check();
        assertEquals(Check.Status.FAIL, failed.status(), failed.detail());
        assertTrue(failed.detail().startsWith("1 of 2 sender workers alive"), failed.detail());
        Check paused = new se.utskick.health.SendersProbe(() -> List.of(working), () -> java.util.Map.of(7L, new se.utskick.delivery.Pause(se.utskick.delivery.PauseKind.COMPOSE, "template error"))).check();
        assertEquals(Check.Status.WARN, paused.status(), paused.detail());
        assertTrue(paused.detail().contains("[7]"), paused.detail());
    }

    @Test
    void aRelayThatCannotBeReachedOrGreetsWrongIsAWarningWithTheFix() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Check unreachable = new se.utskick.health.RelayProbe("127.0.0.1", closed, false).check();
        assertEquals(Check.Status.WARN, unreachable.status());
        assertTrue(unreachable.detail().contains("smtp.host"), unreachable.detail());
        try (ServerSocket busy = new ServerSocket(0)) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (java.net.Socket c = busy.accept()) {
                    c.getOutputStream().write("554 5.3.2 too busy\r\n".getBytes());
                    c.getInputStream().read();
                } catch (java.io.IOException ignored) {
                    // the probe closed first
                }
            });
            Check refused = new se.utskick.health.RelayProbe("127.0.0.1", busy.getLocalPort(), false).check();
            assertEquals(Check.Status.WARN, refused.status(), refused.detail());
            assertTrue(refused.detail().contains("554 5.3.2 too busy"), refused.detail());
            t.join(2000);
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

    private static final String TOKEN = "metrics-token-for-the-test-0123456789";

    private static java.util.Map<String, String> withToken(java.util.Map<String, String> cfg) {
        cfg.put("web.metrics.token", TOKEN);
        return cfg;
    }

    @Test
    void metricsAreOffWithoutAToken() throws Exception {
        try (Database db = TestDatabase.fresh();
             se.utskick.web.WebServer web = se.utskick.web.WebServer.start(new se.utskick.web.WebConfig("127.0.0.1", 0), null, null,
                     new se.utskick.health.Operations(new NodeHealth(List.of(), Clock.systemUTC()),
                             new se.utskick.health.Metrics(db.dataSource(), java.util.Map::of), java.util.Optional.empty()))) {
            assertEquals(404, get(web.port(), "/metrics", "Bearer anything").statusCode());
            assertEquals(200, get(web.port()).statusCode());
        }
    }

    @Test
    void aShortMetricsTokenIsRefusedNamingTheKey() {
        se.utskick.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(se.utskick.ConfigException.class,
                () -> se.utskick.health.Operations.metricsToken(Config.of(java.util.Map.of("web.metrics.token", "short"))));
        assertTrue(e.getMessage().contains("web.metrics.token"), e.getMessage());
    }

    private static HttpResponse<String> get(int port) throws Exception {
        return get(port, "/health", null);
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
