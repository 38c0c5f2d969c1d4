package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the send-time verdict by the command answered and by cause: MAIL FROM refusals and
 * sender/policy codes are BLOCKED and never mark; only an address answer to RCPT TO or DATA marks.
 */
class SmtpOutcomeCauseTest {

    @ParameterizedTest(name = "{0} {1} -> {2} mark={3}")
    @CsvSource(delimiter = '|', value = {
        "MAIL | 553 5.1.8 <bounce@x.example>: Sender address rejected: Domain not found | BLOCKED  | false",
        "MAIL | 550 5.1.8 sender rejected                                            | BLOCKED  | false",
        "MAIL | 550 5.1.1 <bounce@x.example>: user unknown                          | BLOCKED  | false",
        "MAIL | 451 4.7.1 try later                                                   | DEFERRED | false",
        "RCPT | 550 5.1.1 <anna@example.org>: Recipient address rejected: User unknown | FAILED   | true",
        "RCPT | 550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found                  | FAILED   | true",
        "RCPT | 550 5.1.2 bad destination system address                              | FAILED   | true",
        "RCPT | 550 user unknown                                                      | FAILED   | true",
        "RCPT | 553 5.1.8 <bounce+t@x.example>: Sender address rejected               | BLOCKED  | false",
        "RCPT | 550 5.1.7 bad sender mailbox syntax                                   | BLOCKED  | false",
        "RCPT | 554 5.7.1 Service unavailable; Client host blocked using zen.spamhaus.org | BLOCKED | false",
        "RCPT | 550 5.7.1 <anna@example.org>: Recipient address rejected: Access denied | BLOCKED  | false",
        "RCPT | 550 5.1.1 <other@elsewhere.example>: user unknown                   | FAILED   | false",
        "RCPT | 552 5.2.2 mailbox full                                                | FAILED   | false",
        "RCPT | 550 Rejected                                                          | FAILED   | false",
        "RCPT | 450 4.2.0 greylisted                                                  | DEFERRED | false",
        "DATA | 550 5.7.26 Unauthenticated email is not accepted due to DMARC policy  | BLOCKED  | false",
        "DATA | 552 5.3.4 message too big                                             | FAILED   | false",
        "DATA | 550 5.1.1 <anna@example.org>: mailbox unavailable, user unknown      | FAILED   | true",
    })
    void outcome(SmtpOutcome.Phase phase, String reply, DeliveryState state, boolean mark) {
        SmtpOutcome o = SmtpOutcome.of(phase, Integer.parseInt(reply.strip().substring(0, 3)), reply.strip(), "anna@example.org");

        assertEquals(state, o.state(), reply);
        assertEquals(mark, o.badAddress(), reply);
    }
}
