package dev.unmanaged.cli.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data file of an embedded H2 inventory ({@code NAME.mv.db}), checked before H2 opens it. H2 takes an empty
 * file for a new database, and a file cut short for an older state of itself (it goes back to the last complete
 * chunk): either way the inventory the user had would be replaced without a word.
 *
 * <p>The check reads H2's store header: {@code H:2,block:HEX,blockSize:HEX,...} in the first of two 4 KiB
 * blocks, repeated in the second. {@code block} is where the newest chunk the header knows of starts, so a file
 * that ends before it was cut short. A header of another form is left to H2 to judge.
 */
record InventoryFile(Path path) {
    private static final int HEADER_BLOCK = 4096;
    private static final String HEADER_START = "H:2,";
    /** How an encrypted H2 file starts; only H2, with the key, can check one. */
    private static final String ENCRYPTED_START = "H2encrypt";

    /** What makes the file unusable as an inventory, or empty when it looks like an intact H2 database file. */
    Optional<String> problem() throws IOException {
        long size = Files.size(path);
        if (size == 0) {
            return Optional.of("it is empty (0 bytes)");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(2 * HEADER_BLOCK);
        }
        if (text(start, 0).startsWith(ENCRYPTED_START)) {
            return Optional.empty();
        }
        Optional<Map<String, String>> header = header(start, 0).or(() -> header(start, HEADER_BLOCK));
        if (header.isEmpty()) {
            return Optional.of("it is not an H2 database file (" + size + " bytes without H2's store header)");
        }
        Optional<Long> newestChunk = hex(header.get(), "block").flatMap(block ->
                hex(header.get(), "blockSize").map(blockSize -> block * blockSize));
        if (newestChunk.isPresent() && newestChunk.get() >= size) {
            return Optional.of("it is cut short (" + size + " bytes; its header names data from byte "
                    + newestChunk.get() + " on)");
        }
        return Optional.empty();
    }

    /**
     * True when another process has the file open: H2 locks the file while its database is open. A file this
     * process cannot lock (e.g. read-only) counts as free; H2 then says what is wrong with it.
     */
    boolean inUse() {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return true;
        } catch (IOException cannotLock) {
            return false;
        }
    }

    private static Optional<Map<String, String>> header(byte[] start, int offset) {
        String line = text(start, offset);
        if (!line.startsWith(HEADER_START)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : line.split(",")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon), field.substring(colon + 1).trim());
            }
        }
        return Optional.of(fields);
    }

    /** The first line of the block at {@code offset}, or "" when the file is shorter. */
    private static String text(byte[] start, int offset) {
        if (start.length <= offset) {
            return "";
        }
        int end = offset;
        int limit = Math.min(start.length, offset + HEADER_BLOCK);
        while (end < limit && start[end] != '\n' && start[end] != 0) {
            end++;
        }
        return new String(start, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    private static Optional<Long> hex(Map<String, String> fields, String name) {
        try {
            return Optional.ofNullable(fields.get(name)).map(value -> Long.parseLong(value, 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
