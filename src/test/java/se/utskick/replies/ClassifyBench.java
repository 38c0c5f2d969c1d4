package se.utskick.replies;

import java.util.List;

/**
 * Indicative throughput of parsing and classifying inbound messages (no IMAP, no database): the
 * bounce fixtures plus a plain reply, round-robin. Run as a main class on the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) se.utskick.replies.ClassifyBench [N]}.
 */
public final class ClassifyBench {
    private ClassifyBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<byte[]> messages = List.of(
                Fixtures.bounce("postfix-hard-5.1.1.eml", "t1"), Fixtures.bounce("postfix-soft-4.2.2.eml", "t1"),
                Fixtures.bounce("exim-hard.eml", "t1"), Fixtures.bounce("office365-hard-5.1.10.eml", "t1"),
                Fixtures.bounce("gmail-hard-5.1.1.eml", "t1"), Fixtures.bounce("postfix-delayed.eml", "t1"),
                Mail.from("anna@example.com").to("reply+t1@utskick.example.se").subject("SV: Styrelsebrev")
                        .text("Vi är med.\n\nDen 22 nov. 2026 skrev Kansliet <k@example.se>:\n> Hej").raw().getBytes());
        int sink = 0;
        for (int i = 0; i < n / 5; i++) {
            sink += IncomingMessage.parse(messages.get(i % messages.size())).text().length();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            IncomingMessage m = IncomingMessage.parse(messages.get(i % messages.size()));
            sink += QuoteStripper.excerpt(m.text()).length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d messages parsed and classified in %.2f s: %.0f messages/s (sink %d)%n", n, seconds, n / seconds, sink);
    }
}
