package se.utskick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.register.ImportOptions;
import se.utskick.register.ImportReport;
import se.utskick.register.Register;
import se.utskick.register.SampleRegister;

/**
 * {@code demo}: the month's work on embedded defaults. So far: write the sample district's register
 * export under {@code data/}, import it, print the register's summary; compose this month's members'
 * letter and board letter, approve them and write their previews under {@code out/demo/}. Runs
 * again and again: the second import of the same export changes nothing, the letters are found.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the demo on embedded defaults: the sample district is imported and summarised.")
public final class DemoCommand implements Callable<Integer> {
    /** Where the demo writes the sample export. */
    static final Path SAMPLE_EXPORT = Path.of("data", "medlemsregister.csv");
    /** Where the demo writes the letters' previews. */
    static final Path PREVIEWS = Path.of("out", "demo");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("== The sample district's register export");
        SampleRegister.writeCsv(SAMPLE_EXPORT, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        out.println("written to " + SAMPLE_EXPORT + " (" + SampleRegister.DEFAULT_MEMBERS + " members)");
        Register register = main.app().register();
        out.println("== Import");
        ImportReport report = register.importFile(SAMPLE_EXPORT, ImportOptions.defaults());
        RegisterPrinter.report(out, report);
        out.println("== The register");
        RegisterPrinter.summary(out, register.summary());
        out.println("== This month's letters");
        DemoLetters.run(main.app(), out, PREVIEWS);
        return 0;
    }
}
