package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Small classes are a rule of the code (README, Architecture): no source file of the application
 * is longer than {@value #MAX_LINES} lines. A file that grows past it is split by what its callers
 * do before it lands.
 */
class ClassSizeTest {
    private static final int MAX_LINES = 300;
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void noApplicationClassIsLongerThanTheLimit() throws IOException {
        List<String> tooLong;
        long files;
        try (Stream<Path> all = Files.walk(SOURCES)) {
            List<Path> java = all.filter(p -> p.toString().endsWith(".java")).toList();
            files = java.size();
            tooLong = java.stream()
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> SOURCES.relativize(p) + " (" + lines(p) + " lines)")
                    .sorted()
                    .toList();
        }
        assertTrue(files > 100, "the test found the sources: " + files + " files under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), tooLong, "classes over " + MAX_LINES + " lines: split them by what their callers do");
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
