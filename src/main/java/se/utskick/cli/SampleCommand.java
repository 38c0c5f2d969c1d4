package se.utskick.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.utskick.register.SampleRegister;

/** {@code sample}: the fictional sample district. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "The fictional sample district.",
        subcommands = SampleCommand.Generate.class)
final class SampleCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a register export of the sample district (same seed and size: same file).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--members", defaultValue = "" + SampleRegister.DEFAULT_MEMBERS, description = "Number of members (default ${DEFAULT-VALUE}).")
        int members;

        @Option(names = "--seed", defaultValue = "" + SampleRegister.DEFAULT_SEED, description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--encoding", paramLabel = "CHARSET", converter = CsvOptions.EncodingConverter.class,
                description = "Encoding (default UTF-8; windows-1252 for the spreadsheet variant).")
        Charset encoding = StandardCharsets.UTF_8;

        @Option(names = "--delimiter", paramLabel = "CHAR", converter = CsvOptions.DelimiterConverter.class,
                description = "';' (default), ',' or tab.")
        Character delimiter = ';';

        @Option(names = "--bom", description = "Start a UTF-8 file with a byte-order mark.")
        boolean bom;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            SampleRegister.writeCsv(file, members, seed, encoding, delimiter, bom);
            spec.commandLine().getOut().println("sample district with " + members + " members written to " + file);
            return 0;
        }
    }
}
