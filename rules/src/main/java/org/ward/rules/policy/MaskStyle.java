package org.ward.rules.policy;

/**
 * How an identifier is shown: how many leading and trailing characters stay visible; the rest become '*'.
 * Validation keeps at least half of a 10-digit identifier hidden.
 */
public record MaskStyle(int keepFirst, int keepLast) {
}
