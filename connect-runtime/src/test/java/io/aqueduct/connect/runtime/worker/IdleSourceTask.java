package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test source task that produces nothing. With {@code hang.start=true} its start blocks, ignoring
 * interrupts, until {@link ScriptedSourceConnector#RELEASE} opens (at most a minute).
 */
public class IdleSourceTask extends SourceTask {

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public String version() {
        return "9.9.9";
    }

    @Override
    public void start(Map<String, String> props) {
        if (Boolean.parseBoolean(props.get("hang.start"))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (ScriptedSourceConnector.RELEASE.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    ScriptedSourceConnector.RELEASE.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ignored) {
                    // a badly behaved task: keeps going
                }
            }
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        stopped.await(50, TimeUnit.MILLISECONDS);
        return null;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
