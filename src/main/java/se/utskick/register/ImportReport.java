package se.utskick.register;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What an import changed (or, for a dry run, would change). Counts only, apart from {@link #changes},
 * which lists each change with its member number and is filled for dry runs only (it is personal
 * data: print it to the operator, never log it).
 *
 * @param rows              data lines in the file
 * @param added             new members
 * @param updated           members whose name, address, phone, association, joined date or status changed
 * @param left              members marked LEFT because a full export no longer lists them
 * @param unchanged         members in the file with nothing to change
 * @param roleChanges       members whose set of roles changed
 * @param skippedErased     lines of members erased earlier, not imported
 * @param associationsAdded associations new to the register
 * @param missingEmail      members in the file with no address
 * @param invalidEmail      members in the file with a malformed address
 */
public record ImportReport(boolean dryRun, Charset encoding, char delimiter, int rows, int added, int updated,
                           int left, int unchanged, int roleChanges, int skippedErased, int associationsAdded,
                           int missingEmail, int invalidEmail, List<String> changes) {

    public ImportReport {
        changes = List.copyOf(changes);
    }

    /** True if the import changed nothing in the register. */
    public boolean noChanges() {
        return added == 0 && updated == 0 && left == 0 && roleChanges == 0 && associationsAdded == 0;
    }

    /** One line of counts, safe to log. */
    public String summary() {
        return (dryRun ? "dry run, would change: " : "")
                + rows + " rows: " + added + " added, " + updated + " updated, " + left + " left, " + unchanged
                + " unchanged, " + roleChanges + " with changed roles, " + associationsAdded + " new associations, "
                + skippedErased + " erased skipped; addresses missing " + missingEmail + ", malformed " + invalidEmail;
    }
}
