package io.aqueduct.connect.storage;

import java.util.Locale;

/**
 * What a converter instance is used for; passed to converters as {@value ConverterConfig#TYPE_CONFIG}.
 */
public enum ConverterType {
    /** Converts record keys. */
    KEY,
    /** Converts record values. */
    VALUE,
    /** Converts header values. */
    HEADER;

    /**
     * The configuration form of this type.
     *
     * @return the lower-case name: {@code key}, {@code value} or {@code header}
     */
    public String getName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a type up by its configuration form, ignoring case.
     *
     * @param name the name; may be null
     * @return the type, or null if {@code name} is null or names no type
     */
    public static ConverterType withName(String name) {
        if (name == null) {
            return null;
        }
        for (ConverterType type : values()) {
            if (type.getName().equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
