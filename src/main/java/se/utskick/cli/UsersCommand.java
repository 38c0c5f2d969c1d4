package se.utskick.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.users.TotpEnrolment;
import se.utskick.users.User;
import se.utskick.users.Users;

/** {@code users}: the staff accounts of the web interface. Every change is audited with actor cli:USER. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Staff accounts of the web interface.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Password.class,
            UsersCommand.TotpReset.class})
final class UsersCommand {
    @ParentCommand
    Main main;

    Users users() {
        return main.app().users();
    }

    /**
     * Prints a new second factor for the operator to put in the staff member's authenticator app:
     * the otpauth URI (for a QR code) and the secret in groups of four (to type). Printed once, to
     * the terminal only, never logged or audited.
     */
    static void printEnrolment(PrintWriter out, TotpEnrolment e) {
        out.printf("second factor (TOTP) of %s: add it to the staff member's authenticator app now; it is not shown again%n",
                e.username());
        out.printf("  otpauth URI (make a QR code of it, e.g. qrencode -t ansiutf8 'URI'): %s%n", e.uri());
        out.printf("  or type the secret: %s%n", e.grouped());
        out.printf("  (time-based, 6 digits, 30 seconds; sign-in asks for a code after the password)%n");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account; the password is typed twice (no echo), or piped in with --password-stdin."
                    + " Prints the account's second factor (TOTP) for an authenticator app.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME", description = "2-40 of a-z, 0-9, '.', '_', '-', e.g. anna.k")
        String username;
        @Option(names = "--name", paramLabel = "NAME", description = "The name shown in the interface (default: the username).")
        String displayName;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            char[] password = PasswordInput.read(spec, passwordStdin, username);
            try {
                User u = parent.users().add(username, displayName, password);
                parent.main.audit("user.add", "user " + u.username(), "");
                TotpEnrolment totp = parent.users().resetTotp(u.username());
                parent.main.audit("user.totp-reset", "user " + u.username(), "enrolled at creation");
                spec.commandLine().getOut().printf("user %s (%s) added%n", u.username(), u.displayName());
                printEnrolment(spec.commandLine().getOut(), totp);
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account, active or disabled.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.of("Europe/Stockholm"));
            out.printf("%-20s %-30s %-9s %-10s %s%n", "username", "name", "state", "created", "second factor");
            var all = parent.users().list();
            for (User u : all) {
                out.printf("%-20s %-30s %-9s %-10s %s%n", u.username(), u.displayName(), u.active() ? "active" : "disabled",
                        day.format(u.createdAt()), parent.users().hasSecondFactor(u.username()) ? "yes"
                                : "NONE (cannot sign in; run: utskick users totp-reset " + u.username() + ")");
            }
            out.println(all.size() + " users");
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its sessions.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            parent.users().disable(username);
            parent.main.audit("user.disable", "user " + username, "");
            spec.commandLine().getOut().printf("user %s disabled; its sessions ended%n", username);
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Set a new password (typed twice, or --password-stdin); ends the account's sessions.")
    static final class Password implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            char[] password = PasswordInput.read(spec, passwordStdin, username);
            try {
                parent.users().setPassword(username, password);
                parent.main.audit("user.password", "user " + username, "");
                spec.commandLine().getOut().printf("password of %s changed; its sessions ended%n", username);
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "totp-reset", mixinStandardHelpOptions = true,
            description = "Give the account a new second factor (TOTP) and print it for an authenticator app;"
                    + " the old one stops working and the account's sessions end. Accounts without one cannot sign in.")
    static final class TotpReset implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            TotpEnrolment totp = parent.users().resetTotp(username);
            parent.main.audit("user.totp-reset", "user " + totp.username(), "");
            spec.commandLine().getOut().printf("second factor of %s reset; its sessions ended%n", totp.username());
            printEnrolment(spec.commandLine().getOut(), totp);
            return 0;
        }
    }
}
