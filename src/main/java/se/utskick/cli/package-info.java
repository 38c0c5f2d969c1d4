/**
 * The command line (picocli). Nothing depends on this package, and it constructs no service: it
 * starts the application ({@code Utskick.start}) and calls the root's services, the scheduler node
 * ({@code Utskick.schedule}) and the running node ({@code Utskick.startNode}).
 */
package se.utskick.cli;
