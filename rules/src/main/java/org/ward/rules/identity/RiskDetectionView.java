package org.ward.rules.identity;

import java.time.Instant;

/** One Identity Protection risk detection: its type, level and state, when, and where from. */
public record RiskDetectionView(String userId, String type, String level, String state, Instant time, String ip,
        String place) {

    /** For a finding's details. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("time", time == null ? null : time.toString());
        map.put("type", type);
        map.put("level", level);
        map.put("state", state);
        map.put("ip", ip);
        map.put("place", place);
        return map;
    }
}
