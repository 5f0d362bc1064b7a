package org.vaetexture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImageWriter;

/**
 * Texture-novelty cases of other kinds than the development set's, made from the sample images so
 * the novelty score can be checked on anomalies it was not chosen on. Laid out like
 * {@code ../shared/data/novelty-dev}: NAME-train.tif is the top half of a texture, NAME-test.tif
 * the bottom half with three elliptical blobs of anomalous texture, NAME-mask.tif 255 inside them;
 * inside every blob the values are shifted and scaled to the test image's mean and standard
 * deviation, so intensity alone does not find them. Seeded: the same files every time.
 */
public final class HeldOutCases {

	/** How a blob's texture is made from the texture image (full size, grey). */
	private enum Kind {
		BLUR, NOISE, FOREIGN, FINE, ROTATED, COARSE
	}

	private HeldOutCases() {}

	/** Writes the cases into {@code folder}, made from the sample images in {@code samples}. */
	public static void write(final Path samples, final Path folder) throws IOException {
		Files.createDirectories(folder);
		write(samples, folder, "gravel-blur", "gravel.tif", Kind.BLUR, null, 11);
		write(samples, folder, "brick-noise", "brick.tif", Kind.NOISE, null, 12);
		write(samples, folder, "grass-foreign-gravel", "grass.tif", Kind.FOREIGN, "gravel.tif", 13);
		write(samples, folder, "ihc-fine", "ihc.tif", Kind.FINE, null, 14);
		write(samples, folder, "brick-rotated", "brick.tif", Kind.ROTATED, null, 15);
		write(samples, folder, "gravel-coarse", "gravel.tif", Kind.COARSE, null, 16);
	}

	private static void write(final Path samples, final Path folder, final String name,
		final String texture, final Kind kind, final String foreign, final long seed)
	{
		final ImageProcessor full = grey(samples.resolve(texture));
		final int w = full.getWidth(), h = full.getHeight() / 2;
		final ImageProcessor train = crop(full, 0, w, h), test = crop(full, h, w, h);
		final ImageProcessor source = anomalous(kind, full, foreign == null ? null : grey(samples
			.resolve(foreign)), seed);
		final boolean[] mask = blobs(w, h, seed);
		final float[] t = (float[]) test.convertToFloat().getPixels();
		final double[] stats = meanStd(t, null);
		final float[] a = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				a[y * w + x] = source.getPixelValue(x, h + y);
		final double[] blobStats = meanStd(a, mask);
		final ByteProcessor out = new ByteProcessor(w, h), m = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++) {
			final double v = mask[i] ? stats[0] + (a[i] - blobStats[0]) * stats[1] / blobStats[1] : t[i];
			out.set(i, (int) Math.max(0, Math.min(255, Math.round(v))));
			m.set(i, mask[i] ? 255 : 0);
		}
		save(train.convertToByte(false), folder.resolve(name + "-train.tif"));
		save(out, folder.resolve(name + "-test.tif"));
		save(m, folder.resolve(name + "-mask.tif"));
	}

	/** The image that fills the blobs, as large as the texture image. */
	private static ImageProcessor anomalous(final Kind kind, final ImageProcessor full,
		final ImageProcessor foreign, final long seed)
	{
		final ImageProcessor f = full.convertToFloat().duplicate();
		final int w = f.getWidth(), h = f.getHeight();
		switch (kind) {
			case BLUR:
				f.blurGaussian(2);
				return f;
			case NOISE: { // finer: white noise of the texture's own standard deviation added
				final Random random = new Random(seed);
				final double sd = meanStd((float[]) f.getPixels(), null)[1];
				for (int i = 0; i < w * h; i++)
					f.setf(i, (float) (f.getf(i) + sd * random.nextGaussian()));
				return f;
			}
			case FOREIGN:
				return foreign.convertToFloat();
			case FINE: // half the scale: every other pixel, mirrored at the border
				return resample(f, 2);
			case COARSE: // twice the scale, interpolated
				return resample(f, 0.5);
			case ROTATED: { // 90 degrees: x and y swapped
				final ImageProcessor r = f.createProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						r.setf(x, y, f.getf(y % w, x % h));
				return r;
			}
			default:
				throw new IllegalStateException(kind.toString());
		}
	}

	private static ImageProcessor resample(final ImageProcessor f, final double step) {
		final int w = f.getWidth(), h = f.getHeight();
		final ImageProcessor r = f.createProcessor(w, h);
		f.setInterpolationMethod(ImageProcessor.BILINEAR);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				r.setf(x, y, (float) f.getInterpolatedValue(mirror(x * step, w), mirror(y * step, h)));
		return r;
	}

	private static double mirror(final double v, final int n) {
		final double period = 2.0 * (n - 1), m = v % period;
		return m < n - 1 ? m : period - m;
	}

	/** Three elliptical blobs, radii 20 to 40 pixels, inside the image. */
	private static boolean[] blobs(final int w, final int h, final long seed) {
		final Random random = new Random(seed);
		final boolean[] mask = new boolean[w * h];
		for (int b = 0; b < 3; b++) {
			final double rx = 20 + 20 * random.nextDouble(), ry = 20 + 20 * random.nextDouble();
			final double cx = rx + (w - 2 * rx) * random.nextDouble(), cy = ry + (h - 2 * ry) * random
				.nextDouble();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double dx = (x - cx) / rx, dy = (y - cy) / ry;
					if (dx * dx + dy * dy <= 1) mask[y * w + x] = true;
				}
		}
		return mask;
	}

	/** Mean and standard deviation of the values (inside {@code where}, if given). */
	private static double[] meanStd(final float[] v, final boolean[] where) {
		double s = 0, s2 = 0;
		long n = 0;
		for (int i = 0; i < v.length; i++)
			if (where == null || where[i]) {
				s += v[i];
				s2 += (double) v[i] * v[i];
				n++;
			}
		final double mean = s / n;
		return new double[] { mean, Math.sqrt(Math.max(1e-12, s2 / n - mean * mean)) };
	}

	private static ImageProcessor grey(final Path file) {
		return ImageFiles.openImagePlus(file).getProcessor().convertToFloat();
	}

	private static ImageProcessor crop(final ImageProcessor p, final int y0, final int w,
		final int h)
	{
		p.setRoi(0, y0, w, h);
		final ImageProcessor c = p.crop();
		p.resetRoi();
		return c;
	}

	private static void save(final ImageProcessor p, final Path file) {
		ImageWriter.saveTiff(new ImagePlus(file.getFileName().toString(), p), file);
	}
}
