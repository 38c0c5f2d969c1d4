/**
 * The HTTP edge: one embedded Javalin server ({@link se.utskick.web.WebServer}) with the members'
 * one-click unsubscribe ({@code /u/TOKEN}, RFC 8058), the node's {@code /health} and {@code /metrics}
 * (from {@code se.utskick.health}), and the staff's web interface ({@link se.utskick.web.WebUi}: a gate
 * for session and CSRF, one small class of routes per area, FreeMarker pages and Swedish texts under
 * {@code src/main/resources/web/}). Like {@code cli}, an edge: it calls the features' public services,
 * and nothing depends on it. The composition root starts it as part of the running node
 * ({@code Utskick.startNode}).
 *
 * <p>Pages take the services they use, never the whole graph: each page class's constructor names
 * exactly the features' services it calls (for example {@code ReplyPages(ReplyLog, LetterReading,
 * DeliveryLog, AuditLog, Views)}), and {@link se.utskick.web.WebUi} ({@code routes}) is the web's one assembly
 * point, the only class here that holds the {@code Utskick} graph and hands each page its services.
 */
package se.utskick.web;
