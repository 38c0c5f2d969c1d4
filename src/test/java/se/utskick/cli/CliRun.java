package se.utskick.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One command line run through {@link Main#run} in this JVM, with its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with {@code --config config} (an inherited option, accepted before the command). */
    static CliRun of(Path config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
