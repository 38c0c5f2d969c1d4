package se.utskick.cli;

import java.io.PrintWriter;
import se.utskick.register.EmailStatus;
import se.utskick.register.ImportReport;
import se.utskick.register.Region;
import se.utskick.register.RegisterSummary;
import se.utskick.register.Role;

/** How the register's reports look on the terminal (counts only). */
final class RegisterPrinter {
    private RegisterPrinter() {
    }

    static void summary(PrintWriter out, RegisterSummary s) {
        out.printf("Associations: %d (%s %d, %s %d)%n", s.associations(), Region.NORTH.label(),
                s.associationsByRegion().getOrDefault(Region.NORTH, 0), Region.SOUTH.label(),
                s.associationsByRegion().getOrDefault(Region.SOUTH, 0));
        out.printf("Members:      %d active, %d left, %d unsubscribed from the members' letter%n",
                s.activeMembers(), s.leftMembers(), s.unsubscribed());
        out.print("Addresses:   ");
        for (EmailStatus st : EmailStatus.values()) {
            out.printf(" %s %d", st.name(), s.emailStatus().getOrDefault(st, 0));
        }
        out.println();
        out.println("Roles:");
        for (Role r : Role.values()) {
            out.printf("  %-22s %d%n", r.label(), s.roles().getOrDefault(r, 0));
        }
    }

    static void report(PrintWriter out, ImportReport r) {
        out.printf("Read %d rows (%s, delimiter %s).%n", r.rows(), r.encoding().name(),
                r.delimiter() == '\t' ? "tab" : "'" + r.delimiter() + "'");
        out.println((r.dryRun() ? "Would change: " : "Changed: ") + r.added() + " added, " + r.updated() + " updated, "
                + r.left() + " left, " + r.roleChanges() + " with new roles, " + r.associationsAdded()
                + " new associations; " + r.unchanged() + " unchanged.");
        if (r.skippedErased() > 0) {
            out.println(r.skippedErased() + " erased members in the file were skipped.");
        }
        out.println("Addresses in the file: " + r.missingEmail() + " missing, " + r.invalidEmail()
                + " malformed (see: register missing-email).");
    }
}
