package se.utskick.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import se.utskick.Utskick;
import se.utskick.Node;

/**
 * {@code serve}: the long-running node ({@link Node}, assembled by {@link Utskick#startNode}): a Quartz cluster node with every job
 * of {@link Utskick#jobs()}, this process's sender workers, and the HTTP server (unsubscribe pages
 * and the staff's web interface); with {@code smtp.host = embedded} also the in-process mail
 * server (started by {@link Utskick#start}). Any number of nodes may run on one database: each
 * trigger fires on one node, sending is shared through the outbox, sessions live in the database.
 * Stops on SIGTERM within {@code serve.stop.grace} plus the longest running job.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: scheduler node, sender workers, reply polling, the web interface. Stop with SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        Utskick app = main.app();
        Duration grace = app.config().duration("serve.stop.grace", Duration.ofSeconds(3));
        Node node = app.startNode();
        log.info("serve: node {} running ({} jobs, {} sender workers, web port {}); stop with SIGTERM",
                node.nodeId(), app.jobs().size(), app.delivery().config().workers(), node.webPort());
        node.runUntilStopped(grace);
        return 0;
    }
}
