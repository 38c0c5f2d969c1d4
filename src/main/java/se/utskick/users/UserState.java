package se.utskick.users;

/** An account's state, stored as the same word in {@code user_account.state}. */
enum UserState {
    ACTIVE, DISABLED
}
