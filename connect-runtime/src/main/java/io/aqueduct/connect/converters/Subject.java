package io.aqueduct.connect.converters;

import io.aqueduct.connect.storage.ConverterType;

/** Names what is being converted, for error messages: "the value of a record for topic 'orders'". */
final class Subject {

    private Subject() {
    }

    static String data(ConverterType type, String topic) {
        String role = type == null ? "data" : type.getName();
        return "the " + role + " of a record for topic '" + topic + "'";
    }

    static String header(String headerKey, String topic) {
        return "header '" + headerKey + "' of a record for topic '" + topic + "'";
    }
}
