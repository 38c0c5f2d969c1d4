/**
 * The outbox and its senders: freezing a letter's audience into one delivery row per recipient,
 * sender workers that claim rows with SKIP LOCKED leases and send over reused SMTP connections,
 * retries, throttling, the delivery log and the per-delivery signed tokens.
 */
package se.utskick.delivery;
