/**
 * The month's rhythm: Quartz with its JDBC job store in the same MariaDB, clustered, so several
 * nodes can run side by side and each trigger fires once in the cluster. Jobs are plain
 * {@link se.utskick.schedule.ScheduledJob}s built by the composition root; this package adapts them
 * to Quartz and logs every run.
 */
package se.utskick.schedule;
