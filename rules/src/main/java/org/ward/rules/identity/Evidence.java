package org.ward.rules.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sign-in as a finding shows it: time, IP, place, app, client and result, and — only for findings about many
 * accounts — the account's UPN. Nothing else about the person.
 *
 * @param id the sign-in id (to merge evidence across runs)
 * @param time when
 * @param ip the IP address
 * @param place "City, CC"
 * @param app the application
 * @param client the client app (Browser, IMAP4, ...)
 * @param result "success" or "failure 50126"
 * @param upn the account, only when a finding covers several accounts; otherwise null
 */
public record Evidence(String id, Instant time, String ip, String place, String app, String client, String result,
        String upn) {

    public static Evidence of(SignInEvent e) {
        return new Evidence(e.id(), e.time(), e.ip(), e.place(), e.app(), e.clientApp(), result(e), null);
    }

    /** With the account named, for findings about one source and many accounts. */
    public static Evidence withAccount(SignInEvent e) {
        return new Evidence(e.id(), e.time(), e.ip(), e.place(), e.app(), e.clientApp(), result(e), e.upn());
    }

    private static String result(SignInEvent e) {
        if (e.success()) {
            return "success";
        }
        return "failure " + e.errorCode() + (e.detail() == null || e.detail().isBlank() ? "" : " (" + e.detail() + ")");
    }

    /** For a finding's details. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("time", time.toString());
        map.put("ip", ip);
        map.put("place", place);
        map.put("app", app);
        map.put("client", client);
        map.put("result", result);
        if (upn != null) {
            map.put("upn", upn);
        }
        return map;
    }
}
