package org.ward.connector.cli;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ward.rules.Catalogues;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The filters and formats of {@code ward findings}, read from the command line with a sentence when wrong. */
final class FindingFilters {

    private FindingFilters() {
    }

    enum Format { TABLE, JSON }

    enum Status {
        OPEN, RESOLVED, ACCEPTED_RISK, ALL;

        /** An accepted risk whose acceptance ran out counts as open, before the next scan reopens it. */
        boolean matches(Finding f, Instant now) {
            boolean lapsed = f.status() == FindingStatus.ACCEPTED_RISK && f.acceptedUntil() != null
                    && f.acceptedUntil().isBefore(now);
            return switch (this) {
                case ALL -> true;
                case OPEN -> f.status() == FindingStatus.OPEN || lapsed;
                case RESOLVED -> f.status() == FindingStatus.RESOLVED;
                case ACCEPTED_RISK -> f.status() == FindingStatus.ACCEPTED_RISK && !lapsed;
            };
        }

        String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The status as a person reads it: "open", "accepted-risk until 2027-01-31" (the last day, as typed), "resolved".
     */
    static String words(Finding f, Instant now) {
        if (f.status() == FindingStatus.ACCEPTED_RISK) {
            String until = f.acceptedLastDay() == null ? "" : f.acceptedLastDay().toString();
            return f.acceptedUntil() != null && f.acceptedUntil().isBefore(now) ? "open (acceptance ran out " + until + ")"
                    : "accepted-risk until " + until;
        }
        return f.status().name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        return parse(Arrays.asList(type.getEnumConstants()), E::name, value, option);
    }

    private static <E> E parse(List<E> values, Function<E, String> name, String value, String option) {
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return values.stream().filter(v -> name.apply(v).equals(wanted)).findFirst().orElseThrow(() ->
                new TypeConversionException(option + " takes " + values.stream()
                        .map(c -> name.apply(c).toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "))
                        + ", not '" + value + "'."));
    }

    /** Finding types are the catalogues'. */
    static final class TypeConverter implements ITypeConverter<FindingType> {
        @Override
        public FindingType convert(String value) {
            return parse(Catalogues.all(), FindingType::name, value, "--type");
        }
    }

    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return parse(Severity.class, value, "--severity");
        }
    }

    /** {@code --fail-on}, read as the command line is parsed, before any settings, database or demo tenant. */
    static final class FailOnConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return parse(Severity.class, value, "--fail-on");
        }
    }

    static final class StatusConverter implements ITypeConverter<Status> {
        @Override
        public Status convert(String value) {
            return parse(Status.class, value, "--status");
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return parse(Format.class, value, "--format");
        }
    }
}
