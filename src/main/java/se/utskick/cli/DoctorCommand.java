package se.utskick.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Config;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.doctor.Doctor;
import se.utskick.doctor.Finding;
import se.utskick.doctor.JndiDns;
import se.utskick.doctor.Status;
import se.utskick.replies.RepliesConfig;

/**
 * {@code doctor}: checks what the first real send needs and prints one line per finding — OK, WARN
 * or FAIL, what was found and the fix. Exit code 0 when nothing is FAIL, 1 otherwise. Sends nothing.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the set-up before the first real send: the database (MariaDB 10.6+), every SMTP relay "
                + "(the default one and each of smtp.relays: connect, EHLO, STARTTLS, sign-in, sender; each letter kind's "
                + "route), the reply mailbox (IMAP sign-in, folders) and the DNS of "
                + "the sending domain (SPF covers the default relay, the DKIM key matches, DMARC, MX).",
                "One line per finding: OK, WARN or FAIL, what was found and the fix. Exit code 1 if any FAIL. "
                        + "Nothing is sent. DNS: the system resolver, or doctor.dns.server."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config config = main.config();
        DeliveryConfig delivery = DeliveryConfig.from(config);
        RepliesConfig replies = RepliesConfig.from(config);
        Doctor doctor = new Doctor(delivery, replies, new JndiDns(config.optional("doctor.dns.server")));
        List<Finding> findings = doctor.run(() -> main.app().database());
        Map<Status, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            out.println(f.line());
            counts.merge(f.status(), 1, Integer::sum);
        }
        out.println(counts.getOrDefault(Status.OK, 0) + " OK, " + counts.getOrDefault(Status.WARN, 0) + " WARN, "
                + counts.getOrDefault(Status.FAIL, 0) + " FAIL");
        return Doctor.exitCode(findings);
    }
}
