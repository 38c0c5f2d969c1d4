package se.utskick.register;

/** One row of {@code association}. */
record AssociationRecord(int id, String name, Region region) {
}
