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
        Charset cs = encoding.orElse(null);
        String text = null;
        if (cs == null) {
            text = strictUtf8(bytes, start);
            cs = text != null ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        if (text == null) {
            int from = cs.equals(StandardCharsets.UTF_8) ? start : 0;
            text = strict(bytes, from, cs);
            if (text == null) {
                throw new ImportException(file, List.of(new LineError(1, "", "the file is not valid " + cs.name()
                        + " as --encoding says; leave --encoding out to detect it, or give the encoding it was saved in"
                        + " (Swedish spreadsheets often save windows-1252)")));
            }
        }
        int eol = text.indexOf('\n');
        String header = eol < 0 ? text : text.substring(0, eol);
        char d = delimiter.orElseGet(() -> detect(header)
                .orElseThrow(() -> new ImportException(file, List.of(new LineError(1, "",
                        "cannot tell the delimiter: the header has no ';', ',' or tab; give --delimiter")))));
        return new ExportFile(text, cs, d);
    }

    private static String strictUtf8(byte[] bytes, int start) {
        return strict(bytes, start, StandardCharsets.UTF_8);
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
