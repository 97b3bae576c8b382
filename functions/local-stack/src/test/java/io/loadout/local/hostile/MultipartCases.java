package io.loadout.local.hostile;

import io.loadout.local.hostile.HostileCase.Target;
import java.util.ArrayList;
import java.util.List;

/** Multipart uploads with nothing in them, the wrong parts, or parts that are not what they claim. */
final class MultipartCases {

    private static final String BOUNDARY = "hostileboundary";
    static final String TYPE = Operation.MULTIPART + "; boundary=" + BOUNDARY;

    private MultipartCases() {
    }

    static List<HostileCase> of(Operation op, String uri) {
        var cases = new ArrayList<HostileCase>();
        String part = partOf(op);
        // nothing at all: naming the body or the part will do
        cases.add(HostileCase.of(op, "multipart: empty body", Target.shape(), uri, TYPE, new byte[0]));
        cases.add(HostileCase.of(op, "multipart: no parts", Target.shape(), uri, TYPE, HostileCase.utf8("--" + BOUNDARY + "--\r\n")));
        cases.add(HostileCase.of(op, "multipart: only another part", Target.field(part), uri, TYPE,
                body("other", "x.png", "image/png", "hello")));
        cases.add(HostileCase.of(op, "multipart: empty " + part, Target.field(part), uri, TYPE, body(part, "x.png", "image/png", "")));
        cases.add(HostileCase.of(op, "multipart: text as " + part, Target.field(part), uri, TYPE,
                body(part, "x.png", "image/png", "hello, not an image")));
        cases.add(HostileCase.of(op, "multipart: " + part + " without file name", Target.field(part), uri, TYPE,
                body(part, null, null, "hello")));
        cases.add(HostileCase.of(op, "multipart: truncated PNG", Target.field(part), uri, TYPE,
                body(part, "x.png", "image/png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")));
        cases.add(HostileCase.of(op, "multipart: NUL file name", Target.field(part), uri, TYPE,
                body(part, "a\u0000.png", "image/png", "x")));
        cases.add(HostileCase.of(op, "multipart: no boundary", Target.none(), uri, Operation.MULTIPART,
                body(part, "x.png", "image/png", "x")));
        cases.add(HostileCase.of(op, "multipart: unterminated", Target.none(), uri, TYPE,
                HostileCase.utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"")));
        cases.add(HostileCase.of(op, "JSON instead of multipart", Target.none(), uri, Operation.JSON, HostileCase.utf8("{}")));
        cases.add(HostileCase.of(op, "no content type", Target.none(), uri, null, HostileCase.utf8("x")));
        return cases;
    }

    /** A valid upload: one small PNG in the part the document names. */
    static byte[] validImage(Operation op) {
        byte[] png = Seeds.png();
        byte[] head = body(partOf(op), "corpus.png", "image/png", "");
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n") + 4;
        byte[] out = new byte[head.length + png.length];
        System.arraycopy(head, 0, out, 0, split);
        System.arraycopy(png, 0, out, split, png.length);
        System.arraycopy(head, split, out, split + png.length, head.length - split);
        return out;
    }

    private static String partOf(Operation op) {
        var names = op.bodies().get(Operation.MULTIPART).path("properties").fieldNames();
        return names.hasNext() ? names.next() : "file";
    }

    private static byte[] body(String name, String fileName, String contentType, String content) {
        var text = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"");
        if (fileName != null) {
            text.append("; filename=\"").append(fileName).append('"');
        }
        text.append("\r\n");
        if (contentType != null) {
            text.append("Content-Type: ").append(contentType).append("\r\n");
        }
        text.append("\r\n").append(content).append("\r\n--").append(BOUNDARY).append("--\r\n");
        return text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
