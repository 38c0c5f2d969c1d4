package se.utskick.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import se.utskick.audit.AuditEntry;

/** {@code audit}: the audit log, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Who changed what, and when (web interface and command line), newest first. Times are Swedish time.")
final class AuditCommand implements Callable<Integer> {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;
    @Option(names = "--actor", paramLabel = "ACTOR", description = "Only this actor: a username, or cli:USER.")
    String actor;
    @Option(names = "--action", paramLabel = "ACTION",
            description = "Only this action (letter.send), or a family of them (letter: letter.send, letter.approve...).")
    String action;
    @Option(names = "--since", paramLabel = "DATE", converter = SinceConverter.class,
            description = "From this day (2026-11-01, Swedish time) or instant (2026-11-01T07:00:00Z).")
    Instant since;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N entries, 1-10000 (default 50).")
    int limit;

    @Override
    public Integer call() {
        List<AuditEntry> entries = main.app().audit().recent(actor, action, since, limit);
        PrintWriter out = spec.commandLine().getOut();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SWEDEN);
        out.printf("%-19s  %-20s %-22s %-24s %s%n", "time", "actor", "action", "subject", "detail");
        for (AuditEntry e : entries) {
            out.printf("%-19s  %-20s %-22s %-24s %s%n", time.format(e.at()), e.actor(), e.action(), e.subject(), e.detail());
        }
        out.println(entries.size() + (entries.size() == limit ? " entries (the newest " + limit + "; --limit shows more)" : " entries"));
        return 0;
    }

    /** A day in Swedish time, or an ISO instant. */
    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(SWEDEN).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a day; use 2026-11-01 (or 2026-11-01T07:00:00Z)");
            }
        }
    }
}
