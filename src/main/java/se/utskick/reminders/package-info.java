/**
 * Automatic reminders, sent as REMINDER letters through the ordinary outbox so each is logged as a
 * delivery and sent exactly once: the monthly reminder to each association's membership officer
 * of its members without a usable address (falling back to the chair, then to the ombudsman), and
 * the feedback reminder to boards that have not answered a board letter, threaded to it, followed
 * after the deadline by a summary to the ombudsman.
 *
 * <p>Who needs a reminder is the register's rule ({@code register.AddressRule}), asked in this
 * feature's SQL ({@code sql/reminders.sql}) over the register's tables; association names come from
 * the register through the composition root. The root builds the feature in steps around letters
 * and delivery ({@code Reminders.content} for the letters' texts, {@code Reminders.recipients} for
 * delivery, {@code Reminders.create}, {@code Reminders.erasure}); which letters take their recipients
 * from here (REMINDER ones) is routed in the root ({@code Seams.recipientsByKind}).
 */
package se.utskick.reminders;
