package se.utskick.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Utskick;
import se.utskick.backup.Backup;

/** {@code backup FILE} and {@code restore FILE}: the whole database, as one consistent, checksummed dump. */
final class BackupCommands {
    private BackupCommands() {
    }

    static Backup backup(Utskick app) {
        return new Backup(app.database().dataSource(), Clock.systemUTC(), app.database()::migrate);
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Write a consistent dump of the whole database to FILE (gzip, owner-only, checksummed).",
                    "Back up config/, templates and the DKIM key as well: they are not in the database."})
    static final class Write implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the backup, e.g. utskick-2026-12-03.sql.gz.")
        Path file;

        @Override
        public Integer call() {
            Backup.Summary s = backup(main.app()).write(file);
            spec.commandLine().getOut().println("backup written to " + file + ": " + s.tables() + " tables, " + s.rows() + " rows");
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Load a backup into an empty database (a new db.url or db.embedded.dir), then migrate it.",
                    "The file is verified whole before anything changes; a database that holds data is refused."})
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A file written by 'utskick backup'.")
        Path file;

        @Override
        public Integer call() {
            Backup.Summary s = backup(main.app()).restore(file);
            spec.commandLine().getOut().println("restored from " + file + ": " + s.tables() + " tables, " + s.rows() + " rows");
            return 0;
        }
    }
}
