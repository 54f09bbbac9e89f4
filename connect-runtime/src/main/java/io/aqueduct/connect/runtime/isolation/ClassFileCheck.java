package io.aqueduct.connect.runtime.isolation;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
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
        try {
            return parse(classFile);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            return true;
        }
        in.skipBytes(4); // minor and major version
        int constants = in.readUnsignedShort();
        byte[][] utf8 = new byte[constants][];
        for (int i = 1; i < constants; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    byte[] value = new byte[in.readUnsignedShort()];
                    in.readFully(value);
                    utf8[i] = value;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long and Double take two entries
                    in.skipBytes(8);
                    i++;
                }
                default -> {
                    return true; // a newer class file format than this reader knows: let loading decide
                }
            }
        }
        int access = in.readUnsignedShort();
        if ((access & ACC_PUBLIC) == 0 || (access & (ACC_INTERFACE | ACC_ABSTRACT | ACC_ANNOTATION | ACC_ENUM)) != 0) {
            return false;
        }
        in.skipBytes(4); // this_class, super_class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            int methodAccess = in.readUnsignedShort();
            byte[] name = utf8[in.readUnsignedShort()];
            byte[] descriptor = utf8[in.readUnsignedShort()];
            if ((methodAccess & ACC_PUBLIC) != 0 && Arrays.equals(name, CONSTRUCTOR) && Arrays.equals(descriptor, NO_ARGS)) {
                return true;
            }
            skipAttributes(in);
        }
        return false;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(6); // access, name, descriptor
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(2);
            int length = in.readInt();
            if (in.skipBytes(length) != length) {
                throw new IOException("truncated attribute");
            }
        }
    }
}
