package dev.boulevard.docs;

/** The bank account's state, as its snapshots keep it. */
public record AccountState(String id, long balance) {}
