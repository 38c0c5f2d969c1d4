package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.utskick.register.SampleRegister;

/**
 * A measurement, not a test of the suite (its name matches no surefire include; compare
 * replies.ClassifyBench): the web import of 100,000 members, dry run then apply, in one JVM with the
 * whole web node. Run it with a small heap:
 * {@code ./mvnw -o test -Dtest=WebImportHeapProbe -DargLine="-Xmx64m -Xlog:gc:file=/tmp/gcweb.log"}.
 */
class WebImportHeapProbe {
    @Test
    void webImportOfAHundredThousand() throws Exception {
        try (WebFixture fx = new WebFixture(300)) {
            Http h = fx.signedIn();
            Path f = Files.createTempFile("probe", ".csv");
            SampleRegister.writeCsv(f, 100_000, 99);
            System.gc();
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            HttpResponse<String> dry = h.postFile("/register/import", "file", "m.csv", f, "csrf", h.csrf("/register/import"));
            assertEquals(200, dry.statusCode());
            System.out.printf("PROBE dry run page %d chars in %d ms%n", dry.body().length(), (System.nanoTime() - t0) / 1_000_000);
            Matcher m = Pattern.compile("action=\"/register/import/([A-Za-z0-9_-]+)\"").matcher(dry.body());
            m.find();
            String token = m.group(1);
            dry = null;
            t0 = System.nanoTime();
            HttpResponse<String> applied = h.post("/register/import/" + token, "csrf", h.csrf("/register/import"), "massLeave", "ja");
            System.out.printf("PROBE apply %d in %d ms%n", applied.statusCode(), (System.nanoTime() - t0) / 1_000_000);
            assertEquals(200, applied.statusCode(), applied.body());
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("PROBE max heap %d MB, peak pools %d MB%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
            Files.delete(f);
        }
    }
}
