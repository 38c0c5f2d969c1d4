package se.utskick.cli;

import se.utskick.Config;
import se.utskick.UtskickException;
import se.utskick.Utskick;

/**
 * Where a benchmark writes its fictional members: on the embedded default, a scratch database on the
 * embedded server, dropped when this closes (also after a failure); on a configured {@code db.url},
 * that database, and only when the operator said so ({@code --on-configured-database}).
 */
final class BenchDatabase implements AutoCloseable {
    private final Utskick app;
    private final String scratch;

    private BenchDatabase(Utskick app, String scratch) {
        this.app = app;
        this.scratch = scratch;
    }

    /** @param what the benchmark, for the refusal: "bench send" */
    static BenchDatabase open(Config config, String what, int members, boolean onConfigured) {
        if (config.optional("db.url").isPresent()) {
            if (!onConfigured) {
                throw new UtskickException(what + " would write " + members + " fictional members into the database at db.url;"
                        + " unset db.url to use a scratch database on the embedded server, or add --on-configured-database");
            }
            return new BenchDatabase(Utskick.start(config), null);
        }
        // Fictional members in a scratch database, dropped afterwards: the demo secret is fine here.
        String name = what.replace(' ', '_') + "_" + System.currentTimeMillis();
        return new BenchDatabase(Utskick.start(config.forDemo().with("db.embedded.name", name)), name);
    }

    /**
     * The same database again, from another process of a several-node benchmark ({@code bench sender}):
     * the scratch database {@code scratch} on the embedded server of this configuration's folder (the
     * server already running there; its password is read from the folder), or the database at
     * {@code db.url} when {@code scratch} is null. Closing it drops nothing.
     */
    static BenchDatabase attach(Config config, String scratch) {
        Utskick app = scratch == null ? Utskick.start(config) : Utskick.start(config.forDemo().with("db.embedded.name", scratch));
        return new BenchDatabase(app, null);
    }

    Utskick app() {
        return app;
    }

    /** The scratch database's name, or null on a configured {@code db.url}. */
    String scratchName() {
        return scratch;
    }

    @Override
    public void close() {
        try {
            if (scratch != null) {
                app.database().withConnection(c -> c.createStatement().executeUpdate("DROP DATABASE " + scratch));
            }
        } finally {
            app.close();
        }
    }
}
