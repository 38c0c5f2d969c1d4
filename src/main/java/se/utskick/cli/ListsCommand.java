package se.utskick.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.audience.AudienceException;
import se.utskick.audience.Audiences;
import se.utskick.audience.LeftOut;
import se.utskick.audience.NamedList;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;

/** {@code lists create|show|preview}: the mailing lists (built-in and saved audience rules). */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Mailing lists: audiences by role, association and region.",
        subcommands = {ListsCommand.Create.class, ListsCommand.Show.class, ListsCommand.Preview.class})
final class ListsCommand {
    @ParentCommand
    Main main;

    static final Map<LeftOut, String> REASONS = Map.of(LeftOut.LEFT, "left the party", LeftOut.MISSING, "no address",
            LeftOut.INVALID, "invalid address", LeftOut.BOUNCED, "address bounces", LeftOut.UNSUBSCRIBED, "unsubscribed from the members' letter");

    static void printResolution(java.io.PrintWriter out, Resolution r) {
        out.printf("recipients: %d%n", r.recipients());
        for (LeftOut reason : LeftOut.values()) {
            if (r.leftOut(reason) > 0) {
                out.printf("  left out, %s: %d%n", REASONS.get(reason), r.leftOut(reason));
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Save a named list.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Lower-case letters, digits and dashes.")
        String name;
        @Option(names = "--role", split = ",", description = "Roles, e.g. chair,board-member,membership-officer,district-board,policy-lead.")
        List<String> roles = List.of();
        @Option(names = "--association", split = ",", description = "Association names as in the register.")
        List<String> associations = List.of();
        @Option(names = "--region", split = ",", description = "north (norr) or south (söder).")
        List<String> regions = List.of();
        @Option(names = "--all-members", description = "Every member (narrowed by --association/--region if given).")
        boolean allMembers;
        @Option(names = "--exclude-role", split = ",", description = "Leave out anyone holding one of these roles.")
        List<String> excludeRoles = List.of();
        @Option(names = "--exclude-association", split = ",", description = "Leave out these associations.")
        List<String> excludeAssociations = List.of();
        @Option(names = "--description", description = "What the list is for (Swedish; shown in the letter's footer).")
        String description;

        @Override
        public Integer call() {
            if (roles.isEmpty() && associations.isEmpty() && regions.isEmpty() && !allMembers) {
                throw new AudienceException("say who is on the list: --role, --association, --region or --all-members");
            }
            if (allMembers && !roles.isEmpty()) {
                throw new AudienceException("--all-members and --role exclude each other");
            }
            Audiences a = parent.main.app().audiences();
            Rule rule = new Rule(java.util.Set.copyOf(roles.stream().map(Rule::roleName).toList()),
                    java.util.Set.copyOf(a.associationIds(associations)),
                    java.util.Set.copyOf(regions.stream().map(Rule::regionName).toList()),
                    java.util.Set.copyOf(excludeRoles.stream().map(Rule::roleName).toList()),
                    java.util.Set.copyOf(a.associationIds(excludeAssociations)));
            NamedList list = a.create(name, description, rule);
            parent.main.audit("list.create", "list " + list.name(), "");
            spec.commandLine().getOut().printf("saved list %s: %s%n", list.name(), a.describe(rule));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show every list, or one list's rule.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", arity = "0..1")
        String name;

        @Override
        public Integer call() {
            Audiences a = parent.main.app().audiences();
            List<NamedList> lists = name == null ? a.lists() : List.of(a.list(name));
            for (NamedList l : lists) {
                spec.commandLine().getOut().printf("%-28s %s%s%n      rule: %s%n", l.name(), l.description(),
                        l.builtIn() ? " (built-in)" : "", a.describe(l.rule()));
            }
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "Who a list reaches now, and who is left out and why.")
    static final class Preview implements Callable<Integer> {
        @ParentCommand
        ListsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--members-letter", description = "Resolve as for the members' letter (leaves out unsubscribers).")
        boolean membersLetter;
        @Option(names = "--show-left-out", paramLabel = "N", defaultValue = "0",
                description = "Also list up to N of the people left out, with the reason.")
        int showLeftOut;

        @Override
        public Integer call() {
            Audiences a = parent.main.app().audiences();
            NamedList l = a.list(name);
            spec.commandLine().getOut().printf("%s: %s%n", l.name(), a.describe(l.rule()));
            printResolution(spec.commandLine().getOut(), a.resolve(l.rule(), membersLetter));
            for (Audiences.LeftOutPerson p : a.leftOut(l.rule(), membersLetter, showLeftOut)) {
                spec.commandLine().getOut().printf("  %-12s %s %s: %s%n", p.memberNumber(), p.firstName(), p.lastName(), REASONS.get(p.reason()));
            }
            return 0;
        }
    }
}
