package org.ward.simulator.drives;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position in a drive's change journal carried by nextLink and deltaLink. A token names the simulator
 * run, the drive and the drive's epoch; a token from another run or an older epoch is answered with 410 resync.
 *
 * @param generation the simulator run that issued it
 * @param driveId the drive
 * @param epoch the drive's token epoch when it was issued
 * @param mode INITIAL (first enumeration page), CHANGES (a page of a change round), LINK (a stored deltaLink)
 * @param after journal position already delivered
 * @param upTo the last journal position of the round (LINK: unused)
 */
record DeltaToken(String generation, String driveId, int epoch, Mode mode, long after, long upTo) {

    enum Mode { INITIAL, CHANGES, LINK }

    String encode() {
        String raw = String.join(";", "1", generation, Integer.toHexString(driveId.hashCode()), String.valueOf(epoch),
                mode.name(), Long.toString(after), Long.toString(upTo));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns null when the text is not a token this simulator could have issued for this drive. */
    static DeltaToken decode(String text, String driveId) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(";");
            if (parts.length != 7 || !parts[0].equals("1") || !parts[2].equals(Integer.toHexString(driveId.hashCode()))) {
                return null;
            }
            return new DeltaToken(parts[1], driveId, Integer.parseInt(parts[3]), Mode.valueOf(parts[4]),
                    Long.parseLong(parts[5]), Long.parseLong(parts[6]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
