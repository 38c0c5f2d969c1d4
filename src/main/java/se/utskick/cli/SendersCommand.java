package se.utskick.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import se.utskick.delivery.SenderPool;

/**
 * {@code senders}: runs this process's sender workers until it is stopped (Ctrl-C, SIGTERM). Run
 * one on each extra node to share the sending; they coordinate through the database only.
 */
@Command(name = "senders", mixinStandardHelpOptions = true,
        description = "Run sender workers (delivery.workers) for every letter being sent, until stopped.")
final class SendersCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        SenderPool pool = main.app().delivery().senders();
        // Ctrl-C, SIGTERM: record what was sent and give back at once what the workers hold
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pool.stop(LetterSendCommands.STOP_GRACE), "senders-stop"));
        pool.start();
        Thread.currentThread().join();
        return 0;
    }
}
