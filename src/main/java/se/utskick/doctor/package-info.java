/**
 * {@code utskick doctor}: what an operator needs before the first real send, checked one part at a
 * time — the database, every SMTP relay (the default one and those of {@code smtp.relays}, with
 * what a failing one means for each letter kind's route), the reply mailbox and the DNS of the
 * sending domain (SPF, DKIM, DMARC, MX). Each check gives one or more {@link se.utskick.doctor.Finding}s: OK, WARN or
 * FAIL, what was found and the fix. Nothing is sent: each relay is spoken to up to {@code MAIL FROM}
 * and reset; the only change a check may make is creating the reply mailbox's processed folder,
 * which the poller would create on its first poll anyway.
 *
 * <p>DNS goes through {@link se.utskick.doctor.Dns} so tests run offline against a fake resolver;
 * {@link se.utskick.doctor.JndiDns} is the real one. Secrets (SMTP and IMAP passwords) are never
 * printed.
 */
package se.utskick.doctor;
