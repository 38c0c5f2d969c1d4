package se.utskick.letters;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The checks of a letter's fields, each refusing with an {@link InvalidLetterField} that names the
 * field; each returns the value as it is stored (stripped, line breaks normalised).
 */
final class LetterFields {
    static final int MAX_LINE = 300;
    static final int MAX_BODY = 100_000;

    private LetterFields() {
    }

    static String subject(long id, String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.blank", "the subject of letter " + id + " is empty");
        }
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.lines", "the subject of letter " + id + " must be one line");
        }
        if (subject.strip().length() > MAX_LINE) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.long", "the subject of letter " + id
                    + " is longer than 300 characters");
        }
        return subject.strip();
    }

    static String heading(long id, String heading) {
        if (heading == null || heading.isBlank() || heading.contains("\n") || heading.contains("\r") || heading.strip().length() > MAX_LINE) {
            throw new InvalidLetterField(id, "heading", "error.item.heading", "an item needs a heading of one line, at most 300 characters");
        }
        return heading.strip();
    }

    static String body(long id, String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new InvalidLetterField(id, "body", "error.item.body.blank", "an item needs a text");
        }
        if (markdown.length() > MAX_BODY) {
            throw new InvalidLetterField(id, "body", "error.item.body.long", "an item's text is at most 100,000 characters, this one has "
                    + markdown.length(), markdown.length());
        }
        if (markdown.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw new InvalidLetterField(id, "body", "error.item.body.control", "an item's text contains control characters; paste it as plain text");
        }
        return markdown.replace("\r\n", "\n");
    }

    static String password(long id, String password) {
        if (password == null || password.isBlank() || password.contains("\n") || password.contains("\r") || password.strip().length() > 200) {
            throw new InvalidLetterField(id, "password", "error.letter.password", "the website password must be one non-empty line");
        }
        return password.strip();
    }

    /** The Markdown file of an item (UTF-8), for the command line. */
    static String readBody(Path bodyFile) {
        try {
            return Files.readString(bodyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LetterException("the item body file " + bodyFile + " does not exist");
        } catch (MalformedInputException e) {
            throw new LetterException("the item body file " + bodyFile + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new LetterException("cannot read the item body file " + bodyFile + ": " + e.getMessage());
        }
    }
}
