package org.vaetexture.chunked;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.Calibration;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessible;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.FinitePixels;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.store.AxisScale;
import org.vaetexture.store.ChunkedArray;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;

/**
 * An image in a chunked store (OME-Zarr, Zarr, N5), or in memory, as the maps see it, a region at
 * a time: X and Y from the axes named x and y, channels from c, planes from z and t (z fastest), as
 * {@link TextureImage} orders them. Nothing of a store is read until a region is asked for, so the
 * image may be larger than memory.
 */
public final class ChunkedImage {

	/** ImageJ's unit names as NGFF (UDUNITS-2) spells them; others are left out. */
	private static final Map<String, String> NGFF_UNITS = Map.ofEntries(Map.entry("micron",
		"micrometer"), Map.entry("microns", "micrometer"), Map.entry("\u00b5m", "micrometer"), Map
			.entry("\u03bcm", "micrometer"), Map.entry("um", "micrometer"), Map.entry("nm", "nanometer"),
		Map.entry("pm", "picometer"), Map.entry("\u00c5", "angstrom"), Map.entry("mm", "millimeter"),
		Map.entry("cm", "centimeter"), Map.entry("m", "meter"), Map.entry("inch", "inch"));

	private final String name;
	/** The absolute path it was opened from; null for an image in memory. */
	private final String source;
	private final ChunkedArray array;
	private final List<String> axes;
	private final Map<String, AxisScale> calibration;
	/** Position in the array's axes of x, y, c, z, t; -1 where absent. */
	private final int ax, ay, ac, az, at;

	private ChunkedImage(final String name, final String source, final ChunkedArray array,
		final List<String> axes, final Map<String, AxisScale> calibration)
	{
		this.name = name;
		this.source = source;
		this.array = array;
		this.calibration = Map.copyOf(calibration);
		this.axes = List.copyOf(axes);
		ax = axes.indexOf("x");
		ay = axes.indexOf("y");
		ac = axes.indexOf("c");
		az = axes.indexOf("z");
		at = axes.indexOf("t");
		if (ax < 0 || ay < 0) throw new VaeTextureException("image '" + name + "' has axes " + axes +
			"; it needs axes named x and y");
		if (ay > ax || ac > ay) throw new VaeTextureException("image '" + name + "' has axes " + axes +
			"; channels, y and x must come in that order (as OME-Zarr requires)");
		for (final String a : axes)
			if (!List.of("x", "y", "c", "z", "t").contains(a)) throw new VaeTextureException("image '" +
				name + "' has an axis '" + a + "'; only t, c, z, y and x are understood");
	}

	/** Opens an OME-Zarr image, a Zarr array or an N5 dataset, or else reads an image file whole. */
	public static ChunkedImage open(final Path path) {
		final String source = path.toAbsolutePath().normalize().toString();
		if (!OmeZarr.isChunkedStore(path)) {
			final ImagePlus imp = ImageFiles.openImagePlus(path);
			return inMemory(ImageFiles.wrap(imp, path), source, calibration(imp));
		}
		final OmeZarr store = OmeZarr.open(path);
		return new ChunkedImage(path.getFileName().toString(), source, store.array(), store.axes(),
			store.calibration());
	}

	/**
	 * An image in memory, its planes as z.
	 *
	 * @param calibration pixel sizes by axis name (x, y, z)
	 */
	public static ChunkedImage of(final TextureImage image,
		final Map<String, AxisScale> calibration)
	{
		return inMemory(image, null, calibration);
	}

	/** An image held in memory, read from {@code source} (null: made in memory). */
	private static ChunkedImage inMemory(final TextureImage image, final String source,
		final Map<String, AxisScale> calibration)
	{
		final ImageArray array = new ImageArray(image);
		return new ChunkedImage(image.name(), source, array, array.axes(), calibration);
	}

	/**
	 * ImageJ's pixel size as NGFF axis scales (micron becomes micrometer, and so on; other units are
	 * left out); z only for a stack of slices, whose planes are its z.
	 */
	static Map<String, AxisScale> calibration(final ImagePlus imp) {
		final Calibration c = imp.getCalibration();
		if (!c.scaled()) return Map.of();
		final Map<String, AxisScale> sizes = new LinkedHashMap<>();
		sizes.put("x", new AxisScale(c.pixelWidth, NGFF_UNITS.get(c.getXUnit())));
		sizes.put("y", new AxisScale(c.pixelHeight, NGFF_UNITS.get(c.getYUnit())));
		if (imp.getNSlices() > 1 && imp.getNFrames() == 1) sizes.put("z", new AxisScale(c.pixelDepth,
			NGFF_UNITS.get(c.getZUnit())));
		return sizes;
	}

