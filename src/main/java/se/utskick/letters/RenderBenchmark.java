package se.utskick.letters;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import se.utskick.audience.AudienceMember;
import se.utskick.audience.Audiences;
import se.utskick.audience.Rule;
import se.utskick.delivery.LetterComposer.PreparedLetter;
import se.utskick.delivery.LetterComposer.Recipient;

/**
 * {@code bench render}: on the register in the database, resolves "all members" for the members'
 * letter (the count query, and the full recipient SELECT), prepares a realistic members' letter and
 * composes it for every recipient, single-threaded and on every core; then approves it (which
 * composes for every recipient again). Figures are indicative of the machine they ran on. Peak heap
 * is the sum of the heap pools' peaks since the last reset, garbage included: an upper bound.
 */
public final class RenderBenchmark {
    private final Audiences audiences;
    private final Letters letters;
    private final PrintWriter out;

    public RenderBenchmark(Audiences audiences, Letters letters, PrintWriter out) {
        this.audiences = audiences;
        this.letters = letters;
        this.out = out;
    }

    /** Runs the benchmark on a members' letter for {@code period}, created (with items and events) if there is none. */
    public void run(YearMonth period, Path scratch) throws Exception {
        resetPeaks();
        long t = System.nanoTime();
        int counted = audiences.resolve(Rule.allMembers(), true).recipients();
        out.printf("resolve all members (count, left-out by reason): %6d ms, %d recipients%n", ms(t), counted);
        t = System.nanoTime();
        List<AudienceMember> all = new ArrayList<>(counted);
        audiences.forEachRecipient(Rule.allMembers(), true, all::add);
        out.printf("resolve all members (every recipient row):       %6d ms%n", ms(t));

        Letter letter = sampleLetter(letters, period, scratch);
        t = System.nanoTime();
        PreparedLetter p = letters.composer().prepared(letter);
        out.printf("prepare the members' letter:                     %6d ms%n", ms(t));
        List<Recipient> recipients = all.stream().map(m -> new Recipient(m.memberId(), m.memberId(), m.email(), m.firstName(),
                m.lastName(), m.associationId(), "https://varmland.example.org/u/" + m.memberId() + "x7Hq2LwPz")).toList();
        compose(p, recipients.subList(0, Math.min(recipients.size(), 20_000)));
        t = System.nanoTime();
        long bytes = compose(p, recipients);
        double s = (System.nanoTime() - t) / 1e9;
        out.printf("compose, 1 thread:  %,10.0f renders/s (%d recipients, %.2f s, %d MB of HTML+text)%n",
                recipients.size() / s, recipients.size(), s, bytes >> 20);
        int threads = Runtime.getRuntime().availableProcessors();
        t = System.nanoTime();
        composeParallel(p, recipients, threads);
        s = (System.nanoTime() - t) / 1e9;
        out.printf("compose, %d threads: %,10.0f renders/s%n", threads, recipients.size() / s);
        t = System.nanoTime();
        Approval.Approved a = letters.approve(letter.id());
        out.printf("approve (resolve + compose for every recipient): %6d ms, %d recipients%n", ms(t), a.recipients());
        letters.reopen(letter.id());
        out.printf("peak heap: %d MB (max heap %d MB, %d processors)%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, threads);
    }

    private static long compose(PreparedLetter p, List<Recipient> recipients) {
        long bytes = 0;
        for (Recipient r : recipients) {
            var m = p.compose(r);
            bytes += m.html().length() + m.text().length();
        }
        return bytes;
    }

    private static void composeParallel(PreparedLetter p, List<Recipient> recipients, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            int chunk = (recipients.size() + threads - 1) / threads;
            for (int i = 0; i < recipients.size(); i += chunk) {
                List<Recipient> part = recipients.subList(i, Math.min(recipients.size(), i + chunk));
                parts.add(pool.submit(() -> compose(p, part)));
            }
            for (Future<Long> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A realistic members' letter for {@code period} (four Markdown items, eight events, a website
     * password), created if there is none; also used by the send benchmark.
     */
    public static Letter sampleLetter(Letters letters, YearMonth period, Path scratch) throws Exception {
        String ref = "members-" + period;
        try {
            return letters.find(ref);
        } catch (LetterNotFound none) {
            Letter l = letters.create(LetterKind.MEMBERS, period.toString(), List.of(), null);
            for (int i = 1; i <= 4; i++) {
                Path body = Files.writeString(scratch.resolve("bench-item-" + i + ".md"), ("Ett stycke med **fet text**, en [länk](https://varmland.example.org/"
                        + i + ") och åäö. ").repeat(6) + "\n\n- punkt ett\n- punkt två\n- punkt tre\n", StandardCharsets.UTF_8);
                letters.addItem(l.id(), "Nyhet nummer " + i, body);
            }
            for (int i = 0; i < 8; i++) {
                letters.events().add(null, "Arrangemang " + (i + 1), period.atDay(1 + 3 * i).atTime(18, 0).plusMinutes(0),
                        LocalDateTime.of(period.getYear(), period.getMonth(), 1 + 3 * i, 20, 0), "Folkets hus", "Välkommen på möte om skolan och vården.");
            }
            letters.setPassword(l.id(), "bänk-2026");
            return letters.get(l.id());
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
