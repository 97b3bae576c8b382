package io.loadout.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.shared.DomainException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageNormalizerTest {

    static final long LIMIT = 1_800_000;
    final ImageNormalizer normalizer = new ImageNormalizer(LIMIT, 1280);

    @Test
    void aSmallJpegIsKeptByteForByte() throws IOException {
        byte[] jpeg = ImageNormalizer.encode(halves(400, 300, 0));
        var result = normalizer.normalize(jpeg);
        assertThat(result.jpeg()).isEqualTo(jpeg);
        assertThat(result.reencoded()).isFalse();
        assertThat(result.width()).isEqualTo(400);
    }

    @Test
    void aLargeJpegIsTurnedUprightByItsExifOrientationAndFitsInto1280() throws IOException {
        // red left half, blue right half, noisy so it is well over 1.8 MB; EXIF says "rotate 90° clockwise"
        byte[] jpeg = withOrientation(encodeMaxQuality(halves(3000, 2000, 60)), 6);
        assertThat(jpeg.length).isGreaterThan((int) LIMIT);

        var result = normalizer.normalize(jpeg);
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(result.jpeg()));
        assertThat(out.getWidth()).isEqualTo(853);
        assertThat(out.getHeight()).isEqualTo(1280);
        assertThat(result.jpeg().length).isLessThan((int) LIMIT);
        // after a clockwise turn the left (red) half is on top
        assertThat(new Color(out.getRGB(426, 100)).getRed()).isGreaterThan(150);
        assertThat(new Color(out.getRGB(426, 1180)).getBlue()).isGreaterThan(150);
    }

    @Test
    void aPngLosesItsTransparencyOnWhiteAndBecomesAJpeg() throws IOException {
        var png = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(10, 10, 0xFF00FF00);
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(png, "png", bytes);

        var result = normalizer.normalize(bytes.toByteArray());
        assertThat(ImageNormalizer.headerOf(result.jpeg()).format()).isEqualTo("jpeg");
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(result.jpeg()));
        assertThat(new Color(out.getRGB(150, 50))).satisfies(c -> assertThat(c.getRed() + c.getGreen() + c.getBlue()).isGreaterThan(740));
        assertThat(out.getWidth()).isEqualTo(200);
    }

    @Test
    void whatIsNotAJpegOrPngIsRefused() throws IOException {
        assertThatThrownBy(() -> normalizer.normalize("name,price\n".getBytes()))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
        var gif = new ByteArrayOutputStream();
        ImageIO.write(halves(10, 10, 0), "gif", gif);
        assertThatThrownBy(() -> normalizer.normalize(gif.toByteArray())).hasMessageContaining("GIF");
    }

    @Test
    void everyExifOrientationEndsUpright() {
        var marked = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        marked.setRGB(0, 0, 0xFFFF0000); // the top-left pixel as the camera saw it
        int[][] expectedTopLeftAfter = {{0, 0}, {3, 0}, {3, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 3}, {0, 3}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = ImageNormalizer.orient(marked, orientation);
            int[] at = expectedTopLeftAfter[orientation - 1];
            assertThat(upright.getRGB(at[0], at[1])).as("orientation " + orientation).isEqualTo(0xFFFF0000);
        }
    }

    static BufferedImage halves(int w, int h, int noise) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = noise == 0 ? 0 : random.nextInt(noise);
                image.setRGB(x, y, x < w / 2 ? new Color(230 - n, n, n).getRGB() : new Color(n, n, 230 - n).getRGB());
            }
        }
        return image;
    }

    static byte[] encodeMaxQuality(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        }
        return out.toByteArray();
    }

    /** Inserts an EXIF APP1 segment carrying only the orientation tag right after the JPEG's SOI marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exif.length + tiff.length;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aSmallFileDeclaringAHugeCanvasIsRefusedBeforeItsPixelsAreDecoded() throws IOException {
        byte[] bomb = pngHeaderOnly(12_000, 12_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> normalizer.normalize(bomb))
                .isInstanceOf(DomainException.InvalidInput.class)
                .hasMessageContaining("12000×12000")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("file");
        // just under the limit the same header is only refused later, for its missing pixel data
        assertThatThrownBy(() -> normalizer.normalize(pngHeaderOnly(8_000, 5_000)))
                .isInstanceOf(DomainException.InvalidInput.class)
                .hasMessageNotContaining("megapixels");
    }

    /** A PNG signature, an IHDR chunk declaring width × height RGB pixels, and IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        chunk(out, "IHDR", ihdr);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        var crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