	/** The pixel size along the axes the image's metadata calibrates, by axis name. */
	public Map<String, AxisScale> calibration() {
		return calibration;
	}

	/** The pixel type of the image, as a chunked store spells it. */
	public DataType dataType() {
		return array.dataType();
	}

	public String name() {
		return name;
	}

	/** The absolute path the image was opened from, or null for an image in memory. */
	public String source() {
		return source;
	}

	public int width() {
		return size(ax);
	}

	public int height() {
		return size(ay);
	}

	public int channels() {
		return ac < 0 ? 1 : size(ac);
	}

	/** Z positions per time point. */
	public int depth() {
		return az < 0 ? 1 : size(az);
	}

	/** Time points. */
	public int times() {
		return at < 0 ? 1 : size(at);
	}

	public int planes() {
		return depth() * times();
	}

	/** Whether the image has a t axis (maps of it keep one). */
	public boolean hasTime() {
		return at >= 0;
	}

	/** Whether the image has a z axis (maps of it keep one). */
	public boolean hasDepth() {
		return az >= 0;
	}

	private int size(final int axis) {
		final long s = array.shape()[axis];
		if (s > Integer.MAX_VALUE) throw new VaeTextureException("image '" + name + "' is " + s +
			" pixels along " + axes.get(axis) + "; at most " + Integer.MAX_VALUE + " are supported");
		return (int) s;
	}

	/**
	 * One plane (X, Y, channel) as the mirror-extended image, {@code Views.extendMirrorSingle}, would
	 * give it wherever [x0, x0 + w) x [y0, y0 + h) reaches; only the pixels that region needs are
	 * read. Positions outside it read as 0.
	 *
	 * @throws VaeTextureException at a NaN or infinite pixel read
	 */
	public RandomAccessible<FloatType> plane(final int plane, final long x0, final long y0,
		final long w, final long h)
	{
		final long[] xs = mirrorRange(x0, w, width()), ys = mirrorRange(y0, h, height());
		final int rw = (int) (xs[1] - xs[0]), rh = (int) (ys[1] - ys[0]);
		final float[] values = read(plane, xs[0], ys[0], rw, rh);
		return Views.extendMirrorSingle(Views.interval(Views.extendValue(Views.translate(ArrayImgs
			.floats(values, rw, rh, channels()), xs[0], ys[0], 0), new FloatType()), new FinalInterval(
				width(), height(), channels())));
	}

	/**
	 * The pixels of [x0, x0 + w) x [y0, y0 + h) of one plane, every channel: X fastest, then Y, then
	 * channel.
	 *
	 * @throws VaeTextureException at a NaN or infinite pixel
	 */
	public float[] read(final int plane, final long x0, final long y0, final int w, final int h) {
		final long[] offset = new long[axes.size()];
		final int[] size = new int[axes.size()];
		Arrays.fill(size, 1);
		offset[ax] = x0;
		size[ax] = w;
		offset[ay] = y0;
		size[ay] = h;
		if (ac >= 0) size[ac] = channels();
		if (az >= 0) offset[az] = plane % depth();
		if (at >= 0) offset[at] = plane / depth();
		// the axes come in NGFF order (c before y before x), so the values are X fastest, then Y, then C
		final float[] values = array.read(offset, size);
		requireFinite(values, w, h, x0, y0, plane);
		return values;
	}

	/** The smallest range [lo, hi) of [0, n) holding the mirror image of every position of [a, a + w). */
	static long[] mirrorRange(final long a, final long w, final int n) {
		if (n == 1) return new long[] { 0, 1 };
		final long period = 2L * n - 2;
		long lo = n, hi = -1;
		for (long p = a; p < a + w; p++) {
			long q = Math.floorMod(p, period);
			if (q >= n) q = period - q;
			lo = Math.min(lo, q);
			hi = Math.max(hi, q);
			if (lo == 0 && hi == n - 1) break;
		}
		return new long[] { lo, hi + 1 };
	}

	private void requireFinite(final float[] values, final int w, final int h, final long x0,
		final long y0, final int plane)
	{
		for (int i = 0; i < values.length; i++)
			if (!Float.isFinite(values[i])) {
				final int x = i % w, y = i / w % h, c = i / (w * h);
				throw FinitePixels.error(name, x0 + x, y0 + y, channels() > 1 ? c : -1, planes() > 1 ? plane
					: -1);
			}
	}
}
