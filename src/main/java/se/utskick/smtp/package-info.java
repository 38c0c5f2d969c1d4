/**
 * What a receiving server's refusal means, by cause (RFC 3463 enhanced status codes first, then the
 * server's words): the one rule that both delivery (answers at send time) and replies (delivery
 * reports in the reply mailbox) apply, so the two never disagree about whether a member's address
 * is bad or the receiver refused us.
 */
package se.utskick.smtp;
