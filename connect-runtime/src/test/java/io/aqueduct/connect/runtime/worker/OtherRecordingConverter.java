package io.aqueduct.connect.runtime.worker;

/** Test converter: a second {@link RecordingConverter} class, to tell connector and worker choices apart. */
public class OtherRecordingConverter extends RecordingConverter {
}
