package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards that Swedish and English automatic answers are told from people's replies: RFC 3834
 * headers first, then subjects anchored at their start (a person's "SV: Frånvaro på mötet" stays a
 * reply), and Outlook's X-Auto-Response-Suppress alone never makes a message automatic.
 */
class AutoReplyVerdictTest {

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // people's replies
        "SV: Frånvaro på styrelsemötet                |                                        | REPLY",
        "SV: Frånvaro på styrelsemötet                | X-Auto-Response-Suppress: All           | REPLY",
        "Re: Styrelsebrev november                    | X-Auto-Response-Suppress: DR, RN, NRN   | REPLY",
        "Re: Semesterplaner för valstugan             |                                        | REPLY",
        "SV: Out of office-rutiner i valrörelsen      |                                        | REPLY",
        "Frånvaro på mötet den 12:e                   |                                        | REPLY",
        "VB: Frånvarande ledamöter                    |                                        | REPLY",
        "Re: Vacation rental for the conference       |                                        | REPLY",
        "SV: Styrelsebrev                              | Auto-Submitted: no                      | REPLY",
        "Semestervecka i föreningen                    |                                        | REPLY",
        // automatic answers: RFC 3834 and the usual headers
        "Re: Styrelsebrev november                    | Auto-Submitted: auto-replied            | AUTO_REPLY",
        "SV: Styrelsebrev november                    | Auto-Submitted: auto-generated          | AUTO_REPLY",
        "Styrelsebrev november                        | X-Autoreply: yes                        | AUTO_REPLY",
        "Styrelsebrev november                        | Precedence: auto_reply                  | AUTO_REPLY",
        "Re: Styrelsebrev                              | X-Autorespond: Styrelsebrev            | AUTO_REPLY",
        // automatic answers by their subject only (Swedish and English clients without headers)
        "Frånvaromeddelande                            |                                        | AUTO_REPLY",
        "Frånvaromeddelande: Styrelsebrev november     |                                        | AUTO_REPLY",
        "Frånvarande                                   |                                        | AUTO_REPLY",
        "Frånvarande till och med 4 januari           |                                        | AUTO_REPLY",
        "Ej på kontoret                                |                                        | AUTO_REPLY",
        "Ej på kontoret: Styrelsebrev november         |                                        | AUTO_REPLY",
        "Automatiskt svar: Styrelsebrev november       |                                        | AUTO_REPLY",
        "Autosvar: SV: Styrelsebrev                    |                                        | AUTO_REPLY",
        "Out of office                                 |                                        | AUTO_REPLY",
        "Out of Office: Re: Board letter               |                                        | AUTO_REPLY",
        "Automatic reply: Styrelsebrev november        |                                        | AUTO_REPLY",
        "Auto-reply: Styrelsebrev                      |                                        | AUTO_REPLY",
        "[EXTERN] Automatiskt svar: Styrelsebrev       |                                        | AUTO_REPLY",
        "Frånvaro                                      |                                        | AUTO_REPLY",
        "Semester – åter 10 augusti                    |                                        | AUTO_REPLY",
    })
    void verdict(String subject, String header, MessageKind expected) {
        String raw = "From: anna@example.org\r\nTo: reply+tok@utskick.example.se\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.strip().getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + (header == null || header.isBlank() ? "" : header.strip() + "\r\n")
                + "Message-ID: <m-" + System.nanoTime() + "@example.org>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHej.\r\n";
        IncomingMessage m = IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertEquals(expected, m.automatic() ? MessageKind.AUTO_REPLY : MessageKind.REPLY, subject);
    }
}
