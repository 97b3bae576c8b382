package io.loadout.catalog.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.twelvemonkeys.image.ResampleOp;
import io.loadout.shared.DomainException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The storefront's photo rules: every image is stored as JPEG; a JPEG over {@code resizeAboveBytes} is turned upright
 * (EXIF orientation) and resized with a Lanczos filter to fit {@code maxEdge}×{@code maxEdge}, keeping its aspect
 * ratio; a PNG has its transparency flattened onto white and becomes a JPEG (resized the same way if it is still
 * over the limit). A JPEG within the limit is kept byte for byte.
 */
public final class ImageNormalizer {

    public record Normalized(byte[] jpeg, int width, int height, boolean reencoded) {
    }

    private static final float QUALITY = 0.9f;

    private final long resizeAboveBytes;
    private final int maxEdge;

    public ImageNormalizer(long resizeAboveBytes, int maxEdge) {
        this.resizeAboveBytes = resizeAboveBytes;
        this.maxEdge = maxEdge;
    }

    /**
     * Decoding needs 4 bytes a pixel whatever the file's size: a small file may declare a huge canvas (a
     * decompression bomb). 40 megapixels is above any product photo and keeps one decode under ~160 MB.
     */
    static final long MAX_PIXELS = 40_000_000L;

    /** The format and canvas size, read from the file's header without decoding its pixels. */
    record Header(String format, int width, int height) {
    }

    public Normalized normalize(byte[] upload) {
        Header header = headerOf(upload);
        String format = header.format();
        if (!format.equals("jpeg") && !format.equals("png")) {
            throw new DomainException.InvalidInput("file", "only JPEG and PNG images are accepted, not " + format.toUpperCase());
        }
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new DomainException.InvalidInput("file", "the image is " + header.width() + "×" + header.height()
                    + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
        }
        BufferedImage image = decode(upload);
        boolean jpeg = format.equals("jpeg");
        if (jpeg && upload.length <= resizeAboveBytes) {
            return new Normalized(upload, image.getWidth(), image.getHeight(), false);
        }
        BufferedImage upright = flatten(jpeg ? orient(image, exifOrientation(upload)) : image);
        byte[] encoded = jpeg ? null : encode(upright);
        if (jpeg || encoded.length > resizeAboveBytes) {
            upright = fit(upright);
            encoded = encode(upright);
        }
        return new Normalized(encoded, upright.getWidth(), upright.getHeight(), true);
    }

    /** From the content itself (never the file name); refuses anything ImageIO cannot read. */
    static Header headerOf(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DomainException.InvalidInput("file", "the file is not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Header(reader.getFormatName().toLowerCase(java.util.Locale.ROOT), reader.getWidth(0),
                        reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refused) {
                throw refused;
            }
            throw new DomainException.InvalidInput("file", "the image header cannot be read");
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new DomainException.InvalidInput("file", "the file is not an image");
            }
            return image;
        } catch (IOException e) {
            throw new DomainException.InvalidInput("file", "the image cannot be read: " + e.getMessage());
        }
    }

    /** EXIF orientation 1–8 (1 when absent or unreadable). */
    static int exifOrientation(byte[] jpeg) {
        try {
            var directory = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg))
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            return directory != null && directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? directory.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
        } catch (Exception e) {
            return 1;
        }
    }

    /** Turns the pixels so that the image displays upright without its EXIF orientation tag. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        var t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        boolean swap = orientation >= 5;
        var target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(toArgb(image), target);
        return target;
    }

    /** RGB on white: JPEG has no alpha channel. */
    static BufferedImage flatten(BufferedImage image) {
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Lanczos down-scaling to fit maxEdge × maxEdge, aspect ratio kept; smaller images are left as they are. */
    BufferedImage fit(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, Math.min((double) maxEdge / w, (double) maxEdge / h));
        if (scale >= 1.0) {
            return image;
        }
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        return new ResampleOp(tw, th, ResampleOp.FILTER_LANCZOS).filter(image, null);
    }

    static byte[] encode(BufferedImage rgb) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage toArgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        var argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return argb;
    }
}
