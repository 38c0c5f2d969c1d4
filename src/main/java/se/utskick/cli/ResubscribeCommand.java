package se.utskick.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code resubscribe NUMBER}: the ombudsman puts a member back on the members' letter. */
@Command(name = "resubscribe", mixinStandardHelpOptions = true,
        description = "Subscribe a member to the members' letter again after they unsubscribed.")
final class ResubscribeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The member number.")
    String number;

    @Override
    public Integer call() {
        main.app().replies().unsubscriber().resubscribe(number);
        main.audit("member.resubscribe", main.app().register().memberIdByNumber(number).map(i -> "member " + i)
                .orElse("member (not in the register)"), "");
        spec.commandLine().getOut().println("member " + number.strip() + " receives the members' letter again");
        return 0;
    }
}
