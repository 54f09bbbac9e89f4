package io.aqueduct.connect.runtime.isolation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a class file's header and method table, without loading the class, to tell whether it can be a plugin at
 * all: every plugin kind needs a public, concrete class with a public no-argument constructor (see
 * {@link ResolvedKind#unusableReason}). The reflective scan loads only the classes that pass, which spares loading
 * (and keeping in metaspace) the many classes of a jar that are package-private, abstract, interfaces or without
 * such a constructor. A file that cannot be parsed passes, so that loading it decides as before.
 */
final class ClassFileCheck {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_ANNOTATION = 0x2000;
    private static final int ACC_ENUM = 0x4000;
    private static final byte[] CONSTRUCTOR = "<init>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_ARGS = "()V".getBytes(StandardCharsets.US_ASCII);

    private ClassFileCheck() {
    }

    /** False only when the bytes are a class file that certainly cannot be instantiated as a plugin. */
    static boolean mayBePlugin(byte[] classFile) {
        return mayBePlugin(classFile, classFile.length);
    }

    /** As {@link #mayBePlugin(byte[])} for the first {@code length} bytes of {@code buffer}, which may be reused. */
    static boolean mayBePlugin(byte[] buffer, int length) {
        try {
            return new Reader(buffer, length).mayBePlugin();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return true;
        }
    }

    /** Reads in place: a scan goes through thousands of class files, so nothing is copied. */
    private static final class Reader {
        private final byte[] bytes;
        private final int length;
        private int position;

        Reader(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        boolean mayBePlugin() {
            if (length < 10 || u4() != MAGIC) {
                return true;
            }
            skip(4); // minor and major version
            int constants = u2();
            int[] utf8Offsets = new int[constants];
            for (int i = 1; i < constants; i++) {
                int tag = u1();
                switch (tag) {
                    case 1 -> {
                        int size = u2();
                        utf8Offsets[i] = position;
                        skip(size);
                    }
                    case 7, 8, 16, 19, 20 -> skip(2); // Class, String, MethodType, Module, Package
                    case 15 -> skip(3); // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4); // Integer, Float, refs, NameAndType, dynamic
                    case 5, 6 -> { // Long and Double take two entries
                        skip(8);
                        i++;
                    }
                    default -> {
                        return true; // a newer class file format than this reader knows: let loading decide
                    }
                }
            }
            int access = u2();
            if ((access & ACC_PUBLIC) == 0
                    || (access & (ACC_INTERFACE | ACC_ABSTRACT | ACC_ANNOTATION | ACC_ENUM)) != 0) {
                return false;
            }
            skip(4); // this_class, super_class
            skip(2 * u2()); // interfaces
            int fields = u2();
            for (int f = 0; f < fields; f++) {
                skip(6); // access, name, descriptor
                skipAttributes();
            }
            int methods = u2();
            for (int m = 0; m < methods; m++) {
                int methodAccess = u2();
                int name = u2();
                int descriptor = u2();
                if ((methodAccess & ACC_PUBLIC) != 0 && utf8Equals(utf8Offsets, name, CONSTRUCTOR)
                        && utf8Equals(utf8Offsets, descriptor, NO_ARGS)) {
                    return true;
                }
                skipAttributes();
            }
            return false;
        }

        private boolean utf8Equals(int[] offsets, int index, byte[] expected) {
            int offset = offsets[index];
            if (offset == 0) {
                throw new IllegalStateException("constant " + index + " is not a UTF-8 string");
            }
            int size = ((bytes[offset - 2] & 0xFF) << 8) | (bytes[offset - 1] & 0xFF);
            return Arrays.equals(bytes, offset, offset + size, expected, 0, expected.length);
        }

        private void skipAttributes() {
            int count = u2();
            for (int i = 0; i < count; i++) {
                skip(2);
                skip(u4());
            }
        }

        private void skip(int count) {
            if (count < 0 || position + count > length) {
                throw new IllegalStateException("truncated class file");
            }
            position += count;
        }

        private int u1() {
            check(1);
            return bytes[position++] & 0xFF;
        }

        private int u2() {
            check(2);
            int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            position += 2;
            return value;
        }

        private int u4() {
            check(4);
            int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                    | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
            position += 4;
            return value;
        }

        private void check(int count) {
            if (position + count > length) {
                throw new IllegalStateException("truncated class file");
            }
        }
    }
}
