package org.ward.simulator.lists;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position in a library's list-item journal that list-item delta's nextLink and deltaLink carry. Like a
 * drive delta token it names the simulator run, the library and the drive's epoch; a token from another run or an
 * older epoch is answered with 410.
 *
 * @param generation the simulator run that issued it
 * @param driveId the library's drive
 * @param epoch the drive's token epoch when it was issued
 * @param initial true while the first enumeration pages through (deleted items are left out), false for a round of
 *     changes
 * @param after journal position already delivered
 * @param upTo the last journal position of the round; 0 in a deltaLink (the next round runs to the newest change)
 */
record ListDeltaToken(String generation, String driveId, int epoch, boolean initial, long after, long upTo) {

    private static final String VERSION = "L1";

    String encode() {
        String raw = String.join(";", VERSION, generation, Integer.toHexString(driveId.hashCode()), String.valueOf(epoch),
                initial ? "I" : "C", Long.toString(after), Long.toString(upTo));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when the text is not a token this simulator could have issued for this library. */
    static ListDeltaToken decode(String text, String driveId) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(";");
            if (parts.length != 7 || !parts[0].equals(VERSION) || !parts[2].equals(Integer.toHexString(driveId.hashCode()))) {
                return null;
            }
            return new ListDeltaToken(parts[1], driveId, Integer.parseInt(parts[3]), parts[4].equals("I"),
                    Long.parseLong(parts[5]), Long.parseLong(parts[6]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
