package se.utskick.cli;

import picocli.CommandLine.Command;

/** {@code bench}: benchmarks, each a subcommand; figures are indicative of the machine they ran on. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchImportCommand.class, BenchRenderCommand.class})
final class BenchCommand {
}
