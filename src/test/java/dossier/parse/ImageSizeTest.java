package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Limits;
import dossier.model.RawInput;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The sizes image headers declare, and which images are too small for OCR. */
class ImageSizeTest {
    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    @Test
    void readsTheSizeOfPngGifBmpAndJpeg() throws IOException {
        for (String format : new String[] {"png", "gif", "bmp", "jpeg"}) {
            for (int[] wh : new int[][] {{1, 1}, {5, 6}, {300, 40}, {7, 900}, {1234, 567}}) {
                byte[] b = image(format, wh[0], wh[1]);
                assertEquals(new ImageSize(wh[0], wh[1]), ImageSize.of(b), format + " " + wh[0] + "x" + wh[1]);
                assertEquals(wh[0] < Ocr.MIN_SIDE || wh[1] < Ocr.MIN_SIDE, Ocr.tooSmallToRead(b), format);
            }
        }
    }

    @Test
    void aHugeDeclaredSizeIsAScanNotAnOverflow() {
        assertFalse(Ocr.smallerThanAScan(new ImageSize(4_294_967_295L, 4_294_967_295L)));
        assertFalse(Ocr.smallerThanAScan(new ImageSize(1, 1L << 40)));
        assertTrue(Ocr.smallerThanAScan(new ImageSize(999, 1000)));
    }

    @Test
    void aTopDownBmpHasItsHeightWithoutTheSign() {
        ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54).putInt(40).putInt(120).putInt(-30);
        assertEquals(new ImageSize(120, 30), ImageSize.of(b.array()));
    }

    @Test
    void cutOrGarbledHeadersAreUnknownNeverAFailure() throws IOException {
        for (String format : new String[] {"png", "gif", "bmp", "jpeg"}) {
            byte[] whole = image(format, 64, 48);
            for (int n = 0; n < Math.min(whole.length, 700); n++) {
                ImageSize s = ImageSize.of(Arrays.copyOf(whole, n));
                assertTrue(s == null || s.equals(new ImageSize(64, 48)), format + " cut at " + n + ": " + s);
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            if (b.length > 1 && i % 2 == 0) { b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; } // JPEG's start, then noise
            ImageSize.of(b);
        }
        byte[] fill = new byte[1 << 20];
        Arrays.fill(fill, (byte) 0xFF);
        fill[1] = (byte) 0xD8;
        assertNull(ImageSize.of(fill), "a megabyte of fill bytes");
        byte[] zeroLength = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0, 0, 0};
        assertNull(ImageSize.of(zeroLength));
    }

    @Test
    void onlyImagesOfAReadableSizeGoToOcr() throws IOException {
        Parser parser = new Parser(Limits.DEFAULT, Extractor.inProcess(Ocr.on("eng")));
        assertFalse(parser.goesToOcr(new RawInput("spacer.gif", "spacer.gif", RawInput.Hint.FILE, image("gif", 1, 1))));
        assertTrue(parser.goesToOcr(new RawInput("scan.png", "scan.png", RawInput.Hint.FILE, image("png", 600, 200))));
        assertTrue(parser.goesToOcr(new RawInput("scan.pdf", "scan.pdf", RawInput.Hint.FILE,
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), "a PDF has no size here");
    }

    /** A banner of the size of an email's image (600 x 90): read by OCR without orientation detection first. */
    @Test
    void wordsInAnImageSmallerThanAScanAreRead() throws IOException {
        if (Ocr.tesseract().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("tesseract is missing in CI");
            assumeTrue(false, "tesseract not installed: OCR test skipped");
        }
        BufferedImage img = new BufferedImage(600, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 90);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("Quarterly budget review", 20, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        assertTrue(Ocr.smallerThanAScan(ImageSize.of(out.toByteArray())));
        TextExtractor.Extraction x = TextExtractor.extractUncached(out.toByteArray(), "banner.png", null, 10_000, Ocr.on("eng"));
        assertTrue(x.text().toLowerCase(java.util.Locale.ROOT).contains("budget"), x.text());
    }
}
