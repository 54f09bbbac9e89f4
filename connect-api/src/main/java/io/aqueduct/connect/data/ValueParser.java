package io.aqueduct.connect.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text that {@link ValueFormatter} writes and infers a schema for it. Anything that is not
 * exactly one literal (boolean, number, ISO date/time/timestamp) or one well-formed array or map is a
 * plain string: surrounding whitespace, leading zeros or unquoted words inside brackets all make the
 * whole input a string, so that strings survive a format/parse round trip wherever possible.
 */
final class ValueParser {

    /** Signals malformed container syntax; thrown without a stack trace and caught within this class. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private static final SyntaxError SYNTAX_ERROR = new SyntaxError();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Decimal literals with at most this many significant digits always survive a trip through a double. */
    private static final int DOUBLE_SAFE_DIGITS = 15;

    private final String text;
    private int pos;

    private ValueParser(String text) {
        this.text = text;
    }

    static SchemaAndValue parse(String text) {
        if (text == null) {
            return SchemaAndValue.NULL;
        }
        if (text.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
        char first = text.charAt(0);
        if (first == '[' || first == '{') {
            ValueParser parser = new ValueParser(text);
            try {
                SchemaAndValue result = first == '[' ? parser.parseArray() : parser.parseMap();
                parser.skipWhitespace();
                if (parser.pos == text.length()) {
                    return result;
                }
            } catch (SyntaxError e) {
                // not a well-formed container: the whole input is a string
            }
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
        SchemaAndValue literal = wholeLiteral(text);
        return literal != null ? literal : new SchemaAndValue(Schema.STRING_SCHEMA, text);
    }

    private static SchemaAndValue wholeLiteral(String text) {
        int length = text.length();
        if (length == IsoTemporal.DATE_LENGTH || length == IsoTemporal.TIME_LENGTH
                || length == IsoTemporal.TIMESTAMP_LENGTH) {
            if (IsoTemporal.matchLength(text, 0) == length) {
                return IsoTemporal.parse(text, 0, length);
            }
        }
        return scalar(text);
    }

    /** A boolean or number literal, or null if the token is neither. */
    private static SchemaAndValue scalar(String token) {
        switch (token) {
            case "true":
                return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.TRUE);
            case "false":
                return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.FALSE);
            case "NaN":
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, Float.NaN);
            case "Infinity":
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, Float.POSITIVE_INFINITY);
            case "-Infinity":
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, Float.NEGATIVE_INFINITY);
            default:
                return number(token);
        }
    }

    /**
     * Parses a JSON-style number: integers to the smallest integer type that holds them (beyond INT64 a
     * Decimal of scale 0); other numbers to FLOAT32 when a float holds them exactly, else to FLOAT64 when a
     * double holds the literal without loss, else to a Decimal of the literal's scale.
     */
    static SchemaAndValue number(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i == n) {
            return null;
        }
        char c = s.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            i = skipDigits(s, i);
        } else {
            return null;
        }
        boolean integral = true;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i);
            if (i == start) {
                return null;
            }
            integral = false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return null;
            }
            integral = false;
        }
        if (i != n) {
            return null;
        }
        return integral ? integer(s) : floating(s);
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static SchemaAndValue integer(String s) {
        long value;
        if (s.length() <= 18) {
            value = Long.parseLong(s);
        } else {
            BigInteger big = new BigInteger(s);
            if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
                return new SchemaAndValue(Decimal.schema(0), new BigDecimal(big));
            }
            value = big.longValue();
        }
        if (value == (byte) value) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) value);
        }
        if (value == (short) value) {
            return new SchemaAndValue(Schema.INT16_SCHEMA, (short) value);
        }
        if (value == (int) value) {
            return new SchemaAndValue(Schema.INT32_SCHEMA, (int) value);
        }
        return new SchemaAndValue(Schema.INT64_SCHEMA, value);
    }

    private static SchemaAndValue floating(String s) {
        double d = Double.parseDouble(s);
        if (!Double.isInfinite(d) && isDoubleLossless(s, d)) {
            float f = Float.parseFloat(s);
            if ((double) f == d) {
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, f);
            }
            return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
        }
        BigDecimal decimal = new BigDecimal(s);
        return new SchemaAndValue(Decimal.schema(decimal.scale()), decimal);
    }

    private static boolean isDoubleLossless(String s, double d) {
        if (significantDigits(s) <= DOUBLE_SAFE_DIGITS && (d == 0 || Math.abs(d) >= Double.MIN_NORMAL)) {
            return true;
        }
        return new BigDecimal(s).compareTo(new BigDecimal(Double.toString(d))) == 0;
    }

    private static int significantDigits(String s) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0' && first < 0) {
                    first = count;
                }
                if (c != '0') {
                    last = count;
                }
                count++;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    // --- containers ------------------------------------------------------------------------------

    private SchemaAndValue parseArray() {
        expect('[');
        List<SchemaAndValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return SchemaInference.array(elements);
        }
        while (true) {
            elements.add(parseElement());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return SchemaInference.array(elements);
            }
            if (c != ',') {
                throw SYNTAX_ERROR;
            }
        }
    }

    private SchemaAndValue parseMap() {
        expect('{');
        List<SchemaAndValue> keys = new ArrayList<>();
        List<SchemaAndValue> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return SchemaInference.map(keys, values);
        }
        while (true) {
            keys.add(parseElement());
            skipWhitespace();
            expect(':');
            values.add(parseElement());
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return SchemaInference.map(keys, values);
            }
            if (c != ',') {
                throw SYNTAX_ERROR;
            }
        }
    }

    private SchemaAndValue parseElement() {
        skipWhitespace();
        char c = peek();
        if (c == '"') {
            return new SchemaAndValue(Schema.STRING_SCHEMA, parseQuoted());
        }
        if (c == '[') {
            return parseArray();
        }
        if (c == '{') {
            return parseMap();
        }
        int temporalLength = IsoTemporal.matchLength(text, pos);
        if (temporalLength > 0 && isDelimiter(pos + temporalLength)) {
            SchemaAndValue temporal = IsoTemporal.parse(text, pos, temporalLength);
            if (temporal == null) {
                throw SYNTAX_ERROR;
            }
            pos += temporalLength;
            return temporal;
        }
        int start = pos;
        while (!isDelimiter(pos)) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.equals("null")) {
            return SchemaAndValue.NULL;
        }
        SchemaAndValue scalar = scalar(token);
        if (scalar == null) {
            throw SYNTAX_ERROR;
        }
        return scalar;
    }

    private String parseQuoted() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                c = next();
            }
            sb.append(c);
        }
    }

    private boolean isDelimiter(int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return c == ',' || c == ':' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"'
                || Character.isWhitespace(c);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw SYNTAX_ERROR;
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char expected) {
        if (next() != expected) {
            throw SYNTAX_ERROR;
        }
    }
}
