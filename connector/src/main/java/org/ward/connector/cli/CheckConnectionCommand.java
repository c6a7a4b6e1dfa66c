package org.ward.connector.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.alerts.AlertSettings;
import org.ward.connector.discovery.collect.FirstCalls;
import org.ward.connector.graph.PermissionCatalogue;
import org.ward.connector.graph.RequiredPermission;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.GraphEndpoints;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.graph.TokenPermissions;
import org.ward.connector.protect.ProtectionReadiness;
import org.ward.connector.remediate.RemediationReadiness;
import org.ward.connector.remediate.RemediationSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ward check-connection}: signs in, lists the token's permissions and names what is missing and why. */
@Command(name = "check-connection", mixinStandardHelpOptions = true,
        description = {"Sign in to the tenant, list the application permissions Ward's token carries, name each"
                + " permission Ward needs that is missing, with what it is for (docs/graph-permissions.md), and make the"
                + " calls a scan makes first (the site list, a site's libraries, a library's change feed, users, groups).",
            "Exits 1 when a permission a scan cannot do without is missing or one of those calls fails."})
final class CheckConnectionCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        GraphSettings settings = context.getBean(GraphSettings.class);
        GraphEndpoints endpoints = settings.endpoints();
        console.line("Tenant:      " + settings.tenantId());
        console.line("Graph:       " + endpoints.baseUrl());
        console.line("Authority:   " + endpoints.authority());
        console.line("App:         " + settings.clientId() + " (" + settings.credential() + ")");
        TokenPermissions token = context.getBean(GraphConnectionCheck.class).grantedPermissions();
        console.line("Signed in:   token for " + token.audience() + ", tenant " + token.tenantId());
        console.blank();
        console.line("Granted application permissions (" + token.roles().size() + "):");
        token.roles().forEach(role -> console.line("  " + role));
        Set<String> granted = new LinkedHashSet<>(token.roles());
        console.blank();
        console.line("What Ward needs:");
        List<String> missingRequired = new java.util.ArrayList<>();
        for (RequiredPermission need : PermissionCatalogue.all()) {
            boolean ok = need.satisfied(granted);
            String mark = ok ? "ok     " : need.required() ? "MISSING" : "absent ";
            console.line("  " + mark + " " + need.permission() + " [" + need.capability() + "] - " + need.purpose());
            if (!ok && need.required()) {
                missingRequired.add(need.permission());
            }
        }
        console.blank();
        console.line(sharingTradeOff(granted.contains("Sites.FullControl.All")));
        console.line(remediation(context.getBean(RemediationSettings.class).applyAllowed(), granted));
        context.getBean(ProtectionReadiness.class).describe(granted).forEach(console::line);
        List<String> alerts = context.getBean(AlertSettings.class).warnings(granted);
        if (!alerts.isEmpty()) {
            console.blank();
            console.line("Alerts:");
            alerts.forEach(warning -> console.line("  WARNING " + warning));
        }
        console.blank();
        console.line("The calls a scan makes first:");
        List<FirstCalls.Call> calls = context.getBean(FirstCalls.class).make();
        calls.forEach(call -> console.line("  " + (call.ok() ? "ok      " : "FAILED  ") + call.call()
                + (call.ok() ? "" : ": " + call.failure())));
        if (!missingRequired.isEmpty()) {
            console.error("Ward cannot scan this tenant until an administrator grants (with admin consent): "
                    + String.join(", ", missingRequired) + ".");
            return ExitCodes.FAILED;
        }
        List<FirstCalls.Call> failed = calls.stream().filter(call -> !call.ok()).toList();
        if (!failed.isEmpty()) {
            console.error("Ward cannot scan this tenant yet: " + failed.get(0).call() + " failed: " + failed.get(0).failure());
            return ExitCodes.FAILED;
        }
        console.line("Ward can scan this tenant.");
        return ExitCodes.OK;
    }

    /** Whether ward remediate --apply may (settings) and can (token) change sharing; a scan needs neither. */
    static String remediation(boolean enabled, Set<String> granted) {
        RequiredPermission need = RemediationReadiness.needed();
        String setting = enabled ? "Remediation: enabled (ward.remediation.enabled=true)"
                : "Remediation: off (ward.remediation.enabled=false), so ward remediate only shows what it would do";
        if (need.satisfied(granted)) {
            return setting + "; the token carries a permission that lets Ward change sharing (" + need.permission()
                    + " or broader)" + (enabled ? ", so ward remediate --apply can remove and replace links and grants." : ".");
        }
        return setting + "; the token lacks " + need.permission() + " (or " + String.join(", ", need.satisfiedBy())
                + "), so Graph would refuse ward remediate --apply until an administrator grants it with admin consent."
                + " Scanning does not need it.";
    }

    /** What the choice of Sites.FullControl.All costs in calls and time (Microsoft charges 5 units per permission call). */
    static String sharingTradeOff(boolean fullControl) {
        if (fullControl) {
            return "Sharing: Sites.FullControl.All is granted, so delta reports sharing changes; after the first scan"
                    + " Ward re-reads permissions only of items whose sharing changed.";
        }
        return "Sharing: without Sites.FullControl.All Ward cannot ask delta for sharing changes, so every scan re-reads"
                + " the permissions of each patient recording: one call (5 resource units) per recording, about 250"
                + " recordings a minute on a 1,250-unit budget. Granting it makes repeat scans read only what changed.";
    }
}
