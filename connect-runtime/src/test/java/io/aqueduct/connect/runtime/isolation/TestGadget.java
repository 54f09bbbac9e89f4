package io.aqueduct.connect.runtime.isolation;

/** A test-only plugin kind implemented on the test class path itself (see {@link ListedGadget}). */
public interface TestGadget {

    PluginKind KIND = PluginKind.of(TestGadget.class, "gadget", "Gadget");
}
