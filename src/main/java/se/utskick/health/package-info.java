/**
 * The node's health, for {@code GET /health} and the container's health check: each part the node
 * needs to do its work (database, the relay, the scheduler and its jobs, reply polling among them,
 * sender workers) answers OK, WARN or FAIL with a reason an operator can act on; and {@code /metrics}
 * ({@link se.utskick.health.Metrics}: read-only counts over the features' tables, by choice). The
 * composition root builds the probes into the running node ({@code se.utskick.Node}). No personal
 * data: counts, names of jobs, ids.
 */
package se.utskick.health;
