/** The command line (picocli). Nothing depends on this package. */
package se.utskick.cli;
