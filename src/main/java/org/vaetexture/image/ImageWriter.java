package org.vaetexture.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;

/**
 * Turns maps into ImageJ images and TIFF files (32-bit maps, 8-bit labels, RGB overviews). A map has axes X, Y, then optionally channels
 * and planes; channels become the slices of a stack (or the channels of a hyperstack when there are
 * planes too). Files are written to a temporary file and moved into place.
 */
public final class ImageWriter {

	private ImageWriter() {}

	/**
	 * @param map X, Y[, channel][, plane]
	 * @param channels number of channels (1 if the map has no channel axis)
	 * @param labels one label per channel, or null
	 */
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<? extends RealType<?>> map,
		final int channels, final List<String> labels, final String title)
	{
		final int w = (int) map.dimension(0), h = (int) map.dimension(1);
		final boolean hasChannels = map.numDimensions() > 2 && channels > 1;
		final int planes = map.numDimensions() > (hasChannels ? 3 : 2) ? (int) map.dimension(map
			.numDimensions() - 1) : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++)
			for (int c = 0; c < channels; c++) {
				float[] pixels = planeArray(map, p * channels + c, w * h);
				if (pixels == null) {
					RandomAccessibleInterval<? extends RealType<?>> slice = map;
					if (planes > 1) slice = Views.hyperSlice(slice, slice.numDimensions() - 1, p);
					if (hasChannels) slice = Views.hyperSlice(slice, 2, c);
					pixels = copy(slice, w * h);
				}
				stack.addSlice(labels == null ? null : labels.get(c), new FloatProcessor(w, h, pixels));
			}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(channels, planes, 1);
		imp.resetDisplayRange();
		return imp;
	}

	/** Plane {@code index} of a float {@link PlanarImg}, to share rather than copy; null otherwise. */
	private static float[] planeArray(final RandomAccessibleInterval<?> map,
		final int index, final int size)
	{
		if (!(map instanceof PlanarImg) || !(((PlanarImg<?, ?>) map).firstElement() instanceof FloatType))
			return null;
		final Object storage = ((PlanarImg<?, ?>) map).getPlane(index).getCurrentStorageArray();
		return storage instanceof float[] && ((float[]) storage).length == size ? (float[]) storage
			: null;
	}

	private static float[] copy(final RandomAccessibleInterval<? extends RealType<?>> slice,
		final int size)
	{
		final float[] pixels = new float[size];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(slice).cursor();
		for (int i = 0; i < size; i++)
			pixels[i] = cursor.next().getRealFloat();
		return pixels;
	}


	/**
	 * An RGB image (one slice per plane) or an 8-bit one of an image of X, Y[, plane] in ARGB colours
	 * or unsigned bytes; any other pixel type goes to {@link #toImagePlus} as one channel.
	 */
	@SuppressWarnings("unchecked")
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<?> image, final String title) {
		final Object type = Views.flatIterable(image).firstElement();
		if (!(type instanceof ARGBType) && !(type instanceof UnsignedByteType))
			return toImagePlus((RandomAccessibleInterval<? extends RealType<?>>) image, 1, null, title);
		final int w = (int) image.dimension(0), h = (int) image.dimension(1);
		final int planes = image.numDimensions() > 2 ? (int) image.dimension(2) : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final RandomAccessibleInterval<?> slice = planes > 1 ? Views.hyperSlice(image, 2, p) : image;
			final Cursor<?> cursor = Views.flatIterable(slice).cursor();
			if (type instanceof ARGBType) {
				final int[] pixels = new int[w * h];
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = ((ARGBType) cursor.next()).get();
				stack.addSlice(new ColorProcessor(w, h, pixels));
			}
			else {
				final byte[] pixels = new byte[w * h];
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = (byte) ((UnsignedByteType) cursor.next()).get();
				stack.addSlice(new ByteProcessor(w, h, pixels));
			}
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.resetDisplayRange();
		return imp;
	}

	/** Writes an ImageJ image as a TIFF atomically (32-bit, 8-bit or RGB as it is); fails with a clear message if the folder is not writable. */
	public static void saveTiff(final ImagePlus imp, final Path file) {
		requireSpace(imp, file);
		AtomicFiles.write(file, "image", temp -> {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(temp.toString()) : saver
				.saveAsTiff(temp.toString());
			if (!ok) throw new IOException("ImageJ could not write the TIFF (disk full?)");
		});
	}

	/**
	 * ImageJ reports a failed write without its cause, so a full disk is told apart beforehand: the
	 * pixels alone must fit in the folder's free space.
	 */
	private static void requireSpace(final ImagePlus imp, final Path file) {
		final long needed = (long) imp.getWidth() * imp.getHeight() * imp.getStackSize() * imp
			.getBytesPerPixel();
		final Path dir = file.toAbsolutePath().getParent();
		final long free;
		try {
			free = Files.getFileStore(dir).getUsableSpace();
		}
		catch (final IOException e) {
			return; // no such folder, or space unknown: the write itself will tell
		}
		if (free < needed) throw new VaeTextureException("cannot write image '" + file + "': it needs " +
			mb(needed) + " MB and folder '" + dir + "' has " + mb(free) +
			" MB free; free some space or choose another folder");
	}

	private static String mb(final long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
	}
}
