package io.aqueduct.connect.runtime.isolation;

/** A class-path plugin that the test service manifest deliberately leaves out. */
public class UnlistedGadget implements TestGadget {
}
