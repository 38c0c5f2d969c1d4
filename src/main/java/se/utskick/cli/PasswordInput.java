package se.utskick.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import se.utskick.users.UsersException;

/**
 * Reads a new password for {@code users add} and {@code users password}: from the terminal, typed
 * twice without echo, or with {@code --password-stdin} as the first line of standard input (for
 * scripts). Never from an argument, which would land in the shell history and the process list.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    static char[] read(CommandSpec spec, boolean fromStdin, String username) {
        if (fromStdin) {
            return firstLineOfStdin();
        }
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            throw new ParameterException(spec.commandLine(),
                    "no terminal to type the password on: pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("New password for %s (at least 12 characters): ", username);
        char[] again = console.readPassword("The same again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new UsersException("the two passwords differ; nothing changed");
            }
            return first;
        } finally {
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    /**
     * Since Java 22, {@code System.console()} may return a console whose input is a pipe; its
     * {@code isTerminal()} (not in Java 21, our target) tells. On Java 21 a console is a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static char[] firstLineOfStdin() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new UsersException("standard input is empty: pipe the password in as its first line");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UsersException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
