package se.utskick.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.letters.Event;
import se.utskick.letters.EventState;

/** {@code events add|list}: the district's and associations' events; the approved ones are listed in the members' letter. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Events (arrangemang) for the members' letter.",
        subcommands = {EventsCommand.Add.class, EventsCommand.ListEvents.class})
final class EventsCommand {
    @ParentCommand
    Main main;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an event.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        EventsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--association", description = "The arranging association; leave out for the district's own events.")
        String association;
        @Option(names = "--title", required = true)
        String title;
        @Option(names = "--starts", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "Local time, e.g. 2026-03-08T14:00.")
        LocalDateTime starts;
        @Option(names = "--ends", paramLabel = "YYYY-MM-DDTHH:MM")
        LocalDateTime ends;
        @Option(names = "--place", required = true)
        String place;
        @Option(names = "--description", defaultValue = "")
        String description;
        @Option(names = "--proposed", description = "Sent in by an association: not in the members' letter until approved in the web interface.")
        boolean proposed;

        @Override
        public Integer call() {
            var app = parent.main.app();
            Integer assoc = association == null ? null : app.audiences().associationIds(List.of(association)).getFirst();
            long id = app.letters().events().add(assoc, title, starts, ends, place, description,
                    proposed ? EventState.PROPOSED : EventState.APPROVED);
            parent.main.audit("event.add", "event " + id, proposed ? "PROPOSED" : "APPROVED");
            spec.commandLine().getOut().printf("event %d added%s%n", id, proposed ? " as proposed (approve it under /arrangemang)" : "");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List events from a date, for some weeks.")
    static final class ListEvents implements Callable<Integer> {
        @ParentCommand
        EventsCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Default: today.")
        LocalDate from;
        @Option(names = "--weeks", defaultValue = "8")
        int weeks;

        @Override
        public Integer call() {
            LocalDateTime start = (from == null ? LocalDate.now() : from).atStartOfDay();
            for (Event e : parent.main.app().letters().events().listed(start, start.plusWeeks(weeks))) {
                spec.commandLine().getOut().printf("%4d  %s  %-8s  %-30s %s%s%n", e.id(), e.startsAt(), e.state(), e.title(), e.place(),
                        e.associationName() == null ? "" : " (" + e.associationName() + ")");
            }
            return 0;
        }
    }
}
