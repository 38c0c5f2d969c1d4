package se.utskick.letters;

import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateProcessingTracer;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The templates one letter renders with, from one {@link SnapshotLoader} (the files as read once,
 * or the sources stored at approval), and the bounded render ({@link RenderLimits}).
 *
 * <p>How the limits hold: FreeMarker calls a {@link TemplateProcessingTracer} as each template
 * element is entered and left, in the rendering thread; ours counts the nesting depth and looks
 * at the clock every 1,024 elements. So that a loop with an empty body or a macro that only calls
 * itself is seen too, every template gets FreeMarker's thread-interruption checks (an element at
 * the top of every loop and macro body; we never interrupt, the element only makes the step
 * visible). The output goes to a writer that refuses to grow past the limit. A limit stops the
 * render with a {@link TemplateError} naming the template and line; once stopped, every further
 * element stops again, so an {@code #attempt} cannot swallow it. As a last line, a
 * {@link StackOverflowError} or {@link OutOfMemoryError} inside a render becomes such an error
 * (naming the last element entered) and never leaves this class. Thread-safe.
 */
final class TemplateSet {
    private final Configuration cfg;
    private final SnapshotLoader loader;
    private final RenderLimits limits;

    TemplateSet(Configuration cfg, RenderLimits limits) {
        this.cfg = cfg;
        this.loader = ((GuardedConfiguration) cfg).loader;
        this.limits = limits;
    }

    /** The compiled template; a syntax error is a {@link TemplateError} with its line. */
    Template get(String name, String letterLabel) {
        try {
            return cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new LetterException(letterLabel + " needs the template " + name + ", which is neither in the override folder nor shipped");
        } catch (ParseException e) {
            throw TemplateError.of(letterLabel, e);
        } catch (IOException e) {
            throw new LetterException("cannot read the template " + name + ": " + e.getMessage());
        }
    }

    /** The sources this set has read (or was given): name → source. */
    Map<String, String> sources() {
        return loader.sources();
    }

    /** The template's output for {@code model}, within the limits. */
    String render(Template t, Object model, String letterLabel) {
        Guard g = new Guard(letterLabel, limits);
        LimitedWriter out = new LimitedWriter(g, limits.maxChars());
        try {
            Environment env = t.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(g);
            env.process();
            return out.toString();
        } catch (TemplateException e) {
            throw g.stopped != null ? g.stopped : TemplateError.of(letterLabel, e);
        } catch (StackOverflowError e) {
            throw g.last(t, "templates nest too deeply for the renderer (a macro or function that calls itself without end?)");
        } catch (OutOfMemoryError e) {
            throw g.last(t, "rendering ran out of memory (a value or loop that grows without end?)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (g.stopped != null) {
                throw g.stopped;
            }
            throw e;
        }
    }

    /** Depth, time and the element being rendered; throws {@link Stop} when a limit is passed. */
    private static final class Guard implements TemplateProcessingTracer {
        private final String letter;
        private final RenderLimits limits;
        private final long deadline;
        private final TracedElement[] stack;
        private int depth;
        private long steps;
        private TracedElement last;
        TemplateError stopped;

        Guard(String letter, RenderLimits limits) {
            this.letter = letter;
            this.limits = limits;
            this.deadline = System.nanoTime() + limits.budget().toNanos();
            this.stack = new TracedElement[limits.maxDepth() + 1];
        }

        @Override
        public void enterElement(Environment env, TracedElement te) {
            if (stopped != null) {
                throw new Stop();
            }
            last = te;
            if (depth >= limits.maxDepth()) {
                stop(te, "template elements nest more than " + limits.maxDepth()
                        + " deep (a macro or function that calls itself without end?)");
            }
            stack[depth++] = te;
            if ((++steps & 1023) == 0 && System.nanoTime() - deadline > 0) {
                stop(te, "rendering took more than " + limits.budget().toMillis() / 1000.0
                        + " seconds (a loop too long?)");
            }
        }

        @Override
        public void exitElement(Environment env, TracedElement te) {
            if (depth > 0) {
                depth--;
            }
        }

        void tooMuchOutput() {
            TracedElement te = depth > 0 ? stack[depth - 1] : last;
            stop(te, "the output passed " + limits.maxChars() + " characters (a loop that writes too much?)");
        }

        private void stop(TracedElement te, String what) {
            stopped = error(te == null ? null : te.getTemplate().getSourceName(), te == null ? 0 : te.getBeginLine(), what);
            throw new Stop();
        }

        TemplateError last(Template top, String what) {
            TracedElement te = last;
            stopped = error(te == null ? top.getSourceName() : te.getTemplate().getSourceName(), te == null ? 0 : te.getBeginLine(), what);
            return stopped;
        }

        private TemplateError error(String template, int line, String what) {
            return new TemplateError(template, line, letter + " cannot be rendered: template " + template + ", line " + line
                    + ": " + what + "; the render was stopped");
        }
    }

    /** Unwinds a stopped render; carries nothing (the reason is in the guard). */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** A writer into memory that refuses to grow past {@code max} characters. */
    private static final class LimitedWriter extends Writer {
        private final Guard guard;
        private final int max;
        private final StringBuilder b = new StringBuilder(8192);

        LimitedWriter(Guard guard, int max) {
            this.guard = guard;
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            room(len);
            b.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            room(len);
            b.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            room(1);
            b.append((char) c);
        }

        private void room(int len) {
            if (len > max - b.length()) {
                guard.tooMuchOutput();
            }
        }

        @Override
        public void flush() {
            // in memory
        }

        @Override
        public void close() {
            // in memory
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    /**
     * The configuration of one set: every template it hands out (the letter's and each one it
     * imports or includes) gets FreeMarker's interruption checks once, before anyone renders it.
     */
    static final class GuardedConfiguration extends Configuration {
        final SnapshotLoader loader;
        private final Set<Template> guarded = Collections.newSetFromMap(new IdentityHashMap<>());

        GuardedConfiguration(SnapshotLoader loader) {
            super(Configuration.VERSION_2_3_34);
            this.loader = loader;
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding, boolean parseAsFTL,
                                    boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null) {
                synchronized (guarded) {
                    if (guarded.add(t)) {
                        _CoreAPI.addThreadInterruptedChecks(t);
                    }
                }
            }
            return t;
        }
    }
}
