package org.ward.connector.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code ward} command and its subcommands. */
@Command(name = "ward", mixinStandardHelpOptions = true, versionProvider = WardVersion.class,
        description = {"Ward keeps patient recordings in Microsoft 365 safe: it scans sites, teams and OneDrives through"
                + " Microsoft Graph, finds patient recordings by policy and reports what is kept, shared or labelled badly.",
            "", "Start with: ward scan --demo"},
        subcommands = {ScanCommand.class, ReportCommand.class, FindingsCommand.class, RemediateCommand.class,
            AcceptRiskCommand.class, AuditCommand.class, IdentityCommand.class, ProtectCommand.class, DispositionCommand.class,
            CheckConnectionCommand.class, EvidenceCommand.class, AlertsCommand.class, TeamsAppCommand.class,
            InventoryCommand.class, ServeCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 failed; 2 usage or configuration error; 3 --fail-on threshold reached."})
final class WardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
