package se.utskick.register;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import se.utskick.UtskickException;

/**
 * The text of a register export with its encoding and delimiter, explicit or detected.
 *
 * <p>Encoding: a UTF-8 byte-order mark means UTF-8; otherwise the bytes are UTF-8 if they decode
 * strictly as UTF-8, else Windows-1252 (what Swedish spreadsheets save as "CSV"). Delimiter: the
 * most frequent of {@code ;}, {@code ,} and tab outside quotes in the header line.
 */
record ExportFile(String text, Charset encoding, char delimiter) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<Character> DELIMITERS = List.of(';', ',', '\t');

    static ExportFile read(Path file, Optional<Charset> encoding, Optional<Character> delimiter) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UtskickException("the file " + file + " does not exist");
        } catch (IOException e) {
            throw new UtskickException("cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        notText(bytes, start).ifPresent(problem -> {
            throw refused(file, 1, problem);
        });
        Charset cs = encoding.orElse(null);
        String text = null;
        if (cs == null) {
            text = strict(bytes, start, StandardCharsets.UTF_8);
            cs = text != null ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        if (text == null) {
            int from = cs.equals(StandardCharsets.UTF_8) ? start : 0;
            text = strict(bytes, from, cs);
            if (text == null) {
                int at = badByte(bytes, from, cs);
                String where = "byte 0x" + String.format("%02X", bytes[at] & 0xff) + " is not valid " + cs.name();
                throw refused(file, lineOf(bytes, at), encoding.isPresent()
                        ? where + ", as --encoding (or register.encoding) says the file is; leave --encoding out to detect it,"
                        + " or give the encoding it was saved in (Swedish spreadsheets often save windows-1252)"
                        : where + " and the file is not UTF-8 either: it is in another encoding, or not a text file."
                        + " Save it from the spreadsheet as CSV (UTF-8 or windows-1252), or give --encoding");
            }
            if (encoding.isPresent() && !cs.equals(StandardCharsets.UTF_8) && cs.newEncoder().maxBytesPerChar() == 1f) {
                int at = firstNonAscii(bytes);
                if (at >= 0 && strict(bytes, start, StandardCharsets.UTF_8) != null) {
                    throw refused(file, lineOf(bytes, at), "the file is UTF-8 (its letters such as å are two bytes), but"
                            + " --encoding (or register.encoding) says " + cs.name() + ", which would turn 'å' into 'Ã¥';"
                            + " leave --encoding out, or give UTF-8");
                }
            }
        }
        if (text.isBlank()) {
            throw refused(file, 1, "the file is empty; expected a header line and one line per member");
        }
        int doubled = doublyEncoded(text);
        if (doubled >= 0) {
            throw refused(file, lineOf(text, doubled), "the text holds '" + text.substring(doubled, doubled + 2)
                    + "' where a letter such as å belongs: the file was converted to UTF-8 twice. Export it again from the"
                    + " register, or save it with the encoding it had");
        }
        int eol = text.indexOf('\n');
        String header = eol < 0 ? text : text.substring(0, eol);
        char d = delimiter.orElseGet(() -> detect(header)
                .orElseThrow(() -> refused(file, 1, "cannot tell the delimiter: the header has no ';', ',' or tab"
                        + " (is this a register export?); give --delimiter")));
        return new ExportFile(text, cs, d);
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

    /** The offset of the first byte that does not decode in {@code cs} (the caller knows there is one). */
    private static int badByte(byte[] bytes, int start, Charset cs) {
        java.nio.charset.CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return Math.max(start, bytes.length - 1);
            }
            out.clear();
        }
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where UTF-8 text decoded as windows-1252 and encoded again shows ("Ã¥" for å), or -1. */
    private static int doublyEncoded(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if ((a == 'Ã' || a == 'Â') && (b >= 0x80 && b <= 0xBF || "…„–—€ƒ‚†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ".indexOf(b) >= 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based line of byte {@code offset}. */
    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text, or null if the bytes are not valid in {@code cs}. */
    private static String strict(byte[] bytes, int start, Charset cs) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
}
