package se.utskick.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.LoggedDelivery;

/** {@code deliveries LETTER [--state FAILED]}: the delivery log of a letter, one line per recipient. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "List a letter's deliveries: id, state, attempts, address, sent time, last SMTP reply.")
final class DeliveriesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LETTER", description = "The letter: its id or name (12, board-2026-03).")
    String letterId;

    @Option(names = "--state", paramLabel = "STATE", description = "Only this state: ${COMPLETION-CANDIDATES}.")
    DeliveryState state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-9s %3s  %-40s %-24s %s%n", "id", "state", "try", "address", "sent", "last reply");
        for (LoggedDelivery d : main.app().delivery().log().deliveries(LetterRef.id(main, letterId), Optional.ofNullable(state), limit)) {
            out.printf("%-10d %-9s %3d  %-40s %-24s %s%n", d.id(), d.state(), d.attempts(),
                    d.email().isEmpty() ? "(erased)" : d.email(), d.sentAt() == null ? "" : d.sentAt().toString(),
                    d.lastReply() == null ? "" : d.lastReply());
        }
        return 0;
    }
}
