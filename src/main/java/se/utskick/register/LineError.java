package se.utskick.register;

/**
 * One thing wrong in a register export.
 *
 * @param line    the line in the file (1 = the header)
 * @param column  the header of the column at fault, or empty if the whole line is
 * @param problem what is wrong and how to fix it
 */
public record LineError(int line, String column, String problem) {
    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + problem;
    }
}
