package org.ward.connector.cli;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.Discovery;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.discovery.collect.TenantDiscovery;
import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.collect.DriveDelta;
import org.ward.rules.facts.LocationKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ward inventory}: discovers the tenant and counts what it holds, without judging anything. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Discover every site, team, channel and OneDrive and count their drives and items (read-only;"
                + " stores nothing).")
final class InventoryCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        long started = System.currentTimeMillis();
        Discovery discovery = context.getBean(TenantDiscovery.class).discover();
        DriveDelta delta = context.getBean(DriveDelta.class);
        AtomicLong items = new AtomicLong();
        AtomicLong done = new AtomicLong();
        context.getBean(ParallelCalls.class).forEach(discovery.drives(), drive -> {
            items.addAndGet(count(delta, drive));
            console.progress("Counting items: " + done.incrementAndGet() + "/" + discovery.drives().size() + " drives, "
                    + items.get() + " items", System.currentTimeMillis());
        });
        console.endProgress();
        console.line("Sites (SharePoint):   " + discovery.count(LocationKind.SHAREPOINT_SITE));
        console.line("Group and team sites: " + discovery.count(LocationKind.GROUP_SITE));
        console.line("Teams:                " + discovery.teams());
        console.line("Channels:             " + discovery.channels() + " (" + discovery.count(LocationKind.CHANNEL_SITE)
                + " with sites of their own)");
        console.line("OneDrives:            " + discovery.count(LocationKind.ONEDRIVE));
        console.line("Users:                " + discovery.users());
        console.line("Drives:               " + discovery.drives().size());
        console.line("Items:                " + items.get());
        discovery.gaps().forEach(gap -> console.line("Gap: " + gap));
        console.line("Took " + (System.currentTimeMillis() - started) / 1000.0 + " s.");
        return ExitCodes.OK;
    }

    private static long count(DriveDelta delta, DiscoveredDrive drive) {
        long count = 0;
        String link = null;
        do {
            DeltaPage page = delta.read(drive.driveId(), link, false);
            count += page.items().size();
            link = page.nextLink();
        } while (link != null);
        return count;
    }
}
