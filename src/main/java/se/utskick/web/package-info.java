/**
 * The HTTP edge: one embedded Javalin server ({@link se.utskick.web.WebServer}) with the members'
 * one-click unsubscribe ({@code /u/TOKEN}, RFC 8058), the node's {@code /health} and {@code /metrics}
 * (from {@code se.utskick.health}), and the staff's web interface ({@link se.utskick.web.WebUi}: a gate
 * for session and CSRF, one small class of routes per area, FreeMarker pages and Swedish texts under
 * {@code src/main/resources/web/}). Like {@code cli}, an edge: it calls the features' public services,
 * and nothing depends on it. The composition root starts it as part of the running node
 * ({@code Utskick.startNode}).
 */
package se.utskick.web;
