package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards finding 3 of issue 12 (an empty or truncated export emptied the register; malformed files
 * were accepted; names carried NUL, line breaks and escape sequences): every file under
 * {@code src/test/resources/register/bad/} is refused with the line and a reason that names the
 * fault, and the register of 20 members imported first is unchanged after each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRegisterFilesTest {
    /** Line 0: refused as a mass leave, which names no line. */
    static Stream<Arguments> cases() {
        return Stream.of(
                bad("01-empty.csv", 1, "", "the file is empty"),
                bad("02-header-only.csv", 2, "", "no member lines"),
                bad("03-header-then-blank-lines.csv", 2, "", "no member lines"),
                bad("04-bom-header-only-crlf.csv", 2, "", "no member lines"),
                bad("05-truncated-mid-line.csv", 13, "", "without a line break: it looks cut off"),
                bad("06-truncated-in-last-field.csv", 13, "", "without a line break: it looks cut off"),
                bad("07-truncated-mid-quote.csv", 13, "", "never closed"),
                bad("08-wrong-delimiter-pipe.csv", 1, "", "cannot tell the delimiter"),
                bad("09-rows-with-other-delimiter.csv", 2, "", "has 1 fields but the header has 9"),
                bad("10-missing-required-column.csv", 1, "E-post", "register.columns.email"),
                bad("11-duplicate-column.csv", 1, "Förnamn", "appears twice in the header (columns 2 and 10)"),
                bad("12-duplicate-member-number.csv", 5, "Medlemsnummer", "the same member number as line 3"),
                bad("13-binary-garbage.csv", 1, "", "the file is not text"),
                bad("14-xlsx-spreadsheet.csv", 1, "", "zip archive"),
                bad("15-utf16le-with-bom.csv", 1, "", "UTF-16"),
                bad("16-utf16le-without-bom.csv", 1, "", "the file is not text"),
                bad("17-utf8-read-as-windows-1252.csv", "windows-1252", 1, "", "the file is UTF-8"),
                bad("18-windows-1252-read-as-utf8.csv", "UTF-8", 1, "", "is not valid UTF-8, as --encoding"),
                bad("19-double-encoded-utf8.csv", 4, "", "converted to UTF-8 twice"),
                bad("20-bom-twice.csv", 1, "column 1", "byte-order mark (U+FEFF)"),
                bad("21-bom-inside-a-name.csv", 6, "Förnamn", "byte-order mark (U+FEFF)"),
                bad("22-neither-utf8-nor-windows-1252.csv", 7, "", "byte 0x81 is not valid windows-1252 and the file is not UTF-8 either"),
                bad("23-extremely-long-field.csv", 4, "Förnamn", "is 100000 characters long; at most 100 fit"),
                bad("24-extremely-long-line.csv", 5, "", "has 1 fields but the header has 9"),
                bad("25-nul-in-name.csv", 3, "Förnamn", "NUL (U+0000) at character 3"),
                bad("26-line-break-in-name.csv", 4, "Förnamn", "a line break (U+000A)"),
                bad("27-line-break-then-bad-date.csv", 4, "Förnamn", "a line break (U+000A)"),
                bad("28-terminal-escape-esc.csv", 5, "Efternamn", "ESC (U+001B, a terminal escape sequence) at character 1"),
                bad("29-terminal-escape-c1-csi.csv", 3, "Efternamn", "CSI (U+009B, a terminal escape sequence)"),
                bad("30-bell-in-association.csv", 6, "Förening", "a control character (U+0007)"),
                bad("31-del-in-phone.csv", 7, "Telefon", "DEL (U+007F)"),
                bad("32-bidi-override-in-name.csv", 8, "Efternamn", "a bidirectional text control (U+202E)"),
                bad("33-carriage-return-in-name.csv", 4, "Förnamn", "a line break (U+000D)"),
                bad("34-too-many-columns.csv", 4, "", "has 10 fields but the header has 9"),
                bad("35-too-few-columns.csv", 4, "", "has 8 fields but the header has 9"),
                bad("36-cut-in-half.csv", 0, "", "would mark 10 of 20 active members as left (50.0%), more than"
                        + " register.import.max-leave-percent (10%)"),
                bad("37-tab-in-name.csv", 4, "Förnamn", "a tab (U+0009)"),
                bad("38-stray-quote-never-closed.csv", 9, "", "never closed"),
                bad("39-nul-in-email.csv", 10, "E-post", "NUL (U+0000)"),
                bad("40-unicode-line-separator.csv", 11, "Förnamn", "a Unicode line separator (U+2028)"),
                bad("41-escape-in-unknown-column.csv", 5, "column 10", "ESC (U+001B"),
                bad("42-escape-in-header.csv", 1, "column 7", "ESC (U+001B"),
                bad("43-vertical-tab-at-start-of-name.csv", 4, "Förnamn", "a control character (U+000B) at character 1"));
    }

    private static Arguments bad(String file, int line, String column, String reason) {
        return bad(file, "", line, column, reason);
    }

    private static Arguments bad(String file, String encoding, int line, String column, String reason) {
        return Arguments.of(file, encoding, line, column, reason);
    }

    private RegisterFixture fx;
    private List<String> before;

    @BeforeAll
    void baseline() {
        fx = new RegisterFixture();
        ImportReport r = fx.importFile(resource("good.csv"));
        assertEquals(20, r.added(), r.summary());
        before = state();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badFileIsRefusedWithItsLineAndReasonAndChangesNothing(String file, String encoding, int line, String column,
                                                               String reason) {
        ImportOptions options = encoding.isEmpty() ? ImportOptions.defaults()
                : ImportOptions.defaults().withEncoding(Charset.forName(encoding));
        RuntimeException e = assertThrows(RuntimeException.class, () -> fx.register.importFile(resource(file), options));
        if (line == 0) {
            MassLeaveException m = assertInstanceOf(MassLeaveException.class, e);
            assertTrue(m.getMessage().contains(reason), m.getMessage());
        } else {
            ImportException ie = assertInstanceOf(ImportException.class, e);
            LineError first = ie.errors().get(0);
            assertEquals(line, first.line(), ie.getMessage());
            assertEquals(column, first.column(), ie.getMessage());
            assertTrue(first.problem().contains(reason), ie.getMessage());
            assertTrue(ie.getMessage().chars().noneMatch(ch -> FieldText.forbidden((char) ch, false) && ch != '\n'),
                    "the message shows no control character: " + ie.getMessage().replace('\u001b', '?'));
        }
        assertEquals(before, state(), "the register is unchanged");
    }

    @Test
    void errorsAfterALineBreakInsideAFieldNameTheirOwnLine() {
        ImportException e = assertThrows(ImportException.class, () -> fx.importFile(resource("27-line-break-then-bad-date.csv")));
        assertTrue(e.getMessage().contains("line 7, column Inträdesdatum: 'första maj' is not a date"), e.getMessage());
    }

    @Test
    void everyBadFileHasAnExpectation() throws IOException {
        Set<String> expected = cases().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.list(resource("01-empty.csv").getParent())) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, expected);
    }

    private List<String> state() {
        List<String> s = new java.util.ArrayList<>(fx.snapshot());
        s.addAll(fx.rows("SELECT COUNT(*) FROM association"));
        s.addAll(fx.rows("SELECT COUNT(*) FROM district"));
        s.addAll(fx.rows("SELECT MAX(updated_at) FROM member"));
        return s;
    }

    private static <T> T assertInstanceOf(Class<T> type, Object o) {
        if (!type.isInstance(o)) {
            fail("expected " + type.getSimpleName() + " but got " + o);
        }
        return type.cast(o);
    }

    /** The member lines of good.csv (20 members, 1001 to 1020). */
    static List<String> goodLines() {
        try {
            List<String> all = Files.readAllLines(resource("good.csv"));
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        String at = name.equals("good.csv") ? "/register/" + name : "/register/bad/" + name;
        try {
            return Path.of(BadRegisterFilesTest.class.getResource(at).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + at, e);
        }
    }
}
