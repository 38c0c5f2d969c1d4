package se.utskick.doctor;

/** The verdict of one check: fine, worth a look, or stops a real send. */
public enum Status { OK, WARN, FAIL }
