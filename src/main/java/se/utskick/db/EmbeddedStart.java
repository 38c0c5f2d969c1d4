package se.utskick.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link EmbeddedMariaDb#open} decides, under the folder's start lock, between the server already
 * running on the folder and a new one, and the file locks it takes for that (see the class comment of
 * {@link EmbeddedMariaDb}: "Shared" and "Who stops it"). Package-private, stateless.
 */
final class EmbeddedStart {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private EmbeddedStart() {
    }

    record Found(MariadbServer.Running server, boolean started) {
    }

    /** Under the start lock: the running server if it is ours and answers, else a new one. */
    static Found findOrStart(EmbeddedFolder f, int port, String password, FileChannel users, boolean upgrading)
            throws IOException {
        Optional<EmbeddedFolder.ServerRecord> record = f.readRecord();
        Optional<MariadbServer.Running> running = MariadbServer.find(f, record);
        if (running.isPresent()) {
            MariadbServer.Running r = running.get();
            Optional<String> problem = MariadbServer.probe(f, r.port(), password);
            if (problem.isEmpty()) {
                boolean orphan = unused(users);
                log.info("embedded MariaDB: using the server already running on {} (pid {}, port {}{})", f.home(), r.process().pid(),
                        r.port(), orphan ? "; no Utskick was using it" : "");
                if (record.map(rec -> rec.pid() != r.process().pid()).orElse(true)) {
                    f.writeRecord(new EmbeddedFolder.ServerRecord(r.process().pid(), r.port(), f.socket(), f.data(), Instant.now()));
                }
                return new Found(r, false);
            }
            refuseIfInUse(f, r, problem.get(), users);
            log.warn("embedded MariaDB: stopping the server left running on {} (pid {}): {}", f.home(), r.process().pid(), problem.get());
            MariadbServer.stop(r.process());
        }
        f.deleteRecord();
        long t0 = System.nanoTime();
        MariadbServer.Running r = MariadbServer.start(f, port, password, EmbeddedMariaDb.START_WAIT);
        f.writeRecord(new EmbeddedFolder.ServerRecord(r.process().pid(), r.port(), f.socket(), f.data(), Instant.now()));
        log.info("embedded MariaDB started on 127.0.0.1:{} (pid {}) with data in {} in {} ms{}", r.port(), r.process().pid(), f.data(),
                (System.nanoTime() - t0) / 1_000_000, upgrading ? "; upgraded a folder of an older Utskick to grant tables and a password" : "");
        return new Found(r, true);
    }

    /**
     * A server that is not ours but that someone uses is not stopped under them: a Utskick of this folder
     * (it holds the users lock) or an older Utskick that still runs (its JVM is the server's parent).
     */
    private static void refuseIfInUse(EmbeddedFolder f, MariadbServer.Running r, String problem, FileChannel users) throws IOException {
        Optional<ProcessHandle> parent = r.process().parent().filter(p -> p.info().command().orElse("").endsWith("/java"));
        if (!unused(users) || parent.isPresent()) {
            throw new DatabaseException("the embedded MariaDB on " + f.home() + " (pid " + r.process().pid() + ") is in use by "
                    + parent.map(p -> "the process " + p.pid()).orElse("another Utskick") + ", but " + problem
                    + "; stop that process (it may be an older Utskick) and start again");
        }
    }

    /** True when no process holds the shared users lock (tried and released at once). */
    static boolean unused(FileChannel users) throws IOException {
        FileLock probe = users.tryLock(0, Long.MAX_VALUE, false);
        if (probe == null) {
            return false;
        }
        probe.release();
        return true;
    }

    static FileLock lockWithin(FileChannel ch, Duration wait, EmbeddedFolder f) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                FileLock l = ch.tryLock();
                if (l != null) {
                    return l;
                }
            } catch (OverlappingFileLockException e) {
                // another thread of this JVM outside USES's monitor cannot hold it; treat as busy
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseException("another Utskick has been starting the embedded MariaDB on " + f.home() + " for "
                        + wait.toSeconds() + " s; see " + f.log());
            }
            MariadbServer.sleep(50);
        }
    }
}
