package io.aqueduct.connect.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark's input data: numbered ASCII lines of a fixed length. */
final class DataFiles {

    /** Characters per line, not counting the newline. */
    static final int LINE_LENGTH = 100;

    private DataFiles() {
    }

    /** Line {@code i} (0-based): its number, then filler letters up to {@link #LINE_LENGTH}. */
    static String line(long i) {
        StringBuilder line = new StringBuilder(LINE_LENGTH);
        line.append("line-").append(String.format("%010d", i)).append('-');
        int filler = 0;
        while (line.length() < LINE_LENGTH) {
            line.append((char) ('a' + (filler++ + i) % 26));
        }
        return line.toString();
    }

    static Path writeLines(Path file, long count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long i = 0; i < count; i++) {
                out.write(line(i));
                out.write('\n');
            }
        }
        return file;
    }

    /** Counts the newlines of a file that only grows, reading only what was appended since the last call. */
    static final class GrowingLineCounter {
        private final Path file;
        private long position;
        private long lines;
        private final byte[] buffer = new byte[1 << 16];

        GrowingLineCounter(Path file) {
            this.file = file;
        }

        long lines() throws IOException {
            if (!Files.exists(file)) {
                return 0;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(position);
                int read;
                while ((read = in.read(buffer)) > 0) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    position += read;
                }
            }
            return lines;
        }
    }
}
