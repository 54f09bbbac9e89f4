package io.aqueduct.connect.runtime.isolation;

/**
 * A plugin kind that exists only in tests; its implementations live in jars built at test time. Being
 * under {@code io.aqueduct.connect.} it is shared with plugins like a real API type.
 */
public interface TestWidget {

    PluginKind KIND = PluginKind.of(TestWidget.class, "widget", "Widget");

    String describe();
}
