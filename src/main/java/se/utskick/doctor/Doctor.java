package se.utskick.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import se.utskick.db.Database;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.replies.RepliesConfig;

/**
 * Runs every check in order — database, SMTP relays (the default one and each of {@code smtp.relays},
 * with what a failing one means for each {@code smtp.route.KIND}), reply mailbox, DNS — and returns the findings,
 * one or more per part. A check that fails does not stop the others. With {@code smtp.host =
 * embedded} (the demo) the DNS checks are skipped: nothing leaves the machine.
 */
public final class Doctor {
    private final DeliveryConfig delivery;
    private final RepliesConfig replies;
    private final Dns dns;

    public Doctor(DeliveryConfig delivery, RepliesConfig replies, Dns dns) {
        this.delivery = delivery;
        this.replies = replies;
        this.dns = dns;
    }

    /** {@code database}: gives the application's opened database, or throws the reason it cannot. */
    public List<Finding> run(Supplier<Database> database) {
        List<Finding> all = new ArrayList<>();
        all.add(DatabaseCheck.run(database));
        all.addAll(new RelayChecks(delivery).run());
        all.addAll(new ImapCheck(replies).run());
        if (delivery.embedded()) {
            all.add(Finding.ok("dns", "not checked: smtp.host = embedded (demo), nothing is sent to the internet; run "
                    + "doctor again once smtp.host names the real relay"));
        } else {
            all.addAll(new DnsChecks(delivery, dns).run());
        }
        return all;
    }

    /** 0 when no finding is FAIL, else 1: the command's exit code. */
    public static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? 1 : 0;
    }
}
