package org.ward.connector.protect;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.protection.*}: whether {@code ward protect --apply} (and the scan's protect stage) may put labels on
 * the tenant's files, and how the metered sensitivity-label API is paced. Off by default, so a scan-only deployment
 * never writes to Graph.
 *
 * @param enabled {@code true} or {@code false}; read as text so that a typo stops Ward with a sentence
 * @param duringScan {@code true} adds the protect stage to every scan (it also needs {@code enabled})
 * @param scanWait how long the scan's protect stage waits for queued sensitivity labels before it leaves the rest
 *     queued for the next run
 * @param sensitivityLabels pacing of {@code assignSensitivityLabel}
 */
@ConfigurationProperties("ward.protection")
public record ProtectionSettings(@DefaultValue("false") String enabled, @DefaultValue("false") String duringScan,
        @DefaultValue("PT2M") Duration scanWait, @DefaultValue SensitivityLabelPacing sensitivityLabels) {

    public ProtectionSettings {
        enabled = flag("ward.protection.enabled", enabled, "let ward protect --apply put labels on the tenant's files");
        duringScan = flag("ward.protection.during-scan", duringScan, "let every scan apply the labels its findings call for");
        if (scanWait == null || scanWait.isNegative()) {
            throw new InvalidProtectionSettingException("ward.protection.scan-wait is '" + scanWait + "': give a duration"
                    + " such as PT2M, how long a scan waits for queued sensitivity labels.");
        }
    }

    public boolean applyAllowed() {
        return enabled.equals("true");
    }

    /** Whether scans run the protect stage: it must be switched on, and applying allowed. */
    public boolean inScans() {
        return applyAllowed() && duringScan.equals("true");
    }

    private static String flag(String name, String value, String purpose) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidProtectionSettingException(name + " is '" + value + "': set it to true to " + purpose
                    + ", or false (the default).");
        }
        return text;
    }

    /**
     * How Ward paces {@code assignSensitivityLabel}: Microsoft limits it to 100 requests per 5 minutes per tenant,
     * shared with every other app in the tenant, so Ward takes a share of the cap.
     *
     * @param tenantCap the tenant's cap (100)
     * @param capWindow the cap's window (5 minutes)
     * @param share the part of the cap Ward may use (0.9); the rest is left for other apps and for safety
     * @param pollInterval how often Ward asks a label job's monitor URL how it is going
     * @param monitorTimeout how long after submitting Ward stops waiting for a job and reads the file's label instead
     */
    public record SensitivityLabelPacing(@DefaultValue("100") int tenantCap, @DefaultValue("PT5M") Duration capWindow,
            @DefaultValue("0.9") double share, @DefaultValue("PT2S") Duration pollInterval,
            @DefaultValue("PT15M") Duration monitorTimeout) {

        public SensitivityLabelPacing {
            if (tenantCap < 1) {
                throw new InvalidProtectionSettingException("ward.protection.sensitivity-labels.tenant-cap is " + tenantCap
                        + ": give Microsoft's cap on assignSensitivityLabel, 100 calls per window.");
            }
            if (capWindow == null || capWindow.isZero() || capWindow.isNegative()) {
                throw new InvalidProtectionSettingException("ward.protection.sensitivity-labels.cap-window is '" + capWindow
                        + "': give the cap's window, PT5M.");
            }
            if (!(share > 0 && share <= 1)) {
                throw new InvalidProtectionSettingException("ward.protection.sensitivity-labels.share is " + share
                        + ": give the part of the tenant's cap Ward may use, above 0 and at most 1 (0.9 leaves a tenth for"
                        + " other apps).");
            }
            if (pollInterval == null || pollInterval.isNegative() || monitorTimeout == null || monitorTimeout.isNegative()) {
                throw new InvalidProtectionSettingException("ward.protection.sensitivity-labels.poll-interval and"
                        + " monitor-timeout must be durations such as PT2S and PT15M.");
            }
        }

        /** How many calls Ward may make in one window: its share of the cap, at least one. */
        public int budget() {
            return Math.max(1, (int) Math.floor(tenantCap * share + 1e-9));
        }

        /** The even spacing between calls that spends the budget across the window. */
        public Duration spacing() {
            return capWindow.dividedBy(budget());
        }
    }
}
