package io.aqueduct.connect.data;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Formats and recognises the ISO 8601 texts of the temporal logical types, always in UTC:
 * {@code 2024-01-02}, {@code 01:02:03.004Z} and {@code 2024-01-02T01:02:03.004Z}. Hand-written rather
 * than {@code DateTimeFormatter} based because header converters run it for every record.
 */
final class IsoTemporal {

    static final int DATE_LENGTH = 10;
    static final int TIME_LENGTH = 13;
    static final int TIMESTAMP_LENGTH = DATE_LENGTH + 1 + TIME_LENGTH;

    private IsoTemporal() {
    }

    static String formatDate(java.util.Date value) {
        StringBuilder sb = new StringBuilder(DATE_LENGTH);
        appendDate(sb, Math.floorDiv(value.getTime(), Date.MILLIS_PER_DAY));
        return sb.toString();
    }

    static String formatTime(java.util.Date value) {
        StringBuilder sb = new StringBuilder(TIME_LENGTH);
        appendTime(sb, Math.floorMod(value.getTime(), Date.MILLIS_PER_DAY));
        return sb.toString();
    }

    static String formatTimestamp(java.util.Date value) {
        StringBuilder sb = new StringBuilder(TIMESTAMP_LENGTH);
        long millis = value.getTime();
        appendDate(sb, Math.floorDiv(millis, Date.MILLIS_PER_DAY));
        sb.append('T');
        appendTime(sb, Math.floorMod(millis, Date.MILLIS_PER_DAY));
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year >= 0 && year <= 9999) {
            pad(sb, year, 4);
        } else {
            sb.append(year);
        }
        sb.append('-');
        pad(sb, date.getMonthValue(), 2);
        sb.append('-');
        pad(sb, date.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder sb, long millisOfDay) {
        int millis = (int) millisOfDay;
        pad(sb, millis / 3_600_000, 2);
        sb.append(':');
        pad(sb, millis / 60_000 % 60, 2);
        sb.append(':');
        pad(sb, millis / 1000 % 60, 2);
        sb.append('.');
        pad(sb, millis % 1000, 3);
        sb.append('Z');
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(digits);
    }

    /**
     * The length of the temporal text that starts at offset (the longest of timestamp, time, date that
     * matches character classes), or 0 if none does. Ranges are checked by {@link #parse}.
     */
    static int matchLength(String s, int offset) {
        int available = s.length() - offset;
        if (available >= TIMESTAMP_LENGTH && isDate(s, offset) && s.charAt(offset + DATE_LENGTH) == 'T'
                && isTime(s, offset + DATE_LENGTH + 1)) {
            return TIMESTAMP_LENGTH;
        }
        if (available >= TIME_LENGTH && isTime(s, offset)) {
            return TIME_LENGTH;
        }
        if (available >= DATE_LENGTH && isDate(s, offset)) {
            return DATE_LENGTH;
        }
        return 0;
    }

    /** Parses the temporal text of a length returned by {@link #matchLength}; null if a field is out of range. */
    static SchemaAndValue parse(String s, int offset, int length) {
        switch (length) {
            case DATE_LENGTH: {
                Long day = epochDay(s, offset);
                return day == null ? null
                        : new SchemaAndValue(Date.SCHEMA, new java.util.Date(day * Date.MILLIS_PER_DAY));
            }
            case TIME_LENGTH: {
                int millis = millisOfDay(s, offset);
                return millis < 0 ? null : new SchemaAndValue(Time.SCHEMA, new java.util.Date(millis));
            }
            case TIMESTAMP_LENGTH: {
                Long day = epochDay(s, offset);
                int millis = millisOfDay(s, offset + DATE_LENGTH + 1);
                return day == null || millis < 0 ? null
                        : new SchemaAndValue(Timestamp.SCHEMA, new java.util.Date(day * Date.MILLIS_PER_DAY + millis));
            }
            default:
                return null;
        }
    }

    private static boolean isDate(String s, int o) {
        return digits(s, o, 4) && s.charAt(o + 4) == '-' && digits(s, o + 5, 2) && s.charAt(o + 7) == '-'
                && digits(s, o + 8, 2);
    }

    private static boolean isTime(String s, int o) {
        return digits(s, o, 2) && s.charAt(o + 2) == ':' && digits(s, o + 3, 2) && s.charAt(o + 5) == ':'
                && digits(s, o + 6, 2) && s.charAt(o + 8) == '.' && digits(s, o + 9, 3) && s.charAt(o + 12) == 'Z';
    }

    private static boolean digits(String s, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static Long epochDay(String s, int o) {
        try {
            return LocalDate.of(number(s, o, 4), number(s, o + 5, 2), number(s, o + 8, 2)).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int millisOfDay(String s, int o) {
        int hours = number(s, o, 2);
        int minutes = number(s, o + 3, 2);
        int seconds = number(s, o + 6, 2);
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return -1;
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + number(s, o + 9, 3);
    }
}
