/**
 * The jobs that move the month's letters along without anyone at the keyboard: the monthly
 * assembly of each monthly kind's draft (with the items queued for its period) and the notice to
 * the ombudsman that it is ready; the sending of scheduled letters when their time comes; and,
 * optionally, the sending of an approved monthly letter on a set day. Built by the composition root
 * on the letters, audience and delivery features; handed to the schedule as
 * {@link se.utskick.schedule.ScheduledJob}s.
 */
package se.utskick.assembly;
