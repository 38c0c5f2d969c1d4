package se.utskick.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code config}: prints the effective configuration, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (file + environment), secrets masked.")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        main.config().describe().forEach((k, v) -> spec.commandLine().getOut().println(k + " = " + v));
        return 0;
    }
}
