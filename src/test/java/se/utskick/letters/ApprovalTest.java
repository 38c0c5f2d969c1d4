package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.audience.AudienceException;
import se.utskick.db.Database;

/**
 * Guards approval: a letter is approved only after it rendered for every recipient; a broken
 * template (syntax error, unknown variable, computing with a recipient value) stops it with the
 * template's name and line; bad letter input is refused with a message naming the field.
 */
class ApprovalTest {
    @TempDir
    Path dir;
    Database db;
    Path overrides;
    Letters letters;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 500, 11);
        overrides = dir.resolve("config-templates");
        letters = LetterFixture.letters(db, overrides);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void bothMonthlyLettersRenderForEveryRecipientAndAreApproved() {
        Letter members = LetterFixture.membersLetter(letters, dir);
        Letter board = LetterFixture.boardLetter(letters, dir);
        Approval.Approved m = letters.approve(members.id());
        Approval.Approved b = letters.approve(board.id());
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member WHERE status = 'ACTIVE' AND email_status = 'OK' "
                + "AND unsubscribed_at IS NULL"), m.recipients());
        assertEquals(m.recipients(), m.resolution().recipients());
        assertEquals(b.recipients(), b.resolution().recipients());
        assertEquals(LetterState.APPROVED, letters.get(members.id()).state());
        assertEquals(LetterState.APPROVED, letters.get(board.id()).state());
    }

    @Test
    void overrideTemplateWithATypoIsRefusedAtApprovalWithNameAndLine() throws IOException {
        Letter members = LetterFixture.membersLetter(letters, dir);
        override("members.ftl", "Hej ${recipient.firstName}!\n\nRad två\n${letter.titel}\n");
        TemplateError e = assertThrows(TemplateError.class, () -> freshLetters().approve(members.id()));
        assertEquals("members.ftl", e.templateName());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("members.ftl, line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("letter.titel"), e.getMessage());
        assertEquals(LetterState.DRAFT, letters.get(members.id()).state());
    }

    @Test
    void overrideTemplateWithBrokenSyntaxIsRefusedWithNameAndLine() throws IOException {
        Letter board = LetterFixture.boardLetter(letters, dir);
        override("board.ftlh", "<p>Hej</p>\n<#if letter.feedback??>\n<p>saknar slut</p>\n");
        TemplateError e = assertThrows(TemplateError.class, () -> freshLetters().approve(board.id()));
        assertEquals("board.ftlh", e.templateName());
        assertTrue(e.getMessage().contains("board.ftlh, line"), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void templateComputingWithARecipientValueIsRefused() throws IOException {
        Letter board = LetterFixture.boardLetter(letters, dir);
        override("board.ftl", "Hej ${recipient.firstName?upper_case}!\n");
        TemplateError e = assertThrows(TemplateError.class, () -> freshLetters().approve(board.id()));
        assertTrue(e.getMessage().contains("print them as they are"), e.getMessage());
    }

    @Test
    void membersTemplateWithoutTheUnsubscribeLinkIsRefused() throws IOException {
        Letter members = LetterFixture.membersLetter(letters, dir);
        override("members.ftlh", "<p>Hej ${recipient.firstName}!</p>\n");
        TemplateError e = assertThrows(TemplateError.class, () -> freshLetters().approve(members.id()));
        assertEquals("members.ftlh", e.templateName());
        assertTrue(e.getMessage().contains("unsubscribeUrl"), e.getMessage());
    }

    @Test
    void templateCannotInstantiateClassesOrReachTheApi() throws IOException {
        Letter board = LetterFixture.boardLetter(letters, dir);
        override("board.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        TemplateError e = assertThrows(TemplateError.class, () -> freshLetters().approve(board.id()));
        assertTrue(e.getMessage().contains("board.ftl, line 1"), e.getMessage());
        override("board.ftl", "${letter.items?api.size()}\n");
        TemplateError api = assertThrows(TemplateError.class, () -> freshLetters().approve(board.id()));
        assertTrue(api.getMessage().contains("board.ftl, line 1"), api.getMessage());
    }

    @Test
    void emptySubjectIsRefusedAtApproval() {
        Letter board = LetterFixture.boardLetter(letters, dir);
        var e = assertThrows(InvalidLetterField.class, () -> letters.setSubject(board.id(), "  "));
        assertEquals("subject", e.field().orElseThrow());
        assertEquals("error.letter.subject.blank", e.key());
        assertEquals(board.subject(), letters.get(board.id()).subject(), "nothing saved");
    }

    @Test
    void letterWithoutItemsIsRefusedAtApproval() {
        Letter l = letters.create(LetterKind.BOARD, "2026-04", List.of(), null);
        var e = assertThrows(InvalidLetterField.class, () -> letters.approve(l.id()));
        assertTrue(e.getMessage().contains("no items"), e.getMessage());
    }

    @Test
    void badInputsAreRefusedWithClearMessages() {
        var period = assertThrows(LetterException.class, () -> letters.create(LetterKind.MEMBERS, "2026-13", List.of(), null));
        assertTrue(period.getMessage().contains("period '2026-13' is not a month"), period.getMessage());
        assertThrows(LetterException.class, () -> letters.create(LetterKind.MEMBERS, "mars", List.of(), null));
        var noPeriod = assertThrows(InvalidLetterField.class, () -> letters.create(LetterKind.BOARD, null, List.of(), null));
        assertTrue(noPeriod.getMessage().contains("needs a period"), noPeriod.getMessage());
        assertThrows(LetterException.class, () -> LetterKind.parse("nyhetsbrev"));
        var assoc = assertThrows(AudienceException.class, () -> letters.create(LetterKind.TARGETED, null, List.of("Atlantis"), null));
        assertTrue(assoc.getMessage().contains("Atlantis"), assoc.getMessage());
        Letter board = LetterFixture.boardLetter(letters, dir);
        var past = assertThrows(InvalidLetterField.class, () -> letters.setDeadline(board.id(), java.time.LocalDate.of(2026, 2, 19)));
        assertTrue(past.getMessage().contains("in the past"), past.getMessage());
        var missing = assertThrows(LetterException.class, () -> letters.addItem(board.id(), "Rubrik", dir.resolve("finns-inte.md")));
        assertTrue(missing.getMessage().contains("finns-inte.md does not exist"), missing.getMessage());
        assertThrows(InvalidLetterField.class, () -> letters.setSubject(board.id(), "Ämne\r\nBcc: alla@example.org"));
        var twice = assertThrows(LetterException.class, () -> letters.create(LetterKind.BOARD, "2026-03", List.of(), null));
        assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());
    }

    @Test
    void targetedLetterGoesToTheBoardsOfTheChosenAssociations() {
        Letter l = letters.create(LetterKind.TARGETED, null, List.of("Arvika", "Torsby"), null);
        letters.addItem(l.id(), "Till er", LetterFixture.markdown(dir, "t.md", "Hej styrelser!"));
        Approval.Approved a = letters.approve(l.id());
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(DISTINCT m.id) FROM member m JOIN member_role r ON r.member_id = m.id "
                + "WHERE m.status = 'ACTIVE' AND m.email_status = 'OK' AND r.role IN ('CHAIR','BOARD_MEMBER','MEMBERSHIP_OFFICER') "
                + "AND r.association_id IN (2, 3)"), a.recipients());
        assertEquals("styrelserna i Arvika, Torsby", l.audienceName());
        assertEquals(l.id(), letters.find(l.slug()).id());
        assertEquals(l.id(), letters.find(String.valueOf(l.id())).id());
    }

    /** A new Letters, as a new process would build: templates are compiled and cached per configuration. */
    private Letters freshLetters() {
        return LetterFixture.letters(db, overrides);
    }

    private void override(String name, String content) throws IOException {
        Files.createDirectories(overrides);
        Files.writeString(overrides.resolve(name), content);
    }
}
