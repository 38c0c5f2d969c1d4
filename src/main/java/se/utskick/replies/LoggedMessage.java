package se.utskick.replies;

import java.time.Instant;

/**
 * One line of the reply log, as the ombudsman sees it. {@code bodyText} is null in lists and set
 * by {@link ReplyLog#show}. {@code handledAt}/{@code handledBy} are null until someone marks it handled. Contains personal data (sender, text): print it, never log it.
 */
public record LoggedMessage(long id, Instant receivedAt, MessageKind kind, Correlation correlation, Long letterId,
                            String letterKind, Long deliveryId, Long associationId, Long memberId, String sender,
                            String subject, String excerpt, String bodyText, String bounceStatus,
                            String bounceRecipient, String bounceDiagnostic, String effect, Instant handledAt,
                            String handledBy) {
}
