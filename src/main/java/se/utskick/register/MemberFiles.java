package se.utskick.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import se.utskick.UtskickException;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The files outside the database that name a member: a preview of a letter as one member gets it
 * ({@code letter preview}, the monthly assembly's preview, the demo's {@code out/demo}). Whoever
 * writes such a file records it here with the member's id; the member's erasure deletes every
 * recorded file, then the records, in the erasure transaction (a file that cannot be deleted rolls
 * the erasure back, naming the file). A file copied elsewhere by hand is beyond reach. Thread-safe.
 */
public final class MemberFiles {
    private final Database db;
    private final Clock clock;

    MemberFiles(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that {@code files} (just written) name the member {@code memberId}. */
    public void record(long memberId, Path... files) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(RegisterSql.RECORD_FILE.text())) {
                for (Path f : files) {
                    Bind.bind(ps, memberId, f.toAbsolutePath().normalize().toString(), clock.instant()).addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The recorded files of a member, for the access export. */
    static List<String> paths(Connection c, long memberId) throws SQLException {
        return Bind.list(c, RegisterSql.MEMBER_FILES, rs -> rs.getString(1), memberId);
    }

    /** Deletes the member's recorded files and their records; part of the erasure transaction. Returns how many files were there. */
    static int erase(Connection c, long memberId) throws SQLException {
        int deleted = 0;
        for (String p : paths(c, memberId)) {
            try {
                deleted += Files.deleteIfExists(Path.of(p)) ? 1 : 0;
            } catch (IOException | RuntimeException e) {
                throw new UtskickException("cannot delete " + p + ", a file that names the member being erased ("
                        + e.getMessage() + "); nothing was erased. Delete the file, or let Utskick's user do so, and erase again", e);
            }
        }
        Bind.update(c, RegisterSql.FORGET_FILES, memberId);
        return deleted;
    }
}
