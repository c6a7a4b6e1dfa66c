package org.ward.connector.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.remediate.RiskAcceptance;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code ward accept-risk}: a compliance officer accepts a finding's risk, with a reason, until a date. */
@Command(name = "accept-risk", mixinStandardHelpOptions = true,
        description = {"Mark a finding accepted-risk, with the reason and the last day the acceptance holds. After that"
                + " day the next scan opens it again. The decision is written to the audit log.",
            "Exits 2 when the finding is unknown or resolved, the reason is empty or the date is not in the future."})
final class AcceptRiskCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Parameters(index = "0", paramLabel = "FINDING_ID", description = "The finding's id (F-...).")
    String findingId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the risk is accepted.")
    String reason;

    @Option(names = "--until", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The last day the acceptance holds, in your time zone (--zone).")
    LocalDate until;

    @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The time zone the date is in, e.g. Europe/London (default: this computer's, ${DEFAULT-VALUE}).")
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();

    @Option(names = "--by", paramLabel = "NAME", description = "Who accepts it (default: the operating-system user).")
    String by;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        String who = by == null ? System.getProperty("user.name") : by;
        AuditEntry entry;
        try {
            entry = context.getBean(RiskAcceptance.class).accept(findingId, who, reason, until, zone);
        } catch (IllegalArgumentException e) {
            console.error(e.getMessage());
            return ExitCodes.USAGE;
        }
        // Named as the audit log keeps the name: masked, as the name typed may hold a patient identifier.
        console.line(findingId + " is accepted-risk through " + until + " (" + zone.getId() + "), by " + entry.actor()
                + ". The first scan after that day opens it again.");
        console.line("Recorded in the audit log as entry #" + entry.id() + ".");
        return ExitCodes.OK;
    }

    /** Reads a time zone id with a sentence when it is not one. */
    static final class ZoneConverter implements ITypeConverter<java.time.ZoneId> {

        @Override
        public java.time.ZoneId convert(String value) {
            try {
                return java.time.ZoneId.of(value);
            } catch (java.time.DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time zone: write it as a region such as"
                        + " Europe/London or Australia/Sydney, or an offset such as +01:00.");
            }
        }
    }

    /** Reads YYYY-MM-DD with a sentence when it is not one. */
    static final class DateConverter implements ITypeConverter<LocalDate> {

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31.");
            }
        }
    }
}
