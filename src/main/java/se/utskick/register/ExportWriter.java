package se.utskick.register;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.utskick.UtskickException;

/**
 * Writes a register export in the configured column format: the header, then one line per member
 * with the fields in {@link Column} order. Used by {@code register export} and by the sample data.
 */
final class ExportWriter implements AutoCloseable {
    private final Path file;
    private final CSVPrinter printer;

    /**
     * @param bom write a UTF-8 byte-order mark first (only with UTF-8)
     */
    ExportWriter(Path file, RegisterConfig cfg, Charset encoding, char delimiter, boolean bom) {
        this.file = file;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            OutputStream out = Files.newOutputStream(file);
            if (bom && encoding.equals(StandardCharsets.UTF_8)) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, encoding.newEncoder()), 1 << 16);
            printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get());
            for (Column col : Column.values()) {
                printer.print(cfg.header(col));
            }
            printer.println();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** One member; {@code fields} in {@link Column} order, null for empty. */
    void write(String... fields) {
        try {
            printer.printRecord((Object[]) fields);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private UtskickException failure(IOException e) {
        String hint = e instanceof java.nio.charset.CharacterCodingException
                ? " (a character that the chosen encoding cannot represent; use UTF-8)" : "";
        return new UtskickException("cannot write " + file + ": " + e.getMessage() + hint, e);
    }
}
