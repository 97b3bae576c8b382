package io.loadout.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells what a file is from its bytes, not its name: images, PDFs, legacy Excel and other zips are refused with
 * what they are; an .xlsx is a zip holding {@code xl/workbook.xml}; anything else must be text, whose encoding is
 * the byte order mark, or UTF-8 when every byte sequence is valid UTF-8, else Windows-1252. Reads the first 8 KB,
 * then the whole file once (the size limit is checked on the way).
 */
final class Sniffer {

    private static final int HEAD = 8192;
    private static final String SAVE_AS = ": save it as .xlsx or CSV (UTF-8) and drop it again";

    private Sniffer() {
    }

    static FileKind sniff(Content content, Limits limits) throws IOException {
        byte[] head;
        try (var in = content.open()) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            throw new FileRefused("the file is empty");
        }
        refuseKnownBinary(head);
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return zip(content, limits);
        }
        var bom = startsWith(head, 0xEF, 0xBB, 0xBF) ? TextEncoding.UTF_8_BOM
                : startsWith(head, 0xFF, 0xFE) ? TextEncoding.UTF_16LE
                : startsWith(head, 0xFE, 0xFF) ? TextEncoding.UTF_16BE : null;
        if (bom == null) {
            for (byte b : head) {
                if (b == 0) {
                    throw new FileRefused("this is a binary file, not text" + SAVE_AS);
                }
            }
        }
        try (var in = new LineEndsStream(new CountingStream(content.open(), limits))) {
            var encoding = bom != null ? readThrough(in, bom)
                    : validUtf8(in) ? TextEncoding.UTF_8 : TextEncoding.WINDOWS_1252;
            return FileKind.text(encoding, in.lineEnds());
        }
    }

    private static void refuseKnownBinary(byte[] head) {
        String what = null;
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            what = "a JPEG image";
        } else if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            what = "a PNG image";
        } else if (startsWith(head, 'G', 'I', 'F', '8')) {
            what = "a GIF image";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            what = "a PDF document";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            what = "a legacy Excel .xls (Office 97-2003) file";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            what = "a gzip archive";
        }
        if (what != null) {
            throw new FileRefused("this is " + what + ", not a sheet" + SAVE_AS);
        }
    }

    /**
     * An .xlsx, or a refusal naming what kind of zip it is. The entry names come from the central directory at
     * the end of the file (java.util.zip's stream reader trips on the data descriptors FastExcel's writer uses);
     * the whole file is read once, so its size is checked too.
     */
    private static FileKind zip(Content content, Limits limits) throws IOException {
        var names = ZipNames.read(new CountingStream(content.open(), limits));
        if (names.contains("xl/workbook.xml")) {
            return FileKind.xlsx(names.stream().anyMatch(n -> n.startsWith("xl/") && n.endsWith("styles.xml")));
        }
        String what = names.contains("word/document.xml") ? "a Word document"
                : names.stream().anyMatch(n -> n.startsWith("ppt/")) ? "a PowerPoint presentation"
                : names.contains("content.xml") ? "an OpenDocument file (.ods)"
                : "a ZIP archive, not an .xlsx workbook";
        throw new FileRefused("this is " + what + SAVE_AS);
    }

    private static TextEncoding readThrough(InputStream in, TextEncoding encoding) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return encoding;
    }

    /** Decodes the whole file strictly as UTF-8, in chunks; false at the first malformed sequence (read to the end). */
    private static boolean validUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        var bytes = ByteBuffer.allocate(HEAD);
        var chars = CharBuffer.allocate(HEAD);
        boolean valid = true;
        byte[] chunk = new byte[HEAD];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if (!valid) {
                continue;
            }
            bytes.put(chunk, 0, n).flip();
            valid = decode(decoder, bytes, chars, false);
            bytes.compact();
        }
        bytes.flip();
        return valid && decode(decoder, bytes, chars, true) && !bytes.hasRemaining();
    }

    private static boolean decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        return head.length >= magic.length
                && Arrays.equals(Arrays.copyOf(head, magic.length), toBytes(magic));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Counts what passes through and refuses the file as soon as it exceeds the size limit. */
    static final class CountingStream extends java.io.FilterInputStream {
        private final Limits limits;
        private long count;

        CountingStream(InputStream in, Limits limits) {
            super(in);
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(Math.max(n, 0));
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > limits.maxBytes()) {
                throw limits.bytesExceeded();
            }
        }

        long count() {
            return count;
        }
    }

    /**
     * Counts the bytes that end lines ({@code \n}, {@code \r}): a text file has at most that many rows after its
     * header.
     */
    private static final class LineEndsStream extends java.io.FilterInputStream {
        private long lineEnds;

        LineEndsStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lineEnds += b == '\n' || b == '\r' ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    lineEnds++;
                }
            }
            return n;
        }

        long lineEnds() {
            return lineEnds;
        }
    }
}
