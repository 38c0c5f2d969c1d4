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
import se.utskick.users.User;
import se.utskick.users.Users;

/** {@code users}: the staff accounts of the web interface. Every change is audited with actor cli:USER. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Staff accounts of the web interface.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Password.class})
final class UsersCommand {
    @ParentCommand
    Main main;

    Users users() {
        return main.app().users();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account; the password is typed twice (no echo), or piped in with --password-stdin.")
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
                spec.commandLine().getOut().printf("user %s (%s) added%n", u.username(), u.displayName());
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
            out.printf("%-20s %-30s %-9s %s%n", "username", "name", "state", "created");
            var all = parent.users().list();
            for (User u : all) {
                out.printf("%-20s %-30s %-9s %s%n", u.username(), u.displayName(), u.active() ? "active" : "disabled",
                        day.format(u.createdAt()));
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
}
