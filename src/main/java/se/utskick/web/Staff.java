package se.utskick.web;

import io.javalin.http.Context;
import java.util.Optional;
import se.utskick.users.Session;

/** The signed-in member of staff of the current request, put there by {@link StaffGate}. */
final class Staff {
    private static final String ATTRIBUTE = "utskick.session";

    private Staff() {
    }

    static void set(Context ctx, Session s) {
        ctx.attribute(ATTRIBUTE, s);
    }

    static Optional<Session> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The session of a request that passed the gate (every page except sign-in and the public ones). */
    static Session require(Context ctx) {
        return of(ctx).orElseThrow(() -> new IllegalStateException("no session on " + ctx.path() + ": route not behind StaffGate"));
    }

    static void setRole(Context ctx, se.utskick.users.StaffRole role) {
        ctx.attribute(ATTRIBUTE + ".role", role);
    }

    /** The signed-in account's role (READ_ONLY if none was set). */
    static se.utskick.users.StaffRole role(Context ctx) {
        se.utskick.users.StaffRole r = ctx.attribute(ATTRIBUTE + ".role");
        return r == null ? se.utskick.users.StaffRole.READ_ONLY : r;
    }

    /** Who did it, for the audit log: the username. */
    static String actor(Context ctx) {
        return require(ctx).user().username();
    }
}
