package io.aqueduct.connect.runtime.isolation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-file pre-check of the reflective scan, on real class files compiled with these tests. */
class ClassFileCheckTest {

    public static class PublicNoArgs {
        public PublicNoArgs() {
        }

        public PublicNoArgs(String withArgs) {
        }
    }

    public static class OnlyWithArgs {
        public OnlyWithArgs(long a, double b) {
        }
    }

    public static class PrivateNoArgs {
        private PrivateNoArgs() {
        }
    }

    public abstract static class Abstract {
        public Abstract() {
        }
    }

    static class PackagePrivate {
        public PackagePrivate() {
        }
    }

    public interface AnInterface extends Serializable {
    }

    public enum AnEnum { A }

    public record ARecord(int x) {
    }

    /** Long and double constants take two constant pool entries; the parser must skip them right. */
    public static class WithWideConstants {
        static final long BIG = 1234567890123L;
        static final double PI = 3.14159;

        public WithWideConstants() {
        }

        public long value() {
            return BIG + (long) PI + 9876543210L;
        }
    }

    @Test
    void passesPublicConcreteClassesWithAPublicNoArgConstructor() throws IOException {
        assertTrue(ClassFileCheck.mayBePlugin(bytesOf(PublicNoArgs.class)));
        assertTrue(ClassFileCheck.mayBePlugin(bytesOf(WithWideConstants.class)));
        assertTrue(ClassFileCheck.mayBePlugin(bytesOf(ListedGadget.class)));
    }

    @Test
    void rejectsWhatCanNeverBeInstantiatedAsAPlugin() throws IOException {
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(OnlyWithArgs.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(PrivateNoArgs.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(Abstract.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(PackagePrivate.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(AnInterface.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(AnEnum.class)));
        assertFalse(ClassFileCheck.mayBePlugin(bytesOf(ARecord.class)));
    }

    @Test
    void readsOnlyTheGivenLengthOfAReusedBuffer() throws IOException {
        byte[] rejected = bytesOf(OnlyWithArgs.class);
        byte[] buffer = new byte[rejected.length + 100];
        java.util.Arrays.fill(buffer, (byte) 7);
        System.arraycopy(rejected, 0, buffer, 0, rejected.length);
        assertFalse(ClassFileCheck.mayBePlugin(buffer, rejected.length));
        // Cut short, the same class file cannot be read to the end: loading decides.
        assertTrue(ClassFileCheck.mayBePlugin(buffer, rejected.length / 2));
    }

    @Test
    void passesWhatItCannotParseSoThatLoadingDecides() {
        assertTrue(ClassFileCheck.mayBePlugin(new byte[0]));
        assertTrue(ClassFileCheck.mayBePlugin(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertTrue(ClassFileCheck.mayBePlugin(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0}));
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
