package se.utskick.bench;

/**
 * The other sending nodes of a several-node benchmark: sender pools in other processes on the same
 * database, started by the command line (which knows how to start this program again). The benchmark
 * package only starts them, reads their CPU time and waits for them.
 */
public interface SenderNodes {

    /**
     * Starts {@code count} nodes that send {@code letterId} (approved, not yet frozen) and end when it is
     * no longer running; returns once every one of them has its sender pool started.
     */
    Started start(long letterId, int count) throws Exception;

    /** Nodes started for one letter. {@link #close} stops any that are still running. */
    interface Started extends AutoCloseable {
        /** The nodes' CPU time so far, all of them together, in nanoseconds. */
        long cpuNanos();

        /** Waits for every node to end; returns the rows their pools recorded, in all. Fails if one ended badly. */
        long finish() throws Exception;

        @Override
        void close();
    }

    /** No other nodes: a one-node phase. */
    Started NONE = new Started() {
        @Override
        public long cpuNanos() {
            return 0;
        }

        @Override
        public long finish() {
            return 0;
        }

        @Override
        public void close() {
        }
    };
}
