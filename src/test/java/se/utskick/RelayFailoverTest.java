package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.letters.LetterKind;
import se.utskick.testing.ScriptedSmtpServer;

/**
 * Guards several relays (issue 18) on the real graph ({@link Utskick#wire}) with two hand-written
 * SMTP servers: letters go through the relay their kind is routed to; a relay that refuses every
 * message (our envelope sender) or cannot be reached is set aside and its messages go to the next
 * relay of the route; nothing is lost or sent twice (counted per recipient at the servers), nobody
 * is marked and the letter is not paused.
 */
class RelayFailoverTest {
    @TempDir
    Path dir;

    private static final List<String> ALL = List.of("Karlstad", "Arvika", "Torsby");

    /** Three associations with a chair and a board member each, and 24 plain members. */
    private static void register(VerdictHarness h) {
        for (String name : ALL) {
            long a = h.association(name);
            String p = name.substring(0, 1).toLowerCase();
            h.member(p.toUpperCase() + "1", p + "1@mail.example.org", a, "CHAIR");
            h.member(p.toUpperCase() + "2", p + "2@post.example.net", a, "BOARD_MEMBER");
            for (int i = 0; i < 8; i++) {
                h.member(p.toUpperCase() + "M" + i, p + "m" + i + "@post.example.net", a);
            }
        }
    }

    private static Map<String, String> relays(int bulkPort, String membersRoute) {
        return Map.of("smtp.relays", "bulk=smtp://127.0.0.1:" + bulkPort + "?starttls=off",
                "smtp.route.members", membersRoute, "smtp.route.targeted", "default", "smtp.relay.set.aside", "PT10M");
    }

    @Test
    void eachKindGoesThroughItsRelay() throws Exception {
        try (ScriptedSmtpServer board = ScriptedSmtpServer.start(); ScriptedSmtpServer bulk = ScriptedSmtpServer.start();
             VerdictHarness h = new VerdictHarness(board.port(), relays(bulk.port(), "bulk"))) {
            register(h);
            long targeted = h.sendLetter(LetterKind.TARGETED, null, ALL, dir, null);
            long members = h.sendLetter(LetterKind.MEMBERS, "2026-11", List.of(), dir, null);
            int toBoards = h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'SENT'", targeted);
            int toMembers = h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'SENT'", members);
            assertEquals(6, toBoards);
            assertEquals(30, toMembers);
            assertEquals(toBoards, board.accepted(), "the board letter went through the default relay only");
            assertEquals(toMembers, bulk.accepted(), "the members' letter went through the bulk relay only");
        }
    }

    @Test
    void aRelayThatRefusesEveryMessageIsSetAsideAndTheNextTakesItsRowsNothingLostOrTwice() throws Exception {
        try (ScriptedSmtpServer failing = ScriptedSmtpServer.start(); ScriptedSmtpServer bulk = ScriptedSmtpServer.start();
             VerdictHarness h = new VerdictHarness(failing.port(), relays(bulk.port(), "default bulk"))) {
            register(h);
            failing.script().refuseSender("530 5.7.0 Authentication required");
            long members = h.sendLetter(LetterKind.MEMBERS, "2026-11", List.of(), dir, null);
            assertEverySentOnceThrough(h, bulk, members);
            assertEquals(0, failing.accepted());
        }
    }

    @Test
    void aRelayThatCannotBeReachedIsSetAsideAndTheNextTakesItsRows() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once closed
        }
        try (ScriptedSmtpServer bulk = ScriptedSmtpServer.start(); VerdictHarness h = new VerdictHarness(closed, relays(bulk.port(), "default bulk"))) {
            register(h);
            long members = h.sendLetter(LetterKind.MEMBERS, "2026-11", List.of(), dir, null);
            assertEverySentOnceThrough(h, bulk, members);
        }
    }

    private static void assertEverySentOnceThrough(VerdictHarness h, ScriptedSmtpServer relay, long letter) {
        assertEquals("FINISHED", h.string("SELECT state FROM send_run WHERE letter_id = ?", letter), "not paused, finished");
        assertEquals(30, h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'SENT'", letter), "nothing lost");
        assertEquals(30, relay.perRecipient.size(), "every recipient reached through the next relay");
        relay.perRecipient.forEach((to, n) -> assertEquals(1, n.get(), to + " got it exactly once"));
        assertEquals(0, h.count("SELECT COUNT(*) FROM member WHERE email_status <> 'OK'"), "nobody is marked");
        assertTrue(h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'BLOCKED'", letter) == 0, "nothing BLOCKED");
    }
}
