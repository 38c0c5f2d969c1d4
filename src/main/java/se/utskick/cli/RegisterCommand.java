package se.utskick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.register.MemberView;
import se.utskick.register.Register;
import se.utskick.register.RoleAssignment;

/** {@code register}: the member register — import, lists, export, erasure. */
@Command(name = "register", mixinStandardHelpOptions = true, description = "The member register.",
        subcommands = {RegisterImportCommand.class, RegisterCommand.Show.class, RegisterCommand.Members.class,
                RegisterCommand.MissingEmail.class, RegisterCommand.Export.class, RegisterCommand.Erase.class,
                RegisterCommand.ExportMember.class})
final class RegisterCommand {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    Register register() {
        return main.app().register();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Summary: associations, members, roles, address status (counts only).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Override
        public Integer call() {
            RegisterPrinter.summary(parent.out(), parent.register().summary());
            return 0;
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "List the active members of one association.")
    static final class Members implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Option(names = "--association", required = true, paramLabel = "NAME", description = "The association's name.")
        String association;

        @Override
        public Integer call() {
            List<MemberView> members = parent.register().members(association);
            for (MemberView m : members) {
                parent.out().printf("%-10s %-30s %-8s %-40s %s%n", m.number(), m.firstName() + " " + m.lastName(),
                        m.emailStatus(), m.email() == null ? "" : m.email(),
                        String.join(", ", m.roles().stream().map(RoleAssignment::label).toList()));
            }
            parent.out().println(members.size() + " members");
            return 0;
        }
    }

    @Command(name = "missing-email", mixinStandardHelpOptions = true,
            description = "Members whose address is missing, malformed or bouncing, with the raw value and the reason.")
    static final class MissingEmail implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Option(names = "--association", paramLabel = "NAME", description = "Only this association.")
        String association;

        @Override
        public Integer call() {
            List<MemberView> members = parent.register().missingEmail(Optional.ofNullable(association));
            for (MemberView m : members) {
                parent.out().printf("%-16s %-10s %-30s %-8s %-40s %s%n", m.association() == null ? "-" : m.association(),
                        m.number(), m.firstName() + " " + m.lastName(), m.emailStatus(),
                        m.email() == null ? "(none)" : "'" + m.email() + "'", m.emailReason() == null ? "" : m.emailReason());
            }
            parent.out().println(members.size() + " members without a usable address");
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the active members as a register export (UTF-8, ';'), re-importable.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            int n = parent.register().export(file);
            parent.out().println(n + " members written to " + file);
            return 0;
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase a member (GDPR art. 17): their personal data goes; only a keyed hash of the number stays,"
                    + " so a later import does not bring them back.")
    static final class Erase implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Parameters(paramLabel = "MEMBER_NUMBER")
        String number;

        @Override
        public Integer call() {
            java.util.Optional<Long> id = parent.register().memberIdByNumber(number);
            parent.register().erase(number);
            parent.main.audit("member.erase", id.map(i -> "member " + i).orElse("member (not in the register)"), "");
            parent.out().println("member erased");
            return 0;
        }
    }

    @Command(name = "export-member", mixinStandardHelpOptions = true,
            description = "Write everything Utskick holds about one member as JSON, for an access request (GDPR art. 15):"
                    + " the register row, roles, deliveries, replies, unsubscription, bounce scores, files naming them and"
                    + " the audit log's rows about them. Audited.")
    static final class ExportMember implements Callable<Integer> {
        @ParentCommand
        RegisterCommand parent;

        @Parameters(paramLabel = "MEMBER_NUMBER")
        String number;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON to FILE (default: standard output).")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            String json = parent.register().exportMember(number);
            long id = parent.register().memberIdByNumber(number).orElseThrow();
            if (out != null) {
                java.nio.file.Files.writeString(out, json, java.nio.charset.StandardCharsets.UTF_8);
            }
            parent.main.audit("member.export", "member " + id, out == null ? "to standard output" : "to a file");
            if (out == null) {
                parent.out().print(json);
            } else {
                parent.out().println("everything held about member id " + id + " written to " + out);
            }
            parent.out().flush();
            return 0;
        }
    }
}
