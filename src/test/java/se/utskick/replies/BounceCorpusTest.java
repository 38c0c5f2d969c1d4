package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the verdict on every message of the bounce corpus ({@code src/test/resources/bounces/corpus},
 * written for the project by {@code src/test/bounce-corpus/make_corpus.py} from the RFCs and public
 * descriptions of each MTA's format): the kind (hard, soft, delayed, BLOCKED, complaint) and the
 * failed recipient, and that no 5.7.x refusal ever marks an address.
 */
class BounceCorpusTest {
    private static final String TOKEN = "corpus-tok";

    record Expected(String file, String mta, String verdict, String recipient) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Expected> corpus() {
        try (InputStream in = BounceCorpusTest.class.getResourceAsStream("/bounces/corpus/expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new Expected(f[0], f[1], f[2], f[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Expected> messages() {
        return corpus().stream();
    }

    static String verdict(IncomingMessage m) {
        if (m.complaint().isPresent()) {
            return MessageKind.COMPLAINT.name();
        }
        return m.bounce().map(b -> b.kind().name()).orElse(m.automatic() ? "AUTO_REPLY" : "REPLY");
    }

    private static IncomingMessage parse(Expected e) {
        return IncomingMessage.parse(Fixtures.bounce("corpus/" + e.file(), TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void verdictAndRecipientAreTheExpectedOnes(Expected e) {
        IncomingMessage m = parse(e);

        assertEquals(e.verdict(), verdict(m), e.file() + ": " + m.bounce());
        if (!e.recipient().equals("-")) {
            assertEquals(e.recipient(), m.bounce().orElseThrow().recipient(), e.file() + " failed recipient");
        }
        assertTrue(m.referencedIds().contains(TOKEN + "@utskick.example.se"), e.file() + " leads back to our delivery");
        assertFalse(m.automatic(), e.file() + " is not an auto-reply");
    }

    @Test
    void noReportOfAReceiversPolicyRefusalMarksAnAddress() {
        int policy = 0;
        for (Expected e : corpus()) {
            IncomingMessage m = parse(e);
            if (m.bounce().isEmpty()) {
                continue;
            }
            Bounce b = m.bounce().get();
            String all = b.status() + " " + (b.diagnostic() == null ? "" : b.diagnostic());
            if (all.matches("(?s).*(?<![\\d.])[45]\\.7\\.\\d{1,3}.*")) {
                policy++;
                assertFalse(b.hard(), e.file() + " is a 5.7.x refusal and must not mark the address");
                assertEquals(MessageKind.BLOCKED, b.kind(), e.file());
            }
        }
        assertTrue(policy >= 15, "the corpus holds " + policy + " x.7.x refusals");
    }

    @Test
    void agreementPerMtaIsComplete() {
        Map<String, int[]> perMta = new TreeMap<>();
        for (Expected e : corpus()) {
            int[] n = perMta.computeIfAbsent(e.mta(), k -> new int[2]);
            n[1]++;
            if (e.verdict().equals(verdict(parse(e)))) {
                n[0]++;
            }
        }
        int agree = perMta.values().stream().mapToInt(n -> n[0]).sum();
        int total = perMta.values().stream().mapToInt(n -> n[1]).sum();
        StringBuilder report = new StringBuilder("bounce corpus agreement: " + agree + "/" + total);
        perMta.forEach((mta, n) -> report.append(", ").append(mta).append(' ').append(n[0]).append('/').append(n[1]));
        System.out.println(report);
        assertTrue(total >= 60, "at least 60 messages in the corpus");
        assertEquals(total, agree, report.toString());
    }
}
