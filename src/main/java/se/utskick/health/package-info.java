/**
 * The node's health, for {@code GET /health} and the container's health check: each part the node
 * needs to do its work (database, scheduler, reply polling, sender workers) answers OK, WARN or
 * FAIL with a reason an operator can act on. No personal data: counts, names of jobs, ids.
 */
package se.utskick.health;
