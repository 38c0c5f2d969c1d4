/**
 * Automatic reminders, sent as REMINDER letters through the ordinary outbox so each is logged as a
 * delivery and sent exactly once: the monthly reminder to each association's membership officer
 * of its members without a usable address (falling back to the chair, then to the ombudsman), and
 * the feedback reminder to boards that have not answered a board letter, threaded to it, followed
 * after the deadline by a summary to the ombudsman.
 */
package se.utskick.reminders;
