package se.utskick.associations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types the material bank takes, recognised from the file's first bytes (its magic
 * number), never from its name or the type the browser claimed: PDF ({@code %PDF-}), PNG, JPEG,
 * and the two zip-based documents, ODT (its first entry is {@code mimetype} holding
 * {@code application/vnd.oasis.opendocument.text}) and DOCX (a zip with {@code word/document.xml}).
 * None of them is a type a browser runs. Stateless.
 */
public enum FileTypes {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ODT_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final String extension;

    FileTypes(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type of {@code content} by its bytes; empty for anything else (HTML, SVG, scripts, executables, other zips). */
    public static Optional<FileTypes> of(byte[] content) {
        if (startsWith(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, ZIP_MAGIC)) {
            if (startsWith(content, 30, ODT_MIMETYPE)) {
                return Optional.of(ODT);
            }
            if (hasEntry(content, "word/document.xml")) {
                return Optional.of(DOCX);
            }
        }
        return Optional.empty();
    }

    /** The type stored under {@code contentType}; empty if it is none of these. */
    public static Optional<FileTypes> byContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean hasEntry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            int seen = 0;
            while ((e = in.getNextEntry()) != null && seen++ < 10_000) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
