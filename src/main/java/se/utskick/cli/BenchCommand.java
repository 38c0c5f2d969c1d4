package se.utskick.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bench}: benchmarks, each a subcommand (never timed tests); figures are indicative of the machine they ran on. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchImportCommand.class, BenchSendCommand.class, BenchRenderCommand.class,
                BenchSenderCommand.class})
final class BenchCommand {
    @ParentCommand
    Main main;
}
