package io.aqueduct.connect.runtime.isolation;

/** A class-path plugin declared in this module's test service manifest. */
public class ListedGadget implements TestGadget {
}
