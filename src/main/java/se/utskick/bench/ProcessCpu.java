package se.utskick.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import se.utskick.db.Database;

/** CPU time of the processes a benchmark involves, read from the operating system. */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /** CPU time of this JVM (all threads), in nanoseconds. */
    static long javaNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the process {@code pid} so far, in nanoseconds, or -1 when it cannot be read (gone, another user). */
    public static long of(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time of the MariaDB server process (found through its pid file), or -1 if it cannot be read (another host). */
    static long database(Database db) {
        try {
            Path pidFile = db.withConnection(c -> {
                try (var st = c.createStatement(); var r = st.executeQuery("SELECT @@datadir, @@pid_file")) {
                    r.next();
                    return Path.of(r.getString(1)).resolve(r.getString(2));
                }
            });
            return of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (Exception | Error e) {
            return -1;
        }
    }

    /** The machine's load average (the first three fields of /proc/loadavg), or "unknown". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
