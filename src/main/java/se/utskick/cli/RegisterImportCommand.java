package se.utskick.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import se.utskick.register.ImportOptions;
import se.utskick.register.ImportReport;

/** {@code register import FILE}: synchronise the register with a register export. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Synchronise the register with a register export (CSV): add new members, update changed ones,"
                + " mark members missing from a full export as left, replace roles. All or nothing: a file with errors"
                + " changes nothing and every bad line is listed."})
final class RegisterImportCommand implements Callable<Integer> {
    @ParentCommand
    RegisterCommand parent;

    @Parameters(paramLabel = "FILE", description = "The register export.")
    Path file;

    @Option(names = "--dry-run", description = "Print what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--partial", description = "The file lists only some members: do not mark the others as left.")
    boolean partial;

    @Option(names = "--allow-mass-leave", description = "Confirm a full import that marks more than"
            + " register.import.max-leave-percent of the active members as left (refused without it, with the numbers).")
    boolean allowMassLeave;

    @Option(names = "--empty-register", description = "Confirm a file with no member lines: every active member is"
            + " marked as left. Never needed for a normal import; --allow-mass-leave does not cover it.")
    boolean emptyRegister;

    @Option(names = "--encoding", paramLabel = "CHARSET", converter = CsvOptions.EncodingConverter.class,
            description = "UTF-8, windows-1252, ... (default: detected, or register.encoding).")
    Charset encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = CsvOptions.DelimiterConverter.class,
            description = "';', ',' or tab (default: detected from the header, or register.delimiter).")
    Character delimiter;

    @Override
    public Integer call() {
        ImportOptions o = ImportOptions.defaults().withDryRun(dryRun).withPartial(partial)
                .withAllowMassLeave(allowMassLeave).withAllowEmpty(emptyRegister);
        if (encoding != null) {
            o = o.withEncoding(encoding);
        }
        if (delimiter != null) {
            o = o.withDelimiter(delimiter);
        }
        ImportReport r = parent.register().importFile(file, o);
        if (!r.dryRun()) {
            parent.main.audit("register.import", "register", String.format("%d rows: %d added, %d updated, %d left,"
                    + " %d role changes%s", r.rows(), r.added(), r.updated(), r.left(), r.roleChanges(), (partial ? " (partial)" : "")
                    + (allowMassLeave ? " (mass leave confirmed)" : "") + (emptyRegister ? " (empty register confirmed)" : "")));
        }
        var out = parent.out();
        r.changes().forEach(out::println);
        RegisterPrinter.report(out, r);
        int active = parent.register().summary().activeMembers();
        int share = parent.register().config().maxLeavePercent();
        if (r.dryRun() && !partial && !allowMassLeave && (long) r.left() * 100 > (long) active * share) {
            out.printf("Note: %d of %d active members would leave, more than register.import.max-leave-percent (%d%%);"
                    + " the import itself is refused unless given --allow-mass-leave%n", r.left(), active, share);
        }
        return 0;
    }
}
