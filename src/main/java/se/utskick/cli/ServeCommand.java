package se.utskick.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import se.utskick.Utskick;
import se.utskick.delivery.SenderPool;
import se.utskick.schedule.Schedule;
import se.utskick.schedule.ScheduleConfig;
import se.utskick.web.WebConfig;
import se.utskick.web.WebServer;

/**
 * {@code serve}: the long-running node. It runs a Quartz cluster node with every job of
 * {@link Utskick#jobs()}, this process's sender workers, and the HTTP endpoint; with
 * {@code smtp.host = embedded} also the in-process mail server (started by {@link Utskick#start}).
 * Any number of nodes may run on one database: each trigger fires on one node, sending is shared
 * through the outbox.
 *
 * <p>Stopping (SIGTERM, Ctrl-C; a shutdown hook): the workers stop claiming, finish the message in
 * hand and give every row they still hold back to the queue at once; the scheduler stops firing and
 * waits for a running job; the HTTP server closes; then the database. Bounded by
 * {@code serve.stop.grace} for the workers plus the longest running job.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: scheduler node, sender workers, reply polling, the web endpoint. Stop with SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        Utskick app = main.app();
        Duration grace = app.config().duration("serve.stop.grace", Duration.ofSeconds(3));
        Schedule schedule = Schedule.create(app.database(), ScheduleConfig.from(app.config()), app.jobs());
        SenderPool senders = app.delivery().senders();
        WebServer web = WebServer.start(WebConfig.from(app.config()), app.replies().unsubscriber());
        senders.start();
        schedule.start();
        log.info("serve: node {} running ({} jobs, {} sender workers, web port {}); stop with SIGTERM",
                schedule.nodeId(), app.jobs().size(), app.delivery().config().workers(), web.port());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("serve-stop").unstarted(() -> {
            long t0 = System.nanoTime();
            log.info("serve: stopping node {}", schedule.nodeId());
            senders.stop(grace);
            schedule.close();
            log.info("serve: scheduler node stopped");
            web.close();
            log.info("serve: web server closed");
            app.close();
            log.info("serve: stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }));
        // The JVM ends when the shutdown hook has run; this thread only keeps the process alive.
        Thread.currentThread().join();
        return 0;
    }
}
