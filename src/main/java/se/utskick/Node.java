package se.utskick;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.delivery.SenderPool;
import se.utskick.health.DatabaseProbe;
import se.utskick.health.Metrics;
import se.utskick.health.NodeHealth;
import se.utskick.health.Operations;
import se.utskick.health.SchedulerProbe;
import se.utskick.health.RelayProbe;
import se.utskick.health.SendersProbe;
import se.utskick.schedule.Schedule;
import se.utskick.web.WebConfig;
import se.utskick.web.WebServer;
import se.utskick.web.WebUi;

/**
 * One running node of the service, assembled by the composition root ({@link Utskick#startNode}):
 * this process's sender workers, a Quartz cluster node with every job, and the HTTP server with the
 * unsubscribe pages, the staff's interface, {@code /health} and {@code /metrics}. {@code serve} runs
 * one until SIGTERM; the demo runs one after its month so the interface can be tried.
 *
 * <p>Stopping (SIGTERM, Ctrl-C; a shutdown hook): the workers stop claiming, finish the message in
 * hand and give every row they still hold back at once; the scheduler stops firing and waits for a
 * running job; the HTTP server closes; then the application (database). Bounded by {@code grace}
 * for the workers plus the longest running job.
 */
public final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private final Utskick app;
    private final Schedule schedule;
    private final SenderPool senders;
    private final WebServer web;

    private Node(Utskick app, Schedule schedule, SenderPool senders, WebServer web) {
        this.app = app;
        this.schedule = schedule;
        this.senders = senders;
        this.web = web;
    }

    /** Starts the HTTP server first (a taken port fails before anything is sent), then the workers and the scheduler. */
    static Node start(Utskick app, Schedule schedule) {
        SenderPool senders = app.delivery().senders();
        NodeHealth health = new NodeHealth(List.of(new DatabaseProbe(app.database().dataSource()),
                new SchedulerProbe(schedule, Clock.systemUTC()),
                new SendersProbe(app.delivery()::workerHealth, app.delivery().log()::pausedForError),
                new RelayProbe(app.delivery().config().smtpHost(), app.delivery().config().smtpPort(), app.delivery().config().implicitTls())),
                Clock.systemUTC());
        Operations ops = new Operations(health, new Metrics(app.database().dataSource(), () -> workerGauges(app)),
                Operations.metricsToken(app.config()));
        WebServer web = WebServer.start(WebConfig.from(app.config()), app.replies().unsubscriber(), new WebUi(app, schedule::show), ops);
        senders.start();
        schedule.start();
        return new Node(app, schedule, senders, web);
    }

    /** This node's gauges for /metrics: sender workers, and those alive. */
    private static Map<String, Double> workerGauges(Utskick app) {
        List<se.utskick.delivery.WorkerHealth> workers = app.delivery().workerHealth();
        return Map.of("sender_workers", (double) workers.size(),
                "sender_workers_alive", (double) workers.stream().filter(se.utskick.delivery.WorkerHealth::alive).count());
    }

    public int webPort() {
        return web.port();
    }

    /** The address people open: http://BIND:PORT/ (a wildcard bind shown as 127.0.0.1). */
    public String address() {
        String bind = WebConfig.from(app.config()).bind();
        return "http://" + (bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind) + ":" + web.port() + "/";
    }

    public String nodeId() {
        return schedule.nodeId();
    }

    /** This node's scheduler (started): {@code schedule show/run} and the tests use it. */
    public Schedule schedule() {
        return schedule;
    }

    /** Blocks until the process is told to stop; the shutdown hook stops this node and closes the application. */
    public void runUntilStopped(Duration grace) throws InterruptedException {
        app.database().holdEmbeddedAtExit();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("serve-stop").unstarted(() -> {
            long t0 = System.nanoTime();
            log.info("serve: stopping node {}", schedule.nodeId());
            stop(grace);
            app.close();
            log.info("serve: stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }));
        // The JVM ends when the shutdown hook has run; this thread only keeps the process alive.
        Thread.currentThread().join();
    }

    /** Stops workers, scheduler and HTTP server (not the application); a step that fails does not keep the next from running. */
    public void stop(Duration grace) {
        step("sender workers", () -> senders.stop(grace));
        step("scheduler node", schedule::close);
        step("web server", web::close);
    }

    private static void step(String what, Runnable stop) {
        try {
            stop.run();
            log.info("serve: {} stopped", what);
        } catch (RuntimeException e) {
            log.error("serve: stopping the {} failed", what, e);
        }
    }
}
