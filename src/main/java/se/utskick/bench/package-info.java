/**
 * Benchmarks, run as commands ({@code utskick bench ...}), never as timed tests: a synthetic
 * register and a letter shaped like the members' letter, for measuring the delivery pipeline.
 */
package se.utskick.bench;
