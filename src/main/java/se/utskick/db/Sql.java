package se.utskick.db;

/**
 * One named query: its name ({@code feature.query}, as written in the feature's
 * {@code sql/<feature>.sql}) and its text with {@code ?} parameters. Every named query is prepared
 * against the database at start ({@link NamedQueries#prepareAll}), so a broken one stops the boot.
 */
public record Sql(String name, String text) {
    @Override
    public String toString() {
        return name;
    }
}
