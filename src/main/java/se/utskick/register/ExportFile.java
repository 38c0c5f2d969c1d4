package se.utskick.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import se.utskick.UtskickException;

/**
 * A register export's encoding and delimiter, explicit or detected, and a way to read its text
 * again. The text is never held whole: detection decodes the file in a stream, and
 * {@link #open} decodes it again for each pass of the import.
 *
 * <p>Encoding: a UTF-8 byte-order mark means UTF-8; otherwise the bytes are UTF-8 if they decode
 * strictly as UTF-8, else Windows-1252 (what Swedish spreadsheets save as "CSV"). Delimiter: the
 * most frequent of {@code ;}, {@code ,} and tab outside quotes in the header line.
 *
 * @param skip bytes at the start that are not text (a UTF-8 byte-order mark)
 */
record ExportFile(Path path, Charset encoding, char delimiter, int skip) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<Character> DELIMITERS = List.of(';', ',', '\t');

    static ExportFile read(Path file, Optional<Charset> encoding, Optional<Character> delimiter) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096 + 3);
        } catch (NoSuchFileException e) {
            throw new UtskickException("the file " + file + " does not exist");
        } catch (IOException e) {
            throw new UtskickException("cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        notText(head, start).ifPresent(problem -> {
            throw refused(file, 1, problem);
        });
        Charset cs = encoding.orElse(null);
        TextScan scan = null;
        if (cs == null) {
            scan = TextScan.of(file, StandardCharsets.UTF_8, start);
            cs = scan.badByte() < 0 ? StandardCharsets.UTF_8 : WINDOWS_1252;
            scan = scan.badByte() < 0 ? scan : null;
        }
        int skip = cs.equals(StandardCharsets.UTF_8) ? start : 0;
        if (scan == null) {
            scan = TextScan.of(file, cs, skip);
            if (scan.badByte() >= 0) {
                String where = "byte 0x" + String.format("%02X", scan.badValue()) + " is not valid " + cs.name();
                throw refused(file, scan.badLine(), encoding.isPresent()
                        ? where + ", as --encoding (or register.encoding) says the file is; leave --encoding out to detect it,"
                        + " or give the encoding it was saved in (Swedish spreadsheets often save windows-1252)"
                        : where + " and the file is not UTF-8 either: it is in another encoding, or not a text file."
                        + " Save it from the spreadsheet as CSV (UTF-8 or windows-1252), or give --encoding");
            }
            if (encoding.isPresent() && !cs.equals(StandardCharsets.UTF_8) && cs.newEncoder().maxBytesPerChar() == 1f
                    && scan.firstNonAsciiLine() > 0 && TextScan.of(file, StandardCharsets.UTF_8, start).badByte() < 0) {
                throw refused(file, scan.firstNonAsciiLine(), "the file is UTF-8 (its letters such as å are two bytes), but"
                        + " --encoding (or register.encoding) says " + cs.name() + ", which would turn 'å' into 'Ã¥';"
                        + " leave --encoding out, or give UTF-8");
            }
        }
        if (scan.blank()) {
            throw refused(file, 1, "the file is empty; expected a header line and one line per member");
        }
        if (scan.doubled() != null) {
            throw refused(file, scan.doubledLine(), "the text holds '" + scan.doubled()
                    + "' where a letter such as å belongs: the file was converted to UTF-8 twice. Export it again from the"
                    + " register, or save it with the encoding it had");
        }
        String header = scan.header();
        char d = delimiter.orElseGet(() -> detect(header)
                .orElseThrow(() -> refused(file, 1, "cannot tell the delimiter: the header has no ';', ',' or tab"
                        + " (is this a register export?); give --delimiter")));
        return new ExportFile(file, cs, d, skip);
    }

    /**
     * The file's text from the start, strictly decoded (a byte that no longer decodes throws a
     * {@link java.nio.charset.MalformedInputException}); every byte read, the skipped ones included,
     * goes through {@code digest}, so two passes can tell that they read the same file.
     */
    Reader open(MessageDigest digest) throws IOException {
        InputStream in = new DigestInputStream(Files.newInputStream(path), digest);
        try {
            in.readNBytes(skip);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder dec = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, dec);
    }

    private static ImportException refused(Path file, int line, String problem) {
        return new ImportException(file, List.of(new LineError(line, "", problem)));
    }

    /** Why the bytes are not a text file (UTF-16/32, a zip such as .xlsx, binary), or empty. */
    private static Optional<String> notText(byte[] b, int start) {
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            return Optional.of("the file is UTF-16 or UTF-32 (it starts with that byte-order mark); save it from the"
                    + " spreadsheet as CSV in UTF-8 or windows-1252");
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return Optional.of("the file is UTF-32 (it starts with that byte-order mark); save it as CSV in UTF-8");
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return Optional.of("the file is a zip archive, such as a spreadsheet (.xlsx, .ods), not CSV text; save it"
                    + " from the spreadsheet as CSV and import that");
        }
        int end = Math.min(b.length, start + 4096);
        int controls = 0;
        for (int i = start; i < end; i++) {
            int v = b[i] & 0xff;
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r') {
                controls++;
            }
        }
        if (end > start && controls * 20 > end - start) {
            return Optional.of("the file is not text: " + controls + " of its first " + (end - start) + " bytes are"
                    + " control bytes (a binary file, or UTF-16 without a byte-order mark?); import a CSV export");
        }
        return Optional.empty();
    }

    static Optional<Character> detect(String header) {
        int[] counts = new int[DELIMITERS.size()];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                int k = DELIMITERS.indexOf(ch);
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(DELIMITERS.get(best));
    }

    /** Decodes a whole file strictly in 64 KB steps and notes what {@link #read} asks of the text. */
    private static final class TextScan {
        private static final int HEADER_MAX = 1 << 16;
        private final StringBuilder header = new StringBuilder();
        private boolean headerDone;
        private boolean blank = true;
        private int line = 1;
        private char previous;
        private String doubled;
        private int doubledLine;
        private int firstNonAsciiLine;
        private long badByte = -1;
        private int badValue;
        private int badLine;

        static TextScan of(Path file, Charset cs, int skip) {
            TextScan s = new TextScan();
            CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            CharBuffer out = CharBuffer.allocate(1 << 16);
            try (InputStream stream = Files.newInputStream(file)) {
                stream.skipNBytes(skip);
                long base = skip;
                boolean eof = false;
                while (!eof) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    eof = n < 0;
                    in.position(in.position() + Math.max(n, 0));
                    in.flip();
                    while (true) {
                        CoderResult r = dec.decode(in, out, eof);
                        s.visit(out);
                        if (r.isError()) {
                            s.badByte = base + in.position();
                            s.badValue = in.get(in.position()) & 0xff;
                            s.badLine = s.line;
                            return s;
                        }
                        if (r.isUnderflow()) {
                            break;
                        }
                    }
                    base += in.position();
                    in.compact();
                }
                dec.flush(out);
                s.visit(out);
                return s;
            } catch (IOException e) {
                throw new UtskickException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private void visit(CharBuffer out) {
            out.flip();
            while (out.hasRemaining()) {
                char ch = out.get();
                if (!headerDone) {
                    headerDone = ch == '\n' || header.length() >= HEADER_MAX;
                    if (!headerDone) {
                        header.append(ch);
                    }
                }
                if (blank && !Character.isWhitespace(ch)) {
                    blank = false;
                }
                if (doubled == null && (previous == 'Ã' || previous == 'Â')
                        && (ch >= 0x80 && ch <= 0xBF || "…„–—€ƒ‚†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ".indexOf(ch) >= 0)) {
                    doubled = "" + previous + ch;
                    doubledLine = line;
                }
                if (ch >= 0x80 && firstNonAsciiLine == 0) {
                    firstNonAsciiLine = line;
                }
                if (ch == '\n') {
                    line++;
                }
                previous = ch;
            }
            out.clear();
        }

        long badByte() {
            return badByte;
        }

        int badValue() {
            return badValue;
        }

        int badLine() {
            return badLine;
        }

        boolean blank() {
            return blank;
        }

        String doubled() {
            return doubled;
        }

        int doubledLine() {
            return doubledLine;
        }

        int firstNonAsciiLine() {
            return firstNonAsciiLine;
        }

        String header() {
            return header.toString();
        }
    }
}
