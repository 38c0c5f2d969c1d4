package se.utskick.letters;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A template loader over a map of sources that never change: either sealed (the sources a letter
 * was approved with) or reading (each name read once from the files on first use and kept, so
 * one set of templates never mixes two versions of a file). Thread-safe.
 */
final class SnapshotLoader implements TemplateLoader {
    private final TemplateLoader files;
    private final Map<String, String> sources;

    private SnapshotLoader(TemplateLoader files, Map<String, String> sources) {
        this.files = files;
        this.sources = sources;
    }

    static SnapshotLoader reading(TemplateLoader files) {
        return new SnapshotLoader(files, new ConcurrentHashMap<>());
    }

    static SnapshotLoader sealed(Map<String, String> sources) {
        return new SnapshotLoader(null, Map.copyOf(sources));
    }

    /** What was read (or given): name → source. */
    Map<String, String> sources() {
        return Map.copyOf(sources);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        String s = sources.get(name);
        if (s == null && files != null) {
            Object src = files.findTemplateSource(name);
            if (src == null) {
                return null;
            }
            try (Reader r = files.getReader(src, "UTF-8")) {
                StringBuilder b = new StringBuilder(4096);
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) > 0; ) {
                    b.append(buf, 0, n);
                }
                s = b.toString();
            } finally {
                files.closeTemplateSource(src);
            }
            String earlier = sources.putIfAbsent(name, s);
            s = earlier != null ? earlier : s;
        }
        return s == null ? null : name;
    }

    @Override
    public long getLastModified(Object templateSource) {
        return 0;
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) {
        return new StringReader(sources.get((String) templateSource));
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // nothing to close: sources are strings
    }
}
